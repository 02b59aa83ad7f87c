package org.backpropstudio.training;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import org.backpropstudio.engine.DenseLayer;
import org.ejml.data.DMatrixRMaj;

/**
 * A snapshot's weight matrices, one per layer, each as rows {@code w[i][j]} (in × out): copied
 * flat when the snapshot is made, cut into rows only when a reader asks for that layer.
 *
 * <p>The digits' first layer is 784 rows of 64: cut into rows at every snapshot, 60 times a
 * second, it took 2.5 % of the training thread (the allocation of 784 arrays), while most
 * snapshots' weights are never read (the diagram draws at most 10 times a second, the weight
 * images only on their tab). One flat copy is a single array.
 */
final class WeightRows extends AbstractList<double[][]> implements RandomAccess {

    /** Each layer's weights (in × out), row-major, copied. */
    private final double[][] flat;
    private final int[] rowCount;
    private final int[] columns;
    /** The rows made so far, by layer; null until asked for. */
    private final double[][][] rows;

    private WeightRows(double[][] flat, int[] rowCount, int[] columns) {
        this.flat = flat;
        this.rowCount = rowCount;
        this.columns = columns;
        this.rows = new double[flat.length][][];
    }

    /** A copy of the layers' weights as they are now. */
    static List<double[][]> of(List<DenseLayer> layers) {
        double[][] flat = new double[layers.size()][];
        int[] rowCount = new int[layers.size()];
        int[] columns = new int[layers.size()];
        for (int k = 0; k < layers.size(); k++) {
            DMatrixRMaj w = layers.get(k).weights();
            flat[k] = Arrays.copyOf(w.data, w.numRows * w.numCols);
            rowCount[k] = w.numRows;
            columns[k] = w.numCols;
        }
        return new WeightRows(flat, rowCount, columns);
    }

    /** Layer k's weights as rows; the same arrays at every call (readers must not change them). */
    @Override
    public synchronized double[][] get(int k) {
        if (rows[k] == null) {
            int cols = columns[k];
            double[][] r = new double[rowCount[k]][];
            for (int i = 0; i < r.length; i++) {
                r[i] = Arrays.copyOfRange(flat[k], i * cols, (i + 1) * cols);
            }
            rows[k] = r;
        }
        return rows[k];
    }

    @Override
    public int size() {
        return flat.length;
    }
}
