package org.backpropstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backpropstudio.ui.WindowTests.shownOnScreen;
import static org.backpropstudio.ui.WindowTests.waitUntil;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.backpropstudio.training.ClassReport;
import org.backpropstudio.training.Snapshot;
import org.backpropstudio.ui.digits.DigitInput;
import org.backpropstudio.ui.digits.DigitsPanel;
import org.backpropstudio.ui.digits.DrawingPad;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The digits, in the real window on headless Monocle: the grid, the confusion matrix, the drawing pad. */
@ExtendWith(ApplicationExtension.class)
class DigitsWindowTest {

    private StudioApp.Studio studio;

    @Start
    void start(Stage stage) {
        studio = WindowTests.openStudio(stage, WindowTests.temporaryRecentList(), "digits-softmax");
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        studio.close();
    }

    private Snapshot shown() {
        return studio.viewModel().snapshotProperty().get();
    }

    private DigitsPanel digits() {
        return studio.view().tasks().digits();
    }

    @Test
    void theConfusionMatrixCountsEveryTestDigitTheGridMarksTheWrongOnesAndAClickedDigitIsTraced(FxRobot robot) {
        // the same images and network on a twentieth of the digits: an epoch of one step
        robot.interact(() -> studio.viewModel().loadPreset(org.backpropstudio.engine.Presets.DIGITS_SOFTMAX,
                org.backpropstudio.training.ClassReportTest.smallDigits()));
        waitUntil("the digits drawn", () -> shown() != null && shown().classes() instanceof ClassReport.Images
                && shown().test().size() == 200 && digits().confusion().counts().length == 10);
        assertThat(shownOnScreen(digits().grid())).isTrue();
        robot.clickOn("#step");
        waitUntil("an epoch", () -> shown().epoch() == 1 && ((ClassReport.Images) shown().classes()).countedAt() == 1);
        waitUntil("drawn", () -> digits().confusion().counts() == ((ClassReport.Images) shown().classes()).confusion());
        int[][] counts = digits().confusion().counts();
        int total = 0;
        int right = 0;
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                total += counts[t][p];
            }
            right += counts[t][t];
        }
        assertThat(total).isEqualTo(shown().test().size());
        assertThat((double) right / total).isCloseTo(shown().testAccuracy(), org.assertj.core.data.Offset.offset(1e-12));
        ClassReport.Images images = (ClassReport.Images) shown().classes();
        int wrong = 0;
        for (int i = 0; i < images.shown(); i++) {
            wrong += images.predicted(i) != shown().test().label(i) ? 1 : 0;
        }
        assertThat(digits().grid().wrong()).isEqualTo(wrong);
        // a click on the third digit shows its probabilities
        javafx.scene.Node grid = digits().grid();
        robot.clickOn(grid.localToScreen(digits().grid().cellCentre(2)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(digits().grid().selected()).isEqualTo(2);
        withTheInspectorOpenAClickedDigitIsTracedAndItsInputShownAsItsImage(robot);
    }

    @Test
    void theDrawingPadsInputIsTheDrawingScaledAndADatasetInMnistsOwnFilesIsTrainedOn(FxRobot robot) throws Exception {
        waitUntil("the digits drawn", () -> shown() != null && digits().confusion().counts().length == 10);
        robot.clickOn(Localized.t("digits.draw"));
        DrawingPad pad = digits().pad();
        waitUntil("the pad shown", () -> shownOnScreen(pad) && pad.getWidth() > 50);
        // a stroke from the top to the bottom of the pad with the mouse
        Point2D top = pad.localToScreen(pad.getWidth() / 2, pad.getHeight() * 0.2);
        Point2D bottom = pad.localToScreen(pad.getWidth() / 2, pad.getHeight() * 0.8);
        robot.drag(top, javafx.scene.input.MouseButton.PRIMARY).moveTo(pad.localToScreen(pad.getWidth() / 2,
                pad.getHeight() * 0.5)).moveTo(bottom).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double[] input = pad.input();
        assertThat(input).isEqualTo(DigitInput.of(pad.ink(), DrawingPad.RASTER));
        // a vertical stroke: 20 rows of ink, a few columns, centred
        int rows = 0;
        for (int y = 0; y < 28; y++) {
            boolean ink = false;
            for (int x = 0; x < 28; x++) {
                ink |= input[y * 28 + x] > 0;
            }
            rows += ink ? 1 : 0;
        }
        assertThat(rows).isEqualTo(DigitInput.BOX);
        // the service reads the drawing with the live network; the bars show its answer
        double[] want = digitsProbabilities(shown(), input);
        waitUntil("the bars", () -> {
            double[] bars = digits().drawnProbabilities().shown();
            if (bars.length != 10) {
                return false;
            }
            for (int c = 0; c < 10; c++) {
                if (Math.abs(bars[c] - want[c]) > 1e-6) { // reported as floats
                    return false;
                }
            }
            return true;
        });
        assertThat(java.util.Arrays.stream(digits().drawnProbabilities().shown()).sum())
                .isCloseTo(1, org.assertj.core.data.Offset.offset(1e-5));
        // cleared: nothing drawn, an empty input
        robot.clickOn("#pad-clear");
        assertThat(java.util.Arrays.stream(pad.input()).sum()).isZero();
        robot.clickOn(Localized.t("digits.predictions"));
        aDatasetInMnistsOwnFilesIsReadWithItsProgressAndTrainedOn(robot);
    }

    /**
     * On a 1280 × 720 projector in lecture mode the grid's 60 labels were 7 pixels high, the
     * confusion's counts 5, and the third tab was cut to "Dr".
     */
    @Test
    void inLectureModeAt1280By720TheDigitsConfusionAndTabsAreReadable(FxRobot robot) {
        robot.interact(() -> {
            Stage stage = (Stage) studio.view().getScene().getWindow();
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        waitUntil("the digits drawn", () -> shown() != null && digits().confusion().counts().length == 10
                && digits().grid().drawn() > 0);
        robot.press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        double text = studio.view().fontSize();
        assertThat(text).isGreaterThan(20);
        // (Monocle's full screen is 1 600 × 1 200: the grid has more room than on the projector)
        waitUntil("the grid drawn at the large size", () -> digits().grid().labelSize() >= 0.8 * 0.8 * text - 1e-9);
        assertThat(digits().grid().drawn()).isGreaterThanOrEqualTo(6);
        // every tab's title whole inside the tab bar
        javafx.scene.control.TabPane tabs = digits().tabs();
        double right = tabs.localToScene(tabs.getBoundsInLocal()).getMaxX();
        for (Node header : tabs.lookupAll(".tab")) {
            assertThat(header.localToScene(header.getBoundsInLocal()).getMaxX()).as("a tab inside the bar")
                    .isLessThanOrEqualTo(right + 0.5);
        }
        // the confusion on a tab of its own, its counts as large as the window's small text
        javafx.scene.control.Tab confusionTab = tabs.getTabs().stream()
                .filter(t -> t.getContent() != null && !t.getContent().lookupAll("#confusion-matrix").isEmpty())
                .findFirst().orElseThrow();
        assertThat(confusionTab).isNotSameAs(tabs.getTabs().get(0));
        robot.interact(() -> tabs.getSelectionModel().select(confusionTab));
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("the confusion drawn", () -> shownOnScreen(digits().confusion())
                && digits().confusion().countSize() >= 0.7 * text);
        // and back beside the grid when lecture mode ends
        robot.press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getTabs()).hasSize(3);
        assertThat(tabs.getTabs().get(0).getContent().lookup("#confusion-matrix")).isSameAs(digits().confusion());
    }

    private static double[] digitsProbabilities(Snapshot s, double[] input) {
        org.backpropstudio.engine.Network net = org.backpropstudio.engine.Network.fromParameters(s.network(), s.weights(),
                s.biases());
        org.ejml.data.DMatrixRMaj z = net.predict(new org.ejml.data.DMatrixRMaj(1, input.length, true, input));
        double max = java.util.Arrays.stream(z.data).max().orElseThrow();
        double[] p = java.util.Arrays.stream(z.data).map(v -> Math.exp(v - max)).toArray();
        double sum = java.util.Arrays.stream(p).sum();
        return java.util.Arrays.stream(p).map(v -> v / sum).toArray();
    }

    /** Part of the first test: one studio of the digits started is enough for both (each start reads them). */
    private void withTheInspectorOpenAClickedDigitIsTracedAndItsInputShownAsItsImage(FxRobot robot) {
        robot.interact(() -> studio.view().toggleInspector());
        int before = Math.max(0, digits().grid().selected());
        // it opens on the digit chosen in the grid
        waitUntil("the chosen digit traced", () -> shown().inspection() != null
                && shown().inspection().sampleIndex() == before);
        javafx.scene.Node grid = digits().grid();
        waitUntil("laid out", () -> grid.getBoundsInLocal().getWidth() > 100);
        // the first digit of the second row (the grid has fewer columns beside the inspector)
        WaitForAsyncUtils.waitForFxEvents();
        Point2D second = digits().grid().cellCentre(digits().grid().columns());
        robot.clickOn(grid.localToScreen(second));
        int chosen = digits().grid().selected();
        assertThat(chosen).isEqualTo(digits().grid().columns()).isNotEqualTo(before);
        waitUntil("that digit traced", () -> shown().inspection() != null && shown().inspection().sampleIndex() == chosen
                && shown().inspection().dataset().equals(org.backpropstudio.i18n.Messages.text("inspector.set.test")));
        assertThat(shown().inspection().label()).isEqualTo(shown().test().label(chosen));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.ImageView picture = robot.lookup(".term").queryAll().stream()
                .flatMap(n -> ((javafx.scene.layout.VBox) n).getChildren().stream())
                .filter(n -> n instanceof javafx.scene.image.ImageView iv && iv.isVisible() && iv.getImage() != null)
                .map(n -> (javafx.scene.image.ImageView) n).findFirst().orElseThrow();
        // the picture is the digit: a pixel of ink is light, the corner dark
        javafx.scene.image.Image image = picture.getImage();
        assertThat(image.getWidth()).isEqualTo(28);
        int ink = 0;
        for (int p = 0; p < 784; p++) {
            if (shown().test().input(chosen, p) > 0.9) {
                ink = p;
            }
        }
        assertThat(image.getPixelReader().getColor(ink % 28, ink / 28).getBrightness()).isGreaterThan(0.85);
        assertThat(image.getPixelReader().getColor(0, 0).getBrightness()).isLessThan(0.05);
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    /** Part of the second test. */
    private void aDatasetInMnistsOwnFilesIsReadWithItsProgressAndTrainedOn(FxRobot robot) throws Exception {
        // 40 training and 20 test images of 28 × 28 in MNIST's file names, the labels gzip'd
        for (String set : new String[] {"train", "t10k"}) {
            int n = set.equals("train") ? 40 : 20;
            java.io.ByteArrayOutputStream images = new java.io.ByteArrayOutputStream();
            java.io.DataOutputStream out = new java.io.DataOutputStream(images);
            out.writeInt(org.backpropstudio.io.IdxFiles.IMAGES_MAGIC);
            out.writeInt(n);
            out.writeInt(28);
            out.writeInt(28);
            for (int i = 0; i < 784 * n; i++) {
                out.writeByte((i * 7) % 256);
            }
            java.nio.file.Files.write(dir.resolve(set + "-images-idx3-ubyte"), images.toByteArray());
            try (java.io.DataOutputStream labels = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(
                    java.nio.file.Files.newOutputStream(dir.resolve(set + "-labels-idx1-ubyte.gz"))))) {
                labels.writeInt(org.backpropstudio.io.IdxFiles.LABELS_MAGIC);
                labels.writeInt(n);
                for (int i = 0; i < n; i++) {
                    labels.writeByte(i % 10);
                }
            }
        }
        java.util.List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> studio.viewModel().messageProperty().addListener((o, a, b) -> messages.add(b)));
        robot.interact(() -> new OpenDataset(studio.viewModel(), studio.view().getScene().getWindow(),
                java.util.concurrent.ForkJoinPool.commonPool()).open(dir.resolve("t10k-images-idx3-ubyte")));
        waitUntil("the dataset trained on", () -> shown().train().size() == 40 && shown().test().size() == 20);
        assertThat(messages).anyMatch(m -> m.contains("100 %"));
        assertThat(shown().config().data()).isInstanceOf(org.backpropstudio.engine.DataSpec.LabelledData.class);
        assertThat(shown().network().toString()).isEqualTo(org.backpropstudio.engine.Presets.digitsSoftmax(
                shown().train(), shown().test()).network().toString());
        waitUntil("its confusion", () -> digits().confusion().counts() == ((ClassReport.Images) shown().classes()).confusion()
                && java.util.Arrays.stream(digits().confusion().counts()).flatMapToInt(java.util.Arrays::stream).sum() == 20);
        // images of classes, not digits: IDX files carry no class names (they said "Test digit 1: a 0")
        assertThat(digits().tabs().getTabs().get(0).getText()).isEqualTo(Localized.t("images.predictions"));
        int truth = shown().test().label(0);
        waitUntil("the chosen image named", () -> robot.lookup(".caption").queryAll().stream()
                .anyMatch(n -> ((javafx.scene.control.Label) n).getText().startsWith("Test image 1: class " + truth + ",")));
        // a file that is none of the four is refused in the status bar, and nothing changes
        java.nio.file.Path other = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "hello");
        robot.interact(() -> new OpenDataset(studio.viewModel(), studio.view().getScene().getWindow(),
                java.util.concurrent.ForkJoinPool.commonPool()).open(other));
        waitUntil("refused", () -> studio.viewModel().messageProperty().get().contains("not one of MNIST's four files"));
        assertThat(shown().train().size()).isEqualTo(40);
    }
}
