package org.backpropstudio.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Network;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.engine.Task;
import org.backpropstudio.engine.TrainingConfig;
import org.backpropstudio.io.PresetCatalog;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** What the service reports for a classifier's views: the plane's maps and points, the digits' predictions. */
public class ClassReportTest {

    /**
     * The digit tutorial's setup on a twentieth of its digits (360 to train, 200 to validate): the
     * same images and network, an epoch of one step.
     */
    public static TrainingConfig smallDigits() {
        DataSpec.LabelledData d = (DataSpec.LabelledData) PresetCatalog.get(Presets.DIGITS_SOFTMAX).config().data();
        return Presets.digitsSoftmax(PresetCatalog.holdFirst(d.train(), 0.05)[0], PresetCatalog.holdFirst(d.test(), 0.25)[0]);
    }

    private TrainingService service(TrainingConfig config) {
        return new TrainingService(config, () -> 0L /* a clock that stands still: a Step's whole epoch in one tick */);
    }

    @Test
    void thePlanesMapIsTheNetworksSoftmaxAtEachCellAndItsPointsAreTheTrainedOnes() {
        TrainingConfig config = Presets.get("spiral-relu");
        TrainingService service = service(config);
        service.submit(new Command.Step());
        service.tick();
        Snapshot s = service.snapshotNow();
        ClassReport.Plane plane = assertInstanceOf(ClassReport.Plane.class, s.classes());
        DataSpec.PlaneData data = (DataSpec.PlaneData) config.data();
        assertEquals(data.trainCount(), plane.points().train().size());
        assertEquals(data.testCount(), plane.points().test().size());
        // the drawn points are the ones trained on: their features are the training inputs
        double[] x = plane.points().train().xy()[7];
        assertEquals(data.inputs(), plane.features());
        assertEquals(x[0], s.train().x().get(7, 0));
        assertEquals(Math.sin(x[1]), s.train().x().get(7, data.inputs().indexOf(org.backpropstudio.engine.Feature.SIN_X2)));
        assertEquals(plane.points().train().labels()[7], s.train().label(7));

        Network net = Network.fromParameters(s.network(), s.weights(), s.biases());
        int r = plane.resolution();
        for (int[] cell : new int[][] {{0, 0}, {r - 1, 0}, {5, 31}, {r / 2, r / 2}}) {
            double x1 = plane.coordinate(cell[0]);
            double x2 = -plane.coordinate(cell[1]);
            DMatrixRMaj z = net.predict(new DMatrixRMaj(
                    org.backpropstudio.engine.Feature.inputs(plane.features(), new double[][] {{x1, x2}})));
            float[] p = ClassProbes.softmaxRows(z, 1);
            int at = (cell[1] * r + cell[0]) * plane.classes();
            float sum = 0;
            for (int c = 0; c < plane.classes(); c++) {
                assertEquals(p[c], plane.probabilities()[at + c], 1e-6f, "cell " + Arrays.toString(cell));
                sum += plane.probabilities()[at + c];
            }
            assertEquals(1f, sum, 1e-5f);
        }
        // both hidden layers (16 units each), every unit mapped over the grid
        assertEquals(2, plane.hidden().size());
        assertEquals(r * r * s.network().layers().get(0).units(), plane.hidden().get(0).length);
    }

    @Test
    void clickedPointsKeepTheTaskAndTheClassAndTheNearestIsRemoved() {
        TrainingConfig config = Presets.get("circle-relu");
        TrainingService service = service(config);
        int before = config.data().trainCount();
        service.submit(new Command.AddPlanePoint(1.5, -2.5, 1, false));
        service.tick();
        Snapshot s = service.snapshotNow();
        DataSpec.PlanePoints points = assertInstanceOf(DataSpec.PlanePoints.class, s.config().data());
        assertEquals(new Task.Classification(2), s.config().data().task());
        assertEquals(before + 1, points.train().size());
        assertEquals(before + 1, s.train().size());
        assertEquals(1, s.train().label(before));
        ClassReport.Plane plane = (ClassReport.Plane) s.classes();
        assertEquals(1.5, plane.points().train().xy()[before][0]);
        assertInstanceOf(ServiceEvent.SamplesEdited.class, s.event());

        service.submit(new Command.AddPlanePoint(5.9, 5.9, 0, true));
        service.submit(new Command.RemovePlanePoint(1.51, -2.49));
        service.tick();
        s = service.snapshotNow();
        points = (DataSpec.PlanePoints) s.config().data();
        assertEquals(before, points.train().size());
        assertEquals(config.data().testCount() + 1, points.test().size());
        // it trains on the edited points
        service.submit(new Command.Step());
        while (service.snapshotNow().epoch() == 0) {
            service.tick();
        }
        assertTrue(Double.isFinite(service.snapshotNow().trainAccuracy()));
    }

    @Test
    void aPointOfAClassTheDataHasNotIsRefused() {
        TrainingService service = service(Presets.get("circle-relu"));
        service.submit(new Command.AddPlanePoint(0, 0, 2, false));
        service.tick();
        assertInstanceOf(ServiceEvent.Refused.class, service.snapshotNow().event());
        assertInstanceOf(DataSpec.PlaneData.class, service.snapshotNow().config().data());
    }

    @Test
    void theDigitsReportPredictsTheFirstTestImagesAndTheConfusionCountsEveryTestImage() {
        TrainingService service = service(smallDigits());
        Snapshot s = service.snapshotNow();
        ClassReport.Images images = assertInstanceOf(ClassReport.Images.class, s.classes());
        assertEquals(28, images.side());
        assertEquals(ClassProbes.SHOWN_IMAGES, images.shown());
        int total = 0;
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                total += images.confusion()[t][p];
            }
        }
        assertEquals(s.test().size(), total);
        service.submit(new Command.Step());
        service.tick();
        while (service.snapshotNow().epoch() == 0) {
            service.tick();
        }
        s = service.snapshotNow();
        images = (ClassReport.Images) s.classes();
        int diagonal = 0;
        for (int c = 0; c < 10; c++) {
            diagonal += images.confusion()[c][c];
        }
        // the confusion's diagonal is the test accuracy the epoch reported
        assertEquals(s.testAccuracy(), (double) diagonal / s.test().size(), 1e-12);
        assertEquals(1, images.countedAt());
    }

    /** The network a snapshot shows, rebuilt from its weights (a muted unit's are zero in them). */
    private static Network networkOf(Snapshot s) {
        java.util.List<org.backpropstudio.engine.DenseLayer> layers = new java.util.ArrayList<>();
        int inputs = s.network().inputs();
        for (int k = 0; k < s.network().layers().size(); k++) {
            org.backpropstudio.engine.LayerSpec spec = s.network().layers().get(k);
            org.backpropstudio.engine.DenseLayer layer = new org.backpropstudio.engine.DenseLayer(inputs, spec.units(),
                    spec.activation(), spec.bias());
            layer.weights().setTo(new DMatrixRMaj(s.weights().get(k)));
            if (spec.bias()) {
                layer.bias().setTo(new DMatrixRMaj(1, spec.units(), true, s.biases().get(k)));
            }
            layers.add(layer);
            inputs = spec.units();
        }
        return new Network(s.network().inputs(), layers);
    }

    private static int[][] confusionShown(Snapshot s) {
        return ((ClassReport.Images) s.classes()).confusion();
    }

    /**
     * The digits' confusion is the test set's counted by the network the snapshot shows: taken from
     * the epoch's own accuracy pass when no command came during the epoch, counted again when one did
     * (a unit muted between two units of the epoch's work, wherever: between its steps, its loss
     * chunks or its accuracy chunks) or came since.
     */
    @Test
    void theDigitsConfusionIsAlwaysTheShownNetworksWhereverItWasCounted() {
        // 360 training digits and the 800 test digits: an epoch is 11 units of work, the last 4 the
        // test accuracy's chunks of 256 rows
        DataSpec.LabelledData d = (DataSpec.LabelledData) PresetCatalog.get(Presets.DIGITS_SOFTMAX).config().data();
        TrainingConfig config = Presets.digitsSoftmax(PresetCatalog.holdFirst(d.train(), 0.05)[0], d.test());
        // each look at the clock takes this long: a tick does 7, 5, 4, 3 or 2 units
        for (long look : new long[] {1_500_000, 2_100_000, 2_600_000, 3_400_000, 5_000_000})
        for (int ticksBefore = 0; ticksBefore <= 6; ticksBefore++) {
            long[] now = {0};
            TrainingService service = new TrainingService(config, () -> now[0] += look);
            service.submit(new Command.Step());
            for (int i = 0; i < ticksBefore; i++) {
                service.tick();
            }
            for (int unit = 0; unit < 48; unit++) {
                service.submit(new Command.SetMuted(new HiddenUnit(0, unit), true)); // most of the first layer
            }
            for (int i = 0; i < 1000 && service.snapshotNow().epoch() < 1; i++) {
                service.tick();
            }
            service.tick();
            Snapshot s = service.snapshotNow();
            assertEquals(1, s.epoch());
            assertEquals(48, s.muted().size());
            assertTrue(Arrays.deepEquals(ClassProbes.confusion(networkOf(s), s.test()), confusionShown(s)),
                    "muted after " + ticksBefore + " ticks of looks " + look + " ns apart");
        }
    }

    @Test
    void aDrawingIsReadByTheLiveNetworkAndOneOfTheWrongSizeIsRefused() {
        TrainingService service = service(smallDigits());
        double[] drawing = new double[784];
        for (int y = 4; y < 24; y++) {
            drawing[y * 28 + 14] = 1; // a stroke down the middle
        }
        service.submit(new Command.ReadDrawing(drawing));
        service.tick();
        Snapshot s = service.snapshotNow();
        float[] drawn = ((ClassReport.Images) s.classes()).drawn();
        Network net = Network.fromParameters(s.network(), s.weights(), s.biases());
        float[] want = ClassProbes.softmaxRows(net.predict(new DMatrixRMaj(1, 784, true, drawing)), 1);
        assertEquals(10, drawn.length);
        for (int c = 0; c < 10; c++) {
            assertEquals(want[c], drawn[c], 0f);
        }
        service.submit(new Command.ReadDrawing(new double[10]));
        service.tick();
        assertInstanceOf(ServiceEvent.Refused.class, service.snapshotNow().event());
        service.submit(new Command.ReadDrawing(null));
        service.tick();
        assertNull(((ClassReport.Images) service.snapshotNow().classes()).drawn());
    }

    @Test
    void theInspectorTracesADigitByItsNumberAndItsLossStageShowsSoftmaxAndPMinusY() {
        TrainingService service = service(smallDigits());
        service.submit(new Command.InspectSample(3, true));
        service.tick();
        Inspection inspection = service.snapshotNow().inspection();
        Snapshot s = service.snapshotNow();
        assertEquals(3, inspection.sampleIndex());
        assertEquals(s.test().label(3), inspection.label());
        Inspection.Stage loss = inspection.stages().stream().filter(st -> st.phase() == Inspection.Phase.LOSS)
                .findFirst().orElseThrow();
        java.util.Map<String, double[][]> terms = new java.util.HashMap<>();
        loss.terms().forEach(t -> terms.put(t.name(), t.values()));
        double[] p = terms.get("p")[0];
        assertEquals(1.0, Arrays.stream(p).sum(), 1e-12);
        int y = inspection.label();
        assertEquals(-Math.log(p[y]), terms.get("ℓ")[0][0], 1e-12);
        for (int c = 0; c < 10; c++) {
            assertEquals(p[c] - (c == y ? 1 : 0), terms.get("∂L/∂z")[0][c], 1e-12);
        }
        // the input is the test digit's 784 pixels
        Inspection.Stage first = inspection.stages().get(0);
        assertEquals(784, first.terms().get(0).cols());
        assertEquals(s.test().input(3, 400), first.terms().get(0).values()[0][400]);
        // a number past the set traces nothing
        service.submit(new Command.InspectSample(100_000, true));
        service.tick();
        assertNull(service.snapshotNow().inspection());
    }

    @Test
    void regressionHasNoClassReport() {
        assertNull(service(Presets.get(Presets.DEFAULT)).snapshotNow().classes());
    }
}
