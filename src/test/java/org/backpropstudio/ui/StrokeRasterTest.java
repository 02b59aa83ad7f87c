package org.backpropstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The coverage our own line drawing gives, against what a 1 × 1 box filter over the exact line gives. */
class StrokeRasterTest {

    private static StrokeRaster raster(int w, int h) {
        StrokeRaster r = new StrokeRaster();
        r.begin(w, h, 1);
        return r;
    }

    private static double alpha(StrokeRaster r, int x, int y) {
        return (r.pixel(x, y) >>> 24) / 255.0;
    }

    private static void line(StrokeRaster r, Color c, double width, double[] dashes, double... xy) {
        r.beginPath(c, width, dashes);
        r.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            r.lineTo(xy[i], xy[i + 1]);
        }
        r.endPath();
    }

    @Test
    void aHorizontalLineCoversExactlyThePixelsItsBandCrosses() {
        StrokeRaster r = raster(100, 30);
        // width 1 centred on y = 10.25: [9.75, 10.75] covers a quarter of row 9 and three quarters of row 10
        line(r, Color.BLACK, 1, null, 10, 10.25, 90, 10.25);
        for (int x = 20; x < 80; x++) {
            assertThat(alpha(r, x, 8)).isZero();
            assertThat(alpha(r, x, 9)).isCloseTo(0.25, offset(0.5 / 255));
            assertThat(alpha(r, x, 10)).isCloseTo(0.75, offset(0.5 / 255));
            assertThat(alpha(r, x, 11)).isZero();
        }
        // width 2 on a pixel edge: two full rows
        line(r, Color.BLACK, 2, null, 10, 20, 90, 20);
        assertThat(alpha(r, 50, 18)).isZero();
        assertThat(alpha(r, 50, 19)).isEqualTo(1.0);
        assertThat(alpha(r, 50, 20)).isEqualTo(1.0);
        assertThat(alpha(r, 50, 21)).isZero();
    }

    @Test
    void aVerticalLineIsTheSameTurned() {
        StrokeRaster r = raster(30, 100);
        line(r, Color.BLACK, 1, null, 10.25, 10, 10.25, 90);
        assertThat(alpha(r, 9, 50)).isCloseTo(0.25, offset(0.5 / 255));
        assertThat(alpha(r, 10, 50)).isCloseTo(0.75, offset(0.5 / 255));
        assertThat(alpha(r, 11, 50)).isZero();
    }

    @Test
    void aSlantedLineHasTheInkOfItsArea() {
        // area of a band of width w and length L with round caps: w L + π w² / 4
        for (double width : new double[] {0.4, 1, 2.5, 4}) {
            StrokeRaster r = raster(200, 200);
            double x0 = 20.3;
            double y0 = 31.7;
            double x1 = 170.9;
            double y1 = 120.2;
            line(r, Color.BLACK, width, null, x0, y0, x1, y1);
            double ink = 0;
            for (int y = 0; y < 200; y++) {
                for (int x = 0; x < 200; x++) {
                    ink += alpha(r, x, y);
                }
            }
            double area = width * Math.hypot(x1 - x0, y1 - y0) + Math.PI * width * width / 4;
            assertThat(ink).as("ink of a line %s wide", width).isCloseTo(area, offset(0.03 * area));
        }
    }

    @Test
    void aLineOfNoLengthIsARoundDotNotASquare() {
        // a curve through the same point twice, or a unit of the diagram: a disc of the line's width
        StrokeRaster r = raster(60, 60);
        line(r, Color.BLACK, 20, null, 30, 30, 30, 30);
        assertThat(alpha(r, 30, 30)).isEqualTo(1.0);
        assertThat(alpha(r, 21, 30)).isEqualTo(1.0);
        // the square's corner, 12.7 px from the centre, is outside the disc of radius 10
        assertThat(alpha(r, 21, 21)).isZero();
        double ink = 0;
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 60; x++) {
                ink += alpha(r, x, y);
            }
        }
        assertThat(ink).isCloseTo(Math.PI * 100, offset(0.03 * Math.PI * 100));
    }

    @Test
    void aThinLineIsFaintRatherThanAFullHairline() {
        StrokeRaster r = raster(100, 30);
        line(r, Color.BLACK, 0.4, null, 10, 10.5, 90, 10.5);
        assertThat(alpha(r, 50, 10)).isCloseTo(0.4, offset(0.5 / 255));
        assertThat(alpha(r, 50, 9)).isZero();
    }

    @Test
    void aPathIsAsStrongWhereItOverlapsItselfAsAlongItButSeparatePathsAddUp() {
        StrokeRaster r = raster(100, 30);
        Color half = Color.color(0, 0, 1, 0.5);
        // there and back along the same row, and a sharp zigzag: one pass of ink everywhere
        line(r, half, 2, null, 10, 10, 90, 10, 20, 10, 85, 10.2);
        assertThat(alpha(r, 50, 9)).isCloseTo(0.5, offset(1 / 255.0));
        // a second path over it: 0.5 + 0.5 × (1 − 0.5)
        line(r, half, 2, null, 10, 10, 90, 10);
        assertThat(alpha(r, 50, 9)).isCloseTo(0.75, offset(1 / 255.0));
        // premultiplied blue
        int p = r.pixel(50, 9);
        assertThat(p & 0xff).isEqualTo(p >>> 24);
        assertThat((p >>> 8) & 0xffff).isZero();
    }

    @Test
    void nothingIsDrawnOutsideTheClip() {
        StrokeRaster r = raster(100, 100);
        r.clip(20, 20, 50, 50);
        line(r, Color.BLACK, 3, null, 0, 0, 100, 100);
        line(r, Color.BLACK, 3, null, -1e5, 40, 1e5, 40);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                boolean inside = x >= 20 && x < 70 && y >= 20 && y < 70;
                if (!inside) {
                    assertThat(alpha(r, x, y)).as("(%d, %d)", x, y).isZero();
                }
            }
        }
        assertThat(alpha(r, 45, 45)).isEqualTo(1.0);
        assertThat(alpha(r, 25, 40)).isEqualTo(1.0);
    }

    @Test
    void dashesLeaveTheirGapsEmptyAndRunOnAcrossSegments() {
        StrokeRaster r = raster(100, 30);
        // 7 on, 5 off from x = 10, along two segments that meet at x = 15 (inside the first dash)
        line(r, Color.BLACK, 2, new double[] {7, 5}, 10, 10, 15, 10, 90, 10);
        for (int period = 0; period < 6; period++) {
            int start = 10 + 12 * period;
            assertThat(alpha(r, start + 3, 10)).as("dash %d", period).isEqualTo(1.0);
            assertThat(alpha(r, start + 9, 10)).as("gap %d", period).isZero();
        }
        // an odd pattern alternates as a canvas's does: 4 on, 4 off, 4 on …
        StrokeRaster odd = raster(100, 30);
        line(odd, Color.BLACK, 2, new double[] {4}, 10, 10, 90, 10);
        assertThat(alpha(odd, 12, 10)).isEqualTo(1.0);
        assertThat(alpha(odd, 16, 10)).isZero();
        assertThat(alpha(odd, 20, 10)).isEqualTo(1.0);
    }

    @Test
    // walked dash by dash, the long lines would take hours: a thread of its own, so that it fails
    @org.junit.jupiter.api.Timeout(value = 20, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aDashedLineFromFarOutsideKeepsItsPhaseAndSkipsWhatIsNotShown() {
        // the pattern (7 on, 5 off) starts 10¹² periods left of the canvas: whole periods later,
        // the dashes at x = 10 … 90 fall where a line starting at x = 10 puts them
        StrokeRaster near = raster(100, 30);
        line(near, Color.BLACK, 2, new double[] {7, 5}, 10, 10, 90, 10);
        StrokeRaster far = raster(100, 30);
        line(far, Color.BLACK, 2, new double[] {7, 5}, 10 - 12e12, 10, 90, 10);
        // and one that comes in from far away in two segments, the first wholly outside
        StrokeRaster twice = raster(100, 30);
        line(twice, Color.BLACK, 2, new double[] {7, 5}, 10 - 12e12, 10, 10 - 12e6, 10, 90, 10);
        // left of x = 8 the far lines have dashes of their own (the gap 5 … 10 is just before)
        for (int x = 8; x < 100; x++) {
            for (int y = 8; y < 13; y++) {
                assertThat(far.pixel(x, y)).as("(%d, %d)", x, y).isEqualTo(near.pixel(x, y));
                assertThat(twice.pixel(x, y)).as("(%d, %d)", x, y).isEqualTo(near.pixel(x, y));
            }
        }
        assertThat(alpha(far, 13, 10)).isEqualTo(1.0);
        assertThat(alpha(far, 19, 10)).isZero();
    }

    @Test
    void aHighDensityScreenGetsTwiceThePixels() {
        StrokeRaster r = new StrokeRaster();
        r.begin(50, 20, 2);
        line(r, Color.BLACK, 1, null, 5, 5, 45, 5);
        // canvas y = 5 is device y = 10: width 1 is two device rows, 9 and 10
        assertThat(alpha(r, 50, 9)).isEqualTo(1.0);
        assertThat(alpha(r, 50, 10)).isEqualTo(1.0);
        assertThat(alpha(r, 50, 8)).isZero();
        assertThat(alpha(r, 50, 11)).isZero();
    }

    @Test
    void nonFiniteAndHugeCoordinatesDrawNothingOrStayInside() {
        StrokeRaster r = raster(50, 50);
        line(r, Color.BLACK, 2, null, Double.NaN, 10, 40, 10);
        line(r, Color.BLACK, 2, null, 10, Double.POSITIVE_INFINITY, 40, 10);
        for (int x = 0; x < 50; x++) {
            assertThat(alpha(r, x, 9)).isZero();
        }
        line(r, Color.BLACK, 2, new double[] {1e-300, 1e-300}, 0, 25, 1e9, 25.0001);
        assertThat(alpha(r, 30, 24)).isEqualTo(1.0); // too fine to dash: solid
    }

    @Test
    void aHugeCanvasIsDrawnAtFewerPixelsNotGigabytes() {
        // a pane of 8192 × 8192 (the canvases' limit) at scale 2 would be 268 M pixels
        StrokeRaster r = new StrokeRaster();
        r.begin(8192, 8192, 2);
        line(r, Color.BLACK, 4, null, 0, 4096, 8192, 4096);
        // 4 M pixels: 2048 × 2048, a quarter of a canvas unit each; the line is one device pixel wide
        assertThat(alpha(r, 1000, 1023)).isCloseTo(0.5, offset(1 / 255.0));
        assertThat(alpha(r, 1000, 1024)).isCloseTo(0.5, offset(1 / 255.0));
    }

    @Test
    void beginClearsTheLastDrawing() {
        StrokeRaster r = raster(50, 50);
        line(r, Color.BLACK, 2, null, 0, 10, 50, 10);
        r.begin(50, 50, 1);
        assertThat(alpha(r, 25, 9)).isZero();
    }
}
