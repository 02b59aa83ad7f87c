package org.backpropstudio.ui.charts;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.backpropstudio.training.LossCurve;
import org.backpropstudio.training.Marker;
import org.backpropstudio.training.PinnedRun;

/**
 * Train and test loss per epoch on a logarithmic y-axis (ticks 10⁻³, 10⁻², …), or a classifier's
 * train and test accuracy on a linear one from 0 to 100 %, with live changes drawn as labelled
 * vertical markers. The history arrives bucketed; the chart draws at most
 * {@link #COLUMNS} columns, each spanning its minimum and maximum, so spikes stay visible.
 */
public final class LossChart extends Plot {

    /** Columns drawn at most per curve. */
    public static final int COLUMNS = 600;

    static final Color TRAIN = Color.web("#2f7ed8");
    static final Color TEST = Color.web("#b5489c");

    private LossCurve.View losses = LossCurve.View.EMPTY;
    private List<Marker> markers = List.of();
    private List<PinnedRun> pinned = List.of();
    private int points;

    /** True for the accuracy chart: shares from 0 to 1 drawn as 0–100 % on a linear axis. */
    private final boolean accuracy;

    /** The loss chart. */
    public LossChart() {
        this(false);
    }

    /** The loss chart, or with {@code accuracy} the accuracy chart. */
    public LossChart(boolean accuracy) {
        this.accuracy = accuracy;
        getStyleClass().add(accuracy ? "accuracy-chart" : "loss-chart");
    }

    /** Where a value lies on the y-axis: log10 of a loss, or a share in %. */
    private double y(double v) {
        return accuracy ? 100 * v : Math.log10(v);
    }

    /** A value the axis can show: a positive finite loss, or any finite share. */
    private boolean drawable(double v) {
        return Double.isFinite(v) && (accuracy ? v >= 0 : v > 0);
    }

    /** Shows a history and its markers. */
    public void show(LossCurve.View history, List<Marker> changes) {
        if (history == losses && changes.equals(markers)) {
            return;
        }
        losses = history;
        markers = changes;
        redraw();
    }

    /** Pinned runs, drawn as faded ghosts behind the current curves (the axes take them in). */
    public void setPinned(List<PinnedRun> runs) {
        pinned = List.copyOf(runs);
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g) {
        int lastEpoch = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<LossCurve.View> all = new java.util.ArrayList<>();
        all.add(losses);
        pinned.forEach(p -> all.add(p.losses()));
        for (LossCurve.View v : all) {
            if (v.size() > 0) {
                lastEpoch = Math.max(lastEpoch, v.epoch()[v.size() - 1]);
            }
            for (double[] a : new double[][] {v.trainMin(), v.testMin()}) {
                for (double x : a) {
                    if (x > 0 && Double.isFinite(x)) {
                        lo = Math.min(lo, x);
                    }
                }
            }
            for (double[] a : new double[][] {v.trainMax(), v.testMax()}) {
                for (double x : a) {
                    if (x > 0 && Double.isFinite(x)) {
                        hi = Math.max(hi, x);
                    }
                }
            }
        }
        double xMax = niceUpperBound(Math.max(10, lastEpoch));
        double yMin = accuracy ? 0 : lo <= hi ? Math.floor(Math.log10(lo)) : -3;
        double yMax = accuracy ? 100 : lo <= hi ? Math.max(Math.ceil(Math.log10(hi)), yMin + 1) : 0;
        double xStep = epochTickStep(0, xMax);
        double yStep = accuracy ? 20 : Math.max(1, Math.ceil((yMax - yMin) / 8));
        frame(g, 0, xMax, xStep, yMin, yMax, yStep, v -> tick(v, xStep),
                accuracy ? v -> org.backpropstudio.i18n.NumberText.plain(v) + " %" : LossChart::powerOfTen,
                org.backpropstudio.i18n.Messages.text("chart.epoch"),
                org.backpropstudio.i18n.Messages.text(accuracy ? "chart.accuracyAxis" : "chart.lossAxis"));
        clipToPlotArea(g);
        points = 0;
        ghostLabels.clear();
        for (int k = 0; k < (accuracy ? 0 : pinned.size()); k++) { // pinned runs keep their losses only
            LossCurve.View v = pinned.get(k).losses();
            Color ghost = ghostColor(k);
            curve(g, v, v.trainMin(), v.trainMax(), ghost, 1.5, null);
            curve(g, v, v.testMin(), v.testMax(), ghost, 1.5, new double[] {5, 4});
            ghostLabel(g, pinned.get(k).label(), v, ghost);
        }
        curve(g, losses, losses.trainMin(), losses.trainMax(), TRAIN, 2, null);
        curve(g, losses, losses.testMin(), losses.testMax(), TEST, 2, null);
        flushLines(g); // the markers and their labels lie over the curves
        drawMarkers(g);
        endPlotArea(g);
        legend(g, List.of(new LegendEntry(TRAIN, org.backpropstudio.i18n.Messages.text(accuracy ? "status.trainAccuracy"
                        : "status.trainLoss"), Symbol.LINE),
                new LegendEntry(TEST, org.backpropstudio.i18n.Messages.text(accuracy ? "status.testAccuracy"
                        : "status.testLoss"), Symbol.LINE)));
    }

    /** The pinned runs' labels drawn so far in this drawing, as {x0, y0, x1, y1}. */
    private final List<double[]> ghostLabels = new java.util.ArrayList<>();

    /**
     * A pinned run's label at the end of its train curve, moved up a line at a time while it would
     * cover another pinned run's label.
     */
    private void ghostLabel(GraphicsContext g, String label, LossCurve.View v, Color color) {
        for (int i = v.size() - 1; i >= 0; i--) {
            if (v.trainMin()[i] > 0 && Double.isFinite(v.trainMin()[i])) {
                g.setFont(font(0.8));
                g.setFill(color.deriveColor(0, 1, 0.8, 1 / color.getOpacity()));
                double x = px(v.epoch()[i]);
                double width = textWidth(label, textScale());
                double height = 13 * textScale();
                boolean flip = x + 4 + width > right();
                double x0 = flip ? x - 4 - width : x + 4;
                double bottom = py(Math.log10(v.trainMin()[i])) - 2;
                for (boolean moved = true; moved; ) {
                    moved = false;
                    for (double[] r : ghostLabels) {
                        if (x0 < r[2] && x0 + width > r[0] && bottom - height < r[3] && bottom > r[1]) {
                            bottom = r[1] - 1;
                            moved = true;
                        }
                    }
                }
                ghostLabels.add(new double[] {x0, bottom - height, x0 + width, bottom});
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.BOTTOM);
                g.fillText(label, x0, bottom);
                return;
            }
        }
    }

    /** Per column its minimum then its maximum, as one polyline in log10 (or in %). */
    private void curve(GraphicsContext g, LossCurve.View losses, double[] min, double[] max, Color color,
                       double width, double[] dashes) {
        int n = losses.size();
        int group = Math.max(1, (n + COLUMNS - 1) / COLUMNS);
        double[] xs = new double[2 * (n / group + 1)];
        double[] ys = new double[xs.length];
        int k = 0;
        int[] epochs = losses.epoch();
        for (int start = 0; start < n; start += group) {
            double colLo = Double.POSITIVE_INFINITY;
            double colHi = Double.NEGATIVE_INFINITY;
            for (int i = start; i < Math.min(n, start + group); i++) {
                if (drawable(min[i])) {
                    colLo = Math.min(colLo, min[i]);
                }
                if (drawable(max[i])) {
                    colHi = Math.max(colHi, max[i]);
                }
            }
            if (colLo > colHi) {
                xs[k] = epochs[start];
                ys[k++] = Double.NaN; // a break in the line
                continue;
            }
            xs[k] = epochs[start];
            ys[k++] = y(colLo);
            if (colHi > colLo) {
                xs[k] = epochs[start];
                ys[k++] = y(colHi);
            }
        }
        points += k;
        polyline(g, xs, ys, k, color, width, dashes);
    }

    /**
     * The markers: one dashed line per pixel column however many changes fall on it, and a label
     * on the first of four rows where it does not run into the one before (left of its line near
     * the right edge); labels that fit nowhere are left out (a burst of changes would otherwise be an unreadable pile, and each
     * dashed line costs the software renderer a long stroke).
     */
    private void drawMarkers(GraphicsContext g) {
        g.setFont(font(0.8));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setStroke(textColor());
        g.setFill(textColor());
        g.setLineWidth(1);
        double lastLine = Double.NEGATIVE_INFINITY;
        double[] rowEnds = new double[LABEL_ROWS];
        java.util.Arrays.fill(rowEnds, Double.NEGATIVE_INFINITY);
        labelsDrawn = 0;
        for (Marker m : markers) {
            double x = Math.round(px(m.epoch())) + 0.5;
            if (x != lastLine) {
                g.setLineDashes(4, 4);
                g.strokeLine(x, top(), x, bottom());
                g.setLineDashes((double[]) null);
                lastLine = x;
            }
            // right of the line, or left of it where the chart's right edge would cut it; where
            // neither side holds it (lecture mode's narrow column), on the roomier side, narrowed
            double full = textWidth(m.label(), textScale());
            double roomRight = right() - x - 3;
            double roomLeft = x - 3 - left();
            boolean flip = full > roomRight && roomLeft > roomRight;
            double width = Math.max(1, Math.min(full, flip ? roomLeft : roomRight));
            double start = flip ? x - 3 - width : x + 3;
            for (int row = 0; row < LABEL_ROWS; row++) {
                if (start >= rowEnds[row]) {
                    g.setTextAlign(flip ? TextAlignment.RIGHT : TextAlignment.LEFT);
                    g.fillText(m.label(), flip ? x - 3 : x + 3, top() + 2 + row * 14 * textScale(), width);
                    rowEnds[row] = start + width + 4;
                    lastLabelSpan[0] = start;
                    lastLabelSpan[1] = start + width;
                    labelsDrawn++;
                    break;
                }
            }
        }
    }

    private static final int LABEL_ROWS = 4;
    private int labelsDrawn;

    /** Where the last marker label drawn began and ended, x in the chart (for tests). */
    private final double[] lastLabelSpan = new double[2];

    /** How many marker labels the last drawing showed (for tests). */
    int labelsDrawn() {
        return labelsDrawn;
    }

    /** The last marker label's [left, right] in the chart's x (for tests). */
    double[] lastLabelSpan() {
        return lastLabelSpan.clone();
    }

    /** Tick labels for log10 values: 10⁻³, 10⁰, 10². */
    static String powerOfTen(double v) {
        if (v != Math.rint(v)) {
            return "";
        }
        String superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        int k = (int) v;
        StringBuilder s = new StringBuilder("10");
        if (k < 0) {
            s.append('⁻');
        }
        for (char c : Integer.toString(Math.abs(k)).toCharArray()) {
            s.append(superscripts.charAt(c - '0'));
        }
        return s.toString();
    }

    /** The smallest of 1, 2, 5 × 10ⁿ at or above n: the epoch axis grows in calm steps. */
    static double niceUpperBound(double n) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(n)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= n) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Points in the last drawing of both curves (for tests). */
    public int pointCount() {
        return points;
    }
}
