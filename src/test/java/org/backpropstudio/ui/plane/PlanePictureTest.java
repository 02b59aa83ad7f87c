package org.backpropstudio.ui.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Feature;
import org.backpropstudio.engine.PlaneShape;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.engine.TrainingConfig;
import org.backpropstudio.training.ClassReport;
import org.backpropstudio.ui.ClassPalette;
import org.junit.jupiter.api.Test;

/** The heat map's colours follow the probabilities; the plane's controls give networks that fit their data. */
class PlanePictureTest {

    private static final int WHITE = 0xffffff;

    private static double distance(int a, int b) {
        return Math.sqrt(Math.pow((a >> 16 & 0xFF) - (b >> 16 & 0xFF), 2) + Math.pow((a >> 8 & 0xFF) - (b >> 8 & 0xFF), 2)
                + Math.pow((a & 0xFF) - (b & 0xFF), 2));
    }

    @Test
    void aConfidentRegionIsSaturatedInItsClassColourAndTheBoundaryIsPale() {
        int sure = PlanePicture.regionColour(new float[] {0.99f, 0.01f}, 0, 2, WHITE);
        int boundary = PlanePicture.regionColour(new float[] {0.5f, 0.5f}, 0, 2, WHITE);
        int other = PlanePicture.regionColour(new float[] {0.02f, 0.98f}, 0, 2, WHITE);
        assertTrue(distance(sure, ClassPalette.rgb(0)) < distance(sure, ClassPalette.rgb(1)));
        assertTrue(distance(other, ClassPalette.rgb(1)) < distance(other, ClassPalette.rgb(0)));
        // the boundary is nearer the background than either confident region
        assertTrue(distance(boundary, WHITE) < distance(sure, WHITE) / 2);
        assertTrue(distance(boundary, WHITE) < distance(other, WHITE) / 2);
        // exactly: background + (0.15 + 0.6·a)·(mix − background), a = (0.99 − ½)/(1 − ½)
        double s = PlanePicture.PALE + PlanePicture.CONFIDENT * (0.99 - 0.5) / 0.5;
        double red = 0.99 * (ClassPalette.rgb(0) >> 16) + 0.01 * (ClassPalette.rgb(1) >> 16);
        assertEquals(Math.round(255 + s * (Math.round(red) - 255)), sure >> 16 & 0xFF);
    }

    @Test
    void eachCellHasTheColourOfItsProbabilities() {
        int r = 4;
        float[] p = new float[r * r * 3];
        for (int c = 0; c < r * r; c++) {
            p[3 * c] = c / 16f;
            p[3 * c + 1] = 1 - c / 16f;
        }
        ClassReport.Plane plane = new ClassReport.Plane(3, 6, r, p, List.of(),
                new DataSpec.PointSets(new DataSpec.Points(new double[0][], new int[0]),
                        new DataSpec.Points(new double[0][], new int[0])), List.of(Feature.X1, Feature.X2));
        int[] cells = PlanePicture.regions(plane, null, WHITE);
        for (int c = 0; c < r * r; c++) {
            assertEquals(0xFF000000 | PlanePicture.regionColour(p, 3 * c, 3, WHITE), cells[c]);
        }
        // cell 15 (bottom right, 94 % class 0) is nearer class 0's colour than cell 0 (0 %)
        assertTrue(distance(cells[15] & 0xFFFFFF, ClassPalette.rgb(0)) < distance(cells[0] & 0xFFFFFF, ClassPalette.rgb(0)));
    }

    @Test
    void theEnlargedRegionsPassThroughEachCellsColourAndBlendBetween() {
        int[] cells = {0xFF000000, 0xFFFFFFFF, 0xFF0000FF, 0xFF00FF00};
        int[] fine = PlanePicture.enlarge(cells, 2, 4);
        // the corners are the cells' own colours
        assertEquals(cells[0], fine[0]);
        assertEquals(cells[3], fine[7 * 8 + 7]);
        // pixel (1, 1) of a 2× enlargement lies a quarter of the way from cell 0's centre to the others'
        int top = ClassPalette.mix(0x000000, 0xFFFFFF, 0.25);
        int bottom = ClassPalette.mix(0x0000FF, 0x00FF00, 0.25);
        assertEquals(0xFF000000 | ClassPalette.mix(top, bottom, 0.25), PlanePicture.enlarge(cells, 2, 2)[1 * 4 + 1]);
    }

    @Test
    void aTrainingPointIsFilledInItsClassColourAndATestPointIsARingTheRegionShowsThrough() {
        DataSpec.PointSets points = new DataSpec.PointSets(new DataSpec.Points(new double[][] {{-3, 3}}, new int[] {1}),
                new DataSpec.Points(new double[][] {{3, -3}}, new int[] {0}));
        int size = 120;
        int[] pixels = PlanePicture.points(points, 6, size, 6, WHITE);
        // (−3, 3) is a quarter in from the left and the top; (3, −3) a quarter in from the right and the bottom
        assertEquals(0xFF000000 | ClassPalette.rgb(1), pixels[30 * size + 30]);
        assertEquals(0, pixels[90 * size + 90]); // a ring: transparent at its centre
        int rim = pixels[90 * size + 90 + 5];
        assertTrue(rim >>> 24 > 128);
        assertEquals(0, pixels[5 * size + 100]); // nothing where there is no point
    }

    @Test
    void theNetworkFollowsTheFeaturesAndTheClasses() {
        TrainingConfig circle = Presets.get("circle-relu");
        DataSpec.Plane data = (DataSpec.Plane) circle.data();
        DataSpec.Plane squared = PlaneSetups.withFeature(data, Feature.X1_SQUARED, true);
        TrainingConfig more = PlaneSetups.withData(circle, squared);
        assertEquals(3, more.network().inputs());
        assertEquals(List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED), ((DataSpec.Plane) more.data()).inputs());
        DataSpec.PlaneData blobs = PlaneSetups.generated(data, PlaneShape.BLOBS, 4, 0.3);
        assertEquals(4, PlaneSetups.withData(circle, blobs).network().outputs());
        assertEquals(2, PlaneSetups.generated(data, PlaneShape.XOR, 4, 0.3).classes()); // xor has 2 classes only
        assertEquals(null, PlaneSetups.withFeature(PlaneSetups.withFeature(data, Feature.X1, false), Feature.X2, false));
    }

    /** The enlargement pixel by pixel, as it was first written: each pixel mixes its four cells. */
    private static int[] enlargedPixelByPixel(int[] cells, int r, int f) {
        int n = r * f;
        int[] out = new int[n * n];
        for (int y = 0; y < n; y++) {
            double gy = Math.min(r - 1, Math.max(0, (y + 0.5) / f - 0.5));
            int j0 = (int) gy;
            int j1 = Math.min(r - 1, j0 + 1);
            for (int x = 0; x < n; x++) {
                double gx = Math.min(r - 1, Math.max(0, (x + 0.5) / f - 0.5));
                int i0 = (int) gx;
                int i1 = Math.min(r - 1, i0 + 1);
                int top = ClassPalette.mix(cells[j0 * r + i0], cells[j0 * r + i1], gx - i0);
                int bottom = ClassPalette.mix(cells[j1 * r + i0], cells[j1 * r + i1], gx - i0);
                out[y * n + x] = 0xFF000000 | ClassPalette.mix(top, bottom, gy - j0);
            }
        }
        return out;
    }

    @Test
    void theEnlargementMixesEachPixelsFourCellsAsPixelByPixel() {
        java.util.Random random = new java.util.Random(5);
        for (int[] rf : new int[][] {{1, 4}, {2, 4}, {3, 3}, {7, 4}, {48, 4}}) {
            int[] cells = new int[rf[0] * rf[0]];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = 0xFF000000 | random.nextInt(1 << 24);
            }
            org.junit.jupiter.api.Assertions.assertArrayEquals(enlargedPixelByPixel(cells, rf[0], rf[1]),
                    PlanePicture.enlarge(cells, rf[0], rf[1]), rf[0] + " cells a side, " + rf[1] + " times");
        }
    }
}
