package org.backpropstudio.ui.charts;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import org.backpropstudio.training.LossCurve;
import org.backpropstudio.training.Marker;

/**
 * Train and test loss per epoch on a logarithmic y-axis (ticks 10⁻³, 10⁻², …), with live changes
 * drawn as labelled vertical markers. The history arrives bucketed; the chart draws at most
 * {@link #COLUMNS} columns, each spanning its minimum and maximum, so spikes stay visible.
 */
public final class LossChart extends Plot {

    /** Columns drawn at most per curve. */
    public static final int COLUMNS = 600;

    static final Color TRAIN = Color.web("#2f7ed8");
    static final Color TEST = Color.web("#b5489c");

    private LossCurve.View losses = LossCurve.View.EMPTY;
    private List<Marker> markers = List.of();
    private int points;

    public LossChart() {
        getStyleClass().add("loss-chart");
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

    @Override
    protected void draw(GraphicsContext g) {
        int n = losses.size();
        int lastEpoch = n == 0 ? 0 : losses.epoch()[n - 1];
        double xMax = niceUpperBound(Math.max(10, lastEpoch));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : new double[][] {losses.trainMin(), losses.testMin()}) {
            for (double v : a) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                }
            }
        }
        for (double[] a : new double[][] {losses.trainMax(), losses.testMax()}) {
            for (double v : a) {
                if (v > 0 && Double.isFinite(v)) {
                    hi = Math.max(hi, v);
                }
            }
        }
        double yMin = lo <= hi ? Math.floor(Math.log10(lo)) : -3;
        double yMax = lo <= hi ? Math.max(Math.ceil(Math.log10(hi)), yMin + 1) : 0;
        double xStep = xTickStep(0, xMax);
        double yStep = Math.max(1, Math.ceil((yMax - yMin) / 8));
        frame(g, 0, xMax, xStep, yMin, yMax, yStep, v -> tick(v, xStep), LossChart::powerOfTen, "epoch",
                "loss (log scale)");
        clipToPlotArea(g);
        points = 0;
        curve(g, losses.trainMin(), losses.trainMax(), TRAIN);
        curve(g, losses.testMin(), losses.testMax(), TEST);
        drawMarkers(g);
        g.restore();
        legend(g, List.of(new LegendEntry(TRAIN, "train loss", Symbol.LINE), new LegendEntry(TEST, "test loss", Symbol.LINE)));
    }

    /** Per column its minimum then its maximum, as one polyline in log10. */
    private void curve(GraphicsContext g, double[] min, double[] max, Color color) {
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
                if (min[i] > 0 && Double.isFinite(min[i])) {
                    colLo = Math.min(colLo, min[i]);
                }
                if (max[i] > 0 && Double.isFinite(max[i])) {
                    colHi = Math.max(colHi, max[i]);
                }
            }
            if (colLo > colHi) {
                xs[k] = epochs[start];
                ys[k++] = Double.NaN; // a break in the line
                continue;
            }
            xs[k] = epochs[start];
            ys[k++] = Math.log10(colLo);
            if (colHi > colLo) {
                xs[k] = epochs[start];
                ys[k++] = Math.log10(colHi);
            }
        }
        points += k;
        polyline(g, xs, ys, k, color, 2, null);
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
            // right of the line, or left of it where the chart's right edge would cut it
            double width = textWidth(m.label(), textScale());
            boolean flip = x + 3 + width > right() && x - 3 - width >= left();
            double start = flip ? x - 3 - width : x + 3;
            for (int row = 0; row < LABEL_ROWS; row++) {
                if (start >= rowEnds[row]) {
                    g.setTextAlign(flip ? TextAlignment.RIGHT : TextAlignment.LEFT);
                    g.fillText(m.label(), flip ? x - 3 : x + 3, top() + 2 + row * 14 * textScale());
                    rowEnds[row] = start + width + 4;
                    labelsDrawn++;
                    break;
                }
            }
        }
    }

    private static final int LABEL_ROWS = 4;
    private int labelsDrawn;

    /** How many marker labels the last drawing showed (for tests). */
    int labelsDrawn() {
        return labelsDrawn;
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
