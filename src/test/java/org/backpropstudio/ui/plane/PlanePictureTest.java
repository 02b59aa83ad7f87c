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
    void eachCellsPixelsHaveTheColourOfItsProbabilities() {
        // a 4 × 4 grid, each cell its own probabilities; a picture of 4 × 32 pixels has each cell's
        // centre on the boundary of two pixels, so a picture of 4 × 31 has a pixel at each centre
        int r = 4;
        float[] p = new float[r * r * 3];
        for (int c = 0; c < r * r; c++) {
            p[3 * c] = c / 16f;
            p[3 * c + 1] = 1 - c / 16f;
        }
        ClassReport.Plane plane = new ClassReport.Plane(3, 6, r, p, List.of(),
                new DataSpec.PointSets(new DataSpec.Points(new double[0][], new int[0]),
                        new DataSpec.Points(new double[0][], new int[0])), List.of(Feature.X1, Feature.X2));
        int size = 4 * 31;
        int[] pixels = PlanePicture.render(plane, size, 4, WHITE, WHITE);
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < r; i++) {
                int px = i * 31 + 15;
                int py = j * 31 + 15;
                int want = PlanePicture.regionColour(p, 3 * (j * r + i), 3, WHITE);
                assertTrue(distance(pixels[py * size + px] & 0xFFFFFF, want) <= 3,
                        "cell " + i + ", " + j + ": " + Integer.toHexString(pixels[py * size + px]) + " vs " + Integer.toHexString(want));
            }
        }
    }

    @Test
    void aTrainingPointIsFilledInItsClassColourAndATestPointIsARing() {
        float[] p = new float[2 * 2 * 2];
        java.util.Arrays.fill(p, 0.5f);
        ClassReport.Plane plane = new ClassReport.Plane(2, 6, 2, p, List.of(),
                new DataSpec.PointSets(new DataSpec.Points(new double[][] {{-3, 3}}, new int[] {1}),
                        new DataSpec.Points(new double[][] {{3, -3}}, new int[] {0})), List.of(Feature.X1, Feature.X2));
        int size = 120;
        int[] pixels = PlanePicture.render(plane, size, 6, WHITE, WHITE);
        int pale = PlanePicture.regionColour(p, 0, 2, WHITE);
        // (−3, 3) is a quarter in from the left and the top; (3, −3) a quarter in from the right and the bottom
        assertEquals(ClassPalette.rgb(1), pixels[30 * size + 30] & 0xFFFFFF);
        assertEquals(pale, pixels[90 * size + 90] & 0xFFFFFF); // a ring: its centre shows the region
        assertTrue(distance(pixels[90 * size + 90 + 5] & 0xFFFFFF, ClassPalette.rgb(0)) < 60); // its rim the class
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
}
