package org.backpropstudio.ui.plane;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.i18n.NumberText;
import org.backpropstudio.training.ClassReport;
import org.backpropstudio.ui.CanvasPane;

/**
 * The plane of a classifier: its class regions as a heat map under the training points (filled)
 * and test points (rings), in a square that fills the pane. A click adds a training point of the
 * chosen class, a shift-click a test point; a right- or ctrl-click removes the point under the
 * pointer.
 */
public final class PlaneChart extends CanvasPane {

    /** What a click asks for: a point of a class added (to the test set or not), or the point at (x₁, x₂) removed. */
    public interface PointEditor {
        void add(double x1, double x2, boolean test);

        void remove(double x1, double x2);
    }

    /** Pixels between a click and a point that it still removes. */
    static final double GRAB = 10;

    private ClassReport.Plane shown;
    /** The unit map shown instead of the class regions (hovered in the unit maps), or null. */
    private UnitMaps.UnitMap unit;
    private boolean dark;
    private PointEditor editor;
    /** The regions, one pixel per cell; the points, drawn once per set of points. */
    private WritableImage regions;
    private WritableImage dots;
    private DataSpec.PointSets dotsOf;
    private int dotsOutline;
    /** The points' radius in the picture {@link #dots} holds, canvas pixels. */
    private double dotsRadius;
    private int[] lastCells;
    /** The last picture's square: left, top, side in canvas units. */
    private double left;
    private double top;
    private double side;

    public PlaneChart() {
        super(480, 480, new Canvas());
        getStyleClass().add("plane-chart");
        setOnMouseClicked(e -> {
            if (shown == null || editor == null || !inside(e.getX(), e.getY())) {
                return;
            }
            double x1 = coordinate(e.getX() - left);
            double x2 = -coordinate(e.getY() - top);
            if (picking.getAsBoolean() && e.getButton() == MouseButton.PRIMARY && !e.isShiftDown()) {
                int index = nearestTraining(e.getX(), e.getY());
                if (index >= 0) {
                    pick.accept(index);
                }
            } else if (e.getButton() == MouseButton.SECONDARY || e.isControlDown()) {
                double[] p = nearest(e.getX(), e.getY());
                if (p != null) {
                    editor.remove(p[0], p[1]);
                }
            } else if (e.getButton() == MouseButton.PRIMARY) {
                editor.add(x1, x2, e.isShiftDown());
            }
        });
    }

    private Canvas canvas() {
        return (Canvas) getChildren().get(0);
    }

    private java.util.function.BooleanSupplier picking = () -> false;
    private java.util.function.IntConsumer pick = i -> { };

    /**
     * While {@code picking} says so (the inspector is open), a plain click picks the training
     * point nearest to it (its number goes to {@code pick}) instead of adding one.
     */
    public void setPicker(java.util.function.BooleanSupplier picking, java.util.function.IntConsumer pick) {
        this.picking = picking;
        this.pick = pick;
    }

    /** The number of the training point nearest to canvas point (x, y), or −1 when there is none. */
    int nearestTraining(double x, double y) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        double[][] xy = shown.points().train().xy();
        for (int i = 0; i < xy.length; i++) {
            double[] c = toCanvas(xy[i][0], xy[i][1]);
            double d = Math.hypot(c[0] - x, c[1] - y);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    public void setPointEditor(PointEditor editor) {
        this.editor = editor;
    }

    /** Colours for a light or a dark background. */
    public void setDark(boolean on) {
        dark = on;
        redraw();
    }

    /** Draws the report: its regions and points. */
    public void show(ClassReport.Plane plane) {
        shown = plane;
        redraw();
    }

    /** Shows a unit's map under the points instead of the class regions; null gives the regions back. */
    public void showUnit(UnitMaps.UnitMap map) {
        unit = map;
        redraw();
    }

    /** The unit map shown instead of the regions, or null (for tests). */
    public UnitMaps.UnitMap shownUnit() {
        return unit;
    }

    /** The report drawn last (for tests). */
    public ClassReport.Plane shown() {
        return shown;
    }

    /**
     * The colour (ARGB) the regions have at the centre of the cell holding canvas point (x, y), for
     * tests: the renderer's smoothing passes through it there; 0 outside the plane.
     */
    public int pixelAt(double x, double y) {
        if (lastCells == null || !inside(x, y)) {
            return 0;
        }
        int r = shown.resolution();
        int i = Math.min(r - 1, (int) ((x - left) / side * r));
        int j = Math.min(r - 1, (int) ((y - top) / side * r));
        return lastCells[j * r + i];
    }

    /** The canvas point of (x₁, x₂), for tests and the caller's hints. */
    public double[] toCanvas(double x1, double x2) {
        double extent = DataSpec.Plane.EXTENT;
        return new double[] {left + (x1 + extent) / (2 * extent) * side, top + (extent - x2) / (2 * extent) * side};
    }

    private boolean inside(double x, double y) {
        return x >= left && x < left + side && y >= top && y < top + side;
    }

    /** x₁ (or −x₂) at a distance from the square's left (or top) edge. */
    private double coordinate(double offset) {
        double extent = DataSpec.Plane.EXTENT;
        return -extent + offset / side * 2 * extent;
    }

    /** The point (x₁, x₂) within {@link #GRAB} pixels of (x, y), nearest first; null if none. */
    private double[] nearest(double x, double y) {
        double[] best = null;
        double bestDistance = GRAB;
        for (DataSpec.Points set : new DataSpec.Points[] {shown.points().train(), shown.points().test()}) {
            for (double[] p : set.xy()) {
                double[] c = toCanvas(p[0], p[1]);
                double d = Math.hypot(c[0] - x, c[1] - y);
                if (d <= bestDistance) {
                    bestDistance = d;
                    best = p;
                }
            }
        }
        return best;
    }

    @Override
    protected void redraw() {
        Canvas c = canvas();
        GraphicsContext g = c.getGraphicsContext2D();
        g.clearRect(0, 0, c.getWidth(), c.getHeight());
        double font = textSize(0.85);
        double margin = font * 2.2;
        side = Math.max(1, Math.floor(Math.min(c.getWidth() - 2 * margin, c.getHeight() - 1.6 * margin)));
        left = Math.floor((c.getWidth() - side) / 2);
        top = Math.floor(margin * 0.3);
        if (shown == null || side < 8) {
            return;
        }
        // the regions from the grid's cells, scaled up with smoothing; the points
        // drawn into pixels of their own once per set of points and size, and laid over them
        int background = dark ? 0x0d1117 : 0xffffff;
        int r = shown.resolution();
        int[] cells = PlanePicture.regions(shown, unit, background);
        // four times finer, interpolated here (about 37 000 pixels): the rest of the way is the renderer's
        int f = 4;
        int[] fine = PlanePicture.enlarge(cells, r, f);
        if (regions == null || (int) regions.getWidth() != r * f) {
            regions = new WritableImage(r * f, r * f);
        }
        regions.getPixelWriter().setPixels(0, 0, r * f, r * f, PixelFormat.getIntArgbInstance(), fine, 0, r * f);
        lastCells = cells;
        g.setImageSmoothing(true);
        // cell i's centre lands where the plane's cell i has its centre, where its own probabilities hold
        g.drawImage(regions, left, top, side, side);
        double scale = outputScale();
        int size = (int) Math.min(2048, Math.round(side * scale));
        int outline = dark ? 0x0d1117 : 0xffffff; // the points ringed in the background's colour, as TF Playground's
        // the points grow with the text (lecture mode) where the plot is large enough to hold them
        double radius = 4.2 * Math.max(1, Math.min(font / 12, side / 200));
        if (dots == null || dotsOf != shown.points() || (int) dots.getWidth() != size || dotsOutline != outline
                || dotsRadius != radius) {
            int[] pixels = PlanePicture.points(shown.points(), shown.extent(), size, radius * scale, outline);
            dots = new WritableImage(size, size);
            dots.getPixelWriter().setPixels(0, 0, size, size, PixelFormat.getIntArgbPreInstance(), pixels, 0, size);
            dotsOf = shown.points();
            dotsOutline = outline;
            dotsRadius = radius;
        }
        g.drawImage(dots, left, top, side, side);
        Color ink = dark ? Color.web("#8b949e") : Color.web("#57606a");
        g.setStroke(ink);
        g.setLineWidth(1);
        g.strokeRect(left + 0.5, top + 0.5, side - 1, side - 1);
        g.setFill(ink);
        g.setFont(Font.font(font));
        g.setTextAlign(TextAlignment.CENTER);
        double extent = DataSpec.Plane.EXTENT;
        for (int v = (int) -extent; v <= extent; v += 3) {
            String label = NumberText.plain(v);
            g.fillText(label, left + (v + extent) / (2 * extent) * side, top + side + font * 1.2);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(label, left - font * 0.4, top + (extent - v) / (2 * extent) * side + font * 0.35);
            g.setTextAlign(TextAlignment.CENTER);
        }
        g.fillText("x₁", left + side / 2, top + side + font * 2.3);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("x₂", left + side + font * 0.4, top + font);
    }
}
