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
    /**
     * The target curve as points of its own: the x it was computed at, and f(x). Every layer is
     * drawn from its own x through the one transform of the axes, so none can be drawn over another
     * layer's x (the target once kept the y of an old grid and was drawn at the new grid's x).
     */
    private double[] targetX = new double[0];
    private double[] targetY = new double[0];
    private double[] trainX = new double[0];
    private double[] trainY = new double[0];
    private double[] testX = new double[0];
    private double[] testY = new double[0];
    private Object shownData;
    /** The function the data came from, kept while points are clicked in, or null. */
    private org.backpropstudio.engine.Target target;
    private long targetGeneration = -1;
    /** The target's formula for the legend, or "" when there is no target curve. */
    private String targetName = "";
    /** Extrapolation split: {train lo, train hi, test lo, test hi}, or null (one range). */
    private double[] ranges;
    private double yMin = -1;
    private double yMax = 1;
    private boolean showContributions;
    private DoubleConsumer onPick;
    private List<org.backpropstudio.training.PinnedRun> pinned = List.of();
    /** Slow motion: a new prediction glides in from the old one over this long (0: at once). */
    private long transitionNanos;
    private long transitionStart;
    /** The curve on screen when the newest prediction arrived, or null: no transition. */
    private double[] from;
    private List<double[]> outsideMarks = List.of();
    /** The prediction as last drawn (possibly part-way through a transition). */
    private double[] drawn = new double[0];

    /** What a click on the chart asks for. */
    public enum Edit { ADD_TRAIN, ADD_TEST, REMOVE }

    /** Receives point edits: the point clicked in, or the exact point to remove. */
    public interface PointEditor {
        void edit(Edit edit, double x, double y);
    }

    private PointEditor pointEditor;
    private boolean picking;

    public FitChart() {
        getStyleClass().add("fit-chart");
        setOnMouseClicked(e -> {
            if (shown == null || e.getX() < left() || e.getX() > right() || e.getY() < top() || e.getY() > bottom()) {
                return;
            }
            boolean remove = e.getButton() == javafx.scene.input.MouseButton.SECONDARY || e.isControlDown();
            if (remove) {
                double[] p = nearestPoint(e.getX(), e.getY());
                if (p != null && pointEditor != null) {
                    pointEditor.edit(Edit.REMOVE, p[0], p[1]);
                }
            } else if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                if (picking && !e.isShiftDown()) {
                    if (onPick != null) {
                        onPick.accept(pickX(e.getX(), e.getY()));
                    }
                } else if (pointEditor != null) {
                    pointEditor.edit(e.isShiftDown() ? Edit.ADD_TEST : Edit.ADD_TRAIN, dataX(e.getX()), dataY(e.getY()));
                }
            }
        });
    }

    /**
     * Clicks add a training point, shift-clicks a test point, right- or ctrl-clicks remove the
     * point under the pointer.
     */
    public void setPointEditor(PointEditor editor) {
        pointEditor = editor;
    }

    /** While picking (the inspector is open), a plain click picks the sample to trace instead. */
    public void setPicking(boolean on) {
        picking = on;
    }

    /** The training or test point within reach of screen (sx, sy), as its exact {x, y}, or null. */
    double[] nearestPoint(double sx, double sy) {
        return nearest(new double[][][] {{trainX, trainY}, {testX, testY}}, sx, sy);
    }

    /** Of the point sets {xs, ys}, the point nearest to screen (sx, sy) within {@link #PICK_RADIUS}, or null. */
    private double[] nearest(double[][][] sets, double sx, double sy) {
        double best = PICK_RADIUS;
        double[] found = null;
        for (double[][] set : sets) {
            for (int i = 0; i < set[0].length; i++) {
                double d = Math.hypot(px(set[0][i]) - sx, py(set[1][i]) - sy);
                if (d < best) {
                    best = d;
                    found = new double[] {set[0][i], set[1][i]};
                }
            }
        }
        return found;
    }

    /** Screen position of data (x, y) (for tests). */
    public javafx.geometry.Point2D screenPosition(double x, double y) {
        return new javafx.geometry.Point2D(px(x), py(y));
    }

    /** Number of test points plotted (for tests). */
    public int testPointCount() {
        return testX.length;
    }

    /** What to do with the x of a click: the x of the training point under it, else the x under it. */
    public void setOnPick(DoubleConsumer action) {
        onPick = action;
    }

    /** The x a click at (sx, sy) picks. */
    double pickX(double sx, double sy) {
        double[] p = nearest(new double[][][] {{trainX, trainY}}, sx, sy);
        return p == null ? dataX(sx) : p[0];
    }

    /** Screen position of a training point (for tests). */
    public javafx.geometry.Point2D trainPointPosition(int i) {
        return new javafx.geometry.Point2D(px(trainX[i]), py(trainY[i]));
    }

    /** Pinned runs' fitted curves, drawn faded under the current one. */
    public void setPinned(List<org.backpropstudio.training.PinnedRun> runs) {
        pinned = List.copyOf(runs);
        redraw();
    }

    /** Pinned fitted curves drawn (for tests). */
    public int ghostCount() {
        return pinned.size();
    }

    /** Draws, or stops drawing, each hidden unit's contribution. */
    public void setShowContributions(boolean show) {
        if (show != showContributions) {
            showContributions = show;
            redraw(); // the legend changes too
        }
    }

    /**
     * Slow motion: each new prediction glides in from the one before over {@code seconds} (eased),
     * so a change can be followed by eye; 0 shows each at once.
     */
    public void setTransitionSeconds(double seconds) {
        transitionNanos = (long) (Math.max(0, seconds) * 1e9);
        if (transitionNanos == 0) {
            from = null;
        }
    }

    /** True while a new prediction is still gliding in. */
    public boolean animating(long nanoTime) {
        return from != null && nanoTime - transitionStart < transitionNanos;
    }

    /** Draws the next frame of a transition (called every frame while {@link #animating}). */
    public void animate() {
        redrawOverlay();
    }

    /** The curve to draw now: the prediction, or part-way to it from the one before (public for tests). */
    public double[] curveNow() {
        long now = System.nanoTime();
        double[] to = shown.prediction();
        if (from == null || from.length != to.length || now - transitionStart >= transitionNanos) {
            return to;
        }
        double t = Math.min(1, Math.max(0, (double) (now - transitionStart) / transitionNanos));
        double eased = t * t * (3 - 2 * t);
        double[] ys = new double[to.length];
        for (int i = 0; i < to.length; i++) {
            ys[i] = Double.isFinite(from[i]) && Double.isFinite(to[i]) ? from[i] + (to[i] - from[i]) * eased : to[i];
        }
        return ys;
    }

    /** Shows a snapshot; the data-dependent parts are recomputed only when the data changes. */
    public void show(Snapshot s) {
        if (s == shown) {
            return;
        }
        boolean sameCurve = shown != null && shown.gridX().length == s.gridX().length
                && shown.generation() == s.generation() && shown.epoch() != s.epoch();
        if (transitionNanos > 0 && sameCurve && drawn.length == s.prediction().length) {
            from = drawn;
            transitionStart = System.nanoTime();
        } else {
            from = null;
        }
        boolean dataChanged = s.train() != shownData || shown == null || shown.test() != s.test()
                || shown.config() != s.config()
                || showContributions && (s.contributions() == null) != (shown.contributions() == null);
        if (dataChanged) {
            prepare(s);
        }
        // the grid sets the x-axis; when it moves (a Reset after points were clicked in), the axes, the
        // target and the prediction's transform all move with it in one full redraw
        boolean gridMoved = !java.util.Arrays.equals(targetX, s.gridX());
        if (dataChanged || gridMoved) {
            traceTarget(s.gridX());
        }
        shown = s;
        if (dataChanged || gridMoved) {
            redraw();
        } else {
            redrawOverlay(); // only the prediction moved
        }
    }

    private void prepare(Snapshot s) {
        shownData = s.train();
        ranges = null;
        if (s.config().data() instanceof DataSpec.FunctionData f) {
            target = f.target();
            targetGeneration = s.generation();
            if (f.separateTestRange()) {
                ranges = new double[] {f.xMin(), f.xMax(), f.testMin(), f.testMax()};
            }
        } else if (s.generation() != targetGeneration) {
            target = null; // other data: points clicked in keep the target they were drawn over
        }
        targetName = target != null ? target.formula() : "";
        trainX = s.train().xColumn();
        trainY = s.train().yColumn();
        testX = s.test().xColumn();
        testY = s.test().yColumn();
    }

    /** The target's curve at {@code xs}, and the y-range that takes in it and the data. */
    private void traceTarget(double[] xs) {
        targetX = xs.clone();
        targetY = new double[target != null ? xs.length : 0];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < targetY.length; i++) {
            targetY[i] = target.value(xs[i]);
            lo = Math.min(lo, targetY[i]);
            hi = Math.max(hi, targetY[i]);
        }
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

    /** The target curve as drawn, {x, y} (for tests): f at each x, at the x it is drawn. */
    public double[][] targetCurve() {
        return new double[][] {targetX.clone(), targetY.clone()};
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
        double yStep = yTickStep(yMin, yMax);
        frame(g, xMin, xMax, xStep, yMin, yMax, yStep, v -> tick(v, xStep), v -> tick(v, yStep), "x", "y");
        clipToPlotArea(g);
        if (ranges != null) {
            band(g, ranges[0], ranges[1], TRAIN, org.backpropstudio.i18n.Messages.text("chart.trainingRange"));
            boolean unseen = ranges[2] >= ranges[1] || ranges[3] <= ranges[0];
            band(g, ranges[2], ranges[3], TEST, org.backpropstudio.i18n.Messages.text(unseen ? "chart.testRangeUnseen" : "chart.testRange"));
        }
        if (targetY.length > 0) {
            polyline(g, targetX, targetY, targetX.length, TARGET, 2, new double[] {7, 5});
        }
        for (int k = 0; k < pinned.size(); k++) {
            var run = pinned.get(k);
            polyline(g, run.x(), run.prediction(), run.x().length, ghostColor(k), 2.5, null);
        }
        dots(g, trainX, trainY, TRAIN, false);
        dots(g, testX, testY, TEST, true);
        endPlotArea(g);
        List<LegendEntry> entries = new ArrayList<>();
        if (!targetName.isEmpty()) {
            entries.add(new LegendEntry(TARGET, org.backpropstudio.i18n.Messages.text("chart.target", targetName),
                    Symbol.LINE));
        }
        entries.add(new LegendEntry(PREDICTION, org.backpropstudio.i18n.Messages.text("chart.prediction"), Symbol.LINE));
        if (trainX.length > 0) {
            entries.add(new LegendEntry(TRAIN, dotsLabel(org.backpropstudio.i18n.Messages.text("chart.trainingPoints"), trainX.length), Symbol.CIRCLE));
        } else if (shown.config().streaming()) {
            // nothing to draw, and a student should know why: every step draws a new batch and keeps none
            entries.add(new LegendEntry(TRAIN, org.backpropstudio.i18n.Messages.text("chart.streamedPoints",
                    shown.config().batchSize()), Symbol.CIRCLE));
        }
        entries.add(new LegendEntry(TEST, dotsLabel(org.backpropstudio.i18n.Messages.text("chart.testPoints"), testX.length), Symbol.SQUARE));
        Contributions c = shown.contributions();
        if (showContributions && c != null) {
            entries.add(new LegendEntry(unitColor(0, 3), org.backpropstudio.i18n.Messages.text(c.identityOutput() ? "chart.units"
                    : "chart.unitsOutput"), Symbol.LINE));
        } else if (showContributions) {
            entries.add(new LegendEntry(TARGET, org.backpropstudio.i18n.Messages.text("chart.contributionsNeed", Contributions.MAX_UNITS),
                    Symbol.LINE));
        }
        legend(g, entries);
    }

    /**
     * Shades [lo, hi] in a faint tint of {@code color} and names it at the top, so students see
     * where the network was shown data and where it has to extrapolate.
     */
    private void band(GraphicsContext g, double lo, double hi, Color color, String name) {
        double x0 = Math.max(px(lo), left());
        double x1 = Math.min(px(hi), right());
        g.setFill(Color.color(color.getRed(), color.getGreen(), color.getBlue(), 0.09));
        g.fillRect(x0, top(), x1 - x0, bottom() - top());
        g.setStroke(Color.color(color.getRed(), color.getGreen(), color.getBlue(), 0.5));
        g.setLineWidth(1);
        g.setLineDashes(4, 4);
        g.strokeLine(x0, top(), x0, bottom());
        g.strokeLine(x1, top(), x1, bottom());
        g.setLineDashes((double[]) null);
        g.setFont(font(0.8));
        g.setFill(color);
        g.setTextAlign(javafx.scene.text.TextAlignment.CENTER);
        g.setTextBaseline(javafx.geometry.VPos.TOP);
        g.fillText(name, (x0 + x1) / 2, top() + 4 * textScale(), Math.max(x1 - x0 - 4, 1));
    }

    /** The shaded {train lo, train hi, test lo, test hi}, or null when train and test share a range (for tests). */
    public double[] shadedRanges() {
        return ranges == null ? null : ranges.clone();
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
        drawn = curveNow();
        polyline(g, xs, drawn, xs.length, PREDICTION, 3, null);
        flushLines(g); // the arrowheads lie over the curves
        List<double[]> tips = new ArrayList<>();
        markOutside(g, xs, drawn, xs.length, PREDICTION, tips);
        if (showContributions && c != null) {
            for (int j = 0; j < c.units(); j++) {
                if (!shown.muted().contains(new HiddenUnit(c.layer(), j))) {
                    markOutside(g, xs, c.curves()[j], xs.length, unitColor(j, c.units()), tips);
                }
            }
        }
        outsideMarks = tips;
        Inspection inspected = shown.inspection();
        if (inspected != null) {
            flushLines(g); // the ring lies over the curve
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

    /** The tips, {x, y} on the canvas, of the arrowheads drawn in the last frame where a curve is beyond the y-axis (for tests). */
    public List<double[]> outsideMarks() {
        return outsideMarks;
    }

    /** The snapshot drawn last, or null (for tests). */
    public Snapshot snapshot() {
        return shown;
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
