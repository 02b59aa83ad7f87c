package org.backpropstudio.ui.digits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A drawing becomes the network's input as MNIST made its digits: scaled into 20 × 20, centred by mass in 28 × 28. */
class DigitInputTest {

    private static final int N = 280;

    /** Ink over the rectangle [x0, x1) × [y0, y1) of a raster. */
    private static float[] rectangle(int x0, int y0, int x1, int y1) {
        float[] ink = new float[N * N];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                ink[y * N + x] = 1;
            }
        }
        return ink;
    }

    @Test
    void aTallBarIsScaledToTwentyRowsAndCentred() {
        // 40 × 200 raster pixels anywhere: 4 × 20 after scaling, its centre at (14, 14)
        double[] in = DigitInput.of(rectangle(30, 50, 70, 250), N);
        int top = 28;
        int bottom = -1;
        int left = 28;
        int right = -1;
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                double v = in[y * 28 + x];
                if (v > 0) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    assertEquals(1.0, v, 1e-12); // full ink stays full
                }
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        }
        assertEquals(20, bottom - top + 1);
        assertEquals(4, right - left + 1);
        assertEquals(14, mx / mass, 0.5);
        assertEquals(14, my / mass, 0.5);
    }

    @Test
    void whereItIsDrawnDoesNotMatterOnlyItsShape() {
        assertArrayEquals(DigitInput.of(rectangle(10, 10, 110, 60), N), DigitInput.of(rectangle(150, 200, 250, 250), N));
    }

    @Test
    void halfInkAveragesToHalf() {
        float[] ink = rectangle(100, 100, 200, 200);
        for (int k = 0; k < ink.length; k++) {
            ink[k] *= 0.5f;
        }
        double[] in = DigitInput.of(ink, N);
        assertTrue(java.util.Arrays.stream(in).allMatch(v -> v == 0 || Math.abs(v - 0.5) < 1e-6));
        assertEquals(400 * 0.5, java.util.Arrays.stream(in).sum(), 1e-6); // 20 × 20 pixels of half ink
    }

    @Test
    void nothingDrawnIsAnEmptyImage() {
        assertEquals(0, java.util.Arrays.stream(DigitInput.of(new float[N * N], N)).sum());
    }
}
