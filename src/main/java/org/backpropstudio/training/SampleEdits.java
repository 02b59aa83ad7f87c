package org.backpropstudio.training;

import org.backpropstudio.engine.Dataset;

/** Points clicked in or removed on the fit chart: the training and test sets that result. */
final class SampleEdits {

    private SampleEdits() {
    }

    /** The sets after the sample nearest to (x, y) was removed, and which set it was in. */
    record Removal(Dataset train, Dataset test, boolean fromTraining, double removedX) {
    }

    /** {@code d} with (x, y) added at the end. */
    static Dataset append(Dataset d, double x, double y) {
        double[] xs = java.util.Arrays.copyOf(d.xColumn(), d.size() + 1);
        double[] ys = java.util.Arrays.copyOf(d.yColumn(), d.size() + 1);
        xs[d.size()] = x;
        ys[d.size()] = y;
        return Dataset.of(xs, ys);
    }

    /**
     * The sets without the sample nearest to (x, y) in the plane of the chart, training or test;
     * null when both are empty.
     */
    static Removal removeNearest(Dataset train, Dataset test, double x, double y) {
        Dataset[] sets = {train, test};
        int[] nearest = nearest(new int[] {train.size(), test.size()},
                (k, i) -> Math.hypot(sets[k].x().get(i, 0) - x, sets[k].y().get(i, 0) - y));
        if (nearest == null) {
            return null;
        }
        int bestSet = nearest[0];
        int best = nearest[1];
        Dataset from = sets[bestSet];
        double removedX = from.x().get(best, 0);
        double[] xs = new double[from.size() - 1];
        double[] ys = new double[from.size() - 1];
        for (int i = 0, j = 0; i < from.size(); i++) {
            if (i != best) {
                xs[j] = from.x().get(i, 0);
                ys[j++] = from.y().get(i, 0);
            }
        }
        sets[bestSet] = Dataset.of(xs, ys);
        return new Removal(sets[0], sets[1], bestSet == 0, removedX);
    }

    /** The points of the plane without the one nearest to (x₁, x₂), and which set it was in; null when there are none. */
    static PlaneRemoval removeNearest(org.backpropstudio.engine.DataSpec.PlanePoints points, double x1, double x2) {
        org.backpropstudio.engine.DataSpec.Points[] sets = {points.train(), points.test()};
        int[] nearest = nearest(new int[] {sets[0].size(), sets[1].size()},
                (k, i) -> Math.hypot(sets[k].xy()[i][0] - x1, sets[k].xy()[i][1] - x2));
        if (nearest == null) {
            return null;
        }
        int bestSet = nearest[0];
        int best = nearest[1];
        int label = sets[bestSet].labels()[best];
        sets[bestSet] = sets[bestSet].without(best);
        return new PlaneRemoval(new org.backpropstudio.engine.DataSpec.PlanePoints(sets[0], sets[1], points.classes(),
                java.util.Set.copyOf(points.inputs())), bestSet == 0, label);
    }

    /** The points after a removal, which set the point was in and its class. */
    record PlaneRemoval(org.backpropstudio.engine.DataSpec.PlanePoints points, boolean fromTraining, int label) {
    }

    /** The distance of sample i of set k (0 training, 1 test) from where the user clicked. */
    private interface Distance {
        double of(int set, int i);
    }

    /** {set, index} of the sample nearest to the click among sets of these sizes, the first of equals; null when all are empty. */
    private static int[] nearest(int[] sizes, Distance distance) {
        int[] best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < sizes.length; k++) {
            for (int i = 0; i < sizes[k]; i++) {
                double d = distance.of(k, i);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = new int[] {k, i};
                }
            }
        }
        return best;
    }
}
