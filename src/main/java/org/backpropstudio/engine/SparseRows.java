package org.backpropstudio.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * A product's left factor A by its nonzero entries, so that {@code C += A·B} can leave out the terms
 * whose A entry is zero: most of a digit's pixels are off (about 80 % of MNIST's), so the digit
 * network's first layer, 95 % of its multiply-adds, does a fifth of them.
 *
 * <h2>Why the bits stay the same</h2>
 * Each entry of C still gets its other terms in order p = 0, 1, 2, … with one rounding per multiply
 * and per add. A left-out term is {@code 0·B[p][j]}, which is ±0 when B[p][j] is finite, and adding
 * ±0 to a sum s gives s back unless s is −0 (−0 + +0 = +0). A sum that starts from a value other
 * than −0 is never −0: in round-to-nearest x + y is −0 only when both are −0. So the terms may be
 * left out when B holds no infinity or NaN (0·∞ is NaN) and no starting value of C is −0; the
 * caller ({@link MatrixKernels}) checks both and otherwise runs the dense kernels.
 *
 * <h2>Layout</h2>
 * The nonzeros of A (rows × depth) row by row, p ascending (compressed sparse rows): row r's are
 * {@code column[q], value[q]} for {@code start[r] ≤ q < end[r]}. They are gathered from a
 * row-major matrix without a branch on the data (an entry is written whether or not it is zero,
 * and the place moves on only for a nonzero), since a branch on pixels that are off four times in
 * five is mispredicted at every stroke. Aᵀ's are made from A's ({@link #placeColumns}) in time
 * proportional to the nonzeros, which is how a layer's ∂L/∂W = Xᵀ·dZ reuses what its forward pass
 * gathered of X. The arrays grow to the largest product seen and are kept, so a training step
 * allocates nothing.
 */
final class SparseRows {

    /**
     * A is taken by its nonzeros when at least this share of its entries is zero. The sparse kernel
     * does about half the multiply-adds per second of the dense one (its rows of B come in no
     * order), so it pays from a little over half zeros: digits' pixels (80 %) yes, a ReLU layer's
     * outputs (about 50 %) no. With 25 % W3 (ReLU, 256 wide) ran 6 % slower, the digits the same.
     */
    static final double MIN_ZERO_SHARE = 0.6;

    /** Entries looked at first: when they hold almost no zeros, A is taken as dense without looking further. */
    private static final int GLANCE = 1024;

    private static final ThreadLocal<SparseRows> PER_THREAD = ThreadLocal.withInitial(SparseRows::new);
    private static final ThreadLocal<SparseRows> TRANSPOSED = ThreadLocal.withInitial(SparseRows::new);

    int[] start = new int[0];
    int[] end = new int[0];
    int[] column = new int[0];
    double[] value = new double[0];

    /** The matrix whose nonzeros these are (its array and shape), or null when they are not any matrix's. */
    private double[] source;
    private int sourceRows;
    private int sourceDepth;
    /** True when {@link #source} has not been written with the rows these stand for ({@link #gather}). */
    private boolean unfilled;
    /** The matrix (array and shape) that {@link #collect} last found too dense, or null. */
    private double[] denseSource;
    private int denseRows;
    private int denseDepth;

    /** This thread's arrays, for products that bring none. */
    static SparseRows forThisThread() {
        return PER_THREAD.get();
    }

    /** This thread's arrays for a transpose. */
    static SparseRows transposedForThisThread() {
        return TRANSPOSED.get();
    }

    /**
     * 0 for +0, else 1, without a branch. Only +0 entries are left out: a −0 is kept as an entry,
     * so a matrix filled in again from its entries ({@link #fillIn}) has every bit it had.
     */
    static int nonzero(double x) {
        long bits = Double.doubleToRawLongBits(x);
        return (int) ((bits | -bits) >>> 63);
    }

    /**
     * Collects the nonzeros of A when at least {@link #MIN_ZERO_SHARE} of its entries are zero.
     *
     * @param a A (rows × depth) row-major: rows·depth entries. Not modified.
     * @return false when A has too few zeros (these are then no matrix's nonzeros)
     */
    boolean collect(double[] a, int rows, int depth) {
        forget();
        int size = rows * depth;
        // a glance at the first entries spares dense products (tanh and sigmoid layers) the whole look
        int glance = Math.min(size, GLANCE);
        int seen = 0;
        for (int q = 0; q < glance; q++) {
            seen += nonzero(a[q]);
        }
        if (glance - seen < MIN_ZERO_SHARE * glance / 2) {
            return false;
        }
        // then a count, at half the cost of gathering: a ReLU layer's outputs (about half zeros)
        // pass the glance, and were gathered only to be found too dense
        int q = nonzerosUpTo(a, size, (1 - MIN_ZERO_SHARE) * size);
        if (size - q < MIN_ZERO_SHARE * size) {
            denseSource = a;
            denseRows = rows;
            denseDepth = depth;
            return false;
        }
        room(rows, q + 1);
        fill(a, rows, depth);
        source = a;
        sourceRows = rows;
        sourceDepth = depth;
        unfilled = false;
        return true;
    }

    /**
     * The nonzeros among a[0..size-1]; or, once more than {@code most} are seen, a count above
     * {@code most} (the rest not looked at).
     */
    private static int nonzerosUpTo(double[] a, int size, double most) {
        int count = 0;
        for (int from = 0; from < size && count <= most; from += COUNT_BLOCK) {
            int to = Math.min(size, from + COUNT_BLOCK);
            for (int q = from; q < to; q++) {
                count += nonzero(a[q]);
            }
        }
        return count;
    }

    /** Entries counted between two looks at whether the count is already too high. */
    private static final int COUNT_BLOCK = 4096;

    /**
     * True when {@link #collect} last found the (rows × depth) matrix held in {@code a} too dense,
     * and these have not been {@link #forget forgotten} since: a layer's ∂L/∂W = Xᵀ·dZ then takes X
     * as dense without counting again what its forward pass counted.
     */
    boolean knownDense(double[] a, int rows, int depth) {
        return denseSource == a && denseRows == rows && denseDepth == depth;
    }

    /** Gathers the nonzeros of A (rows × depth) row-major into room enough; returns their count. */
    private int fill(double[] a, int rows, int depth) {
        int q = 0;
        for (int r = 0; r < rows; r++) {
            start[r] = q;
            int row = r * depth;
            for (int p = 0; p < depth; p++) {
                double v = a[row + p];
                column[q] = p;
                value[q] = v;
                q += nonzero(v);
            }
            end[r] = q;
        }
        return q;
    }

    /**
     * The nonzeros of a whole data set's inputs, gathered once so that a batch or a chunk of it
     * takes its rows' ({@link #gather}) instead of looking through them at every step; null when
     * fewer than {@link #MIN_ZERO_SHARE} of them are zero (a curve's x, most planes' features).
     *
     * @param x the inputs (n × in). Not modified.
     */
    static SparseRows ofInputs(DMatrixRMaj x) {
        int size = x.numRows * x.numCols;
        int nonzeros = 0;
        for (int q = 0; q < size; q++) {
            nonzeros += nonzero(x.data[q]);
        }
        if (x.numRows == 0 || size - nonzeros < MIN_ZERO_SHARE * size) {
            return null;
        }
        SparseRows all = new SparseRows();
        all.room(x.numRows, nonzeros + 1);
        all.fill(x.data, x.numRows, x.numCols);
        return all;
    }

    /**
     * Makes these the nonzeros of a batch whose row r is row {@code rowOf[offset + r]} of a data set
     * (row {@code offset + r} when {@code rowOf} is null), standing for the batch's array {@code target}.
     *
     * <p>The batch's array is left as it is: a product that takes these nonzeros never reads it,
     * and one that must read it fills it in from them first ({@link #fillIn}). The digits' batches
     * are 1.2 MB, and copying them was a tenth of the digit workload's time.
     *
     * @param of     the data set's nonzeros ({@link #ofInputs}). Not modified.
     * @param target the batch's array, (rows × depth), which these then stand for
     */
    void gather(SparseRows of, int[] rowOf, int offset, int rows, double[] target, int depth) {
        int entries = 0;
        for (int r = 0; r < rows; r++) {
            int from = rowOf == null ? offset + r : rowOf[offset + r];
            entries += of.end[from] - of.start[from];
        }
        room(rows, entries);
        int q = 0;
        for (int r = 0; r < rows; r++) {
            int from = rowOf == null ? offset + r : rowOf[offset + r];
            int count = of.end[from] - of.start[from];
            System.arraycopy(of.column, of.start[from], column, q, count);
            System.arraycopy(of.value, of.start[from], value, q, count);
            start[r] = q;
            q += count;
            end[r] = q;
        }
        source = target;
        sourceRows = rows;
        sourceDepth = depth;
        unfilled = true;
    }

    /**
     * Writes the matrix these are the nonzeros of into its array, when they stand for it unwritten
     * ({@link #gather}) and it is {@code a}; else does nothing. A dense kernel calls this before it
     * reads A.
     */
    void fillIn(double[] a, int rows, int depth) {
        if (!unfilled || !holds(a, rows, depth)) {
            return;
        }
        java.util.Arrays.fill(a, 0, rows * depth, 0.0);
        for (int r = 0; r < rows; r++) {
            int row = r * depth;
            for (int q = start[r]; q < end[r]; q++) {
                a[row + column[q]] = value[q];
            }
        }
        unfilled = false;
    }

    /** Holds no matrix's nonzeros any more (its array written, if they stood for it unwritten). */
    void forget() {
        if (source != null) {
            fillIn(source, sourceRows, sourceDepth);
        }
        source = null;
        denseSource = null;
    }

    /** True when these are the nonzeros of the (rows × depth) matrix held in {@code a}, as last collected. */
    boolean holds(double[] a, int rows, int depth) {
        return source == a && sourceRows == rows && sourceDepth == depth;
    }

    /**
     * Makes these Aᵀ's nonzeros, from A's, in two halves: first where each row p of Aᵀ (column p
     * of A) begins; then the rows are filled in, in parts that several threads can take
     * ({@link #fillColumns}). Aᵀ (depth × rows)'s row p holds A's column p, r ascending.
     *
     * @param of A's nonzeros, of a (rows × depth) A. Not modified.
     */
    void placeColumns(SparseRows of, int rows, int depth) {
        forget();
        room(depth, of.end[rows - 1] + 1);
        // end[p] counts column p's nonzeros, then start[p] is where row p of Aᵀ begins
        java.util.Arrays.fill(end, 0, depth, 0);
        for (int r = 0; r < rows; r++) {
            for (int q = of.start[r]; q < of.end[r]; q++) {
                end[of.column[q]]++;
            }
        }
        int places = 0;
        for (int p = 0; p < depth; p++) {
            start[p] = places;
            places += end[p];
            end[p] = start[p];
        }
    }

    /**
     * The second half of {@link #placeColumns}, for rows {@code from ≤ p < to} of Aᵀ: A's nonzeros in
     * those columns, r ascending. A row of A holds its columns in order, so each of its parts is
     * one run of entries.
     */
    void fillColumns(SparseRows of, int rows, int from, int to) {
        // end[p] is row p's next free place while filling
        for (int r = 0; r < rows; r++) {
            int q = of.start[r];
            int stop = of.end[r];
            while (q < stop && of.column[q] < from) {
                q++;
            }
            for (; q < stop && of.column[q] < to; q++) {
                int at = end[of.column[q]]++;
                column[at] = r;
                value[at] = of.value[q];
            }
        }
    }

    private void room(int rows, int entries) {
        if (start.length < rows) {
            start = new int[rows];
            end = new int[rows];
        }
        if (column.length < entries) {
            column = new int[entries];
            value = new double[entries];
        }
    }

    /** The nonzeros in rows 0..rows-1. */
    int count(int rows) {
        int count = 0;
        for (int r = 0; r < rows; r++) {
            count += end[r] - start[r];
        }
        return count;
    }

    /**
     * {@code C[r] += A[r]·B} for rows {@code from ≤ r < to} over the collected nonzeros, each entry's
     * terms in order of p; the plain loops' counterpart of {@link MatrixKernels#accumulateRows}.
     *
     * @param b B (depth × n), row-major. Not modified.
     * @param c C (· × n), row-major. Rows from..to-1 modified.
     */
    void accumulateRows(double[] b, double[] c, int n, int from, int to) {
        for (int r = from; r < to; r++) {
            int cRow = r * n;
            for (int q = start[r]; q < end[r]; q++) {
                double ap = value[q];
                int bRow = column[q] * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += ap * b[bRow + j];
                }
            }
        }
    }

    /** True when none of the entries {@code from ≤ q < to} is infinite or NaN. */
    static boolean allFinite(double[] b, int from, int to) {
        for (int q = from; q < to; q++) {
            if (!Double.isFinite(b[q])) {
                return false;
            }
        }
        return true;
    }

    /** True when none of the first {@code length} entries is −0. */
    static boolean noNegativeZero(double[] c, int from, int length) {
        for (int q = from; q < from + length; q++) {
            if (Double.doubleToRawLongBits(c[q]) == Long.MIN_VALUE) {
                return false;
            }
        }
        return true;
    }
}
