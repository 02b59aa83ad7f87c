package org.backpropstudio.ui.digits;

/**
 * A drawing made into a network's input as MNIST made its digits: the ink's bounding box scaled
 * (keeping its shape) so its longer side is 20 pixels, by averaging the ink over each new pixel,
 * then placed in a 28 × 28 image so that its centre of mass is at the centre. Plain arithmetic,
 * no toolkit.
 */
public final class DigitInput {

    /** The side of the network's image, and of the box the ink is scaled into. */
    public static final int SIDE = 28;
    public static final int BOX = 20;

    private DigitInput() {
    }

    /**
     * The 28 × 28 input (row by row, values in [0, 1]) of an ink raster ({@code size} × {@code size},
     * coverage in [0, 1], row by row); all zeros when nothing is drawn.
     */
    public static double[] of(float[] ink, int size) {
        int top = size;
        int bottom = -1;
        int left = size;
        int right = -1;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (ink[y * size + x] > 0) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        double[] image = new double[SIDE * SIDE];
        if (bottom < 0) {
            return image;
        }
        int w = right - left + 1;
        int h = bottom - top + 1;
        double scale = (double) BOX / Math.max(w, h); // new pixels per raster pixel
        int sw = Math.max(1, (int) Math.round(w * scale));
        int sh = Math.max(1, (int) Math.round(h * scale));
        // area average: each scaled pixel is the mean ink of the raster pixels whose centres fall in it
        double[] small = new double[sw * sh];
        int[] counts = new int[sw * sh];
        for (int y = top; y <= bottom; y++) {
            int sy = Math.min(sh - 1, (int) ((y - top + 0.5) * scale));
            for (int x = left; x <= right; x++) {
                int sx = Math.min(sw - 1, (int) ((x - left + 0.5) * scale));
                small[sy * sw + sx] += ink[y * size + x];
                counts[sy * sw + sx]++;
            }
        }
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                double v = counts[y * sw + x] == 0 ? 0 : small[y * sw + x] / counts[y * sw + x];
                small[y * sw + x] = v;
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        }
        // the centre of mass goes to the image's centre (14, 14), as close as whole pixels allow
        int dx = (int) Math.round(SIDE / 2.0 - mx / mass);
        int dy = (int) Math.round(SIDE / 2.0 - my / mass);
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int tx = x + dx;
                int ty = y + dy;
                if (tx >= 0 && tx < SIDE && ty >= 0 && ty < SIDE) {
                    image[ty * SIDE + tx] = Math.min(1, small[y * sw + x]);
                }
            }
        }
        return image;
    }
}
