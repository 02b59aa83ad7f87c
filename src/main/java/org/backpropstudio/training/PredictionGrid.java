package org.backpropstudio.training;

import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.TrainingConfig;

/** Where the studio draws the network's prediction curve: the x of its points. */
public final class PredictionGrid {

    /** Points of the prediction curve. */
    public static final int POINTS = 200;

    private PredictionGrid() {
    }

    /**
     * {@link #POINTS} evenly spaced x over the data's range: a function's span, or the samples'
     * range padded by 5 %; while points are clicked in ({@code clickRange} not null), the range the
     * chart had, widened to take them in.
     */
    static double[] over(TrainingConfig config, Dataset train, Dataset test, double[] clickRange) {
        double lo;
        double hi;
        if (config.data() instanceof DataSpec.FunctionData f) {
            lo = f.span()[0];
            hi = f.span()[1];
        } else {
            // while points are clicked in, the chart keeps the range it had, widened to take them in
            lo = clickRange == null ? Double.POSITIVE_INFINITY : clickRange[0];
            hi = clickRange == null ? Double.NEGATIVE_INFINITY : clickRange[1];
            for (Dataset d : new Dataset[] {train, test}) {
                for (int i = 0; i < d.size(); i++) {
                    lo = Math.min(lo, d.x().get(i, 0));
                    hi = Math.max(hi, d.x().get(i, 0));
                }
            }
            if (!(lo <= hi)) {
                lo = -1; // no samples at all
                hi = 1;
            }
            double pad = clickRange != null ? 0 : hi > lo ? 0.05 * (hi - lo) : 1;
            lo -= pad;
            hi += pad;
        }
        double[] xs = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            xs[i] = lo + (hi - lo) * i / (POINTS - 1);
        }
        return xs;
    }
}
