package org.backpropstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.backpropstudio.ui.WindowTests.shownOnScreen;
import static org.backpropstudio.ui.WindowTests.waitUntil;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Feature;
import org.backpropstudio.training.ClassReport;
import org.backpropstudio.training.Snapshot;
import org.backpropstudio.ui.plane.PlaneChart;
import org.backpropstudio.ui.plane.PlanePicture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Classes in the plane, in the real window on headless Monocle: the heat map, clicked points, features. */
@ExtendWith(ApplicationExtension.class)
class ClassesWindowTest {

    private StudioApp.Studio studio;

    @Start
    void start(Stage stage) {
        studio = WindowTests.openStudio(stage, WindowTests.temporaryRecentList(), "circle-relu");
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        studio.close();
    }

    private Snapshot shown() {
        return studio.viewModel().snapshotProperty().get();
    }

    private PlaneChart chart() {
        return studio.view().tasks().plane().chart();
    }

    private ClassReport.Plane plane() {
        return (ClassReport.Plane) shown().classes();
    }

    /** Where on the screen the point (x₁, x₂) of the plane is. */
    private Point2D onScreen(double x1, double x2) {
        double[] c = chart().toCanvas(x1, x2);
        return chart().localToScreen(c[0], c[1]);
    }

    @Test
    void thePlaneItsHeatMapItsUnitMapsAndAClassifiersPinsChecksAndMutes(FxRobot robot) {
        waitUntil("the plane drawn", () -> shown() != null && shown().classes() instanceof ClassReport.Plane
                && chart().shown() != null);
        assertThat(shownOnScreen(chart())).isTrue();
        assertThat(shownOnScreen(studio.view().fitChart())).isFalse();
        assertThat(shownOnScreen(studio.view().accuracyChart())).isTrue();
        robot.clickOn("#play");
        waitUntil("20 epochs", () -> shown().epoch() >= 20);
        robot.clickOn("#play");
        waitUntil("paused and drawn", () -> !studio.viewModel().playingProperty().get()
                && chart().shown() == shown().classes());
        ClassReport.Plane plane = chart().shown();
        int r = plane.resolution();
        int checked = 0;
        for (int[] cell : new int[][] {{r / 2, r / 2}, {2, 2}, {r - 3, r / 2}, {r / 3, r - 2}}) {
            double x1 = plane.coordinate(cell[0]);
            double x2 = -plane.coordinate(cell[1]);
            double[] c = chart().toCanvas(x1, x2);
            int pixel = chart().pixelAt(c[0], c[1]) & 0xFFFFFF;
            int want = PlanePicture.regionColour(plane.probabilities(), (cell[1] * r + cell[0]) * plane.classes(),
                    plane.classes(), 0xffffff);
            boolean nearAPoint = false;
            for (DataSpec.Points set : new DataSpec.Points[] {plane.points().train(), plane.points().test()}) {
                for (double[] p : set.xy()) {
                    nearAPoint |= Math.hypot(p[0] - x1, p[1] - x2) < 0.6;
                }
            }
            if (nearAPoint) {
                continue; // a point is drawn over the region there
            }
            checked++;
            for (int shift : new int[] {16, 8, 0}) {
                assertThat(Math.abs((pixel >> shift & 0xFF) - (want >> shift & 0xFF))).as("cell %s", java.util.Arrays.toString(cell))
                        .isLessThanOrEqualTo(8);
            }
        }
        assertThat(checked).isGreaterThan(0);
        // after training, the circle's inside is class 1's and the ring class 2's (a circle-relu net
        // separates them within 20 epochs)
        assertThat(shown().testAccuracy()).isGreaterThan(0.9);
        int centre = (r / 2 * r + r / 2) * 2;
        assertThat(plane.probabilities()[centre]).isGreaterThan(0.5f);
        eachUnitOfTheDiagramShowsItsMapAndPointingAtOneShowsItLargeInThePlane(robot);
        aClassifiersRunIsPinnedItsGradientsCheckedAndAHiddenUnitMuted(robot);
    }

    @Test
    void aClickOrAKeyChoosesTheClassAClickAddsAndARightClickRemovesThePoint(FxRobot robot) {
        waitUntil("the plane drawn", () -> chart().shown() != null);
        int before = plane().points().train().size();
        robot.clickOn("#paint-1");
        robot.moveTo(onScreen(5.5, -5.5)).clickOn(MouseButton.PRIMARY);
        waitUntil("the point added", () -> plane().points().train().size() == before + 1);
        DataSpec.Points train = plane().points().train();
        assertThat(train.labels()[before]).isEqualTo(1);
        assertThat(train.xy()[before][0]).isCloseTo(5.5, org.assertj.core.data.Offset.offset(0.1));
        assertThat(train.xy()[before][1]).isCloseTo(-5.5, org.assertj.core.data.Offset.offset(0.1));
        assertThat(shown().config().data()).isInstanceOf(DataSpec.PlanePoints.class);
        assertThat(studio.viewModel().editor().applied().data()).isEqualTo(shown().config().data());
        // a shift-click: a test point, of class 0
        robot.clickOn("#paint-0");
        int tests = plane().points().test().size();
        robot.press(javafx.scene.input.KeyCode.SHIFT).moveTo(onScreen(-5.5, 5.5)).clickOn(MouseButton.PRIMARY)
                .release(javafx.scene.input.KeyCode.SHIFT);
        waitUntil("the test point added", () -> plane().points().test().size() == tests + 1);
        assertThat(plane().points().test().labels()[tests]).isEqualTo(0);
        waitUntil("drawn", () -> chart().shown() == shown().classes());
        robot.moveTo(onScreen(5.5, -5.5)).clickOn(MouseButton.SECONDARY);
        waitUntil("the point removed", () -> plane().points().train().size() == before);
        keysZeroToFourChooseTheClassAClickAdds(robot);
    }

    /**
     * In lecture mode the larger text wrapped the row under the plane in two (the inputs, then the
     * class a click adds), and on a 1280 × 720 projector the finished spiral's plane was 185 px:
     * the classes go under the unit maps, the inputs keep one row, and they come back on leaving.
     */
    @Test
    void inLectureModeTheClassesAClickAddsStandUnderTheUnitMaps(FxRobot robot) {
        waitUntil("the plane drawn", () -> chart().shown() != null);
        javafx.scene.Node paint = robot.lookup("#plane-paint").query();
        javafx.scene.Node units = robot.lookup("#unit-maps").query();
        assertThat(bounds(paint).getMinY()).as("under the plane").isGreaterThanOrEqualTo(bounds(chart()).getMaxY());
        robot.press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("lecture mode", () -> studio.view().lectureProperty().get());
        waitUntil("the classes beside the plane, under its unit maps", () -> shownOnScreen(paint)
                && bounds(paint).getMinX() >= bounds(chart()).getMaxX() && bounds(paint).getMinY() >= bounds(units).getMaxY());
        javafx.geometry.Bounds first = bounds(robot.lookup("#feature-x1").query());
        javafx.geometry.Bounds last = bounds(robot.lookup("#feature-sin_x2").query());
        assertThat(last.getMinY()).as("the inputs on one row").isEqualTo(first.getMinY());
        robot.clickOn("#paint-1");
        robot.moveTo(onScreen(5.5, -5.5)).clickOn(MouseButton.PRIMARY);
        waitUntil("a point of class 1 added", () -> {
            DataSpec.Points train = plane().points().train();
            return train.labels()[train.size() - 1] == 1 && Math.abs(train.xy()[train.size() - 1][0] - 5.5) < 0.1;
        });
        robot.press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("back under the plane", () -> !studio.view().lectureProperty().get() && shownOnScreen(paint)
                && bounds(paint).getMinY() >= bounds(chart()).getMaxY());
    }

    /**
     * Lecture mode's dividers hold once the window has its full-screen size and the larger text is
     * laid out: set once before, a passing least width of the centre pushed its divider to about
     * 0.74 in half the starts at 1280 × 720 under Xvfb, cutting the loss chart's tabs. Monocle's
     * full screen comes at once, so this passes on that code too: it keeps the dividers' place, and
     * the race was counted under Xvfb (4 of 8 starts before, 0 of 11 after).
     */
    @Test
    void lectureModesDividersHoldAfterTheResizeAndTheLargerText(FxRobot robot) {
        waitUntil("the plane drawn", () -> chart().shown() != null);
        robot.interact(() -> {
            Stage stage = (Stage) studio.view().getScene().getWindow();
            stage.setWidth(900);
            stage.setHeight(600);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("lecture mode", () -> studio.view().lectureProperty().get());
        javafx.scene.control.SplitPane centre = (javafx.scene.control.SplitPane) robot.lookup(".split-pane")
                .match(n -> ((javafx.scene.control.SplitPane) n).getItems().contains(studio.view().tasks().plane()))
                .query();
        waitUntil("the centre's divider where lecture mode puts it",
                () -> Math.abs(centre.getDividerPositions()[0] - 0.66) < 0.01);
    }

    /**
     * A change of shape or class count made in the panel gives the palette a button per class and
     * the class box the shape's range. The panel took the data it asked for as already shown, so
     * when that data came back running nothing followed: circle → spiral kept the box at 2 classes
     * at most, and 3 → 4 classes kept three buttons, with no way to click in a point of class 3.
     */
    @Test
    void thePaletteAndTheClassBoxFollowAShapeAndAClassCountChosenInThePanel(FxRobot robot) {
        waitUntil("the plane drawn", () -> chart().shown() != null);
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> classes = (javafx.scene.control.Spinner<Integer>) robot
                .lookup("#plane-classes").query();
        robot.clickOn("#plane-shape").clickOn(Localized.t("plane.shape.spiral"));
        waitUntil("the spiral running", () -> shown().config().data() instanceof DataSpec.PlaneData d
                && d.shape() == org.backpropstudio.engine.PlaneShape.SPIRAL);
        WaitForAsyncUtils.waitForFxEvents();
        var range = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) classes.getValueFactory();
        waitUntil("the class box up to the spiral's 5", () -> range.getMax() == 5);
        robot.interact(() -> classes.increment());
        waitUntil("3 classes running", () -> plane().classes() == 3);
        waitUntil("a button for class 2", () -> robot.lookup("#paint-2").tryQuery().isPresent());
        robot.interact(() -> classes.increment());
        waitUntil("4 classes running", () -> plane().classes() == 4);
        waitUntil("a button for class 3", () -> robot.lookup("#paint-3").tryQuery().isPresent());
        robot.clickOn("#paint-3");
        robot.moveTo(onScreen(5.5, 5.5)).clickOn(MouseButton.PRIMARY);
        waitUntil("a point of class 3 added", () -> {
            DataSpec.Points train = plane().points().train();
            return train.labels()[train.size() - 1] == 3;
        });
        // and back to a shape of two classes: two buttons, the box at 2
        robot.clickOn("#plane-shape").clickOn(Localized.t("plane.shape.xor"));
        waitUntil("the xor quadrants running", () -> plane().classes() == 2);
        waitUntil("two buttons", () -> robot.lookup("#paint-2").tryQuery().isEmpty()
                && robot.lookup("#paint-1").tryQuery().isPresent());
        assertThat(range.getMax()).isEqualTo(2);
        assertThat(classes.getValue()).isEqualTo(2);
    }

    /**
     * Points clicked in have no noise or training share (the boxes are off) but a class count of
     * their own: the class box gives them another one, never fewer than the classes they hold.
     * Before, the boxes took a value and nothing ran differently: 4 in the class box over a network
     * of 3 classes, and still three buttons.
     */
    @Test
    void pointsClickedInTakeAClassCountFromTheClassBoxAndHaveNoNoiseOrShare(FxRobot robot) {
        waitUntil("the plane drawn", () -> chart().shown() != null);
        robot.interact(() -> studio.viewModel().loadPreset("spiral-relu"));
        waitUntil("three classes", () -> plane().classes() == 3 && robot.lookup("#paint-2").tryQuery().isPresent());
        robot.clickOn("#paint-2");
        robot.moveTo(onScreen(5.5, 5.5)).clickOn(MouseButton.PRIMARY);
        waitUntil("points clicked in", () -> shown().config().data() instanceof DataSpec.PlanePoints);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#plane-noise").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#plane-share").query().isDisabled()).isTrue();
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> classes = (javafx.scene.control.Spinner<Integer>) robot
                .lookup("#plane-classes").query();
        var range = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) classes.getValueFactory();
        waitUntil("the box from the points' 3 classes to 5", () -> range.getMin() == 3 && range.getMax() == 5);
        robot.interact(() -> classes.increment());
        waitUntil("4 classes running", () -> plane().classes() == 4 && shown().network().outputs() == 4
                && shown().config().data() instanceof DataSpec.PlanePoints);
        waitUntil("a button for class 3", () -> robot.lookup("#paint-3").tryQuery().isPresent());
        robot.clickOn("#paint-3");
        robot.moveTo(onScreen(-5.5, 5.5)).clickOn(MouseButton.PRIMARY);
        waitUntil("a point of class 3 added", () -> {
            DataSpec.Points train = plane().points().train();
            return train.labels()[train.size() - 1] == 3;
        });
        waitUntil("the box now from 4", () -> range.getMin() == 4);
    }

    private static javafx.geometry.Bounds bounds(javafx.scene.Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    @Test
    void aFeatureSwitchedOnIsAnInputOfTheNetworkAndOfTheEditorAndEachTaskKeepsItsSetup(FxRobot robot) {
        waitUntil("the plane drawn", () -> chart().shown() != null);
        robot.clickOn("#feature-x1_squared");
        waitUntil("three inputs", () -> shown().network().inputs() == 3);
        assertThat(((DataSpec.Plane) shown().config().data()).inputs())
                .containsExactly(Feature.X1, Feature.X2, Feature.X1_SQUARED);
        assertThat(studio.viewModel().editor().inputText()).contains("x₁²");
        // the unit maps show the new input: one map per input, hidden unit and class
        waitUntil("maps", () -> !studio.view().tasks().plane().units().columns().isEmpty()
                && studio.view().tasks().plane().units().columns().get(0).size() == 3);
        // the shape box gives new data with the network's outputs to match
        robot.clickOn("#plane-shape").clickOn(Localized.t("plane.shape.blobs"));
        waitUntil("blobs", () -> shown().config().data() instanceof DataSpec.PlaneData d
                && d.shape() == org.backpropstudio.engine.PlaneShape.BLOBS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown().network().inputs()).isEqualTo(3); // the features stay
        assertThat(shown().network().outputs()).isEqualTo(((DataSpec.Plane) shown().config().data()).classes());
        // the share of the points for training
        robot.clickOn("#plane-share").clickOn(Localized.t("plane.shareLevel", 70));
        waitUntil("70 % for training", () -> shown().config().data() instanceof DataSpec.PlaneData d
                && d.trainShare() == 0.7 && shown().train().size() == Math.round(d.count() * 0.7));
        theTaskChooserSwitchesTheViewAndEachTaskKeepsItsSetup(robot);
    }

    /** Part of the features' test: each test starts a studio, and a check of its own does not need one. */
    private void theTaskChooserSwitchesTheViewAndEachTaskKeepsItsSetup(FxRobot robot) {
        int inputs = shown().network().inputs();
        robot.clickOn("#feature-x1_times_x2");
        waitUntil("one more input", () -> shown().network().inputs() == inputs + 1);
        org.backpropstudio.engine.TrainingConfig plane = shown().config();
        robot.clickOn("#task-curve");
        waitUntil("the curve", () -> shown().config().data().task() instanceof org.backpropstudio.engine.Task.Regression);
        waitUntil("the fit shown", () -> shownOnScreen(studio.view().fitChart()));
        assertThat(shownOnScreen(chart())).isFalse();
        assertThat(shownOnScreen(studio.view().accuracyChart())).isFalse();
        assertThat(studio.viewModel().presetProperty().get()).isEqualTo(org.backpropstudio.engine.Presets.DEFAULT);
        robot.clickOn("#task-plane");
        waitUntil("the plane again", () -> shown().config().equals(plane));
        waitUntil("drawn", () -> shownOnScreen(chart()));
        assertThat(studio.viewModel().customSetupProperty().get()).isTrue(); // x₁x₂ was switched on
    }

    /** Part of the clicks' test. */
    private void keysZeroToFourChooseTheClassAClickAdds(FxRobot robot) {
        robot.interact(() -> studio.viewModel().loadPreset("spiral-relu"));
        waitUntil("three classes", () -> shown().classes() instanceof ClassReport.Plane p && p.classes() == 3
                && robot.lookup("#paint-2").tryQuery().isPresent());
        robot.interact(() -> studio.view().requestFocus()); // no field has the focus
        robot.type(javafx.scene.input.KeyCode.DIGIT2);
        int before = plane().points().train().size();
        robot.moveTo(onScreen(5.7, 5.7)).clickOn(MouseButton.PRIMARY);
        waitUntil("the point added", () -> plane().points().train().size() == before + 1);
        assertThat(plane().points().train().labels()[before]).isEqualTo(2);
        robot.type(javafx.scene.input.KeyCode.DIGIT0);
        robot.moveTo(onScreen(-5.7, -5.7)).clickOn(MouseButton.PRIMARY);
        waitUntil("another", () -> plane().points().train().size() == before + 2);
        assertThat(plane().points().train().labels()[before + 1]).isEqualTo(0);
    }

    /** Part of the heat map's test. */
    private void aClassifiersRunIsPinnedItsGradientsCheckedAndAHiddenUnitMuted(FxRobot robot) {
        int epoch = shown().epoch();
        robot.clickOn("#step");
        waitUntil("an epoch", () -> shown().epoch() == epoch + 1);
        robot.clickOn("#pin");
        waitUntil("pinned", () -> studio.viewModel().pinnedRuns().size() == 1);
        assertThat(shownOnScreen(robot.lookup("#unpin-1").query())).isTrue(); // its chip shows over the plane
        robot.clickOn("#check-gradients");
        waitUntil("checked", () -> shown().gradients() != null);
        assertThat(shown().gradients().passed()).isTrue();
        robot.interact(() -> studio.viewModel().toggleMute(new org.backpropstudio.training.HiddenUnit(0, 2)));
        waitUntil("muted", () -> shown().muted().contains(new org.backpropstudio.training.HiddenUnit(0, 2)));
        // the class map is the muted network's: its weights as published have the unit's row at zero
        assertThat(shown().weights().get(1)[2]).containsOnly(0.0);
        org.backpropstudio.engine.Network muted = org.backpropstudio.engine.Network.fromParameters(shown().network(),
                shown().weights(), shown().biases());
        ClassReport.Plane p = plane();
        int r = p.resolution();
        double[] z = muted.predict(new org.ejml.data.DMatrixRMaj(new double[][] {{p.coordinate(5), -p.coordinate(9)}})).data;
        double e0 = Math.exp(z[0] - Math.max(z[0], z[1]));
        double e1 = Math.exp(z[1] - Math.max(z[0], z[1]));
        assertThat((double) p.probabilities()[(9 * r + 5) * 2]).isCloseTo(e0 / (e0 + e1),
                org.assertj.core.data.Offset.offset(1e-6));
    }

    /** Part of the heat map's test. */
    private void eachUnitOfTheDiagramShowsItsMapAndPointingAtOneShowsItLargeInThePlane(FxRobot robot) {
        waitUntil("the plane and its unit maps drawn", () -> chart().shown() != null
                && studio.view().tasks().plane().units().atlas() != null);
        org.backpropstudio.ui.plane.UnitMaps units = studio.view().tasks().plane().units();
        // the diagram's columns are the maps' columns: inputs, two hidden layers of 8, outputs
        assertThat(units.tile(1, 7)).isNotNull();
        assertThat(units.tile(1, 8)).isNull();
        assertThat(units.tile(3, 1)).isNotNull();
        javafx.geometry.Point2D unit = studio.view().diagram().unitCentre(1, 2);
        robot.moveTo(studio.view().diagram().localToScreen(unit.getX(), unit.getY()));
        waitUntil("its map in the plane", () -> chart().shownUnit() != null);
        assertThat(chart().shownUnit().name()).isEqualTo("1.3"); // layer 1, unit 3
        // the plane's pixels now follow that unit's activation, not the classes
        ClassReport.Plane p = plane();
        int r = p.resolution();
        double[] c = chart().toCanvas(p.coordinate(10), -p.coordinate(20));
        int want = 0xFF000000 | org.backpropstudio.ui.plane.UnitMaps.colour(chart().shownUnit(),
                chart().shownUnit().at(20 * r + 10), 0xffffff);
        waitUntil("drawn", () -> chart().pixelAt(c[0], c[1]) == want);
        robot.moveTo(studio.view().getScene().getWindow().getX() + 5, studio.view().getScene().getWindow().getY() + 5);
        waitUntil("the classes again", () -> chart().shownUnit() == null);
    }
}
