package org.backpropstudio.ui.diagram;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import java.util.function.Consumer;
import org.backpropstudio.engine.LayerSpec;
import org.backpropstudio.training.HiddenUnit;
import org.backpropstudio.training.Inspection;
import org.backpropstudio.training.Snapshot;
import org.backpropstudio.ui.CanvasPane;
import org.backpropstudio.ui.StrokeRaster;

/**
 * The network as a student draws it: a column of nodes per layer and every connection, blue for
 * a positive weight and orange for a negative one, thicker for larger |w|. Drawn on a canvas (a
 * 256-unit layer means 65 536 edges, too many scene-graph nodes), only when a new snapshot
 * arrives. Wide layers show their first {@link #MAX_NODES} units (fewer when a deep network would
 * need more than {@link #MAX_EDGES} connections) and say how many are hidden.
 * Hovering a node or a connection shows its bias or weight in {@link #hoverTextProperty()}.
 * Clicking a hidden unit mutes or un-mutes it (drawn grey and struck through while muted). The
 * backprop inspector's current stage is shown as a band over the layer it is about.
 */
public final class NetworkDiagram extends CanvasPane {

    public static final int MAX_NODES = 32;
    static final Color POSITIVE = Color.web("#2f7ed8");
    static final Color NEGATIVE = Color.web("#f08a24");
    static final Color HIGHLIGHT = Color.web("#8250df");
    /** A muted unit's fill. */
    public static final Color MUTED = Color.web("#afb8c1");
    /** The units' outline. */
    private static final Color RIM = Color.web("#57606a");
    private static final double MARGIN_X = 40;
    private static final double MARGIN_TOP = 28;
    private static final double MARGIN_BOTTOM = 12;

    private final Canvas canvas;
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private Snapshot shown;
    private Color textColor = Color.web("#24292f");
    private Inspection.Stage highlight;
    /** Where the pointer is over the diagram, or null: the read-out follows new snapshots too. */
    private double[] pointer;
    private Consumer<HiddenUnit> onUnitClicked = u -> { };
    /** Pictures drawn in the units' discs (a plane classifier's maps), or null. */
    private UnitPictures pictures;

    public NetworkDiagram() {
        this(new Canvas());
    }

    private NetworkDiagram(Canvas canvas) {
        super(320, 240, canvas);
        this.canvas = canvas;
        getStyleClass().add("network-diagram");
        org.backpropstudio.ui.Localized.onSwitch(this, () -> {
            if (shown != null) {
                redraw();
            }
        });
        canvas.setOnMouseMoved(e -> {
            pointer = new double[] {e.getX(), e.getY()};
            hoverText.set(describe(e.getX(), e.getY()));
            if (pictures != null) {
                int[] node = nodeAt(e.getX(), e.getY());
                pictures.pointed(node == null ? -1 : node[0], node == null ? -1 : node[1]);
            }
        });
        canvas.setOnMouseExited(e -> {
            pointer = null;
            hoverText.set("");
            if (pictures != null) {
                pictures.pointed(-1, -1);
            }
        });
        canvas.setOnMouseClicked(e -> {
            HiddenUnit u = hiddenUnitAt(e.getX(), e.getY());
            if (u != null) {
                onUnitClicked.accept(u);
            }
        });
        setMinSize(120, 100);
    }

    /** Draws a snapshot (call on the UI thread; cheap to call with the same snapshot). */
    public void show(Snapshot s) {
        if (s != shown) {
            shown = s;
            nodeCap = nodeCap(sizes());
            redraw();
            if (pointer != null) {
                hoverText.set(describe(pointer[0], pointer[1]));
            }
        }
    }

    /**
     * Marks the layer an inspector stage is about (null: none). Drawn after the pulse: a stage
     * changes with a click or a key, and closing the inspector also resizes the diagram, which
     * asks for the same drawing.
     */
    public void setHighlight(Inspection.Stage stage) {
        if (stage != highlight) {
            highlight = stage;
            redrawSoon();
        }
    }

    /** The highlighted stage's layer (from 0), −1 for the loss, or null when nothing is highlighted. */
    public Integer highlightedLayer() {
        return highlight == null ? null : highlight.layer();
    }

    /** What to do when a hidden unit is clicked. */
    public void setOnUnitClicked(Consumer<HiddenUnit> action) {
        onUnitClicked = action;
    }


    private double marginTop() {
        return MARGIN_TOP * textScale();
    }

    private double marginBottom() {
        return MARGIN_BOTTOM * textScale();
    }

    /** The colour of the captions (follows the theme). */
    public void setTextColor(Color c) {
        textColor = c;
        redraw();
    }

    /** Connections drawn at most: each is rasterized in software on the render thread. */
    static final int MAX_EDGES = 400;
    /** Units drawn per layer for the network shown: up to {@link #MAX_NODES}, fewer for deep wide ones. */
    private int nodeCap = MAX_NODES;

    /** Units drawn for a layer of {@code units}. */
    int drawn(int units) {
        return Math.min(units, nodeCap);
    }

    /** Connections drawn for the network shown. */
    public int drawnEdges() {
        if (shown == null) {
            return 0;
        }
        int[] sizes = sizes();
        int edges = 0;
        for (int k = 0; k + 1 < sizes.length; k++) {
            edges += drawn(sizes[k]) * drawn(sizes[k + 1]);
        }
        return edges;
    }

    /** The largest cap (from 32 down to 4) whose connections stay within {@link #MAX_EDGES}. */
    static int nodeCap(int[] sizes) {
        int cap = MAX_NODES;
        while (cap > 4) {
            long edges = 0;
            for (int k = 0; k + 1 < sizes.length; k++) {
                edges += (long) Math.min(sizes[k], cap) * Math.min(sizes[k + 1], cap);
            }
            if (edges <= MAX_EDGES) {
                break;
            }
            cap--;
        }
        return cap;
    }

    private int[] sizes() {
        List<LayerSpec> layers = shown.network().layers();
        int[] sizes = new int[layers.size() + 1];
        sizes[0] = shown.network().inputs();
        for (int k = 0; k < layers.size(); k++) {
            sizes[k + 1] = layers.get(k).units();
        }
        return sizes;
    }

    private double columnX(int column, int columns) {
        double w = getWidth() - 2 * MARGIN_X;
        return MARGIN_X + (columns == 1 ? w / 2 : w * column / (columns - 1));
    }

    private double nodeY(int index, int count) {
        double h = getHeight() - marginTop() - marginBottom();
        return marginTop() + h * (index + 0.5) / count;
    }

    private double radius(int[] sizes) {
        int most = 1;
        for (int s : sizes) {
            most = Math.max(most, drawn(s));
        }
        double h = getHeight() - marginTop() - marginBottom();
        // units with pictures in them may be larger, where there is room
        return Math.max(2, Math.min(pictures != null ? 15 : 9, 0.35 * h / most));
    }

    /** The connections, drawn by our own code rather than the renderer's (see {@link StrokeRaster}). */
    private final StrokeRaster lines = new StrokeRaster();

    @Override
    protected void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (shown == null || getWidth() < 10 || getHeight() < 10) {
            return;
        }
        int[] sizes = sizes();
        int columns = sizes.length;
        drawHighlight(g, columns, radius(sizes));
        double maxAbs = 1e-12;
        for (double[][] w : shown.weights()) {
            for (int i = 0; i < Math.min(w.length, nodeCap); i++) {
                for (int j = 0; j < Math.min(w[i].length, nodeCap); j++) {
                    if (Double.isFinite(w[i][j])) {
                        maxAbs = Math.max(maxAbs, Math.abs(w[i][j]));
                    }
                }
            }
        }
        // one path per sign and strength level, weakest first: a few dozen colours and widths
        // however many edges, drawn by our own code into one image (StrokeRaster)
        EdgeBuckets buckets = new EdgeBuckets();
        for (int k = 0; k < shown.weights().size(); k++) {
            double[][] w = shown.weights().get(k);
            int from = drawn(sizes[k]);
            int to = drawn(sizes[k + 1]);
            double x0 = columnX(k, columns);
            double x1 = columnX(k + 1, columns);
            for (int i = 0; i < from; i++) {
                for (int j = 0; j < to; j++) {
                    buckets.add(w[i][j], maxAbs, x0, nodeY(i, from), x1, nodeY(j, to));
                }
            }
        }
        lines.begin(canvas.getWidth(), canvas.getHeight(), outputScale());
        buckets.stroke(lines);
        // the units lie over their connections: discs (a line of no length is a round dot as
        // wide as the line), then their rims and the slashes of muted ones, all in the same
        // raster, so the software renderer strokes no shapes for them either
        double r = radius(sizes);
        for (boolean mutedPass : new boolean[] {false, true}) {
            lines.beginPath(mutedPass ? MUTED : Color.WHITE, 2 * r, null);
            forEachUnit(sizes, (x, y, muted) -> {
                if (muted == mutedPass) {
                    lines.moveTo(x, y);
                    lines.lineTo(x, y);
                }
            });
            lines.endPath();
        }
        lines.beginPath(RIM, 1, null);
        int sides = 24;
        forEachUnit(sizes, (x, y, muted) -> {
            lines.moveTo(x + r, y);
            for (int k = 1; k <= sides; k++) {
                double a = 2 * Math.PI * k / sides;
                lines.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
            }
            if (muted) {
                lines.moveTo(x - r, y + r);
                lines.lineTo(x + r, y - r);
            }
        });
        lines.endPath();
        lines.flush(g);
        drawPictures(g, sizes, r);
        g.setFont(Font.font(11 * textScale()));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        // a caption no wider than the gap between columns: a narrow diagram (lecture mode's side
        // column) had "784 inputs" run into "64 ReLU"; fillText squeezes it to that width instead
        double room = columns > 1 ? 0.95 * Math.abs(columnX(1, columns) - columnX(0, columns)) : getWidth();
        for (int c = 0; c < columns; c++) {
            int n = drawn(sizes[c]);
            double x = columnX(c, columns);
            g.setFill(textColor);
            g.fillText(caption(c, sizes), x, marginTop() / 2, room);
            if (sizes[c] > n) {
                g.fillText(org.backpropstudio.i18n.Messages.text("diagram.more", sizes[c] - n), x,
                        getHeight() - marginBottom() / 2, room);
            }
        }
    }

    /**
     * Shows pictures in the units' discs (a plane classifier's unit maps), or none with null;
     * the pointer over a unit is told to them.
     */
    public void setUnitPictures(UnitPictures pictures) {
        this.pictures = pictures;
        redraw();
    }

    /** Each unit's picture, a square inside its disc, over the disc (muted ones keep their slash under it). */
    private void drawPictures(GraphicsContext g, int[] sizes, double r) {
        javafx.scene.image.Image atlas = pictures == null ? null : pictures.atlas();
        if (atlas == null || r < 3) {
            return;
        }
        double side = 1.4 * r; // its corners on the rim
        g.setImageSmoothing(true);
        int columns = sizes.length;
        for (int c = 0; c < columns; c++) {
            int n = drawn(sizes[c]);
            double x = columnX(c, columns);
            for (int i = 0; i < n; i++) {
                javafx.geometry.Rectangle2D t = pictures.tile(c, i);
                if (t != null) {
                    g.drawImage(atlas, t.getMinX(), t.getMinY(), t.getWidth(), t.getHeight(),
                            x - side / 2, nodeY(i, n) - side / 2, side, side);
                }
            }
        }
    }

    /** Where a unit is drawn: its centre, and whether it is a muted hidden unit. */
    private interface UnitAt {
        void at(double x, double y, boolean muted);
    }

    /** Each drawn unit, column by column. */
    private void forEachUnit(int[] sizes, UnitAt each) {
        int columns = sizes.length;
        for (int c = 0; c < columns; c++) {
            int n = drawn(sizes[c]);
            double x = columnX(c, columns);
            for (int i = 0; i < n; i++) {
                boolean muted = c > 0 && c < columns - 1 && shown.muted().contains(new HiddenUnit(c - 1, i));
                each.at(x, nodeY(i, n), muted);
            }
        }
    }

    /**
     * A band behind the columns an inspector stage is about: layer k's weights and units for its
     * forward, backward and update stages; the output for the loss.
     */
    private void drawHighlight(GraphicsContext g, int columns, double r) {
        if (highlight == null) {
            return;
        }
        int layer = highlight.layer();
        double from = layer < 0 ? columnX(columns - 1, columns) : columnX(layer, columns);
        double to = layer < 0 ? from : columnX(layer + 1, columns);
        double pad = r + 8;
        g.setFill(HIGHLIGHT.deriveColor(0, 1, 1, 0.13));
        g.fillRoundRect(from - pad, marginTop() - 4, to - from + 2 * pad, getHeight() - marginTop() - marginBottom() + 8,
                12, 12);
        g.setStroke(HIGHLIGHT.deriveColor(0, 1, 1, 0.7));
        g.setLineWidth(1.5);
        g.strokeRoundRect(from - pad, marginTop() - 4, to - from + 2 * pad, getHeight() - marginTop() - marginBottom() + 8,
                12, 12);
        String word = switch (highlight.phase()) {
            case FORWARD -> org.backpropstudio.i18n.Messages.text("diagram.forward");
            case BACKWARD -> org.backpropstudio.i18n.Messages.text("diagram.backward");
            case UPDATE -> org.backpropstudio.i18n.Messages.text("diagram.update");
            case LOSS -> org.backpropstudio.i18n.Messages.text("diagram.loss");
            case EFFECT -> org.backpropstudio.i18n.Messages.text("diagram.effect");
        };
        g.setFill(HIGHLIGHT);
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 11 * textScale()));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(word, (from + to) / 2, getHeight() - marginBottom() / 2);
    }

    /** The hidden unit under the pointer, or null. */
    HiddenUnit hiddenUnitAt(double px, double py) {
        int[] node = nodeAt(px, py);
        if (node == null || node[0] == 0 || node[0] == shown.network().layers().size()) {
            return null;
        }
        return new HiddenUnit(node[0] - 1, node[1]);
    }

    /** {column, unit} of the node under the pointer, or null. */
    private int[] nodeAt(double px, double py) {
        if (shown == null) {
            return null;
        }
        int[] sizes = sizes();
        int columns = sizes.length;
        double r = radius(sizes);
        for (int c = 0; c < columns; c++) {
            int n = drawn(sizes[c]);
            double x = columnX(c, columns);
            for (int i = 0; i < n; i++) {
                if (Math.hypot(px - x, py - nodeY(i, n)) <= r + 2) {
                    return new int[] {c, i};
                }
            }
        }
        return null;
    }

    /** Where a unit is drawn (for tests), or null when it is not drawn. */
    public javafx.geometry.Point2D unitCentre(int column, int unit) {
        if (shown == null) {
            return null;
        }
        int[] sizes = sizes();
        if (column < 0 || column >= sizes.length || unit >= drawn(sizes[column])) {
            return null;
        }
        return new javafx.geometry.Point2D(columnX(column, sizes.length), nodeY(unit, drawn(sizes[column])));
    }

    private String caption(int column, int[] sizes) {
        if (column == 0) {
            return sizes[0] == 1 ? "x" : org.backpropstudio.i18n.Messages.text("diagram.inputs", sizes[0]);
        }
        LayerSpec l = shown.network().layers().get(column - 1);
        String symbol = l.activation().symbol();
        String name = column == sizes.length - 1 ? "ŷ" : Integer.toString(l.units());
        return symbol.isEmpty() ? name : name + " " + symbol;
    }

    /** What is under the pointer: a unit and its bias, or a connection and its weight. */
    String describe(double px, double py) {
        if (shown == null) {
            return "";
        }
        int[] sizes = sizes();
        int columns = sizes.length;
        int[] node = nodeAt(px, py);
        if (node != null) {
            int c = node[0];
            int i = node[1];
            if (c == 0) {
                return org.backpropstudio.i18n.Messages.text("diagram.input", i + 1);
            }
            double[] b = shown.biases().get(c - 1);
            String text = org.backpropstudio.i18n.Messages.text("diagram.unit", c, i + 1,
                    b == null ? org.backpropstudio.i18n.Messages.text("choice.none") : org.backpropstudio.i18n.NumberText.significant(b[i], org.backpropstudio.i18n.Messages.locale()));
            if (c < columns - 1) {
                text += org.backpropstudio.i18n.Messages.text(shown.muted().contains(new HiddenUnit(c - 1, i)) ? "diagram.muted" : "diagram.mute");
            }
            return text;
        }
        double best = 4;
        String found = "";
        for (int k = 0; k < shown.weights().size(); k++) {
            double x0 = columnX(k, columns);
            double x1 = columnX(k + 1, columns);
            if (px < x0 || px > x1) {
                continue;
            }
            int from = drawn(sizes[k]);
            int to = drawn(sizes[k + 1]);
            for (int i = 0; i < from; i++) {
                for (int j = 0; j < to; j++) {
                    double d = distanceToSegment(px, py, x0, nodeY(i, from), x1, nodeY(j, to));
                    if (d < best) {
                        best = d;
                        found = String.format(Locale.ROOT, "W%d[%d→%d] = %s", k + 1, i + 1, j + 1,
                                org.backpropstudio.i18n.NumberText.significant(shown.weights().get(k)[i][j]));
                    }
                }
            }
        }
        return found;
    }

    private static double distanceToSegment(double px, double py, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double t = Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
    }

    /** The bias or weight under the pointer ("" when none). */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /**
     * Edges grouped by how they are drawn: a weight's sign picks the colour, |w| / max|w| picks
     * one of {@link #LEVELS} widths and opacities; a weight that is not a number is a thin grey line.
     */
    static final class EdgeBuckets {
        static final int LEVELS = 12;
        private static final Color NOT_A_NUMBER = Color.GRAY.deriveColor(0, 1, 1, 0.5);
        /** [sign × LEVELS + level] segments as x0, y0, x1, y1; the last bucket holds the NaN edges. */
        private final double[][] segments = new double[2 * LEVELS + 1][16];
        private final int[] counts = new int[2 * LEVELS + 1];

        void add(double w, double maxAbs, double x0, double y0, double x1, double y1) {
            int b;
            if (!Double.isFinite(w)) {
                b = 2 * LEVELS;
            } else {
                int level = (int) Math.min(LEVELS - 1, Math.floor(Math.abs(w) / maxAbs * LEVELS));
                b = (w >= 0 ? 0 : LEVELS) + level;
            }
            double[] s = segments[b];
            if (counts[b] + 4 > s.length) {
                segments[b] = s = java.util.Arrays.copyOf(s, s.length * 2);
            }
            s[counts[b]++] = x0;
            s[counts[b]++] = y0;
            s[counts[b]++] = x1;
            s[counts[b]++] = y1;
        }

        /** Strokes the buckets, weakest level first so strong weights lie on top. */
        void stroke(StrokeRaster r) {
            strokeBucket(r, 2 * LEVELS, NOT_A_NUMBER, 1);
            for (int level = 0; level < LEVELS; level++) {
                // the level's middle strength, as the per-edge drawing had it: opacity 0.25 + 0.65 s, width 0.4 + 3.6 s
                double strength = (level + 0.5) / LEVELS;
                for (int sign = 0; sign < 2; sign++) {
                    Color c = (sign == 0 ? POSITIVE : NEGATIVE).deriveColor(0, 1, 1, 0.25 + 0.65 * strength);
                    strokeBucket(r, sign * LEVELS + level, c, 0.4 + 3.6 * strength);
                }
            }
        }

        private void strokeBucket(StrokeRaster r, int b, Color color, double width) {
            if (counts[b] == 0) {
                return;
            }
            double[] s = segments[b];
            r.beginPath(color, width, null);
            for (int i = 0; i < counts[b]; i += 4) {
                r.moveTo(s[i], s[i + 1]);
                r.lineTo(s[i + 2], s[i + 3]);
            }
            r.endPath();
        }

        /** How many edges a bucket holds (for tests): sign 0 positive, 1 negative; level 0 … LEVELS − 1. */
        int count(int sign, int level) {
            return counts[sign * LEVELS + level] / 4;
        }

        int notANumber() {
            return counts[2 * LEVELS] / 4;
        }
    }
}
