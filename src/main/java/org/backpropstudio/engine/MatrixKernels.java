package org.backpropstudio.engine;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_MT_DDRM;

/**
 * The three products a dense layer needs, on EJML row-major matrices.
 *
 * <p>Small products (the per-sample path of the tutorials' 1-10-10-1 network) run as plain loops
 * over the matrices' arrays: EJML's general entry points check and reshape on every call, which
 * costs more than the arithmetic at these sizes. Large products go to EJML's multi-threaded
 * operations, which use both cores. {@link #LARGE_WORK} is the crossover: at 2²¹ multiply-adds
 * (a 128³ product) a second thread's start-up is small beside the work. It was set by that
 * reasoning, not measured; {@code bench} W2 (plain loops) and W3 (EJML) show both sides.
 *
 * <p>Every output is reshaped to its result shape without reallocating when its array is large
 * enough, so once the matrices have seen their largest batch a training step allocates nothing.
 */
public final class MatrixKernels {

    /** Multiply-adds (m·k·n) from which a product is handed to EJML's multi-threaded operations. */
    static final long LARGE_WORK = 1L << 21;

    private MatrixKernels() {
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
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numCols;
        if (b.numRows != k) {
            throw new IllegalArgumentException("A·B needs A's columns = B's rows: A is (" + m + " × " + k
                    + "), B is (" + b.numRows + " × " + n + ")");
        }
        c.reshape(m, n, false);
        if ((long) m * k * n >= LARGE_WORK) {
            CommonOps_MT_DDRM.mult(a, b, c);
            if (bias != null) {
                addRowToEveryRow(bias.data, c);
            }
            return;
        }
        double[] ad = a.data;
        double[] bd = b.data;
        double[] cd = c.data;
        if (n == 1) {
            // one output column: each entry is a dot product of a row of A with B's only column,
            // summed from the bias in the same order as the general loop, so both round alike
            double b0 = bias == null ? 0.0 : bias.data[0];
            for (int i = 0; i < m; i++) {
                cd[i] = dot(b0, ad, i * k, bd, 0, k);
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            int cRow = i * n;
            if (bias != null) {
                System.arraycopy(bias.data, 0, cd, cRow, n);
            } else {
                Arrays.fill(cd, cRow, cRow + n, 0.0);
            }
            int aRow = i * k;
            for (int p = 0; p < k; p++) {
                double aip = ad[aRow + p];
                int bRow = p * n;
                for (int j = 0; j < n; j++) {
                    cd[cRow + j] += aip * bd[bRow + j];
                }
            }
        }
    }

    /**
     * {@code C = Aᵀ·B}.
     *
     * @param a A (m × k). Not modified.
     * @param b B (m × n). Not modified.
     * @param c C, reshaped to (k × n). Modified.
     */
    public static void multiplyTransA(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
        int m = a.numRows;
        int k = a.numCols;
        int n = b.numCols;
        if (b.numRows != m) {
            throw new IllegalArgumentException("Aᵀ·B needs A's rows = B's rows: A is (" + m + " × " + k
                    + "), B is (" + b.numRows + " × " + n + ")");
        }
        c.reshape(k, n, false);
        if ((long) m * k * n >= LARGE_WORK) {
            CommonOps_MT_DDRM.multTransA(a, b, c);
            return;
        }
        double[] ad = a.data;
        double[] bd = b.data;
        double[] cd = c.data;
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
        Arrays.fill(cd, 0, k * n, 0.0);
        for (int i = 0; i < m; i++) {
            int aRow = i * k;
            int bRow = i * n;
            for (int p = 0; p < k; p++) {
                double aip = ad[aRow + p];
                int cRow = p * n;
                for (int j = 0; j < n; j++) {
                    cd[cRow + j] += aip * bd[bRow + j];
                }
            }
        }
    }

    /**
     * {@code C = A·Bᵀ}. For batches of several rows, Bᵀ is formed in {@code work} first so the
     * product runs as the vectorized row loop instead of dot products; it accumulates in the same
     * order, so the result is identical.
     *
     * @param a    A (m × n). Not modified.
     * @param b    B (k × n). Not modified.
     * @param c    C, reshaped to (m × k). Modified.
     * @param work reshaped to (n × k) and overwritten with Bᵀ when used. Modified.
     */
    public static void multiplyTransB(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c, DMatrixRMaj work) {
        int rows = a.numRows;
        long products = (long) rows * b.numRows * a.numCols;
        if (rows > 1 && a.numCols > 1 && products < LARGE_WORK && b.numCols == a.numCols) {
            int n = b.numCols;
            int k = b.numRows;
            work.reshape(n, k, false);
            // work = Bᵀ   (n × k)
            double[] bd = b.data;
            double[] wd = work.data;
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < n; j++) {
                    wd[j * k + p] = bd[p * n + j];
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
        c.reshape(m, k, false);
        if ((long) m * k * n >= LARGE_WORK) {
            CommonOps_MT_DDRM.multTransB(a, b, c);
            return;
        }
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
        s.reshape(1, n, false);
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

    private static void addRowToEveryRow(double[] row, DMatrixRMaj c) {
        int n = c.numCols;
        double[] cd = c.data;
        for (int i = 0; i < c.numRows; i++) {
            int off = i * n;
            for (int j = 0; j < n; j++) {
                cd[off + j] += row[j];
            }
        }
    }
}
