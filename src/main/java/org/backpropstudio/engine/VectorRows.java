package org.backpropstudio.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MatrixKernels}' row kernel written with the Vector API (the incubating module
 * {@code jdk.incubator.vector}), used only when the JVM was started with {@code --add-modules
 * jdk.incubator.vector}: a classpath application cannot add the module itself.
 *
 * <p>It keeps a tile of C of 4 rows × 2 vectors in registers while it runs down the whole depth,
 * so each entry still gets its terms in order p = 0, 1, 2, … with one rounding per multiply
 * ({@code x.mul(b)}) and one per add: no fused multiply-add. Its results are the plain loops'
 * to the last bit; {@code MatrixKernelsTest} checks both against each other.
 *
 * <p>On the 256×256×256 product of W3 (2 cores, AVX-512, Java 17.0.15), a stand-alone prototype of
 * this tile ran at 28–29 GFLOP/s on one core and 52–53 on two; through {@link MatrixKernels}, on
 * two cores, the three products ran at 48–58, against 12–16 for the plain loops.
 */
final class VectorRows implements MatrixKernels.RowKernel {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Columns per tile: two vectors. */
    private static final int WIDTH = 2 * SPECIES.length();

    @Override
    public String name() {
        return "Vector API, " + SPECIES.length() + " doubles per vector";
    }

    /**
     * Products two vectors wide or more; and from one vector wide (the digits' last layer, 10 wide
     * with 8 doubles a vector: a tile of one vector) those of {@link #NARROW_WORK} multiply-adds or
     * more. Tiny ones stay in the plain loops: there the Vector API's set-up costs more than it
     * saves, and until the JIT compiles it (a short run's few hundred calls) it allocates.
     */
    @Override
    public boolean takes(int rows, int depth, int n) {
        return n >= WIDTH || n >= SPECIES.length() && (long) rows * depth * n >= NARROW_WORK;
    }

    /** Multiply-adds from which a product narrower than two vectors takes the vector kernel. */
    static final long NARROW_WORK = 1L << 15;

    /**
     * {@code C[i] += A[i]·B} for rows {@code from ≤ i < to}, as {@link MatrixKernels#accumulateRows}.
     *
     * @param a A (· × depth): A[i][p] = a[i·aRow + p·aCol]. Not modified.
     * @param b B (depth × n), row-major. Not modified.
     * @param c C (· × n), row-major. Rows from..to-1 modified.
     */
    @Override
    public void accumulateRows(double[] a, int aRow, int aCol, double[] b, double[] c, int depth, int n, int from,
            int to) {
        int half = SPECIES.length();
        int i = from;
        for (; i + 3 < to; i += 4) {
            int a0 = i * aRow;
            int a1 = a0 + aRow;
            int a2 = a1 + aRow;
            int a3 = a2 + aRow;
            int c0 = i * n;
            int c1 = c0 + n;
            int c2 = c1 + n;
            int c3 = c2 + n;
            int j = 0;
            if (WIDE_TILES) {
                for (; j + 2 * WIDTH <= n; j += 2 * WIDTH) {
                    tile4x4(a, a0, aRow, aCol, b, c, c0, j, depth, n);
                }
            }
            for (; j + WIDTH <= n; j += WIDTH) {
                // the tile C[i..i+3][j..j+WIDTH-1], in registers: 4 rows × 2 vectors
                DoubleVector t00 = DoubleVector.fromArray(SPECIES, c, c0 + j);
                DoubleVector t01 = DoubleVector.fromArray(SPECIES, c, c0 + j + half);
                DoubleVector t10 = DoubleVector.fromArray(SPECIES, c, c1 + j);
                DoubleVector t11 = DoubleVector.fromArray(SPECIES, c, c1 + j + half);
                DoubleVector t20 = DoubleVector.fromArray(SPECIES, c, c2 + j);
                DoubleVector t21 = DoubleVector.fromArray(SPECIES, c, c2 + j + half);
                DoubleVector t30 = DoubleVector.fromArray(SPECIES, c, c3 + j);
                DoubleVector t31 = DoubleVector.fromArray(SPECIES, c, c3 + j + half);
                for (int p = 0; p < depth; p++) {
                    // tile += A[i..i+3][p] · B[p][j..j+WIDTH-1]
                    DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, p * n + j);
                    DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, p * n + j + half);
                    int ap = p * aCol;
                    DoubleVector x = DoubleVector.broadcast(SPECIES, a[a0 + ap]);
                    t00 = t00.add(x.mul(b0));
                    t01 = t01.add(x.mul(b1));
                    x = DoubleVector.broadcast(SPECIES, a[a1 + ap]);
                    t10 = t10.add(x.mul(b0));
                    t11 = t11.add(x.mul(b1));
                    x = DoubleVector.broadcast(SPECIES, a[a2 + ap]);
                    t20 = t20.add(x.mul(b0));
                    t21 = t21.add(x.mul(b1));
                    x = DoubleVector.broadcast(SPECIES, a[a3 + ap]);
                    t30 = t30.add(x.mul(b0));
                    t31 = t31.add(x.mul(b1));
                }
                t00.intoArray(c, c0 + j);
                t01.intoArray(c, c0 + j + half);
                t10.intoArray(c, c1 + j);
                t11.intoArray(c, c1 + j + half);
                t20.intoArray(c, c2 + j);
                t21.intoArray(c, c2 + j + half);
                t30.intoArray(c, c3 + j);
                t31.intoArray(c, c3 + j + half);
            }
            if (j + half <= n) {
                tile4x1(a, a0, aRow, aCol, b, c, c0, j, depth, n);
                j += half;
            }
            for (int r = i; r < i + 4; r++) {
                scalarColumns(a, r * aRow, aCol, b, c, r * n, depth, n, j);
            }
        }
        for (; i < to; i++) {
            int aStart = i * aRow;
            int cRow = i * n;
            int j = 0;
            for (; j + WIDTH <= n; j += WIDTH) {
                DoubleVector t0 = DoubleVector.fromArray(SPECIES, c, cRow + j);
                DoubleVector t1 = DoubleVector.fromArray(SPECIES, c, cRow + j + half);
                for (int p = 0; p < depth; p++) {
                    DoubleVector x = DoubleVector.broadcast(SPECIES, a[aStart + p * aCol]);
                    t0 = t0.add(x.mul(DoubleVector.fromArray(SPECIES, b, p * n + j)));
                    t1 = t1.add(x.mul(DoubleVector.fromArray(SPECIES, b, p * n + j + half)));
                }
                t0.intoArray(c, cRow + j);
                t1.intoArray(c, cRow + j + half);
            }
            if (j + half <= n) {
                DoubleVector t = DoubleVector.fromArray(SPECIES, c, cRow + j);
                for (int p = 0; p < depth; p++) {
                    t = t.add(DoubleVector.broadcast(SPECIES, a[aStart + p * aCol])
                            .mul(DoubleVector.fromArray(SPECIES, b, p * n + j)));
                }
                t.intoArray(c, cRow + j);
                j += half;
            }
            scalarColumns(a, aStart, aCol, b, c, cRow, depth, n, j);
        }
    }

    /** The tile C[i..i+3][j..j+v−1] in registers, 4 rows × 1 vector: what is left of a row narrower than two. */
    private static void tile4x1(double[] a, int a0, int aRow, int aCol, double[] b, double[] c, int c0, int j,
            int depth, int n) {
        DoubleVector t0 = DoubleVector.fromArray(SPECIES, c, c0 + j);
        DoubleVector t1 = DoubleVector.fromArray(SPECIES, c, c0 + n + j);
        DoubleVector t2 = DoubleVector.fromArray(SPECIES, c, c0 + 2 * n + j);
        DoubleVector t3 = DoubleVector.fromArray(SPECIES, c, c0 + 3 * n + j);
        for (int p = 0; p < depth; p++) {
            // tile += A[i..i+3][p] · B[p][j..j+v-1]
            DoubleVector bp = DoubleVector.fromArray(SPECIES, b, p * n + j);
            int ap = a0 + p * aCol;
            t0 = t0.add(DoubleVector.broadcast(SPECIES, a[ap]).mul(bp));
            t1 = t1.add(DoubleVector.broadcast(SPECIES, a[ap + aRow]).mul(bp));
            t2 = t2.add(DoubleVector.broadcast(SPECIES, a[ap + 2 * aRow]).mul(bp));
            t3 = t3.add(DoubleVector.broadcast(SPECIES, a[ap + 3 * aRow]).mul(bp));
        }
        t0.intoArray(c, c0 + j);
        t1.intoArray(c, c0 + n + j);
        t2.intoArray(c, c0 + 2 * n + j);
        t3.intoArray(c, c0 + 3 * n + j);
    }

    /**
     * {@code C[r] += A[r]·B} for rows {@code from ≤ r < to} over A's nonzeros, as {@link
     * SparseRows#accumulateRows}: a row's columns in tiles of 8, 4 or 1 vectors held in registers
     * while the row's nonzeros go by, each entry's terms in order of p.
     *
     * @param b B (depth × n), row-major. Not modified.
     * @param c C (· × n), row-major. Rows from..to-1 modified.
     */
    @Override
    public void accumulateSparse(SparseRows a, double[] b, double[] c, int n, int from, int to) {
        for (int r = from; r < to; r++) {
            sparseRow(a, a.start[r], a.end[r], b, c, r * n, n);
        }
    }

    /**
     * {@code C[r] += Σ_q value[q]·B[column[q]]} for {@code first ≤ q < end}, with C[r] at {@code cRow}:
     * its columns in tiles of 8, then 4, then 1 vector, then one at a time. Each tile is a method of
     * its own: in one method the JIT stopped inlining the Vector API's calls part way (the method
     * grew too large) and the rest ran as boxed objects, a fifth of the digit workload's time.
     */
    private static void sparseRow(SparseRows a, int first, int end, double[] b, double[] c, int cRow, int n) {
        int v = SPECIES.length();
        int j = 0;
        for (; j + 8 * v <= n; j += 8 * v) {
            sparseTile8(a.column, a.value, first, end, b, c, cRow + j, j, n);
        }
        for (; j + 4 * v <= n; j += 4 * v) {
            sparseTile4(a.column, a.value, first, end, b, c, cRow + j, j, n);
        }
        for (; j + v <= n; j += v) {
            DoubleVector t = DoubleVector.fromArray(SPECIES, c, cRow + j);
            for (int q = first; q < end; q++) {
                t = t.add(DoubleVector.broadcast(SPECIES, a.value[q])
                        .mul(DoubleVector.fromArray(SPECIES, b, a.column[q] * n + j)));
            }
            t.intoArray(c, cRow + j);
        }
        for (; j < n; j++) {
            double sum = c[cRow + j];
            for (int q = first; q < end; q++) {
                sum += a.value[q] * b[a.column[q] * n + j];
            }
            c[cRow + j] = sum;
        }
    }

    /** C[at … at+8v−1] += Σ_q value[q]·B[column[q]][j … j+8v−1], in registers. */
    private static void sparseTile8(int[] column, double[] value, int first, int end, double[] b, double[] c, int at,
            int j, int n) {
        int v = SPECIES.length();
        DoubleVector t0 = DoubleVector.fromArray(SPECIES, c, at);
        DoubleVector t1 = DoubleVector.fromArray(SPECIES, c, at + v);
        DoubleVector t2 = DoubleVector.fromArray(SPECIES, c, at + 2 * v);
        DoubleVector t3 = DoubleVector.fromArray(SPECIES, c, at + 3 * v);
        DoubleVector t4 = DoubleVector.fromArray(SPECIES, c, at + 4 * v);
        DoubleVector t5 = DoubleVector.fromArray(SPECIES, c, at + 5 * v);
        DoubleVector t6 = DoubleVector.fromArray(SPECIES, c, at + 6 * v);
        DoubleVector t7 = DoubleVector.fromArray(SPECIES, c, at + 7 * v);
        for (int q = first; q < end; q++) {
            // tile += A[r][p] · B[p][j..j+8v-1]   with p = column[q]
            DoubleVector x = DoubleVector.broadcast(SPECIES, value[q]);
            int bAt = column[q] * n + j;
            t0 = t0.add(x.mul(DoubleVector.fromArray(SPECIES, b, bAt)));
            t1 = t1.add(x.mul(DoubleVector.fromArray(SPECIES, b, bAt + v)));
            t2 = t2.add(x.mul(DoubleVector.fromArray(SPECIES, b, bAt + 2 * v)));
            t3 = t3.add(x.mul(DoubleVector.fromArray(SPECIES, b, bAt + 3 * v)));
            t4 = t4.add(x.mul(DoubleVector.fromArray(SPECIES, b, bAt + 4 * v)));
            t5 = t5.add(x.mul(DoubleVector.fromArray(SPECIES, b, bAt + 5 * v)));
            t6 = t6.add(x.mul(DoubleVector.fromArray(SPECIES, b, bAt + 6 * v)));
            t7 = t7.add(x.mul(DoubleVector.fromArray(SPECIES, b, bAt + 7 * v)));
        }
        t0.intoArray(c, at);
        t1.intoArray(c, at + v);
        t2.intoArray(c, at + 2 * v);
        t3.intoArray(c, at + 3 * v);
        t4.intoArray(c, at + 4 * v);
        t5.intoArray(c, at + 5 * v);
        t6.intoArray(c, at + 6 * v);
        t7.intoArray(c, at + 7 * v);
    }

    /** C[at … at+4v−1] += Σ_q value[q]·B[column[q]][j … j+4v−1], in registers. */
    private static void sparseTile4(int[] column, double[] value, int first, int end, double[] b, double[] c, int at,
            int j, int n) {
        int v = SPECIES.length();
        DoubleVector t0 = DoubleVector.fromArray(SPECIES, c, at);
        DoubleVector t1 = DoubleVector.fromArray(SPECIES, c, at + v);
        DoubleVector t2 = DoubleVector.fromArray(SPECIES, c, at + 2 * v);
        DoubleVector t3 = DoubleVector.fromArray(SPECIES, c, at + 3 * v);
        for (int q = first; q < end; q++) {
            DoubleVector x = DoubleVector.broadcast(SPECIES, value[q]);
            int bAt = column[q] * n + j;
            t0 = t0.add(x.mul(DoubleVector.fromArray(SPECIES, b, bAt)));
            t1 = t1.add(x.mul(DoubleVector.fromArray(SPECIES, b, bAt + v)));
            t2 = t2.add(x.mul(DoubleVector.fromArray(SPECIES, b, bAt + 2 * v)));
            t3 = t3.add(x.mul(DoubleVector.fromArray(SPECIES, b, bAt + 3 * v)));
        }
        t0.intoArray(c, at);
        t1.intoArray(c, at + v);
        t2.intoArray(c, at + 2 * v);
        t3.intoArray(c, at + 3 * v);
    }

    /** True when none of the first {@code length} entries is infinite or NaN: 0·x is then 0 for each. */
    @Override
    public boolean allFinite(double[] b, int length) {
        DoubleVector zero = DoubleVector.zero(SPECIES);
        DoubleVector products = zero;
        int q = 0;
        for (; q + SPECIES.length() <= length; q += SPECIES.length()) {
            // 0·x is NaN exactly when x is infinite or NaN, and a NaN stays in the sum
            products = products.add(DoubleVector.fromArray(SPECIES, b, q).mul(zero));
        }
        // a NaN is the one value not equal to itself
        return !products.compare(jdk.incubator.vector.VectorOperators.NE, products).anyTrue()
                && SparseRows.allFinite(b, q, length);
    }

    /**
     * Tiles of 4 rows × 4 vectors where the machine has 32 vector registers (AVX-512: 16 hold the
     * tile, 4 a row of B, 1 the broadcast A[i][p]); with 16 (AVX2) the 4 × 2 tile is the largest
     * that fits. A larger tile spends its loads, index arithmetic and bounds checks on twice the
     * multiply-adds: W3 on one AVX-512 core ran at 29.4 GFLOP/s against 23.0 (medians of 5 alternating
     * JVMs).
     */
    private static final boolean WIDE_TILES = SPECIES.length() >= 8;

    /**
     * The tile C[i..i+3][j..j+4v−1] += A[i..i+3][·]·B[·][j..j+4v−1] in registers, each entry's terms
     * in order of p.
     *
     * @param a0 where A's row i begins; its rows are aRow apart
     * @param c0 where C's row i begins; its rows are n apart
     */
    private static void tile4x4(double[] a, int a0, int aRow, int aCol, double[] b, double[] c, int c0, int j,
            int depth, int n) {
        int v = SPECIES.length();
        int a1 = a0 + aRow;
        int a2 = a1 + aRow;
        int a3 = a2 + aRow;
        int r0 = c0 + j;
        int r1 = r0 + n;
        int r2 = r1 + n;
        int r3 = r2 + n;
        DoubleVector t00 = DoubleVector.fromArray(SPECIES, c, r0);
        DoubleVector t01 = DoubleVector.fromArray(SPECIES, c, r0 + v);
        DoubleVector t02 = DoubleVector.fromArray(SPECIES, c, r0 + 2 * v);
        DoubleVector t03 = DoubleVector.fromArray(SPECIES, c, r0 + 3 * v);
        DoubleVector t10 = DoubleVector.fromArray(SPECIES, c, r1);
        DoubleVector t11 = DoubleVector.fromArray(SPECIES, c, r1 + v);
        DoubleVector t12 = DoubleVector.fromArray(SPECIES, c, r1 + 2 * v);
        DoubleVector t13 = DoubleVector.fromArray(SPECIES, c, r1 + 3 * v);
        DoubleVector t20 = DoubleVector.fromArray(SPECIES, c, r2);
        DoubleVector t21 = DoubleVector.fromArray(SPECIES, c, r2 + v);
        DoubleVector t22 = DoubleVector.fromArray(SPECIES, c, r2 + 2 * v);
        DoubleVector t23 = DoubleVector.fromArray(SPECIES, c, r2 + 3 * v);
        DoubleVector t30 = DoubleVector.fromArray(SPECIES, c, r3);
        DoubleVector t31 = DoubleVector.fromArray(SPECIES, c, r3 + v);
        DoubleVector t32 = DoubleVector.fromArray(SPECIES, c, r3 + 2 * v);
        DoubleVector t33 = DoubleVector.fromArray(SPECIES, c, r3 + 3 * v);
        for (int p = 0; p < depth; p++) {
            int bp = p * n + j;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bp);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bp + v);
            DoubleVector b2 = DoubleVector.fromArray(SPECIES, b, bp + 2 * v);
            DoubleVector b3 = DoubleVector.fromArray(SPECIES, b, bp + 3 * v);
            int ap = p * aCol;
            DoubleVector x = DoubleVector.broadcast(SPECIES, a[a0 + ap]);
            t00 = t00.add(x.mul(b0));
            t01 = t01.add(x.mul(b1));
            t02 = t02.add(x.mul(b2));
            t03 = t03.add(x.mul(b3));
            x = DoubleVector.broadcast(SPECIES, a[a1 + ap]);
            t10 = t10.add(x.mul(b0));
            t11 = t11.add(x.mul(b1));
            t12 = t12.add(x.mul(b2));
            t13 = t13.add(x.mul(b3));
            x = DoubleVector.broadcast(SPECIES, a[a2 + ap]);
            t20 = t20.add(x.mul(b0));
            t21 = t21.add(x.mul(b1));
            t22 = t22.add(x.mul(b2));
            t23 = t23.add(x.mul(b3));
            x = DoubleVector.broadcast(SPECIES, a[a3 + ap]);
            t30 = t30.add(x.mul(b0));
            t31 = t31.add(x.mul(b1));
            t32 = t32.add(x.mul(b2));
            t33 = t33.add(x.mul(b3));
        }
        t00.intoArray(c, r0);
        t01.intoArray(c, r0 + v);
        t02.intoArray(c, r0 + 2 * v);
        t03.intoArray(c, r0 + 3 * v);
        t10.intoArray(c, r1);
        t11.intoArray(c, r1 + v);
        t12.intoArray(c, r1 + 2 * v);
        t13.intoArray(c, r1 + 3 * v);
        t20.intoArray(c, r2);
        t21.intoArray(c, r2 + v);
        t22.intoArray(c, r2 + 2 * v);
        t23.intoArray(c, r2 + 3 * v);
        t30.intoArray(c, r3);
        t31.intoArray(c, r3 + v);
        t32.intoArray(c, r3 + 2 * v);
        t33.intoArray(c, r3 + 3 * v);
    }

    /** The columns {@code j ≥ from} of one row that do not fill a tile, one entry at a time, in the same order. */
    private static void scalarColumns(double[] a, int aStart, int aCol, double[] b, double[] c, int cRow, int depth,
            int n, int from) {
        for (int j = from; j < n; j++) {
            double sum = c[cRow + j];
            for (int p = 0; p < depth; p++) {
                sum += a[aStart + p * aCol] * b[p * n + j];
            }
            c[cRow + j] = sum;
        }
    }
}
