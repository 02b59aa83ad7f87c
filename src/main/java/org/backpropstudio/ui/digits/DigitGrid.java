package org.backpropstudio.ui.digits;

import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.training.ClassReport;
import org.backpropstudio.ui.CanvasPane;

/**
 * The first test images with the class the network gives each and its probability; wrong ones
 * framed in red with their true class. A click selects one.
 */
public final class DigitGrid extends CanvasPane {

    private ClassReport.Images report;
    private Dataset test;
    private int selected = -1;
    private IntConsumer onSelect = i -> { };
    private boolean dark;
    private WritableImage image;
    /** The test images the picture was made of. */
    private Dataset atlasOf;
    /** Cells per row, a cell's side, the digits drawn and their labels' size in the last drawing. */
    private int columns = 1;
    private double cell = 1;
    private int drawn;
    private double labelSize;

    /** A label ("5 97% (3)") is this many times its text size wide, at most: a cell is at least as wide. */
    private static final double LABEL_WIDTH = 1 / 0.19;
    /** No label is drawn smaller, pixels. */
    private static final double SMALLEST_LABEL = 7;
    /** Every digit is drawn if their labels are then at least this share of the size wanted. */
    private static final double SHRINK = 0.8;

    public DigitGrid() {
        // a small preferred width: beside it the probabilities and the confusion keep their share
        super(200, 320, new Canvas());
        getStyleClass().add("digit-grid");
        setOnMouseClicked(e -> {
            if (report == null) {
                return;
            }
            int i = (int) (e.getY() / cell) * columns + (int) (e.getX() / cell);
            if (e.getX() < columns * cell && i >= 0 && i < drawn) {
                select(i);
            }
        });
    }

    /** Told of the test image chosen (its index in the test set). */
    public void setOnSelect(IntConsumer onSelect) {
        this.onSelect = onSelect;
    }

    /** What a selection tells. */
    public IntConsumer onSelect() {
        return onSelect;
    }

    /** Selects test image i, as a click on it does. */
    public void select(int i) {
        selected = i;
        onSelect.accept(i);
        redraw();
    }

    /** Where digit i is drawn, its centre in the grid's coordinates (for tests). */
    public javafx.geometry.Point2D cellCentre(int i) {
        return new javafx.geometry.Point2D((i % columns + 0.5) * cell, (i / columns) * cell + cell * 0.4);
    }

    /** How many test images the last drawing showed: the first ones, as many as fit with labels large enough to read. */
    public int drawn() {
        return drawn;
    }

    /** The labels' text size in the last drawing, pixels. */
    public double labelSize() {
        return labelSize;
    }

    /**
     * Chooses the cells for {@code n} images in a {@code w × h} area: all of them in the most
     * columns whose cells fit the height, if their labels are then still readable (at least
     * {@link #SHRINK} of the size wanted, 0.8 of the window's text); else only the first images
     * that fit with labels of the size wanted. In lecture mode at 1280 × 720, all 60 had labels of
     * 7 pixels, too small to read from the back of a room; they are 15 digits with labels of 17.
     */
    private void layOut(int n, double w, double h) {
        columns = 1;
        for (int cols = 1; cols <= n; cols++) {
            columns = cols;
            if ((n + cols - 1) / cols * (w / cols) <= h) {
                break;
            }
        }
        cell = Math.floor(Math.min(w / columns, h / ((n + columns - 1) / columns)));
        drawn = n;
        double wanted = textSize(0.8);
        if (cell / LABEL_WIDTH < Math.max(SMALLEST_LABEL, SHRINK * wanted)) {
            double least = Math.ceil(wanted * LABEL_WIDTH);
            columns = Math.max(1, (int) (w / least));
            int rows = Math.max(1, (int) (h / least));
            drawn = Math.min(n, columns * rows);
            cell = Math.floor(Math.min(w / columns, h / ((drawn + columns - 1) / columns)));
        }
        labelSize = Math.max(SMALLEST_LABEL, Math.min(wanted, cell / LABEL_WIDTH));
    }

    /** Digits per row in the last drawing. */
    public int columns() {
        return columns;
    }

    public int selected() {
        return selected;
    }

    public void setDark(boolean on) {
        dark = on;
        redraw();
    }

    public void show(ClassReport.Images images, Dataset testSet) {
        report = images;
        test = testSet;
        redraw();
    }

    /** How many shown images the network gets wrong (for tests and the caption). */
    public int wrong() {
        int wrong = 0;
        for (int i = 0; report != null && i < report.shown(); i++) {
            wrong += report.predicted(i) != test.label(i) ? 1 : 0;
        }
        return wrong;
    }

    @Override
    protected void redraw() {
        Canvas c = (Canvas) getChildren().get(0);
        GraphicsContext g = c.getGraphicsContext2D();
        g.clearRect(0, 0, c.getWidth(), c.getHeight());
        if (report == null || report.shown() == 0) {
            return;
        }
        int side = report.side();
        layOut(report.shown(), c.getWidth(), c.getHeight());
        int n = drawn;
        double font = labelSize;
        double pictureSide = cell - font * 1.3 - 4;
        if (pictureSide < 6) {
            return;
        }
        // every image into one picture of side × side tiles, made again only for other test images
        // (the answers change as it trains, the digits do not)
        int perRow = columns;
        int rows = (n + perRow - 1) / perRow;
        int stride = perRow * side;
        if (image == null || atlasOf != test || (int) image.getWidth() != stride || (int) image.getHeight() != rows * side) {
            int[] pixels = new int[perRow * side * rows * side];
            for (int i = 0; i < n; i++) {
                int ox = (i % perRow) * side;
                int oy = (i / perRow) * side;
                for (int p = 0; p < side * side; p++) {
                    int v = (int) Math.round(255 * Math.max(0, Math.min(1, test.input(i, p))));
                    pixels[(oy + p / side) * stride + ox + p % side] = 0xFF000000 | v << 16 | v << 8 | v;
                }
            }
            image = new WritableImage(stride, rows * side);
            image.getPixelWriter().setPixels(0, 0, stride, rows * side, PixelFormat.getIntArgbInstance(), pixels, 0, stride);
            atlasOf = test;
        }
        g.setImageSmoothing(false);
        g.setFont(Font.font(font));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < n; i++) {
            double x = (i % perRow) * cell + (cell - pictureSide) / 2;
            double y = (i / perRow) * cell + 2;
            g.drawImage(image, (i % perRow) * side, (i / perRow) * side, side, side, x, y, pictureSide, pictureSide);
            int predicted = report.predicted(i);
            boolean right = predicted == test.label(i);
            float p = report.probabilities()[i * report.classes() + predicted];
            if (!right) {
                g.setStroke(Color.web("#cf222e"));
                g.setLineWidth(2.5);
                g.strokeRect(x - 1, y - 1, pictureSide + 2, pictureSide + 2);
            }
            if (i == selected) {
                g.setStroke(Color.web("#0072B2"));
                g.setLineWidth(3);
                g.strokeRect(x - 3, y - 3, pictureSide + 6, pictureSide + 6);
            }
            g.setFill(right ? (dark ? Color.web("#c9d1d9") : Color.web("#24292f")) : Color.web(dark ? "#ff7b72" : "#cf222e"));
            g.fillText(predicted + " " + Math.round(100 * p) + "%" + (right ? "" : " (" + test.label(i) + ")"),
                    (i % perRow) * cell + cell / 2, y + pictureSide + 1);
        }
    }
}
