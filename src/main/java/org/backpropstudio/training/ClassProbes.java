package org.backpropstudio.training;

import java.util.ArrayList;
import java.util.List;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.DenseLayer;
import org.backpropstudio.engine.Feature;
import org.backpropstudio.engine.Network;
import org.backpropstudio.engine.Trainer;
import org.ejml.data.DMatrixRMaj;

/**
 * A classifier's report for its views, from the running network between steps: the plane's
 * class maps, or the digits' predictions and confusion. Reads the network, changes nothing.
 */
final class ClassProbes {

    /** Cells along each side of the plane's maps (48² forward passes per snapshot). */
    static final int RESOLUTION = 48;
    /** Hidden units mapped at most: beyond, the unit maps would cost more than training. */
    static final int MAX_MAPPED_UNITS = 64;
    /** Test images with a prediction in each snapshot (the digits grid shows as many). */
    static final int SHOWN_IMAGES = 60;
    /** Rows per forward pass when counting the confusion. */
    private static final int CHUNK = 256;

    private ClassProbes() {
    }

    /**
     * The plane's report: softmax of the outputs, and each hidden unit's activation, at the centre
     * of every cell of the grid over [−6, 6]², whose inputs are {@code x} ({@link #gridInputs}).
     */
    static ClassReport.Plane plane(Network network, DataSpec.Plane data, DataSpec.PointSets points, DMatrixRMaj x) {
        int n = RESOLUTION * RESOLUTION;
        double extent = DataSpec.Plane.EXTENT;
        DMatrixRMaj out = network.forward(x);
        List<float[]> hidden = new ArrayList<>();
        int units = 0;
        List<DenseLayer> layers = network.layers();
        for (int k = 0; k < layers.size() - 1; k++) {
            units += layers.get(k).units();
        }
        if (units <= MAX_MAPPED_UNITS) {
            for (int k = 0; k < layers.size() - 1; k++) {
                hidden.add(toFloats(layers.get(k).output().data, n * layers.get(k).units()));
            }
        }
        return new ClassReport.Plane(data.classes(), extent, RESOLUTION, softmaxRows(out, n), List.copyOf(hidden),
                points, data.inputs());
    }

    /** X (n × features): the features of cell (i, j)'s centre at row j·R + i, rows from the top. */
    static DMatrixRMaj gridInputs(List<Feature> features) {
        DMatrixRMaj x = new DMatrixRMaj(RESOLUTION * RESOLUTION, features.size());
        for (int j = 0; j < RESOLUTION; j++) {
            double x2 = -ClassReport.Plane.coordinate(DataSpec.Plane.EXTENT, RESOLUTION, j); // rows from the top
            for (int i = 0; i < RESOLUTION; i++) {
                double x1 = ClassReport.Plane.coordinate(DataSpec.Plane.EXTENT, RESOLUTION, i);
                for (int f = 0; f < features.size(); f++) {
                    x.set(j * RESOLUTION + i, f, features.get(f).of(x1, x2));
                }
            }
        }
        return x;
    }

    /**
     * The digits' report: the probabilities of the first test images, {@code first}
     * ({@link #firstImages}), and,
     * when {@code confusion} is null, the confusion of the whole test set counted afresh.
     */
    static ClassReport.Images images(Network network, Dataset test, DMatrixRMaj first, int side, int[][] confusion,
                                     int epoch, double[] drawing) {
        int classes = test.y().numCols;
        int shown = first.numRows;
        float[] p = softmaxRows(network.forward(first), shown);
        int[][] counted = confusion != null ? confusion : confusion(network, test);
        float[] drawn = drawing == null ? null
                : softmaxRows(network.forward(new DMatrixRMaj(1, drawing.length, true, drawing)), 1);
        return new ClassReport.Images(classes, side, p, counted, epoch, drawn);
    }

    /** X (shown × in): the first {@link #SHOWN_IMAGES} test images, whose predictions are shown. */
    static DMatrixRMaj firstImages(Dataset test) {
        return org.ejml.dense.row.CommonOps_DDRM.extract(test.x(), 0, Math.min(SHOWN_IMAGES, test.size()), 0,
                test.x().numCols);
    }

    /** counts[true][predicted] over every test row, a chunk at a time. */
    static int[][] confusion(Network network, Dataset test) {
        int classes = test.y().numCols;
        int[][] counts = new int[classes][classes];
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        for (int start = 0; start < test.size(); start += CHUNK) {
            int rows = Math.min(CHUNK, test.size() - start);
            x.reshape(rows, test.x().numCols, false);
            System.arraycopy(test.x().data, start * test.x().numCols, x.data, 0, rows * test.x().numCols);
            DMatrixRMaj out = network.forward(x);
            for (int r = 0; r < rows; r++) {
                counts[test.label(start + r)][Dataset.argmax(out.data, r * classes, classes)]++;
            }
        }
        return counts;
    }

    /** softmax of each of the first {@code rows} rows of z (rows × k), as floats: p = e^(z − max) / Σ e^(z − max). */
    static float[] softmaxRows(DMatrixRMaj z, int rows) {
        int k = z.numCols;
        float[] p = new float[rows * k];
        double[] e = new double[k];
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, z.data[r * k + c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                e[c] = Math.exp(z.data[r * k + c] - max);
                sum += e[c];
            }
            for (int c = 0; c < k; c++) {
                // a diverged network's NaN stays NaN: the view draws it grey
                p[r * k + c] = (float) (e[c] / sum);
            }
        }
        return p;
    }

    private static float[] toFloats(double[] values, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) values[i];
        }
        return f;
    }
}
