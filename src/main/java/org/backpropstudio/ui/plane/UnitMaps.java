package org.backpropstudio.ui.plane;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backpropstudio.engine.Feature;
import org.backpropstudio.training.ClassReport;
import org.backpropstudio.ui.CanvasPane;
import org.backpropstudio.ui.ClassPalette;

/**
 * Every unit of a plane classifier as a small map of the plane, as TF Playground draws them: a
 * column of inputs (each feature over the plane), one column per hidden layer (each unit's
 * activation) and the outputs (each class's probability). Hovering a map shows it large in the
 * plane chart, through {@link #setOnHover}.
 */
public final class UnitMaps extends CanvasPane implements org.backpropstudio.ui.diagram.UnitPictures {

    /** One map: its values over the grid (resolution² floats, row-major from the top), how to colour them, its name. */
    public record UnitMap(float[] values, int stride, int offset, double scale, int colour, String name) {
        /** The value at cell k. */
        public double at(int k) {
            return values[k * stride + offset];
        }
    }

    /** The longest side a map is drawn at. */
    static final double MAX_SIDE = 64;

    private ClassReport.Plane shown;
    private final List<List<UnitMap>> columns = new ArrayList<>();
    private final List<double[]> boxes = new ArrayList<>(); // x, y, side of each map in reading order
    private final List<UnitMap> boxMaps = new ArrayList<>();
    private WritableImage image;
    /** Each column's first tile in the atlas, and a tile's side in its pixels, as last drawn. */
    private int[] columnStart = new int[0];
    private int tileSide;
    private boolean dark;
    private Consumer<UnitMap> onHover = m -> { };
    private UnitMap hovered;

    public UnitMaps() {
        super(260, 400, new Canvas());
        getStyleClass().add("unit-maps");
        // the columns' headings are drawn: they follow the language when drawn again
        org.backpropstudio.ui.Localized.onSwitch(this, this::redraw);
        setOnMouseMoved(e -> hover(mapAt(e.getX(), e.getY())));
        setOnMouseExited(e -> hover(null));
    }

    private void hover(UnitMap m) {
        if (m != hovered) {
            hovered = m;
            onHover.accept(m);
            redraw();
        }
    }

    /** Told of the map under the pointer, or null when it leaves the maps. */
    public void setOnHover(Consumer<UnitMap> onHover) {
        this.onHover = onHover;
    }

    public void setDark(boolean on) {
        dark = on;
        redraw();
    }

    /** The maps of this report's network. */
    public void show(ClassReport.Plane plane) {
        shown = plane;
        columns.clear();
        int r = plane.resolution();
        List<UnitMap> inputs = new ArrayList<>();
        for (Feature f : plane.features()) {
            float[] v = new float[r * r];
            double max = 0;
            for (int j = 0; j < r; j++) {
                for (int i = 0; i < r; i++) {
                    v[j * r + i] = (float) f.of(plane.coordinate(i), -plane.coordinate(j));
                    max = Math.max(max, Math.abs(v[j * r + i]));
                }
            }
            inputs.add(new UnitMap(v, 1, 0, max, -1, f.label()));
        }
        columns.add(inputs);
        for (int k = 0; k < plane.hidden().size(); k++) {
            float[] a = plane.hidden().get(k);
            int units = a.length / (r * r);
            List<UnitMap> layer = new ArrayList<>();
            for (int u = 0; u < units; u++) {
                double max = 0;
                for (int c = 0; c < r * r; c++) {
                    max = Math.max(max, Math.abs(a[c * units + u]));
                }
                layer.add(new UnitMap(a, units, u, max, -1, (k + 1) + "." + (u + 1)));
            }
            columns.add(layer);
        }
        List<UnitMap> outputs = new ArrayList<>();
        for (int c = 0; c < plane.classes(); c++) {
            outputs.add(new UnitMap(plane.probabilities(), plane.classes(), c, 1, c, "p" + (c + 1)));
        }
        columns.add(outputs);
        if (hovered != null) {
            // the hovered unit, in the new report: the plane chart follows it as it trains
            UnitMap same = same(hovered);
            hovered = same;
            onHover.accept(same);
        }
        redraw();
    }

    private UnitMap same(UnitMap old) {
        for (List<UnitMap> column : columns) {
            for (UnitMap m : column) {
                if (m.name().equals(old.name())) {
                    return m;
                }
            }
        }
        return null;
    }

    @Override
    public javafx.scene.image.Image atlas() {
        return tileSide == 0 ? null : image;
    }

    /** The diagram's columns are these: the inputs, each hidden layer, the outputs. */
    @Override
    public javafx.geometry.Rectangle2D tile(int column, int unit) {
        if (image == null || column < 0 || column >= columnStart.length || column >= columns.size() || unit < 0
                || unit >= columns.get(column).size() || (columnStart[column] + unit + 1) * tileSide > image.getWidth()) {
            return null; // not drawn yet as it is now
        }
        return new javafx.geometry.Rectangle2D((columnStart[column] + unit) * tileSide, 0, tileSide, tileSide);
    }

    /** A unit pointed at in the diagram is shown large in the plane, as one pointed at here. */
    @Override
    public void pointed(int column, int unit) {
        hover(tile(column, unit) == null ? null : columns.get(column).get(unit));
    }

    /** The maps' columns (for tests). */
    public List<List<UnitMap>> columns() {
        return columns;
    }

    private UnitMap mapAt(double x, double y) {
        for (int k = 0; k < boxes.size(); k++) {
            double[] b = boxes.get(k);
            if (x >= b[0] && x < b[0] + b[2] && y >= b[1] && y < b[1] + b[2]) {
                return boxMaps.get(k);
            }
        }
        return null;
    }

    @Override
    protected void redraw() {
        Canvas c = (Canvas) getChildren().get(0);
        GraphicsContext g = c.getGraphicsContext2D();
        g.clearRect(0, 0, c.getWidth(), c.getHeight());
        boxes.clear();
        boxMaps.clear();
        if (shown == null || columns.isEmpty()) {
            return;
        }
        double gap = 3;
        double columnWidth = c.getWidth() / columns.size();
        // the headings grow with the window's text as far as their columns let them ("h2" and "out"
        // ran into each other in lecture mode's narrow column)
        double font = Math.min(textSize(0.8), Math.max(textSize(0.8) / textScale(), columnWidth / 2.2));
        double height = c.getHeight() - font * 1.6;
        // each layer's maps in as many sub-columns as make them largest (16 units: 4 × 4, say)
        int[] across = new int[columns.size()];
        double side = MAX_SIDE;
        for (int col = 0; col < columns.size(); col++) {
            int n = Math.max(1, columns.get(col).size());
            double best = 0;
            for (int k = 1; k <= n; k++) {
                int rows = (n + k - 1) / k;
                double fit = Math.min((columnWidth - gap * (k + 1)) / k, height / rows - gap);
                if (fit > best + 0.5) {
                    best = fit;
                    across[col] = k;
                }
            }
            side = Math.min(side, best);
        }
        side = Math.floor(side);
        if (side < 6) {
            return;
        }
        // every map as a tile of one atlas at the grid's resolution (every second cell when drawn
        // smaller than the grid), scaled up by the renderer: the work per frame is per cell
        int r = shown.resolution();
        int step = side * outputScale() >= r ? 1 : 2;
        int t = (r + step - 1) / step;
        int count = 0;
        for (List<UnitMap> column : columns) {
            count += column.size();
        }
        int[] pixels = new int[count * t * t];
        int background = dark ? 0x0d1117 : 0xffffff;
        g.setFont(Font.font(font));
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(dark ? Color.web("#8b949e") : Color.web("#57606a"));
        int tile = 0;
        for (int col = 0; col < columns.size(); col++) {
            List<UnitMap> column = columns.get(col);
            double blockWidth = across[col] * side + (across[col] - 1) * gap;
            double x0 = Math.floor(col * columnWidth + (columnWidth - blockWidth) / 2);
            String head = org.backpropstudio.i18n.Messages.text(col == 0 ? "units.in"
                    : col == columns.size() - 1 ? "units.out" : "units.hidden", col);
            g.fillText(head, col * columnWidth + columnWidth / 2, font, Math.max(1, columnWidth - 2));
            for (int u = 0; u < column.size(); u++, tile++) {
                double x = x0 + (u % across[col]) * (side + gap);
                double y = Math.floor(font * 1.6 + (u / across[col]) * (side + gap));
                UnitMap m = column.get(u);
                boxes.add(new double[] {x, y, side});
                boxMaps.add(m);
                for (int j = 0; j < t; j++) {
                    for (int i = 0; i < t; i++) {
                        int cell = Math.min(r - 1, j * step) * r + Math.min(r - 1, i * step);
                        pixels[j * count * t + tile * t + i] = 0xFF000000 | colour(m, m.at(cell), background);
                    }
                }
            }
        }
        columnStart = new int[columns.size()];
        for (int col = 1; col < columns.size(); col++) {
            columnStart[col] = columnStart[col - 1] + columns.get(col - 1).size();
        }
        tileSide = t;
        if (image == null || (int) image.getWidth() != count * t || (int) image.getHeight() != t) {
            image = new WritableImage(count * t, t);
        }
        image.getPixelWriter().setPixels(0, 0, count * t, t, PixelFormat.getIntArgbInstance(), pixels, 0, count * t);
        g.setImageSmoothing(true);
        for (int k = 0; k < boxes.size(); k++) {
            double[] box = boxes.get(k);
            g.drawImage(image, k * t, 0, t, t, box[0], box[1], box[2], box[2]);
        }
        // a frame around the hovered map
        for (int k = 0; k < boxes.size(); k++) {
            if (boxMaps.get(k) == hovered) {
                double[] b = boxes.get(k);
                g.setStroke(dark ? Color.WHITE : Color.BLACK);
                g.setLineWidth(2);
                g.strokeRect(b[0] - 1, b[1] - 1, b[2] + 2, b[2] + 2);
            }
        }
    }

    /**
     * A map's colour at value v: a class's probability in its colour, from the background at 0 to
     * full at 1; any other value on a diverging scale, blue above 0 and orange below, full at the
     * map's largest |v|.
     */
    public static int colour(UnitMap m, double v, int background) {
        if (Double.isNaN(v)) {
            return 0x808080;
        }
        if (m.colour() >= 0) {
            return PlanePicture.mix(background, ClassPalette.rgb(m.colour()), Math.max(0, Math.min(1, v)));
        }
        double t = m.scale() > 0 ? v / m.scale() : 0;
        return PlanePicture.mix(background, ClassPalette.rgb(t >= 0 ? 0 : 1), Math.min(1, Math.abs(t)));
    }
}
