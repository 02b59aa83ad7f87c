package org.backpropstudio.ui.digits;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.backpropstudio.ui.CanvasPane;
import org.backpropstudio.ui.ClassPalette;

/**
 * The first layer's weights as images, one per hidden unit: unit u's image is column u of W
 * (in × units) laid out as the input image, positive weights blue and negative orange, full
 * strength at the unit's largest |w|. Students watch them turn from noise into strokes.
 */
public final class WeightImages extends CanvasPane {

    /** Units drawn at most. */
    static final int MAX_UNITS = 256;

    private double[][] weights;
    private int side;
    private boolean dark;
    private WritableImage image;

    public WeightImages() {
        super(420, 320, new Canvas());
        getStyleClass().add("weight-images");
    }

    /** Shows W (in × units, as rows) of images of side × side pixels. */
    public void show(double[][] firstLayer, int imageSide) {
        weights = firstLayer;
        side = imageSide;
        redraw();
    }

    public void setDark(boolean on) {
        dark = on;
        redraw();
    }

    /** Unit u's image as ARGB pixels (side², row by row) over a background. */
    public static int[] unitImage(double[][] w, int u, int side, int background) {
        double max = 0;
        for (int p = 0; p < side * side; p++) {
            max = Math.max(max, Math.abs(w[p][u]));
        }
        int[] pixels = new int[side * side];
        for (int p = 0; p < side * side; p++) {
            double t = max == 0 ? 0 : w[p][u] / max;
            pixels[p] = 0xFF000000 | org.backpropstudio.ui.ClassPalette.mix(background,
                    ClassPalette.rgb(t >= 0 ? 0 : 1), Math.abs(t));
        }
        return pixels;
    }

    @Override
    protected void redraw() {
        Canvas c = (Canvas) getChildren().get(0);
        GraphicsContext g = c.getGraphicsContext2D();
        g.clearRect(0, 0, c.getWidth(), c.getHeight());
        if (weights == null || weights.length != side * side) {
            return;
        }
        int units = Math.min(MAX_UNITS, weights[0].length);
        int columns = 1;
        double cell = 0;
        for (int cols = 1; cols <= units; cols++) {
            int rows = (units + cols - 1) / cols;
            double size = Math.min(c.getWidth() / cols, c.getHeight() / rows);
            if (size > cell) {
                cell = size;
                columns = cols;
            }
        }
        cell = Math.floor(cell);
        if (cell < 4) {
            return;
        }
        int rows = (units + columns - 1) / columns;
        int stride = columns * side;
        int[] pixels = new int[stride * rows * side];
        int background = dark ? 0x0d1117 : 0xffffff;
        for (int u = 0; u < units; u++) {
            int[] unit = unitImage(weights, u, side, background);
            int ox = (u % columns) * side;
            int oy = (u / columns) * side;
            for (int p = 0; p < side * side; p++) {
                pixels[(oy + p / side) * stride + ox + p % side] = unit[p];
            }
        }
        if (image == null || (int) image.getWidth() != stride || (int) image.getHeight() != rows * side) {
            image = new WritableImage(stride, rows * side);
        }
        image.getPixelWriter().setPixels(0, 0, stride, rows * side, PixelFormat.getIntArgbInstance(), pixels, 0, stride);
        g.setImageSmoothing(false);
        double gap = Math.max(1, Math.floor(cell * 0.06));
        for (int u = 0; u < units; u++) {
            g.drawImage(image, (u % columns) * side, (u / columns) * side, side, side,
                    (u % columns) * cell, (u / columns) * cell, cell - gap, cell - gap);
        }
    }
}
