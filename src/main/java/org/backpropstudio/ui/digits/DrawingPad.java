package org.backpropstudio.ui.digits;

import java.util.Arrays;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import org.backpropstudio.ui.CanvasPane;

/**
 * A square to draw a digit in with the mouse: strokes are stamped into an ink raster of its own
 * ({@link #RASTER}² coverage values), which is drawn on the canvas and made into the network's
 * 28 × 28 input by {@link DigitInput}. The right button erases.
 */
public final class DrawingPad extends CanvasPane {

    /** The ink raster's side: ten raster pixels per pixel of the network's image. */
    public static final int RASTER = 280;
    /** Pen radii offered, in raster pixels (the middle one writes like MNIST's strokes). */
    static final double[] PENS = {8, 12, 17, 23};

    private final float[] ink = new float[RASTER * RASTER];
    private int pen = 2;
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;
    private Consumer<double[]> onDrawn = input -> { };
    private WritableImage image;
    private boolean dark;

    public DrawingPad() {
        super(240, 240, new Canvas());
        getStyleClass().add("drawing-pad");
        setOnMousePressed(e -> {
            lastX = Double.NaN;
            stroke(e);
        });
        setOnMouseDragged(this::stroke);
        setOnMouseReleased(e -> lastX = Double.NaN);
    }

    /** Told of the network's input after each change of the drawing. */
    public void setOnDrawn(Consumer<double[]> onDrawn) {
        this.onDrawn = onDrawn;
    }

    public void setDark(boolean on) {
        dark = on;
        redraw();
    }

    /** Wipes the pad. */
    public void clear() {
        Arrays.fill(ink, 0);
        redraw();
        onDrawn.accept(input());
    }

    /** A thicker (+1) or thinner (−1) pen; false when there is none. */
    public boolean pen(int change) {
        int next = pen + change;
        if (next < 0 || next >= PENS.length) {
            return false;
        }
        pen = next;
        return true;
    }

    /** The pen's radius in raster pixels. */
    public double penRadius() {
        return PENS[pen];
    }

    /** The network's input for the drawing (28 × 28, row by row). */
    public double[] input() {
        return DigitInput.of(ink, RASTER);
    }

    /** The ink raster (for tests): RASTER² coverage values, row by row. */
    public float[] ink() {
        return ink;
    }

    /**
     * Draws a line of the pen between two raster points (x, y in [0, RASTER)), erasing if
     * {@code erase}: what a drag does, for tests and for the mouse.
     */
    public void line(double x0, double y0, double x1, double y1, boolean erase) {
        double r = PENS[pen] * (erase ? 1.6 : 1);
        double length = Math.hypot(x1 - x0, y1 - y0);
        int steps = Math.max(1, (int) Math.ceil(length / (r / 3)));
        for (int s = 0; s <= steps; s++) {
            stamp(x0 + (x1 - x0) * s / steps, y0 + (y1 - y0) * s / steps, r, erase);
        }
        redraw();
        onDrawn.accept(input());
    }

    /** A disc of the pen: coverage max(existing, disc), anti-aliased over one raster pixel. */
    private void stamp(double cx, double cy, double r, boolean erase) {
        for (int y = Math.max(0, (int) (cy - r - 1)); y < Math.min(RASTER, (int) (cy + r + 2)); y++) {
            for (int x = Math.max(0, (int) (cx - r - 1)); x < Math.min(RASTER, (int) (cx + r + 2)); x++) {
                double cover = Math.max(0, Math.min(1, r + 0.5 - Math.hypot(x + 0.5 - cx, y + 0.5 - cy)));
                int k = y * RASTER + x;
                ink[k] = erase ? (float) Math.min(ink[k], 1 - cover) : (float) Math.max(ink[k], cover);
            }
        }
    }

    private void stroke(MouseEvent e) {
        double side = side();
        if (side <= 0) {
            return;
        }
        double x = (e.getX() - left()) / side * RASTER;
        double y = (e.getY() - top()) / side * RASTER;
        boolean erase = e.getButton() == MouseButton.SECONDARY;
        line(Double.isNaN(lastX) ? x : lastX, Double.isNaN(lastX) ? y : lastY, x, y, erase);
        lastX = x;
        lastY = y;
    }

    private double side() {
        return Math.floor(Math.min(getWidth(), getHeight())) - 2;
    }

    private double left() {
        return Math.floor((getWidth() - side()) / 2);
    }

    private double top() {
        return Math.floor((getHeight() - side()) / 2);
    }

    @Override
    protected void redraw() {
        Canvas c = (Canvas) getChildren().get(0);
        GraphicsContext g = c.getGraphicsContext2D();
        g.clearRect(0, 0, c.getWidth(), c.getHeight());
        double side = side();
        if (side <= 4) {
            return;
        }
        // ink as MNIST shows it: white on black, the pad a black square in either theme
        int[] pixels = new int[RASTER * RASTER];
        for (int k = 0; k < pixels.length; k++) {
            int v = Math.round(ink[k] * 255);
            pixels[k] = 0xFF000000 | v << 16 | v << 8 | v;
        }
        if (image == null) {
            image = new WritableImage(RASTER, RASTER);
        }
        image.getPixelWriter().setPixels(0, 0, RASTER, RASTER, PixelFormat.getIntArgbInstance(), pixels, 0, RASTER);
        g.setImageSmoothing(true);
        g.drawImage(image, left(), top(), side, side);
        g.setStroke(dark ? Color.web("#8b949e") : Color.web("#57606a"));
        g.strokeRect(left() - 0.5, top() - 0.5, side + 1, side + 1);
        // the box MNIST scales the ink into, as a faint guide
        double box = side * DigitInput.BOX / DigitInput.SIDE;
        g.setStroke(Color.web("#6e7681", 0.6));
        g.setLineDashes(4, 4);
        g.strokeRect(left() + (side - box) / 2, top() + (side - box) / 2, box, box);
        g.setLineDashes((double[]) null);
    }
}
