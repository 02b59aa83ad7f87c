package org.backpropstudio.training;

import java.util.List;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Feature;

/**
 * What a classifier's views draw, as of one snapshot; null in a regression's snapshot. Sealed:
 * a new kind of classifier data is a new report the compiler makes every view handle.
 */
public sealed interface ClassReport {

    /** Classes the network tells apart. */
    int classes();

    /**
     * Classes of points in the plane: the points, and the network over a grid of the plane
     * [−extent, extent]², cell (i, j) at column i (x₁ rising) and row j (x₂ falling from the top),
     * so an image of it is the plane as drawn.
     *
     * @param probabilities (resolution² × classes) row-major: softmax of the outputs at each cell
     * @param hidden        per hidden layer, (resolution² × units) row-major: each unit's activation
     *                      at each cell; empty when the hidden layers are too wide to map every frame
     * @param features      the network's inputs, in order
     */
    record Plane(int classes, double extent, int resolution, float[] probabilities, List<float[]> hidden,
                 DataSpec.PointSets points, List<Feature> features) implements ClassReport {

        /** The x₁ (or x₂, from the top) at the centre of cell i of a row (or column). */
        public double coordinate(int i) {
            return coordinate(extent, resolution, i);
        }

        /** The centre of cell i of {@code resolution} across [−extent, extent]. */
        static double coordinate(double extent, int resolution, int i) {
            return -extent + (i + 0.5) * 2 * extent / resolution;
        }
    }

    /**
     * Images with a class each (the digits): the predictions for the first test images, and the
     * confusion of the whole test set as of the epoch it was counted at.
     *
     * @param side          an image is side × side pixels (a test row's inputs, row by row)
     * @param probabilities (shown × classes): softmax of the outputs for test images 0 … shown − 1
     * @param confusion     confusion[true][predicted]: test images of each class, by the class given
     * @param countedAt     the epoch the confusion was counted after (0: before training)
     * @param drawn         the probabilities of the input the user drew ({@link Command.ReadDrawing}), or null
     */
    record Images(int classes, int side, float[] probabilities, int[][] confusion, int countedAt, float[] drawn)
            implements ClassReport {

        /** Test images with a prediction here. */
        public int shown() {
            return probabilities.length / classes;
        }

        /** The class predicted for test image i (its largest probability). */
        public int predicted(int i) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (probabilities[i * classes + c] > probabilities[i * classes + best]) {
                    best = c;
                }
            }
            return best;
        }
    }
}
