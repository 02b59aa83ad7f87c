package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatrixKernelsTest {

    /**
     * m, k, n: 1×1, batch 1, odd sizes, depths that are not a multiple of the unrolling (4) or the
     * tile (16), a B wider than two tiles (1100 columns), and sizes past the split between cores
     * (130³ and 256³ are over {@link MatrixKernels#PARALLEL_WORK}).
     *
     * <p>Every path sums each entry's terms in order from its starting value, one rounding per
     * multiply and per add, as the naive loops do: the results must agree to the last bit.
     */
    @ParameterizedTest
    @CsvSource({"1,1,1", "1,10,10", "1,1,10", "10,1,1", "7,3,5", "32,64,64", "33,17,65", "3,37,1100",
            "130,130,130", "256,256,256", "300,129,70", "200,32,10", "37,20,13", "9,40,24"})
    void productsAgreeWithNaiveLoopsToTheLastBit(int m, int k, int n) {
        assertThat(MatrixKernels.PARALLEL_WORK).isBetween(1L << 20, 130L * 130 * 130);
        Random random = new Random(m * 1000L + k * 10L + n);
        DMatrixRMaj a = Naive.random(m, k, random);
        DMatrixRMaj b = Naive.random(k, n, random);
        DMatrixRMaj bias = Naive.random(1, n, random);
        DMatrixRMaj c = new DMatrixRMaj(1, 1);

        MatrixKernels.multiplyAddRow(a, b, null, c);
        assertSameBits(c, Naive.multiply(a, b));

        // with a bias, the sum starts from it: C[i][j] = (…(b[j] + A[i][0]·B[0][j]) + …)
        MatrixKernels.multiplyAddRow(a, b, bias, c);
        DMatrixRMaj expected = new DMatrixRMaj(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = bias.get(0, j);
                for (int p = 0; p < k; p++) {
                    s += a.get(i, p) * b.get(p, j);
                }
                expected.set(i, j, s);
            }
        }
        assertSameBits(c, expected);

        // Aᵀ·B with A (m × k), B (m × n)
        DMatrixRMaj b2 = Naive.random(m, n, random);
        MatrixKernels.multiplyTransA(a, b2, c);
        assertSameBits(c, Naive.multiply(Naive.transpose(a), b2));

        // A·Bᵀ with A (m × k), B (n × k), by dot products and through Bᵀ formed in a work matrix
        DMatrixRMaj b3 = Naive.random(n, k, random);
        MatrixKernels.multiplyTransB(a, b3, c);
        assertSameBits(c, Naive.multiply(a, Naive.transpose(b3)));
        MatrixKernels.multiplyTransB(a, b3, c, new DMatrixRMaj(1, 1));
        assertSameBits(c, Naive.multiply(a, Naive.transpose(b3)));
    }

    private static void assertSameBits(DMatrixRMaj actual, DMatrixRMaj expected) {
        assertThat(actual.numRows).isEqualTo(expected.numRows);
        assertThat(actual.numCols).isEqualTo(expected.numCols);
        int size = expected.numRows * expected.numCols;
        assertThat(Arrays.copyOf(actual.data, size)).containsExactly(Arrays.copyOf(expected.data, size));
    }

    /**
     * The build starts the test JVM with {@code --add-modules jdk.incubator.vector}, so the products
     * above ran on {@link VectorRows}; here the plain loops and the vector kernel are run side by
     * side on the same inputs, over shapes that leave partial tiles of rows and columns, with A read
     * directly and transposed.
     */
    @Test
    void vectorKernelGivesThePlainLoopsBitsOnEveryShape() {
        assertThat(MatrixKernels.vectorized()).as("products on the Vector API in the test JVM (pom.xml argLine)")
                .isTrue();
        VectorRows vector = new VectorRows();
        Random random = new Random(11);
        int[] sizes = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 70};
        for (int trial = 0; trial < 400; trial++) {
            int rows = sizes[random.nextInt(sizes.length)];
            int depth = sizes[random.nextInt(sizes.length)];
            int n = sizes[random.nextInt(sizes.length)];
            boolean transposed = random.nextBoolean();
            // A (rows × depth) read as a[i·aRow + p·aCol]: row-major, or the transpose of a (depth × rows) matrix
            int aRow = transposed ? 1 : depth;
            int aCol = transposed ? rows : 1;
            double[] a = random.doubles(rows * depth, -2, 2).toArray();
            double[] b = random.doubles(depth * n, -2, 2).toArray();
            double[] start = random.doubles(rows * n, -1, 1).toArray();
            int from = random.nextInt(rows);
            double[] plain = start.clone();
            double[] vectorized = start.clone();
            MatrixKernels.accumulateRows(a, aRow, aCol, b, plain, depth, n, from, rows);
            vector.accumulateRows(a, aRow, aCol, b, vectorized, depth, n, from, rows);
            assertThat(vectorized).as("rows %d..%d of (%d × %d)·(%d × %d)%s", from, rows, rows, depth, depth, n,
                    transposed ? ", A transposed" : "").containsExactly(plain);
        }
    }

    /**
     * Work done once while a window waits for it (a service's first snapshot) can ask for the plain
     * loops on its own thread: the Vector API's code is slow until the JIT has compiled it. Other
     * threads keep the vector kernel, and the bits are the same, with A's zeros left out or not.
     */
    @Test
    void thePlainLoopsCanBeAskedForOnOneThreadWithTheSameBits() throws Exception {
        Random random = new Random(5);
        for (double zeroShare : new double[] {0, 0.8}) {
            // A (40 × 300), a share of its entries zero, as a digit's pixels are; B (300 × 64)
            double[] values = random.doubles(40 * 300, -1, 1).toArray();
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextDouble() < zeroShare ? 0 : values[i];
            }
            DMatrixRMaj a = new DMatrixRMaj(40, 300, true, values);
            DMatrixRMaj b = new DMatrixRMaj(300, 64, true, random.doubles(300 * 64, -1, 1).toArray());
            DMatrixRMaj onVectors = new DMatrixRMaj(1, 1);
            MatrixKernels.multiplyAddRow(a, b, null, onVectors);
            DMatrixRMaj onPlainLoops = new DMatrixRMaj(1, 1);
            boolean[] seen = new boolean[2];
            MatrixKernels.onPlainLoops(() -> {
                MatrixKernels.multiplyAddRow(a, b, null, onPlainLoops);
                seen[0] = MatrixKernels.vectorized();
                Thread other = new Thread(() -> seen[1] = MatrixKernels.vectorized());
                other.start();
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(seen[0]).as("on the thread that asked").isFalse();
            assertThat(seen[1]).as("on another thread meanwhile").isTrue();
            assertThat(MatrixKernels.vectorized()).as("once the work is done").isTrue();
            assertSameBits(onPlainLoops, onVectors);
        }
    }

    /**
     * A's zeros are left out of the products ({@link SparseRows}) only where that changes no bit.
     * Over A with zeros of both signs (shares over and under {@link SparseRows#MIN_ZERO_SHARE}),
     * with B holding an infinity or a NaN (0·∞ is NaN, so those terms must stay), with a bias of −0
     * (−0 + +0 is +0), through A directly and transposed, through nonzeros gathered by the product,
     * kept for Aᵀ·B and gathered from a data set's: always the naive loops' bits.
     */
    @ParameterizedTest
    @CsvSource({"64,784,64,0.8", "200,64,32,0.7", "37,70,33,0.65", "64,40,16,0.9", "48,48,48,0.0", "256,50,20,0.9",
        "128,96,40,0.5"})
    void productsLeaveOutZerosOnlyWhereNoBitChanges(int m, int k, int n, double zeroShare) {
        Random random = new Random(m * 7L + k * 3L + n);
        for (String variant : new String[] {"finite", "infinity in B", "NaN in B", "-0 in the bias"}) {
            DMatrixRMaj a = Naive.random(m, k, random);
            for (int q = 0; q < a.data.length; q++) {
                if (random.nextDouble() < zeroShare) {
                    a.data[q] = random.nextBoolean() ? 0.0 : -0.0;
                }
            }
            DMatrixRMaj b = Naive.random(k, n, random);
            DMatrixRMaj bias = Naive.random(1, n, random);
            DMatrixRMaj dz = Naive.random(m, n, random);
            switch (variant) {
                case "infinity in B" -> {
                    b.data[random.nextInt(b.data.length)] = Double.POSITIVE_INFINITY;
                    dz.data[random.nextInt(dz.data.length)] = Double.NEGATIVE_INFINITY;
                }
                case "NaN in B" -> {
                    b.data[random.nextInt(b.data.length)] = Double.NaN;
                    dz.data[random.nextInt(dz.data.length)] = Double.NaN;
                }
                case "-0 in the bias" -> {
                    bias.data[0] = -0.0;
                    // a column of B that gives only zero terms, so that entry's sum stays at its start
                    for (int p = 0; p < k; p++) {
                        b.data[p * n] = 0.0;
                    }
                }
                default -> { }
            }
            String what = String.format("(%d × %d)·(%d × %d), %.0f %% zeros, %s", m, k, k, n, 100 * zeroShare, variant);

            DMatrixRMaj c = new DMatrixRMaj(1, 1);
            SparseRows kept = new SparseRows();
            MatrixKernels.multiplyAddRow(a, b, bias, c, kept);
            assertSameBits(c, withBias(a, b, bias), what);
            MatrixKernels.multiplyTransA(a, dz, c, kept);
            assertSameBits(c, Naive.multiply(Naive.transpose(a), dz), what + ", Aᵀ·B from the kept nonzeros");
            MatrixKernels.multiplyTransA(a, dz, c);
            assertSameBits(c, Naive.multiply(Naive.transpose(a), dz), what + ", Aᵀ·B");

            // the rows of a data set, gathered as a batch from the set's nonzeros, which stand for the
            // batch's array unwritten (garbage here): a dense kernel must write it from them first
            SparseRows all = SparseRows.ofInputs(a);
            if (all != null) {
                int[] rowOf = random.ints(m, 0, m).toArray();
                DMatrixRMaj batch = new DMatrixRMaj(m, k);
                for (int r = 0; r < m; r++) {
                    System.arraycopy(a.data, rowOf[r] * k, batch.data, r * k, k);
                }
                DMatrixRMaj unwritten = new DMatrixRMaj(m, k);
                java.util.Arrays.fill(unwritten.data, Double.NaN);
                SparseRows gathered = new SparseRows();
                gathered.gather(all, rowOf, 0, m, unwritten.data, k);
                MatrixKernels.multiplyAddRow(unwritten, b, bias, c, gathered);
                assertSameBits(c, withBias(batch, b, bias), what + ", a batch gathered from a data set's nonzeros");
                MatrixKernels.multiplyTransA(unwritten, dz, c, gathered);
                assertSameBits(c, Naive.multiply(Naive.transpose(batch), dz), what + ", and its Aᵀ·B");
                gathered.forget();
                assertSameBits(unwritten, batch, what + ", the batch written from its nonzeros");
            }
        }
    }

    /**
     * A matrix that passes the glance but has too few zeros (a ReLU layer's outputs, about half) is
     * counted, not gathered, and remembered as dense until forgotten: its Aᵀ·B then takes it as
     * dense without counting it again.
     */
    @Test
    void aMatrixFoundTooDenseIsRememberedUntilForgotten() {
        Random random = new Random(5);
        DMatrixRMaj half = Naive.random(128, 96, random);
        DMatrixRMaj most = Naive.random(128, 96, random);
        for (int q = 0; q < half.data.length; q++) {
            if (q % 2 == 0) {
                half.data[q] = 0.0;
            }
            if (q % 5 != 0) {
                most.data[q] = 0.0;
            }
        }
        SparseRows rows = new SparseRows();
        assertThat(rows.collect(half.data, 128, 96)).isFalse();
        assertThat(rows.knownDense(half.data, 128, 96)).isTrue();
        assertThat(rows.knownDense(half.data, 96, 128)).as("another shape").isFalse();
        assertThat(rows.knownDense(most.data, 128, 96)).as("another array").isFalse();
        assertThat(rows.holds(half.data, 128, 96)).isFalse();
        rows.forget();
        assertThat(rows.knownDense(half.data, 128, 96)).isFalse();

        assertThat(rows.collect(most.data, 128, 96)).isTrue();
        assertThat(rows.knownDense(most.data, 128, 96)).isFalse();
        assertThat(rows.count(128)).isEqualTo(128 * 96 / 5 + 1);
        assertThat(rows.collect(half.data, 128, 96)).as("a new collect forgets what the last found").isFalse();
        assertThat(rows.holds(most.data, 128, 96)).isFalse();
    }

    /** C[i][j] = (…(bias[j] + A[i][0]·B[0][j]) + …), naively. */
    private static DMatrixRMaj withBias(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj bias) {
        DMatrixRMaj expected = new DMatrixRMaj(a.numRows, b.numCols);
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < b.numCols; j++) {
                double s = bias.get(0, j);
                for (int p = 0; p < a.numCols; p++) {
                    s += a.get(i, p) * b.get(p, j);
                }
                expected.set(i, j, s);
            }
        }
        return expected;
    }

    private static void assertSameBits(DMatrixRMaj actual, DMatrixRMaj expected, String what) {
        int size = expected.numRows * expected.numCols;
        assertThat(actual.numRows).as(what).isEqualTo(expected.numRows);
        long[] got = new long[size];
        long[] want = new long[size];
        for (int q = 0; q < size; q++) {
            got[q] = Double.doubleToRawLongBits(actual.data[q]);
            want[q] = Double.doubleToRawLongBits(expected.data[q]);
        }
        assertThat(got).as(what).containsExactly(want);
    }

    @Test
    void sumRowsAddsEveryRow() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        DMatrixRMaj s = new DMatrixRMaj(1, 1);
        MatrixKernels.sumRows(a, s);
        assertThat(s.numRows).isEqualTo(1);
        assertThat(s.data).startsWith(9, 12);
    }

    /**
     * Whether B may skip A's zeros turns on one infinity or NaN anywhere in it: the vector kernel's
     * look (four sums at a time, then single vectors, then a scalar tail) finds one at every place,
     * in every length, as the plain loop does.
     */
    @Test
    void theVectorLookFindsAnInfinityOrNaNWhereverItIs() {
        VectorRows vector = new VectorRows();
        for (int length = 0; length <= 80; length++) {
            double[] b = new Random(length).doubles(length + 3, -2, 2).toArray();
            assertThat(vector.allFinite(b, length)).as("all finite, length %d", length).isTrue();
            for (int at = 0; at < length; at++) {
                for (double bad : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN}) {
                    double[] c = b.clone();
                    c[at] = bad;
                    assertThat(vector.allFinite(c, length)).as("%s at %d of %d", bad, at, length).isFalse();
                    assertThat(SparseRows.allFinite(c, 0, length)).isFalse();
                }
            }
            // past the length it does not look
            double[] c = b.clone();
            c[length] = Double.NaN;
            assertThat(vector.allFinite(c, length)).isTrue();
        }
    }

    @Test
    void mismatchedShapesAreNamed() {
        assertThatThrownBy(() -> MatrixKernels.multiplyAddRow(new DMatrixRMaj(2, 3), new DMatrixRMaj(4, 5), null,
                new DMatrixRMaj(1, 1))).hasMessageContaining("A is (2 × 3), B is (4 × 5)");
    }
}
