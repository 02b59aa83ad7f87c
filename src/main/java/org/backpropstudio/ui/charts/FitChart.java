package org.backpropstudio.ui.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import java.util.function.DoubleConsumer;
import javafx.scene.paint.Color;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.training.Contributions;
import org.backpropstudio.training.HiddenUnit;
import org.backpropstudio.training.Inspection;
import org.backpropstudio.training.Snapshot;

/**
 * The centre of attention: the target function, the network's prediction over the data range,
 * and the training and test points. The axes are fixed by the data (not by the prediction), so
 * the view stays still while the curve moves. On request it also draws each last-hidden-unit's
 * contribution {@code vⱼ·hⱼ(x)} as a thin curve, and rings the sample the inspector traces.
 */
public final class FitChart extends Plot {

    static final Color PREDICTION = Color.web("#2f7ed8");
    static final Color TARGET = Color.web("#8c959f");
    static final Color TRAIN = Color.web("#f08a24");
    static final Color TEST = Color.web("#b5489c");
    static final Color INSPECTED = Color.web("#8250df");
    /** Clicks within this many pixels of a training point pick that point. */
    private static final double PICK_RADIUS = 10;

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
    private boolean showContributions;
    private DoubleConsumer onPick;

    public FitChart() {
        getStyleClass().add("fit-chart");
        setOnMouseClicked(e -> {
            if (onPick != null && shown != null && e.getX() >= left() && e.getX() <= right()) {
                onPick.accept(pickX(e.getX(), e.getY()));
            }
        });
    }

    /** What to do with the x of a click: the x of the training point under it, else the x under it. */
    public void setOnPick(DoubleConsumer action) {
        onPick = action;
    }

    /** The x a click at (sx, sy) picks. */
    double pickX(double sx, double sy) {
        double best = PICK_RADIUS;
        double x = dataX(sx);
        for (int i = 0; i < trainX.length; i++) {
            double d = Math.hypot(px(trainX[i]) - sx, py(trainY[i]) - sy);
            if (d < best) {
                best = d;
                x = trainX[i];
            }
        }
        return x;
    }

    /** Screen position of a training point (for tests). */
    public javafx.geometry.Point2D trainPointPosition(int i) {
        return new javafx.geometry.Point2D(px(trainX[i]), py(trainY[i]));
    }

    /** Draws, or stops drawing, each hidden unit's contribution. */
    public void setShowContributions(boolean show) {
        if (show != showContributions) {
            showContributions = show;
            redraw(); // the legend changes too
        }
    }

    /** Shows a snapshot; the data-dependent parts are recomputed only when the data changes. */
    public void show(Snapshot s) {
        if (s == shown) {
            return;
        }
        boolean dataChanged = s.train() != shownData || shown == null || shown.test() != s.test()
                || shown.config() != s.config()
                || showContributions && (s.contributions() == null) != (shown.contributions() == null);
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
        double xStep = xTickStep(xMin, xMax);
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
            entries.add(new LegendEntry(TRAIN, dotsLabel("training points", trainX.length), Symbol.CIRCLE));
        }
        entries.add(new LegendEntry(TEST, dotsLabel("test points", testX.length), Symbol.SQUARE));
        Contributions c = shown.contributions();
        if (showContributions && c != null) {
            entries.add(new LegendEntry(unitColor(0, 3), c.identityOutput() ? "units vⱼ·hⱼ(x), Σ + c = prediction"
                    : "units vⱼ·hⱼ(x), Σ + c = z, prediction = f(z)", Symbol.LINE));
        } else if (showContributions) {
            entries.add(new LegendEntry(TARGET, "contributions need ≤ " + Contributions.MAX_UNITS
                    + " units in the last hidden layer and one output", Symbol.LINE));
        }
        legend(g, entries);
    }

    @Override
    protected void drawOverlay(GraphicsContext g) {
        if (shown == null) {
            return;
        }
        double[] xs = shown.gridX();
        Contributions c = shown.contributions();
        if (showContributions && c != null) {
            for (int j = 0; j < c.units(); j++) {
                if (shown.muted().contains(new HiddenUnit(c.layer(), j))) {
                    continue; // contributes nothing
                }
                polyline(g, xs, c.curves()[j], xs.length, unitColor(j, c.units()), 1.2, null);
            }
        }
        polyline(g, xs, shown.prediction(), xs.length, PREDICTION, 3, null);
        Inspection inspected = shown.inspection();
        if (inspected != null) {
            double r = 7 * textScale();
            g.setStroke(INSPECTED);
            g.setLineWidth(2.5 * textScale());
            g.strokeOval(px(inspected.x()) - r, py(inspected.y()) - r, 2 * r, 2 * r);
        }
    }

    /** A colour per unit, spread around the hue circle, a little transparent. */
    static Color unitColor(int unit, int units) {
        return Color.hsb(360.0 * unit / Math.max(units, 1), 0.65, 0.8, 0.8);
    }

    /** True when the contributions are drawn and there are some (for tests). */
    public boolean contributionsDrawn() {
        return showContributions && shown != null && shown.contributions() != null;
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
