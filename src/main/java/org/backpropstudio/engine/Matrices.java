package org.backpropstudio.engine;

import org.ejml.data.DMatrixRMaj;

/** Small matrix helpers that EJML does not have in the form the engine needs. */
public final class Matrices {

    private Matrices() {
    }

    /**
     * Copies the top-left block the two matrices have in common; the rest of {@code to} is left
     * as it is. Used when a layer is resized: existing units keep their numbers.
     *
     * @param from source. Not modified.
     * @param to   destination. Modified.
     */
    public static void copyOverlap(DMatrixRMaj from, DMatrixRMaj to) {
        int rows = Math.min(from.numRows, to.numRows);
        int cols = Math.min(from.numCols, to.numCols);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(from.data, i * from.numCols, to.data, i * to.numCols, cols);
        }
    }

    /**
     * Gives the matrix the shape (rows × cols), keeping its array when it is large enough, its
     * entries not kept. EJML's {@code reshape} checks and sets the shape at every call; a
     * per-sample step reshapes a dozen matrices to the shape they already have, and those checks
     * were 5 % of it.
     */
    static void shape(DMatrixRMaj m, int rows, int cols) {
        if (m.numRows != rows || m.numCols != cols) {
            m.reshape(rows, cols, false);
        }
    }

    /** The matrix as rows, {@code rows[i][j] = m(i, j)}. */
    public static double[][] toRows(DMatrixRMaj m) {
        double[][] rows = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            System.arraycopy(m.data, i * m.numCols, rows[i], 0, m.numCols);
        }
        return rows;
    }

    /** A (n × 1) column holding the values. */
    public static DMatrixRMaj column(double[] values) {
        DMatrixRMaj m = new DMatrixRMaj(values.length, 1);
        System.arraycopy(values, 0, m.data, 0, values.length);
        return m;
    }
}
