package org.backpropstudio.ui.charts;

import java.util.List;
import java.util.function.DoubleFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backpropstudio.ui.CanvasPane;
import org.backpropstudio.ui.StrokeRaster;

/**
 * A plot drawn on a canvas: axes with calm tick steps, a grid, a legend, and a plot area that
 * clips what is drawn in it. One redraw costs a few hundred canvas calls and creates no nodes,
 * which keeps the studio within its frame budget while training at full speed (JavaFX's
 * {@code LineChart} did not: see the README's "Studio speed").
 */
public abstract class Plot extends CanvasPane {

    /** One legend entry: a colour, a label, and how its symbol is drawn. */
    protected record LegendEntry(Color color, String label, Symbol symbol) {
    }

    /** A legend symbol: a line, a hollow circle, a hollow square. */
    protected enum Symbol { LINE, CIRCLE, SQUARE }

    private final Canvas canvas;
    /** Drawn over the canvas: what changes every frame, so the rest need not be redrawn. */
    private final Canvas overlay;
    /** Curves are this much thicker than their nominal width (lecture mode: 2). */
    private double lineScale = 1;
    private boolean dark;
    private boolean highContrast;
    private Color text = Color.web("#57606a");
    private Color grid = Color.web("#d0d7de");
    private Color axis = Color.web("#8c959f");

    protected Plot() {
        this(new Canvas(), new Canvas());
    }

    private Plot(Canvas canvas, Canvas overlay) {
        super(400, 260, canvas, overlay);
        this.canvas = canvas;
        this.overlay = overlay;
        overlay.setMouseTransparent(true);
        setMinSize(160, 120);
        // every word and number drawn follows the language
        org.backpropstudio.ui.Localized.onSwitch(this, () -> {
            redraw();
            redrawOverlay();
        });
    }

    /** Colours for a light or a dark background. */
    public void setDark(boolean dark) {
        this.dark = dark;
        applyColours();
    }

    /**
     * Lecture mode: full-strength text and axes, darker grid lines, curves {@code lineScale}
     * times thicker, for a projector across a lecture hall.
     */
    public void setLecture(boolean highContrast, double lineScale) {
        this.highContrast = highContrast;
        this.lineScale = lineScale;
        applyColours();
    }

    private void applyColours() {
        if (highContrast) {
            text = Color.web(dark ? "#ffffff" : "#000000");
            grid = Color.web(dark ? "#6e7681" : "#8c959f");
            axis = Color.web(dark ? "#ffffff" : "#000000");
        } else {
            text = Color.web(dark ? "#c9d1d9" : "#57606a");
            grid = Color.web(dark ? "#30363d" : "#d0d7de");
            axis = Color.web(dark ? "#6e7681" : "#8c959f");
        }
        redraw();
    }

    /** The colours of pinned runs' ghosts, by pin order (the chips above the fit chart use them too). */
    // grey last: the target curve is grey (dashed), and the first ghost must not look like it
    private static final String[] GHOSTS = {"#1a7f37", "#bf8700", "#cf222e", "#8250df", "#6e7781"};

    /** Pinned run {@code k}'s colour, as CSS text. */
    public static String ghostColorWeb(int k) {
        return GHOSTS[k % GHOSTS.length];
    }

    /** Pinned run {@code k}'s ghost colour: its own hue, faded. */
    protected static Color ghostColor(int k) {
        return Color.web(ghostColorWeb(k), 0.55);
    }

    /** How much thicker curves are drawn than their nominal width. */
    protected double lineScale() {
        return lineScale;
    }

    /** Draws everything again from the current data. */
    @Override
    protected final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (getWidth() < 60 || getHeight() < 60) {
            overlay.getGraphicsContext2D().clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
            return;
        }
        lines.begin(canvas.getWidth(), canvas.getHeight(), outputScale());
        draw(g);
        lines.flush(g);
        redrawOverlay();
    }

    /** Draws only the overlay again (after {@link #redraw()} has set up the axes). */
    protected final void redrawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
        if (getWidth() >= 60 && getHeight() >= 60) {
            overlayLines.begin(overlay.getWidth(), overlay.getHeight(), outputScale());
            clipToPlotArea(g);
            drawOverlay(g);
            endPlotArea(g);
        }
    }

    /** The curves of each canvas, drawn by our own code rather than the renderer's (see {@link StrokeRaster}). */
    private final StrokeRaster lines = new StrokeRaster();
    private final StrokeRaster overlayLines = new StrokeRaster();

    private StrokeRaster linesOf(GraphicsContext g) {
        return g == overlay.getGraphicsContext2D() ? overlayLines : lines;
    }

    /**
     * Puts the curves drawn so far on {@code g}, so that what is drawn next lies over them (they
     * wait in a {@link StrokeRaster} until then).
     */
    protected void flushLines(GraphicsContext g) {
        linesOf(g).flush(g);
    }

    /** Subclasses draw their content; {@link #frame} sets up axes first. */
    protected abstract void draw(GraphicsContext g);

    /** What changes every frame, drawn over the content and clipped to the plot area; none by default. */
    protected void drawOverlay(GraphicsContext g) {
    }

    // ---- geometry of the plot area, set by frame()
    private double left;
    private double right;
    private double top;
    private double bottom;
    private double x0;
    private double xStep;
    private double x1;
    private double y0;
    private double y1;

    protected double left() {
        return left;
    }

    protected double right() {
        return right;
    }

    protected double top() {
        return top;
    }

    protected double bottom() {
        return bottom;
    }

    /** Screen x of a data x. */
    /** The x-axis as last framed, {from, to, tick step}: what every layer's x is drawn against (for tests). */
    public double[] xAxis() {
        return new double[] {x0, x1, xStep};
    }

    protected double px(double x) {
        return left + (x - x0) / (x1 - x0) * (right - left);
    }

    /** Data x of a screen x (the inverse of {@link #px}). */
    protected double dataX(double sx) {
        return x0 + (sx - left) / (right - left) * (x1 - x0);
    }

    /** The data y at screen y. */
    protected double dataY(double sy) {
        return y0 + (bottom - sy) / (bottom - top) * (y1 - y0);
    }

    /** Screen y of a data y. */
    protected double py(double y) {
        return bottom - (y - y0) / (y1 - y0) * (bottom - top);
    }

    protected Font font(double em) {
        return Font.font(textSize(em));
    }

    /**
     * Draws the grid, the axes with ticks every {@code xStep} and {@code yStep} from multiples of
     * the step, their labels and titles, and leaves room for a legend line under the x title.
     */
    protected void frame(GraphicsContext g, double xMin, double xMax, double xStep, double yMin, double yMax,
                         double yStep, DoubleFunction<String> xLabel, DoubleFunction<String> yLabel, String xTitle,
                         String yTitle) {
        x0 = xMin;
        x1 = xMax > xMin ? xMax : xMin + 1;
        this.xStep = xStep;
        y0 = yMin;
        y1 = yMax > yMin ? yMax : yMin + 1;
        double s = textScale();
        // short charts (the loss chart under lecture mode's large text on a 720-pixel projector)
        // leave out the x title, which the ticks make plain, and keep the height for the plot
        compact = compactAt(getHeight());
        left = 62 * s;
        right = getWidth() - 14 * s;
        top = TOP_MARGIN * s;
        bottom = getHeight() - bottomMargin(compact) * s;
        g.setFont(font(0.85));
        g.setLineWidth(1);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        // grid lines are one-pixel rectangles: the pixels of a 1-wide stroke on a pixel centre,
        // without the software rasterizer's 0.15 ms per long stroked line
        for (double x = Math.ceil(x0 / xStep) * xStep; x <= x1 + 1e-9 * xStep; x += xStep) {
            double sx = Math.round(px(x)) + 0.5;
            g.setFill(grid);
            g.fillRect(sx - 0.5, top, 1, bottom - top);
            g.setFill(text);
            String label = xLabel.apply(x);
            // the last label may not fit beside the plot's right edge: end it at the pane's edge
            boolean overflows = sx + textWidth(label, s) / 2 > getWidth() - 2;
            g.setTextAlign(overflows ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(label, overflows ? getWidth() - 2 : sx, bottom + 10 * s);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        for (double y = Math.ceil(y0 / yStep) * yStep; y <= y1 + 1e-9 * yStep; y += yStep) {
            double sy = Math.round(py(y)) + 0.5;
            g.setFill(grid);
            g.fillRect(left, sy - 0.5, right - left, 1);
            g.setFill(text);
            g.fillText(yLabel.apply(y), left - 6 * s, sy);
        }
        g.setStroke(axis);
        g.strokeRect(left + 0.5, top + 0.5, right - left, bottom - top);
        g.setFill(text);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFont(font(0.9));
        if (!compact) {
            g.fillText(xTitle, (left + right) / 2, bottom + 27 * s);
        }
        // the y title runs along the axis, centred on the plot: drawn only where it fits, never cut
        // off (textWidth is for 0.85 em, the title is 0.9 em)
        double half = textWidth(yTitle, s) * 0.9 / 0.85 / 2;
        double middle = (top + bottom) / 2;
        yTitleDrawn = middle - half >= 0 && middle + half <= getHeight();
        if (yTitleDrawn) {
            g.save();
            g.translate(14 * s, (top + bottom) / 2);
            g.rotate(-90);
            g.fillText(yTitle, 0, 0);
            g.restore();
        }
    }

    /** Plot areas shorter than this (pixels) with the x title make the chart compact: no x title. */
    static final double COMPACT_BELOW = 120;
    private boolean compact;

    private boolean compactAt(double height) {
        return height - (TOP_MARGIN + bottomMargin(false)) * textScale() < COMPACT_BELOW;
    }

    /** Room above the plot area at text size 1. */
    private static final double TOP_MARGIN = 10;

    /** Room under the plot area at text size 1: tick labels and legend, and the x title unless compact. */
    private static double bottomMargin(boolean compact) {
        return compact ? 38 : 58;
    }

    /** The plot area's height that {@link #frame} will give: the pane less the margins above and below. */
    private double plotHeight() {
        return getHeight() - (TOP_MARGIN + bottomMargin(compactAt(getHeight()))) * textScale();
    }

    private boolean yTitleDrawn;

    /** True when the last frame drew the y title, which it leaves out where it would be cut off (for tests). */
    public boolean yTitleDrawn() {
        return yTitleDrawn;
    }

    /** True when the last frame left out the x title to keep the plot tall enough (for tests). */
    public boolean compact() {
        return compact;
    }

    /** Clips what follows to the plot area, until {@link #endPlotArea}. */
    protected void clipToPlotArea(GraphicsContext g) {
        g.save();
        g.beginPath();
        g.rect(left, top, right - left, bottom - top);
        g.closePath();
        g.clip();
        linesOf(g).clip(left, top, right - left, bottom - top);
    }

    /** Ends {@link #clipToPlotArea}: puts the curves drawn in it on the canvas and lifts the clip. */
    protected void endPlotArea(GraphicsContext g) {
        StrokeRaster r = linesOf(g);
        r.flush(g);
        r.clip(0, 0, g.getCanvas().getWidth(), g.getCanvas().getHeight());
        g.restore();
    }

    /**
     * Marks where a curve leaves the plot area above or below: one small arrowhead in its colour at
     * the edge for each stretch of points beyond the y-axis, so no curve is silently off the chart
     * while the axes stay still. Call after the curve is drawn.
     *
     * @param tips where each arrowhead's tip is drawn, {x, y} on the canvas, is added here
     */
    protected void markOutside(GraphicsContext g, double[] xs, double[] ys, int n, Color color, List<double[]> tips) {
        double s = textScale();
        g.setFill(color);
        for (int i = 0; i < n; ) {
            int side = Double.isNaN(ys[i]) ? 0 : ys[i] > y1 ? 1 : ys[i] < y0 ? -1 : 0;
            if (side == 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (side > 0 ? ys[i] > y1 : ys[i] < y0)) {
                i++;
            }
            double x = px(xs[(start + i - 1) / 2]);
            double tip = side > 0 ? top + 1 : bottom - 1; // at the edge the curve leaves by,
            double base = tip + side * 9 * s;              // pointing out of the plot
            g.fillPolygon(new double[] {x - 5 * s, x, x + 5 * s}, new double[] {base, tip, base}, 3);
            tips.add(new double[] {x, tip});
        }
    }

    /**
     * A polyline through (xs[i], ys[i]); non-finite points break the line. It is drawn in the
     * canvas's {@link StrokeRaster} and put on the canvas at the next {@link #flushLines} or
     * {@link #endPlotArea}.
     */
    protected void polyline(GraphicsContext g, double[] xs, double[] ys, int n, Color color, double width,
                            double[] dashes) {
        int finite = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(ys[i]) && Double.isFinite(xs[i])) {
                finite++;
            }
        }
        if (finite == 1) {
            // a single point (one epoch so far) is drawn as a dot, not an invisible line
            for (int i = 0; i < n; i++) {
                if (Double.isFinite(ys[i]) && Double.isFinite(xs[i])) {
                    double r = 2.5 * textScale();
                    g.setFill(color);
                    g.fillOval(px(xs[i]) - r, py(ys[i]) - r, 2 * r, 2 * r);
                }
            }
            return;
        }
        StrokeRaster r = linesOf(g);
        double scale = textScale() * lineScale;
        // dashes grow with the line: at lecture mode's width the round caps closed 7/5 px gaps, and
        // the dashed target looked like a solid ghost
        double[] scaled = dashes == null ? null : java.util.Arrays.stream(dashes).map(d -> d * scale).toArray();
        r.beginPath(color, width * scale, scaled);
        boolean pen = false;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(ys[i]) || !Double.isFinite(xs[i])) {
                pen = false;
                continue;
            }
            // far outside the plot: clamp so the path stays drawable
            double sy = Math.max(-1e5, Math.min(1e5, py(ys[i])));
            double sx = Math.max(-1e5, Math.min(1e5, px(xs[i])));
            if (pen) {
                r.lineTo(sx, sy);
            } else {
                r.moveTo(sx, sy);
                pen = true;
            }
        }
        r.endPath();
    }

    /**
     * Points drawn per series at most: each dot is two shapes for the software renderer (about
     * 20 µs), and beyond a few hundred they only pile on each other. 100 000 samples were a
     * two-second frame.
     */
    public static final int MAX_DOTS = 500;

    /** Every how many points {@link #dots} draws one, for n points: 1 up to {@link #MAX_DOTS}. */
    public static int dotStride(int n) {
        return Math.max(1, (n + MAX_DOTS - 1) / MAX_DOTS);
    }

    /**
     * Hollow dots (circles or squares) at the points: every {@link #dotStride}-th of them, each a
     * copy of one dot drawn once ({@link #dotImage}) centred on the pixel the point falls in. A copied image is
     * a plain blit for the software renderer, where a stroked and filled circle is two rasterized
     * shapes (about 20 µs each).
     */
    protected void dots(GraphicsContext g, double[] xs, double[] ys, Color color, boolean square) {
        flushLines(g); // the dots lie over the curves drawn before them
        Image dot = dotImage(color, square);
        double half = Math.floor(dot.getWidth() / 2);
        int stride = dotStride(xs.length);
        for (int i = 0; i < xs.length; i += stride) {
            double sx = px(xs[i]);
            double sy = py(ys[i]);
            if (Math.abs(sx) < 1e5 && Math.abs(sy) < 1e5) {
                g.drawImage(dot, Math.floor(sx) - half, Math.floor(sy) - half);
            }
        }
    }

    private final java.util.Map<String, Image> dotImages = new java.util.HashMap<>();

    /** One dot, white inside and {@code color} around, of radius 3.5 and line 1.6 at this text size. */
    private Image dotImage(Color color, boolean square) {
        return dotImages.computeIfAbsent(color + " " + square + " " + textScale(), k -> {
            double r = 3.5 * textScale();
            double line = 1.6 * textScale();
            int size = (int) Math.ceil(2 * r + line) + 2;
            double c = Math.floor(size / 2.0) + 0.5; // the centre of the middle pixel
            Canvas sprite = new Canvas(size, size);
            GraphicsContext s = sprite.getGraphicsContext2D();
            s.setLineWidth(line);
            s.setStroke(color);
            s.setFill(Color.WHITE);
            if (square) {
                s.fillRect(c - r, c - r, 2 * r, 2 * r);
                s.strokeRect(c - r, c - r, 2 * r, 2 * r);
            } else {
                s.fillOval(c - r, c - r, 2 * r, 2 * r);
                s.strokeOval(c - r, c - r, 2 * r, 2 * r);
            }
            SnapshotParameters transparent = new SnapshotParameters();
            transparent.setFill(Color.TRANSPARENT);
            return sprite.snapshot(transparent, null);
        });
    }

    /** A legend label for a series of n dots: says when only some are drawn. */
    protected static String dotsLabel(String name, int n) {
        int stride = dotStride(n);
        return stride == 1 ? name : org.backpropstudio.i18n.Messages.text("chart.someDrawn", name, stride);
    }

    /** The legend's labels as last drawn (for tests). */
    public List<String> legendLabels() {
        return legendShown;
    }

    private List<String> legendShown = List.of();


    /**
     * A centred legend line under the x-axis title, its text made smaller where the chart is too
     * narrow for it (a narrow lecture-mode fit cut it off at both ends).
     */
    protected void legend(GraphicsContext g, List<LegendEntry> entries) {
        legendShown = entries.stream().map(LegendEntry::label).toList();
        double total = 0;
        for (LegendEntry e : entries) {
            total += 26 * textScale() + textWidth(e.label(), textScale());
        }
        double shrink = Math.min(1, (getWidth() - 8) / total);
        double s = textScale() * shrink;
        total *= shrink;
        g.setFont(font(0.85 * shrink));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double x = Math.max(4, Math.min((left + right) / 2, getWidth() / 2) - total / 2);
        double y = bottom + (compact ? 27 : 45) * textScale();
        for (LegendEntry e : entries) {
            g.setStroke(e.color());
            g.setFill(e.color());
            if (e.symbol() == Symbol.LINE) {
                g.setLineWidth(3 * s);
                g.strokeLine(x, y, x + 16 * s, y);
            } else {
                g.setLineWidth(1.6 * s);
                g.setFill(Color.WHITE);
                if (e.symbol() == Symbol.SQUARE) {
                    g.fillRect(x + 4 * s, y - 4 * s, 8 * s, 8 * s);
                    g.strokeRect(x + 4 * s, y - 4 * s, 8 * s, 8 * s);
                } else {
                    g.fillOval(x + 4 * s, y - 4 * s, 8 * s, 8 * s);
                    g.strokeOval(x + 4 * s, y - 4 * s, 8 * s, 8 * s);
                }
            }
            g.setFill(text);
            g.fillText(e.label(), x + 20 * s, y);
            x += 26 * s + textWidth(e.label(), s);
        }
    }

    /** About how wide a label of the chart's 0.85 em text is (no text layout on the UI thread). */
    protected static double textWidth(String label, double scale) {
        // a CJK character is about one em wide, twice a Latin one
        long wide = label.codePoints().filter(c -> c >= 0x2E80).count();
        return (label.length() + wide) * 6.6 * scale;
    }

    protected Color textColor() {
        return text;
    }

    /** A tick step of 1, 2 or 5 × 10ⁿ giving about 8 ticks over the span. */
    public static double niceStep(double span) {
        double raw = span / 8;
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / magnitude;
        return (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * magnitude;
    }

    /**
     * A nice y tick step whose labels (about 20 px a line at normal size) do not run into each other.
     */
    protected double yTickStep(double lo, double hi) {
        double step = niceStep(hi - lo);
        double room = Math.max(30, plotHeight());
        for (int guard = 0; guard < 30 && (hi - lo) / step * 20 * textScale() > room; guard++) {
            step = nextNiceStep(step);
        }
        return step;
    }

    /** The next of 1, 2, 5 × 10ⁿ above a nice step. */
    private static double nextNiceStep(double step) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        double r = Math.round(step / magnitude);
        return (r < 2 ? 2 : r < 5 ? 5 : 10) * magnitude;
    }

    /**
     * A nice x tick step whose labels fit side by side in the chart's width: {@link #niceStep},
     * widened (1, 2, 5 × 10ⁿ) until they do.
     */
    /** The x tick step of an axis of epochs: as {@link #xTickStep}, but never less than one epoch. */
    protected double epochTickStep(double lo, double hi) {
        return Math.max(1, xTickStep(lo, hi)); // nice steps of 1 and more are whole numbers
    }

    protected double xTickStep(double lo, double hi) {
        double step = niceStep(hi - lo);
        double room = Math.max(40, getWidth() - 90 * textScale());
        for (int guard = 0; guard < 30; guard++) {
            double labelWidth = Math.max(textWidth(tick(lo, step), textScale()), textWidth(tick(hi, step), textScale()))
                    + 14 * textScale();
            if ((hi - lo) / step * labelWidth <= room) {
                break;
            }
            step = nextNiceStep(step);
        }
        return step;
    }

    /** A number for a tick label: as short as the step allows. */
    protected static String tick(double v, double step) {
        if (Math.abs(v) < step * 1e-9) {
            return "0";
        }
        if (step >= 1 && Math.abs(v) < 1e7) {
            return org.backpropstudio.i18n.Messages.integer(Math.round(v));
        }
        int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(org.backpropstudio.i18n.Messages.locale(), "%." + decimals + "f", v);
    }
}
