package org.backpropstudio.engine;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * Samples as rows: inputs {@code x} (n × in) and targets {@code y} (n × out). Treated as
 * immutable once made: nobody writes into the matrices.
 */
public record Dataset(DMatrixRMaj x, DMatrixRMaj y) {

    public Dataset {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.numRows != y.numRows) {
            throw new IllegalArgumentException("x has " + x.numRows + " rows but y has " + y.numRows);
        }
    }

    /** One input and one target per sample. */
    public static Dataset of(double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException(xs.length + " x values but " + ys.length + " y values");
        }
        return new Dataset(Matrices.column(xs), Matrices.column(ys));
    }

    public int size() {
        return x.numRows;
    }

    /** The first input column as an array (for single-input data). */
    public double[] xColumn() {
        return column(x, 0);
    }

    /** The first target column as an array (for single-output data). */
    public double[] yColumn() {
        return column(y, 0);
    }

    private static double[] column(DMatrixRMaj m, int col) {
        double[] values = new double[m.numRows];
        for (int i = 0; i < m.numRows; i++) {
            values[i] = m.get(i, col);
        }
        return values;
    }
}
