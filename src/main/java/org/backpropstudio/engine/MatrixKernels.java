package org.backpropstudio.engine;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * The three products a dense layer needs, on EJML row-major matrices, written here over the
 * matrices' arrays rather than taken from EJML.
 *
 * <p>Every product runs in the order {@code C[i][j] = (…((c₀ + A[i][0]·B[0][j]) + A[i][1]·B[1][j])
 * + …)}, one rounding per multiply and per add, whatever its size. So a result does not depend on
 * the path taken, and a per-sample step rounds exactly as a batch of one.
 *
 * <ul>
 *   <li>Tiny shapes (a dimension of 1: the per-sample path of the tutorials' 1-10-10-1 network) run
 *       as dot and outer products. EJML's general entry points check and reshape on every call,
 *       which costs more than the arithmetic at these sizes.
 *   <li>Everything else runs the blocked row kernel {@link #accumulateRows}: four terms of the sum
 *       per pass over a row of C, over tiles of {@link #TILE_K} rows and {@link #TILE_N} columns of
 *       B that stay in the L1 cache. The JIT vectorizes its inner loop.
 *   <li>When the JVM was started with {@code --add-modules jdk.incubator.vector}, products at
 *       least two vectors wide run {@link VectorRows} instead, which keeps a tile of C in
 *       registers and sums in the same order: the same bits, about three times as fast.
 *       {@code -Dbackprop.kernels=plain} turns it off, to compare; {@link #onPlainLoops} turns it
 *       off for one thread's work done once, before the JIT has compiled it.
 *   <li>When at least {@link SparseRows#MIN_ZERO_SHARE} of A's entries are zero (a digit's
 *       pixels), and leaving their terms out changes no bit, only A's nonzeros are multiplied
 *       ({@link SparseRows}); a layer's ∂L/∂W = Xᵀ·dZ reuses the nonzeros its forward pass found.
 *   <li>From {@link #PARALLEL_WORK} multiply-adds on, C's rows are split between the cores
 *       ({@link RowTasks}); each row is still summed by one thread in the same order.
 * </ul>
 *
 * <p>Measured on the 256×256×256 product of W3 (2 cores, AVX-512, Java 17): EJML's
 * {@code CommonOps_MT_DDRM.mult} 5–6 GFLOP/s; the one-term row loop 2.8 on one core; this kernel
 * about 8 on one core and 16 on two. The tile sizes were chosen from 5 pairs on that product.
 *
 * <p>Every output is reshaped to its result shape without reallocating when its array is large
 * enough, so once the matrices have seen their largest batch a training step allocates nothing
 * (products large enough to be split allocate their few tasks).
 */
public final class MatrixKernels {

    /**
     * Multiply-adds (m·k·n) from which a product's rows are split between the cores: at 2²¹ (a
     * 128³ product, about 0.3 ms) handing half to another thread costs little beside the work.
     */
    static final long PARALLEL_WORK = 1L << 21;

    /**
     * Multiply-adds over A's nonzeros (nonzeros·n) from which their rows are split between the
     * cores: lower than {@link #PARALLEL_WORK}, since a term left out costs nothing to split.
     */
    static final long PARALLEL_SPARSE_WORK = 1L << 18;

    /**
     * Multiply-adds (m·k·n) from which A's zeros are looked for ({@link SparseRows}): below, the
     * look costs more than it can save.
     */
    static final long SPARSE_WORK = 1L << 15;

    /** Columns of B from which A's zeros are looked for: each left-out term saves n multiply-adds. */
    static final int SPARSE_MIN_COLUMNS = 16;

    /** Rows of B per tile: four passes of the unrolled loop. */
    static final int TILE_K = 16;

    /**
     * Columns of B per tile when B is wider than twice this: 16 rows × 256 columns × 8 bytes = 32 KiB,
     * inside a 48 KiB L1 cache. Narrower B is not split: the tile is then n itself, which the JIT
     * cannot bound. (With a bound it knows, the inner loop ran 20 % slower: 6.6 against 8.1
     * GFLOP/s on one core, on 256³.)
     */
    static final int TILE_N = 256;

    /** A row kernel {@code C[i] += A[i]·B} other than the plain loops: {@link VectorRows}. */
    interface RowKernel {
        String name();

        /** True when it takes the product C (rows × n) += A (rows × depth) · B; else the plain loops do. */
        boolean takes(int rows, int depth, int n);

        void accumulateRows(double[] a, int aRow, int aCol, double[] b, double[] c, int depth, int n, int from,
                int to);

        /** {@code C[r] += A[r]·B} over A's nonzeros, as {@link SparseRows#accumulateRows}. */
        void accumulateSparse(SparseRows a, double[] b, double[] c, int n, int from, int to);

        /** As {@link SparseRows#allFinite}, over the first {@code length} entries. */
        boolean allFinite(double[] b, int length);
    }

    /** {@link VectorRows} when the JVM has the Vector API module and it is not turned off; else null. */
    private static final RowKernel VECTOR = vectorKernel();

    /** True on a thread inside {@link #onPlainLoops}. */
    private static final ThreadLocal<Boolean> PLAIN_HERE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private MatrixKernels() {
    }

    private static boolean plainAsked() {
        return "plain".equals(System.getProperty("backprop.kernels"));
    }

    private static RowKernel vectorKernel() {
        if (plainAsked() || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return null;
        }
        try {
            return (RowKernel) Class.forName("org.backpropstudio.engine.VectorRows").getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** The vector kernel, unless this thread asked for the plain loops or the JVM has none. */
    private static RowKernel vector() {
        return VECTOR != null && !PLAIN_HERE.get() ? VECTOR : null;
    }

    /**
     * Runs {@code work} with this thread's products on the plain loops, which give the same bits.
     * The Vector API's code is slow until the JIT has compiled it, which takes a few seconds of
     * products: a service's first snapshot of the digits, made while the window waits for it, took
     * 360–480 ms on the vector kernel in a fresh JVM and 100–120 ms on the plain loops. So work done
     * once at start-up, on a thread that must not wait, asks for them; other threads keep the
     * vector kernel.
     */
    public static void onPlainLoops(Runnable work) {
        boolean before = PLAIN_HERE.get();
        PLAIN_HERE.set(Boolean.TRUE);
        try {
            work.run();
        } finally {
            PLAIN_HERE.set(before);
        }
    }

    /** Which products are in use, for {@code bench} and the logs. */
    public static String kernelName() {
        if (vector() != null) {
            return VECTOR.name();
        }
        if (VECTOR != null) {
            return "plain loops (asked for on this thread)";
        }
        return plainAsked() ? "plain loops (asked for with -Dbackprop.kernels=plain)"
                : "plain loops (start Java with --add-modules jdk.incubator.vector for the Vector API)";
    }

    /** True when this thread's products run on the Vector API. */
    static boolean vectorized() {
        return vector() != null;
    }

    /**
     * {@code C = A·B + 1·bias}: every row of C is a row of the product plus the bias row.
     *
     * @param a    A (m × k). Not modified.
     * @param b    B (k × n). Not modified.
     * @param bias (1 × n), or null for no bias. Not modified.
     * @param c    C, reshaped to (m × n). Modified.
     */
    public static void multiplyAddRow(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj bias, DMatrixRMaj c) {
        multiplyAddRow(a, b, bias, c, null);
    }

    /**
     * {@code C = A·B + 1·bias}, taking A's nonzeros from {@code aNonzeros} when it holds them, else
     * gathering them there when the product uses them, for {@link #multiplyTransA(DMatrixRMaj,
     * DMatrixRMaj, DMatrixRMaj, SparseRows)} with the same A.
     *
     * @param aNonzeros A's nonzeros, or where they are gathered (it must not hold another content of
     *                  A's array: {@link SparseRows#forget} it when the array is refilled); or null
     *                  for this thread's own arrays. Modified.
     */
    static void multiplyAddRow(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj bias, DMatrixRMaj c,
            SparseRows aNonzeros) {
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numCols;
        if (b.numRows != k) {
            throw new IllegalArgumentException("A·B needs A's columns = B's rows: A is (" + m + " × " + k
                    + "), B is (" + b.numRows + " × " + n + ")");
        }
        Matrices.shape(c, m, n);
        double[] ad = a.data;
        double[] bd = b.data;
        double[] cd = c.data;
        if (n == 1) {
            if (aNonzeros != null) {
                aNonzeros.fillIn(ad, m, k);
            }
            // one output column: each entry is a dot product of a row of A with B's only column,
            // summed from the bias in the same order as the general loop, so both round alike
            double b0 = bias == null ? 0.0 : bias.data[0];
            for (int i = 0; i < m; i++) {
                cd[i] = dot(b0, ad, i * k, bd, 0, k);
            }
            return;
        }
        // C = 1·bias (or 0), then C += A·B   with A[i][p] = ad[i·k + p]
        for (int i = 0; i < m; i++) {
            if (bias != null) {
                System.arraycopy(bias.data, 0, cd, i * n, n);
            } else {
                Arrays.fill(cd, i * n, i * n + n, 0.0);
            }
        }
        if (sparseAllowed(m, k, n, bd) && (bias == null || SparseRows.noNegativeZero(bias.data, 0, n))) {
            // nonzeros given are used as they are; else they are looked for (into the arrays given)
            SparseRows nonzeros = aNonzeros != null ? aNonzeros : SparseRows.forThisThread();
            if (aNonzeros != null && aNonzeros.holds(ad, m, k) || nonzeros.collect(ad, m, k)) {
                accumulateSparse(nonzeros, bd, cd, m, n);
                return;
            }
        } else if (aNonzeros != null) {
            aNonzeros.forget(); // A written first if they stood for it
        }
        accumulate(ad, k, 1, bd, cd, m, k, n);
    }

    /**
     * {@code C = Aᵀ·B}.
     *
     * @param a A (m × k). Not modified.
     * @param b B (m × n). Not modified.
     * @param c C, reshaped to (k × n). Modified.
     */
    public static void multiplyTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        multiplyTransA(a, b, c, null);
    }

    /**
     * {@code C = Aᵀ·B}, with A's nonzeros taken from {@code aNonzeros} when it holds them (gathered by
     * {@link #multiplyAddRow(DMatrixRMaj, DMatrixRMaj, DMatrixRMaj, DMatrixRMaj, SparseRows)} from the
     * same A, unchanged since).
     *
     * @param aNonzeros A's nonzeros, or null. Not modified.
     */
    static void multiplyTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, SparseRows aNonzeros) {
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numCols;
        if (b.numRows != m) {
            throw new IllegalArgumentException("Aᵀ·B needs A's rows = B's rows: A is (" + m + " × " + k
                    + "), B is (" + b.numRows + " × " + n + ")");
        }
        Matrices.shape(c, k, n);
        double[] ad = a.data;
        double[] bd = b.data;
        double[] cd = c.data;
        boolean sparse = m > 1 && sparseAllowed(k, m, n, bd);
        if (aNonzeros != null && !sparse) {
            aNonzeros.fillIn(ad, m, k); // the loops below read A
        }
        if (m == 1) {
            // one sample: the outer product C[p][j] = A[0][p]·B[0][j], written once
            for (int p = 0; p < k; p++) {
                double ap = ad[p];
                int cRow = p * n;
                for (int j = 0; j < n; j++) {
                    cd[cRow + j] = ap * bd[j];
                }
            }
            return;
        }
        // C = 0, then C += Aᵀ·B   with Aᵀ[p][i] = ad[i·k + p]
        Arrays.fill(cd, 0, k * n, 0.0);
        if (sparse) {
            // C starts at +0; Aᵀ's nonzeros are A's, regrouped by column
            SparseRows mine = SparseRows.forThisThread();
            SparseRows of = aNonzeros != null && aNonzeros.holds(ad, m, k) ? aNonzeros
                    : aNonzeros != null && aNonzeros.knownDense(ad, m, k) ? null // the forward pass counted
                    : mine.collect(ad, m, k) ? mine : null;
            if (of != null) {
                // Aᵀ's rows are placed, then each thread fills in and multiplies its own
                SparseRows t = SparseRows.transposedForThisThread();
                t.placeColumns(of, m, k);
                RowTasks.Rows multiply = sparseRows(t, bd, cd, n);
                runSparse(of.count(m), n, k, (from, to) -> {
                    t.fillColumns(of, m, from, to);
                    multiply.run(from, to);
                });
                return;
            }
            if (aNonzeros != null) {
                aNonzeros.fillIn(ad, m, k);
            }
        }
        accumulate(ad, 1, k, bd, cd, k, m, n);
    }

    /**
     * {@code C = A·Bᵀ}. For batches of several rows, Bᵀ is formed in {@code work} first so the
     * product runs as the blocked row kernel instead of dot products; it accumulates in the same
     * order, so the result is identical.
     *
     * @param a    A (m × n). Not modified.
     * @param b    B (k × n). Not modified.
     * @param c    C, reshaped to (m × k). Modified.
     * @param work reshaped to (n × k) and overwritten with Bᵀ when used. Modified.
     */
    public static void multiplyTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, DMatrixRMaj work) {
        if (a.numRows > 1 && a.numCols > 1 && b.numCols == a.numCols) {
            int n = b.numCols;
            int k = b.numRows;
            Matrices.shape(work, n, k);
            // work = Bᵀ   (n × k)
            double[] bd = b.data;
            double[] wd = work.data;
            // in 16×16 blocks, so the strided writes stay within a few cache lines
            for (int p0 = 0; p0 < k; p0 += 16) {
                int p1 = Math.min(k, p0 + 16);
                for (int j0 = 0; j0 < n; j0 += 16) {
                    int j1 = Math.min(n, j0 + 16);
                    for (int p = p0; p < p1; p++) {
                        for (int j = j0; j < j1; j++) {
                            wd[j * k + p] = bd[p * n + j];
                        }
                    }
                }
            }
            multiplyAddRow(a, work, null, c);
            return;
        }
        multiplyTransB(a, b, c);
    }

    /**
     * {@code C = A·Bᵀ}.
     *
     * @param a A (m × n). Not modified.
     * @param b B (k × n). Not modified.
     * @param c C, reshaped to (m × k). Modified.
     */
    public static void multiplyTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int m = a.numRows;
        int n = a.numCols;
        int k = b.numRows;
        if (b.numCols != n) {
            throw new IllegalArgumentException("A·Bᵀ needs A's columns = B's columns: A is (" + m + " × " + n
                    + "), B is (" + k + " × " + b.numCols + ")");
        }
        Matrices.shape(c, m, k);
        double[] ad = a.data;
        double[] bd = b.data;
        double[] cd = c.data;
        if (n == 1) {
            // inner dimension 1: the outer product C[i][p] = A[i][0]·B[p][0]
            for (int i = 0; i < m; i++) {
                double ai = ad[i];
                int cRow = i * k;
                for (int p = 0; p < k; p++) {
                    cd[cRow + p] = ai * bd[p];
                }
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                cd[i * k + p] = dot(0.0, ad, i * n, bd, p * n, n);
            }
        }
    }

    /**
     * True when a (rows × depth)·(depth × n) product is large enough to look for A's zeros and B
     * holds no infinity or NaN, so that leaving their terms out changes no bit ({@link SparseRows}).
     * The caller also sees to it that no starting value of C is −0.
     */
    private static boolean sparseAllowed(int rows, int depth, int n, double[] b) {
        if ((long) rows * depth * n < SPARSE_WORK || n < SPARSE_MIN_COLUMNS) {
            return false; // before the kernel is looked up: the per-sample steps come here too
        }
        RowKernel vector = vector();
        return vector != null ? vector.allFinite(b, depth * n) : SparseRows.allFinite(b, 0, depth * n);
    }

    /** {@code C += A·B} over A's nonzeros, split between the cores when they are many. */
    private static void accumulateSparse(SparseRows a, double[] b, double[] c, int rows, int n) {
        runSparse(a.count(rows), n, rows, sparseRows(a, b, c, n));
    }

    /** {@code C[r] += A[r]·B} over A's nonzeros for a range of rows: the vector kernel or the plain loops. */
    private static RowTasks.Rows sparseRows(SparseRows a, double[] b, double[] c, int n) {
        RowKernel vector = vector();
        // a sparse product is at least SPARSE_MIN_COLUMNS wide, and the vector kernel takes any width
        return vector != null
                ? (from, to) -> vector.accumulateSparse(a, b, c, n, from, to)
                : (from, to) -> a.accumulateRows(b, c, n, from, to);
    }

    /** Runs {@code body} over the rows, split between the cores from {@link #PARALLEL_SPARSE_WORK}. */
    private static void runSparse(int nonzeros, int n, int rows, RowTasks.Rows body) {
        if ((long) nonzeros * n >= PARALLEL_SPARSE_WORK) {
            RowTasks.run(rows, body);
        } else {
            body.run(0, rows);
        }
    }

    /**
     * {@code C += A·B} over all of C's rows, split between the cores when the product is large.
     * A is read through strides, so the same kernel serves A and Aᵀ.
     *
     * @param a A (rows × depth): A[i][p] = a[i·aRow + p·aCol]. Not modified.
     * @param b B (depth × n), row-major. Not modified.
     * @param c C (rows × n), row-major, holding the sum's starting values. Modified.
     */
    private static void accumulate(double[] a, int aRow, int aCol, double[] b, double[] c, int rows, int depth,
            int n) {
        if (rows == 1) {
            // one sample (the tutorials' per-sample steps): no tiles, each entry's terms in order
            for (int p = 0; p < depth; p++) {
                double ap = a[p * aCol];
                int bRow = p * n;
                for (int j = 0; j < n; j++) {
                    c[j] += ap * b[bRow + j];
                }
            }
            return;
        }
        RowKernel vector = vector();
        boolean split = (long) rows * depth * n >= PARALLEL_WORK;
        if (vector != null && vector.takes(rows, depth, n)) {
            if (split) {
                RowTasks.run(rows, (from, to) -> vector.accumulateRows(a, aRow, aCol, b, c, depth, n, from, to));
            } else {
                vector.accumulateRows(a, aRow, aCol, b, c, depth, n, 0, rows);
            }
        } else if (split) {
            RowTasks.run(rows, (from, to) -> accumulateRows(a, aRow, aCol, b, c, depth, n, from, to));
        } else {
            accumulateRows(a, aRow, aCol, b, c, depth, n, 0, rows);
        }
    }

    /**
     * {@code C[i] += A[i]·B} for rows {@code from ≤ i < to}: each C[i][j] gets its terms in order p =
     * 0, 1, 2, …, one rounding per multiply and per add, four terms per pass over the row.
     *
     * @param a A (· × depth): A[i][p] = a[i·aRow + p·aCol]. Not modified.
     * @param b B (depth × n), row-major. Not modified.
     * @param c C (· × n), row-major. Rows from..to-1 modified.
     */
    static void accumulateRows(double[] a, int aRow, int aCol, double[] b, double[] c, int depth, int n,
            int from, int to) {
        int tileN = n <= 2 * TILE_N ? n : TILE_N;
        for (int p0 = 0; p0 < depth; p0 += TILE_K) {
            int p1 = Math.min(depth, p0 + TILE_K);
            for (int j0 = 0; j0 < n; j0 += tileN) {
                int j1 = Math.min(n, j0 + tileN);
                for (int i = from; i < to; i++) {
                    int cRow = i * n;
                    int aRowStart = i * aRow;
                    int p = p0;
                    for (; p + 3 < p1; p += 4) {
                        double a0 = a[aRowStart + p * aCol];
                        double a1 = a[aRowStart + (p + 1) * aCol];
                        double a2 = a[aRowStart + (p + 2) * aCol];
                        double a3 = a[aRowStart + (p + 3) * aCol];
                        int b0 = p * n;
                        int b1 = b0 + n;
                        int b2 = b1 + n;
                        int b3 = b2 + n;
                        for (int j = j0; j < j1; j++) {
                            // evaluated left to right: the same roundings as four passes of one term
                            c[cRow + j] = c[cRow + j] + a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j]
                                    + a3 * b[b3 + j];
                        }
                    }
                    for (; p < p1; p++) {
                        double ap = a[aRowStart + p * aCol];
                        int bRow = p * n;
                        for (int j = j0; j < j1; j++) {
                            c[cRow + j] += ap * b[bRow + j];
                        }
                    }
                }
            }
        }
    }

    /** {@code start + Σ_j a[aOff + j]·b[bOff + j]} for j &lt; n, summed in order. */
    private static double dot(double start, double[] a, int aOff, double[] b, int bOff, int n) {
        double sum = start;
        for (int j = 0; j < n; j++) {
            sum += a[aOff + j] * b[bOff + j];
        }
        return sum;
    }

    /**
     * {@code s = 1ᵀ·A}: the sum of A's rows.
     *
     * @param a A (m × n). Not modified.
     * @param s reshaped to (1 × n). Modified.
     */
    public static void sumRows(DMatrixRMaj a, DMatrixRMaj s) {
        int m = a.numRows;
        int n = a.numCols;
        Matrices.shape(s, 1, n);
        double[] ad = a.data;
        double[] sd = s.data;
        if (m == 1) {
            System.arraycopy(ad, 0, sd, 0, n);
            return;
        }
        Arrays.fill(sd, 0, n, 0.0);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                sd[j] += ad[row + j];
            }
        }
    }
}
