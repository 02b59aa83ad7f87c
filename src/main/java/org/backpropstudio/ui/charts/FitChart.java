package org.backpropstudio.ui.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.training.Snapshot;

/**
 * The centre of attention: the target function, the network's prediction over the data range,
 * and the training and test points. The axes are fixed by the data (not by the prediction), so
 * the view stays still while the curve moves.
 */
public final class FitChart extends Plot {

    static final Color PREDICTION = Color.web("#2f7ed8");
    static final Color TARGET = Color.web("#8c959f");
    static final Color TRAIN = Color.web("#f08a24");
    static final Color TEST = Color.web("#b5489c");

    private Snapshot shown;
    private double[] targetY = new double[0];
    private double[] trainX = new double[0];
    private double[] trainY = new double[0];
    private double[] testX = new double[0];
    private double[] testY = new double[0];
    private Object shownData;
    private String targetName = "target";
    private double yMin = -1;
    private double yMax = 1;

    public FitChart() {
        getStyleClass().add("fit-chart");
    }

    /** Shows a snapshot; the data-dependent parts are recomputed only when the data changes. */
    public void show(Snapshot s) {
        if (s == shown) {
            return;
        }
        boolean dataChanged = s.train() != shownData || shown == null || shown.test() != s.test()
                || shown.config() != s.config();
        if (dataChanged) {
            prepare(s);
        }
        shown = s;
        if (dataChanged) {
            redraw();
        } else {
            redrawOverlay(); // only the prediction moved
        }
    }

    private void prepare(Snapshot s) {
        shownData = s.train();
        double[] xs = s.gridX();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        if (s.config().data() instanceof DataSpec.FunctionData f) {
            targetY = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                targetY[i] = f.target().value(xs[i]);
                lo = Math.min(lo, targetY[i]);
                hi = Math.max(hi, targetY[i]);
            }
            targetName = "target " + f.target().formula();
        } else {
            targetY = new double[0];
            targetName = "";
        }
        trainX = s.train().xColumn();
        trainY = s.train().yColumn();
        testX = s.test().xColumn();
        testY = s.test().yColumn();
        for (double[] ys : new double[][] {trainY, testY}) {
            for (double y : ys) {
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
        }
        if (!(lo <= hi)) {
            lo = -1;
            hi = 1;
        }
        double span = Math.max(hi - lo, 1e-6);
        yMin = lo - 0.2 * span;
        yMax = hi + 0.2 * span;
    }

    @Override
    protected void draw(GraphicsContext g) {
        if (shown == null) {
            return;
        }
        double[] xs = shown.gridX();
        double xMin = xs[0];
        double xMax = xs[xs.length - 1];
        double xStep = niceStep(xMax - xMin);
        double yStep = niceStep(yMax - yMin);
        frame(g, xMin, xMax, xStep, yMin, yMax, yStep, v -> tick(v, xStep), v -> tick(v, yStep), "x", "y");
        clipToPlotArea(g);
        if (targetY.length > 0) {
            polyline(g, xs, targetY, xs.length, TARGET, 2, new double[] {7, 5});
        }
        dots(g, trainX, trainY, TRAIN, false);
        dots(g, testX, testY, TEST, true);
        g.restore();
        List<LegendEntry> entries = new ArrayList<>();
        if (!targetName.isEmpty()) {
            entries.add(new LegendEntry(TARGET, targetName, Symbol.LINE));
        }
        entries.add(new LegendEntry(PREDICTION, "prediction", Symbol.LINE));
        if (trainX.length > 0) {
            entries.add(new LegendEntry(TRAIN, "training points", Symbol.CIRCLE));
        }
        entries.add(new LegendEntry(TEST, "test points", Symbol.SQUARE));
        legend(g, entries);
    }

    @Override
    protected void drawOverlay(GraphicsContext g) {
        if (shown != null) {
            double[] xs = shown.gridX();
            polyline(g, xs, shown.prediction(), xs.length, PREDICTION, 3, null);
        }
    }

    /** The plotted prediction (for tests). */
    public double[] predictionValues() {
        return shown == null ? new double[0] : shown.prediction().clone();
    }

    /** Number of training points plotted (for tests). */
    public int trainPointCount() {
        return trainX.length;
    }
}
