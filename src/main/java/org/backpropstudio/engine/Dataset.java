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

    /**
     * Samples with a class each: inputs as rows (n × in) and one-hot targets (n × classes), row i
     * all zero but a 1 at {@code labels[i]}.
     *
     * @throws IllegalArgumentException for a label outside 0 … classes − 1 or ragged rows
     */
    public static Dataset labelled(double[][] inputs, int[] labels, int classes) {
        if (inputs.length != labels.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + labels.length + " labels");
        }
        int width = inputs.length == 0 ? 0 : inputs[0].length;
        DMatrixRMaj x = new DMatrixRMaj(inputs.length, width);
        DMatrixRMaj y = new DMatrixRMaj(inputs.length, classes);
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != width) {
                throw new IllegalArgumentException("sample " + (i + 1) + " has " + inputs[i].length + " inputs, not "
                        + width);
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("sample " + (i + 1) + " has class " + labels[i] + ", not one of 0 to "
                        + (classes - 1));
            }
            System.arraycopy(inputs[i], 0, x.data, i * width, width);
            y.data[i * classes + labels[i]] = 1;
        }
        return new Dataset(x, y);
    }

    /**
     * Its shape, not its values: a record's own text would print every number, and a digit
     * setup's (7 200 × 784) filled the heap of a test that only failed an assertion.
     */
    @Override
    public String toString() {
        return "Dataset[" + size() + " samples, " + x.numCols + " → " + y.numCols + "]";
    }

    /** Inputs per sample. */
    public int inputCount() {
        return x.numCols;
    }

    /** Input c of sample i. */
    public double input(int i, int c) {
        return x.get(i, c);
    }

    /** The class of sample i of a one-hot dataset: the column of its row's largest target. */
    public int label(int i) {
        return argmax(y.data, i * y.numCols, y.numCols);
    }

    /** The index of the largest of {@code width} values from {@code offset} (the first of equals). */
    public static int argmax(double[] values, int offset, int width) {
        int best = 0;
        for (int k = 1; k < width; k++) {
            if (values[offset + k] > values[offset + best]) {
                best = k;
            }
        }
        return best;
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
