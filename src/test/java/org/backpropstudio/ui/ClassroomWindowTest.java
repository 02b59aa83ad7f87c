package org.backpropstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.backpropstudio.io.ExperimentJson;
import org.backpropstudio.training.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import static org.backpropstudio.ui.WindowTests.shownOnScreen;
import static org.backpropstudio.ui.WindowTests.shownText;
import static org.backpropstudio.ui.WindowTests.waitForHiddenParts;
import static org.backpropstudio.ui.WindowTests.waitUntil;

/** Lecture mode, pinned runs and points clicked in, in the real window on headless Monocle. */
@ExtendWith(ApplicationExtension.class)
class ClassroomWindowTest {

    private StudioApp.Studio studio;

    @TempDir
    java.nio.file.Path dir;

    private java.nio.file.Path recentList;

    @Start
    void start(Stage stage) {
        recentList = WindowTests.temporaryRecentList();
        studio = WindowTests.openStudio(stage, recentList);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        studio.close();
    }


    private Snapshot shown() {
        return studio.viewModel().snapshotProperty().get();
    }


    @Test
    void lectureModeScalesTheTextAndFoldsTheAdvancedControlsAway(FxRobot robot) {
        waitUntil("the first snapshot", () -> shown() != null);
        Node optimizer = robot.lookup(".advanced").queryAll().iterator().next();
        Node learningRate = robot.lookup("#learning-rate").query();
        Node target = robot.lookup("#target-function").query();
        robot.clickOn("#advanced-toggle");
        assertThat(shownOnScreen(optimizer)).isTrue();
        assertThat(shownOnScreen(target)).isTrue();
        double normal = studio.view().fontSize();
        double epochFont = robot.lookup("#epoch").queryAs(Label.class).getFont().getSize();

        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(studio.view().lectureProperty().get()).isTrue();
        assertThat(studio.view().fontSize()).isEqualTo(normal * StudioView.LECTURE_SCALE);
        assertThat(robot.lookup("#epoch").queryAs(Label.class).getFont().getSize())
                .isCloseTo(epochFont * StudioView.LECTURE_SCALE, org.assertj.core.data.Offset.offset(0.5));
        assertThat(robot.lookup(".advanced").queryAll().stream().noneMatch(WindowTests::shownOnScreen)).isTrue();
        assertThat(shownOnScreen(target)).isFalse(); // the data too
        assertThat(shownOnScreen(learningRate)).isTrue();
        assertThat(shownOnScreen(robot.lookup("#units-1").query())).isTrue();
        assertThat(shownOnScreen(robot.lookup("#lecture-train-loss").query())).isTrue();
        assertThat(studio.view().getStyleClass()).contains("lecture");
        // short titles, icon-only chart buttons, captions as large as the text; the status bar
        // leaves the losses to the toolbar's read-outs and the loss chart's title to its tab
        assertThat(robot.lookup("#fit-title").queryAs(Label.class).getText()).isEqualTo("The fit");
        assertThat(robot.lookup("#clear-points").queryAs(javafx.scene.control.Button.class).getContentDisplay())
                .isEqualTo(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        assertThat(studio.view().diagram().textScale()).isEqualTo(StudioView.LECTURE_SCALE);
        assertThat(shownOnScreen(robot.lookup("#train-loss").query())).isFalse();
        assertThat(shownOnScreen(robot.lookup("#loss-title").query())).isFalse();

        // Ctrl+= makes it bigger still; F5 again gives the normal size back
        robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(studio.view().fontSize()).isGreaterThan(normal * StudioView.LECTURE_SCALE);
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(studio.view().lectureProperty().get()).isFalse();
        assertThat(studio.view().fontSize()).isEqualTo(normal);
        assertThat(shownOnScreen(optimizer)).isTrue();
        assertThat(shownOnScreen(robot.lookup("#lecture-train-loss").query())).isFalse();
        assertThat(robot.lookup("#fit-title").queryAs(Label.class).getText())
                .isEqualTo("The fit: the network's prediction over the data");
        assertThat(robot.lookup("#clear-points").queryAs(javafx.scene.control.Button.class).getContentDisplay())
                .isEqualTo(javafx.scene.control.ContentDisplay.LEFT);
        assertThat(studio.view().diagram().textScale()).isEqualTo(1);
        assertThat(shownOnScreen(robot.lookup("#train-loss").query())).isTrue();
        assertThat(shownOnScreen(robot.lookup("#loss-title").query())).isTrue();
    }

    @Test
    void inLectureModeTheFitTakesMostOfTheScreenAndThePresetAndSpeedBoxesAreWhole(FxRobot robot) {
        waitUntil("the first snapshot", () -> shown() != null);
        robot.interact(() -> {
            Stage stage = (Stage) studio.view().getScene().getWindow();
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> studio.viewModel().togglePlay()); // the loss read-outs fill in
        waitUntil("a few epochs", () -> shown().epoch() > 5);
        robot.interact(() -> studio.viewModel().togglePlay());
        WaitForAsyncUtils.waitForFxEvents();
        // with the large read-outs the toolbar cut them to "classic-…" and "300 e…"
        for (String id : new String[] {"#preset", "#speed"}) {
            javafx.scene.control.ComboBox<?> box = robot.lookup(id).queryAs(javafx.scene.control.ComboBox.class);
            assertThat(shownOnScreen(box)).as(id).isTrue();
            assertThat(box.getWidth()).as(id + " width").isGreaterThanOrEqualTo(box.prefWidth(-1) - 0.5);
        }
        // the fit's plot was 140 pixels tall and the loss plot 65: now the fit is the largest panel
        // and has the window's height, the loss chart and the diagram share the side
        Region fit = robot.lookup("#fit-chart").queryAs(Region.class);
        Region loss = robot.lookup("#loss-chart").queryAs(Region.class);
        Region diagram = robot.lookup("#diagram").queryAs(Region.class);
        double fitArea = fit.getWidth() * fit.getHeight();
        assertThat(fitArea).isGreaterThan(2 * loss.getWidth() * loss.getHeight())
                .isGreaterThan(2 * diagram.getWidth() * diagram.getHeight());
        assertThat(fit.getHeight()).isGreaterThan(0.55 * studio.view().getHeight());
        assertThat(loss.getHeight()).isGreaterThan(120);
        // the task chooser folds away: at 1280 × 720 under Xvfb its row pushed the learning rate below
        // the editor's fold (here the headless screen is 1600 × 1200, so the fold itself cannot be seen)
        assertThat(shownOnScreen(robot.lookup("#task-chooser").query())).isFalse();
        assertThat(shownOnScreen(robot.lookup("#learning-rate").query())).isTrue();
        // the narrow side column takes the short tab title ("Gradient hea…" was cut)
        javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) robot.lookup(".tab-pane").query();
        assertThat(tabs.getTabs().get(1).getText()).isEqualTo("Gradients");
        // Play's triangle in proportion to its circle (it was the theme's 18 px at every size)
        org.kordamp.ikonli.javafx.FontIcon icon = (org.kordamp.ikonli.javafx.FontIcon)
                robot.lookup("#play").queryAs(javafx.scene.control.Button.class).getGraphic();
        assertThat(icon.getIconSize()).isGreaterThanOrEqualTo((int) (2 * studio.view().fontSize()));
        assertThat(icon.getFont().getFamily()).isEqualTo("Material Design Icons");
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#preset").query().getScene()).isNotNull();
        assertThat(icon.getIconSize()).isGreaterThanOrEqualTo((int) (2 * studio.view().fontSize()));
        assertThat(shownOnScreen(robot.lookup("#task-chooser").query())).isTrue();
    }

    @Test
    void theEditorShowsWhatStudentsChangeAndFoldsTheRestIntoARememberedAdvancedSection(FxRobot robot) {
        waitUntil("the first snapshot", () -> shown() != null);
        waitForHiddenParts(studio);
        Settings settings = new Settings(recentList.resolveSibling("settings.properties"));
        // about 25 fields showed at once: now the layers, the learning rate, the epochs and the data
        for (String id : new String[] {"#units-1", "#activation-1", "#learning-rate", "#epochs", "#target-function",
                "#noise", "#advanced-toggle"}) {
            assertThat(shownOnScreen(robot.lookup(id).query())).as(id).isTrue();
        }
        for (String id : new String[] {"#momentum", "#batch-size", "#seed", "#weight-decay"}) {
            assertThat(shownOnScreen(robot.lookup(id).query())).as(id).isFalse();
        }
        // the keyboard unfolds it (Ctrl+Shift+A, as the View menu says), and the studio remembers
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownOnScreen(robot.lookup("#momentum").query())).isTrue();
        waitUntil("unfolded is remembered", settings::advancedOpen);
        // so does Enter on the toggle, reached with Tab (Space stays the studio's Play)
        robot.interact(() -> robot.lookup("#advanced-toggle").query().requestFocus());
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownOnScreen(robot.lookup("#momentum").query())).isFalse();
        waitUntil("folded is remembered", () -> !settings.advancedOpen());
        // restored at the next start without being written again
        robot.interact(() -> studio.view().setAdvancedOpen(true));
        assertThat(shownOnScreen(robot.lookup("#momentum").query())).isTrue();
    }

    @Test
    void theThemeFromTheMenuTicksTheToolbarToggleAndIsRemembered(FxRobot robot) {
        waitUntil("the first snapshot", () -> shown() != null);
        javafx.scene.control.ToggleButton toggle = robot.lookup("#theme").queryAs(javafx.scene.control.ToggleButton.class);
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem themeItem = bar.getMenus().get(2).getItems().stream()
                .filter(i -> "Light / dark theme".equals(i.getText())).findFirst().orElseThrow();
        Settings settings = new Settings(recentList.resolveSibling("settings.properties"));
        try {
            robot.interact(themeItem::fire);
            assertThat(studio.view().dark()).isTrue();
            assertThat(toggle.isSelected()).isTrue(); // the toolbar's toggle follows the menu
            assertThat(studio.view().getStyleClass()).contains("dark");
            waitUntil("the dark theme is remembered", settings::dark);
            // the toolbar's toggle turns it off again, and that is remembered too
            robot.clickOn(toggle);
            assertThat(studio.view().dark()).isFalse();
            assertThat(studio.view().getStyleClass()).doesNotContain("dark");
            waitUntil("the light theme is remembered", () -> !settings.dark());
        } finally {
            robot.interact(() -> studio.view().setDark(false));
        }
    }

    /**
     * The lecture read-outs are hidden outside lecture mode, but their width was counted: once
     * they held numbers, a window just wide enough for the tool buttons folded them away.
     */
    @Test
    void hiddenReadOutsTakeNoRoomFromTheToolButtons(FxRobot robot) {
        waitUntil("the first snapshot", () -> shown() != null);
        Node tools = robot.lookup("#tools").query();
        Stage stage = (Stage) tools.getScene().getWindow();
        // the narrowest window, to 10 px, that shows the tools before training (their read-outs say
        // "–"), found by halving: the tools are shown at `shows` and folded at `folds` (890 stands
        // for "narrower than the 900 px tried")
        int shows = 1400;
        int folds = 890;
        while (shows - folds > 10) {
            int at = folds + (shows - folds) / 20 * 10;
            robot.interact(() -> stage.setWidth(at));
            WaitForAsyncUtils.waitForFxEvents();
            if (tools.isVisible()) {
                shows = at;
            } else {
                folds = at;
            }
        }
        int narrowest = shows;
        robot.interact(() -> stage.setWidth(narrowest));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tools.isVisible()).as("before training, at %d px", narrowest).isTrue();
        robot.interact(() -> studio.viewModel().editor().epochs().textProperty().set("2000"));
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#step");
        }
        waitUntil("three epochs", () -> shown().epoch() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> tools.getParent().requestLayout());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownOnScreen(robot.lookup("#lecture-train-loss").query())).isFalse();
        assertThat(tools.isVisible()).as("with the losses read out (hidden)").isTrue();
    }

    @Test
    void aToolbarTooNarrowFoldsItsToolButtonsAwayFirst(FxRobot robot) {
        waitUntil("the first snapshot", () -> shown() != null);
        Node tools = robot.lookup("#tools").query();
        Node speed = robot.lookup("#speed").query();
        Stage stage = (Stage) tools.getScene().getWindow();
        assertThat(shownOnScreen(tools)).isTrue();
        // the narrowest window with large text: the tools fold away, Play, preset and speed stay
        robot.interact(() -> stage.setWidth(1000));
        for (int i = 0; i < 5; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tools.isVisible()).isFalse();
        assertThat(shownOnScreen(speed)).isTrue();
        assertThat(speed.localToScene(speed.getLayoutBounds()).getMaxX()).isLessThanOrEqualTo(stage.getScene().getWidth());
        // normal text in a normal window: they come back
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        robot.interact(() -> stage.setWidth(1400));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tools.isVisible()).isTrue();
    }

    @Test
    void slowMotionGlidesTheCurveFromOneEpochToTheNext(FxRobot robot) throws Exception {
        assertThat(StudioToolbar.transitionSeconds(1)).isEqualTo(0.6);
        assertThat(StudioToolbar.transitionSeconds(Double.POSITIVE_INFINITY)).isZero();
        var service = new org.backpropstudio.training.TrainingService(
                org.backpropstudio.engine.Presets.get("classic-sigmoid"));
        Snapshot before = service.snapshotNow();
        service.submit(new org.backpropstudio.training.Command.Step());
        service.tick();
        Snapshot after = service.snapshotNow();
        assertThat(after.epoch()).isEqualTo(1);
        var chart = studio.view().fitChart();
        // a long glide: just after the new epoch arrives the curve is still the old one
        WaitForAsyncUtils.asyncFx(() -> {
            chart.setTransitionSeconds(1000);
            chart.show(before);
            chart.show(after);
        }).get();
        double[] early = WaitForAsyncUtils.asyncFx(chart::curveNow).get();
        assertThat(chart.animating(System.nanoTime())).isTrue();
        for (int i = 0; i < early.length; i += 20) {
            assertThat(early[i]).isCloseTo(before.prediction()[i], org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(before.prediction()).isNotEqualTo(after.prediction());
        // a short one has ended after 0.2 s: the curve is the new prediction exactly
        WaitForAsyncUtils.asyncFx(() -> {
            chart.setTransitionSeconds(0.05);
            chart.show(before);
            chart.show(after);
        }).get();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (chart.animating(System.nanoTime()) && System.nanoTime() < deadline) {
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(chart.animating(System.nanoTime())).as("a 0.05 s transition has ended").isFalse();
        assertThat(WaitForAsyncUtils.asyncFx(chart::curveNow).get()).containsExactly(after.prediction());
    }

    @Test
    void pinningARunAddsGhostsThatSaveWithTheExperiment(FxRobot robot) throws Exception {
        robot.clickOn("#step");
        waitUntil("one epoch", () -> shown() != null && shown().epoch() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#pin");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(studio.viewModel().pinnedRuns()).hasSize(1);
        assertThat(studio.viewModel().pinnedRuns().get(0).label()).isEqualTo("10-10 sigmoid, lr 0.1");
        assertThat(studio.view().fitChart().ghostCount()).isEqualTo(1);
        assertThat(robot.lookup("#pinned-runs .label").queryAs(Label.class).getText()).isEqualTo("10-10 sigmoid, lr 0.1");

        // P pins again (a second label), up to five, then the status bar says no
        for (int i = 0; i < 5; i++) {
            robot.press(KeyCode.P).release(KeyCode.P);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(studio.viewModel().pinnedRuns()).hasSize(5);
        assertThat(studio.viewModel().pinnedRuns().get(1).label()).isEqualTo("10-10 sigmoid, lr 0.1 (2)");
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText()).startsWith("At most 5 runs");

        robot.clickOn("#unpin-2");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(studio.viewModel().pinnedRuns()).hasSize(4);
        assertThat(studio.view().fitChart().ghostCount()).isEqualTo(4);

        java.io.File file = dir.resolve("pins.bps.json").toFile();
        robot.interact(() -> studio.view().files().saveExperiment(file));
        waitUntil("the experiment is saved", () -> !studio.viewModel().unsavedProperty().get());
        ExperimentJson.Experiment saved = ExperimentJson.read(file.toPath());
        assertThat(saved.pinned()).hasSize(4);
        assertThat(saved.pinned().get(0).label()).isEqualTo("10-10 sigmoid, lr 0.1");
        assertThat(saved.pinned().get(0).prediction()).containsExactly(studio.viewModel().pinnedRuns().get(0).prediction());

        robot.interact(() -> studio.viewModel().pinnedRuns().clear());
        robot.interact(() -> studio.view().files().openExperiment(file));
        waitUntil("the pinned runs come back", () -> studio.viewModel().pinnedRuns().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(studio.view().fitChart().ghostCount()).isEqualTo(4);
    }

    /**
     * A point clicked in, then Reset: the grid becomes the data's own range. The target curve kept
     * the y of the old grid and was drawn at the new one's x, and the prediction went through the
     * old axes, beside the points drawn through the new ones.
     */
    @Test
    void everyLayerOfTheFitChartIsDrawnAgainstTheAxesOfTheGridShown(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> shown() != null && studio.view().fitChart().trainPointCount() == 50);
        var chart = studio.view().fitChart();
        robot.clickOn(screen(chart, chart.screenPosition(2.8, 0.95)), MouseButton.PRIMARY);
        waitUntil("a training point is added", () -> shown().train().size() == 51);
        double before = shown().gridX()[0];
        robot.clickOn("#reset");
        waitUntil("the grid moved", () -> shown().gridX()[0] != before && chart.snapshot() == shown());
        WaitForAsyncUtils.waitForFxEvents();
        double[] grid = shown().gridX();
        double[][] target = WaitForAsyncUtils.asyncFx(chart::targetCurve).get();
        assertThat(target[0]).containsExactly(grid);
        for (int i = 0; i < grid.length; i++) {
            assertThat(target[1][i]).as("the target at x = %s", grid[i]).isEqualTo(Math.sin(grid[i]));
        }
        double[] axis = WaitForAsyncUtils.asyncFx(chart::xAxis).get();
        assertThat(axis[0]).isEqualTo(grid[0]);
        assertThat(axis[1]).isEqualTo(grid[grid.length - 1]);
    }


    /** relu-mae draws a fresh batch every step and keeps none: the chart showed no points and did not say why. */
    @Test
    void theFitChartSaysWhyAStreamedSetupShowsNoTrainingPoints(FxRobot robot) throws Exception {
        robot.interact(() -> studio.viewModel().loadPreset("relu-mae"));
        var chart = studio.view().fitChart();
        waitUntil("relu-mae is shown", () -> chart.snapshot() != null && chart.snapshot().config().streaming());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.trainPointCount()).isZero();
        assertThat(chart.legendLabels()).contains("training points: 16 new ones each step, none kept (not drawn)");
        // its first prediction leaves the chart (sin x and its points span y in [-1, 1], the axis 1.4
        // either side): the chart marks where, instead of cutting it off silently
        double top = java.util.Arrays.stream(chart.snapshot().prediction()).max().orElseThrow();
        assertThat(top).as("the prediction's top, beyond the y-axis").isGreaterThan(1.4);
        waitUntil("the curve's way out is marked", () -> !chart.outsideMarks().isEmpty());
        // and the mark is drawn where it is said to be: the prediction's blue just inside the top edge
        javafx.scene.image.WritableImage image = WaitForAsyncUtils.asyncFx(() -> chart.snapshot(null, null)).get();
        for (double[] tip : chart.outsideMarks()) {
            javafx.scene.paint.Color c = image.getPixelReader().getColor((int) Math.round(tip[0]), (int) Math.round(tip[1]) + 5);
            assertThat(c.getBlue() - c.getRed()).as("blue over red at the arrowhead at x = %s", tip[0]).isGreaterThan(0.3);
        }
    }

    @Test
    void clickingTheFitChartAddsAndRemovesPoints(FxRobot robot) {
        waitUntil("the first snapshot", () -> shown() != null && studio.view().fitChart().trainPointCount() == 50);
        var chart = studio.view().fitChart();
        // a click that leaves a text field only leaves it: the data stay as they are
        robot.clickOn("#learning-rate");
        assertThat(robot.lookup("#learning-rate").queryAs(javafx.scene.control.TextField.class).isFocused()).isTrue();
        robot.clickOn(screen(chart, chart.screenPosition(0, 0.8)), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText())
                .isEqualTo("That click only left the text field. Click again to add or remove a point.");
        assertThat(robot.lookup("#learning-rate").queryAs(javafx.scene.control.TextField.class).isFocused()).isFalse();
        assertThat(shown().train().size()).isEqualTo(50);
        // a training point at (0, 0.8), a test point at (−3, −0.5)
        robot.clickOn(screen(chart, chart.screenPosition(0, 0.8)), MouseButton.PRIMARY);
        waitUntil("a training point is added", () -> shown().train().size() == 51);
        robot.press(KeyCode.SHIFT);
        robot.clickOn(screen(chart, chart.screenPosition(-3, -0.5)), MouseButton.PRIMARY);
        robot.release(KeyCode.SHIFT);
        waitUntil("a test point is added", () -> shown().test().size() == 11);
        WaitForAsyncUtils.waitForFxEvents();
        double[] xs = shown().train().xColumn();
        assertThat(xs[50]).isCloseTo(0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(shown().train().yColumn()[50]).isCloseTo(0.8, org.assertj.core.data.Offset.offset(0.05));
        assertThat(shown().epoch()).isZero(); // no restart: the data changed under the same weights
        waitUntil("the chart shows them", () -> chart.trainPointCount() == 51 && chart.testPointCount() == 11);
        assertThat(shown().markers()).anyMatch(m -> m.label().startsWith("+ training point"));

        // right-click on the new training point removes it
        robot.clickOn(screen(chart, chart.screenPosition(xs[50], shown().train().yColumn()[50])), MouseButton.SECONDARY);
        waitUntil("the point is removed", () -> shown().train().size() == 50);

        // a later edit in the editor keeps the clicked points: the editor took them in
        waitUntil("the editor knows the data", () -> studio.viewModel().editor().givenDataProperty().get());

        // clear points empties both sets; Play then waits for points and says so
        robot.clickOn("#clear-points");
        waitUntil("all points are gone", () -> shown().train().size() == 0 && shown().test().size() == 0);
        robot.clickOn("#play");
        waitUntil("training waits for points", () -> robot.lookup("#status-message").queryAs(Label.class).getText()
                .startsWith("There are no training points"));
        assertThat(shown().epoch()).isZero();
        robot.clickOn(screen(chart, chart.screenPosition(1, 0.5)), MouseButton.PRIMARY);
        waitUntil("one point", () -> shown().train().size() == 1);
        robot.clickOn("#play");
        waitUntil("it trains on the one point", () -> shown().epoch() > 5);
    }

    @Test
    void aTypedTargetIsUsedAndABadOneShowsWhereItWentWrong(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> shown() != null);
        javafx.scene.control.TextField field = robot.lookup("#expression").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> studio.view().lookup("#expression").requestFocus());
        robot.write("sin(x) + * 2");
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#expression-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("'*' needs a number, x or a bracket before it\nsin(x) + * 2\n         ^");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shown().config().data()).isInstanceOfSatisfying(org.backpropstudio.engine.DataSpec.FunctionData.class,
                f -> assertThat(f.target()).isEqualTo(org.backpropstudio.engine.TargetFunction.SIN)); // nothing applied

        javafx.scene.control.ComboBox<?> targetBox = robot.lookup("#target-function").queryComboBox();
        assertThat(shownText(targetBox)).isEqualTo("sin x");
        robot.interact(field::clear);
        robot.write("sin(x) + 0.3*x").type(KeyCode.ENTER);
        waitUntil("the typed target is trained on", () -> shown().config().data()
                instanceof org.backpropstudio.engine.DataSpec.FunctionData f && f.target().formula().equals("sin(x) + 0.3*x"));
        assertThat(error.isVisible()).isFalse();
        // the list's box no longer names sin x, which does not run
        waitUntil("the target box says the typed one runs", () -> "(typed below)".equals(shownText(targetBox)));
        double x = shown().train().xColumn()[0];
        assertThat(shown().train().yColumn()[0]).isEqualTo(Math.sin(x) + 0.3 * x);
    }

    @Test
    void anExtrapolationSplitTestsElsewhereAndShadesBothRanges(FxRobot robot) {
        waitUntil("the first snapshot", () -> shown() != null);
        waitForHiddenParts(studio);
        assertThat(studio.view().fitChart().shadedRanges()).isNull();
        type(robot, "#x-min", "-3.14");
        type(robot, "#x-max", "3.14");
        type(robot, "#test-x-min", "3.14");
        waitUntil("one end alone is explained", () -> robot.lookup("#editor-message").queryAs(Label.class).getText()
                .contains("both ends"));
        type(robot, "#test-x-max", "6.28");
        waitUntil("the split is trained on", () -> shown().config().data()
                instanceof org.backpropstudio.engine.DataSpec.FunctionData f && f.separateTestRange());
        assertThat(java.util.Arrays.stream(shown().test().xColumn()).boxed().toList())
                .allSatisfy(x -> assertThat(x).isBetween(3.14, 6.28));
        assertThat(java.util.Arrays.stream(shown().train().xColumn()).boxed().toList())
                .allSatisfy(x -> assertThat(x).isBetween(-3.14, 3.14));
        double[] grid = shown().gridX();
        assertThat(grid[0]).isEqualTo(-3.14);
        assertThat(grid[grid.length - 1]).isCloseTo(6.28, org.assertj.core.data.Offset.offset(1e-12));
        waitUntil("the chart shades both ranges", () -> studio.view().fitChart().shadedRanges() != null);
        assertThat(studio.view().fitChart().shadedRanges()).containsExactly(-3.14, 3.14, 3.14, 6.28);
    }

    @Test
    void switchingToChineseRenamesTheWholeWindowAtOnce(FxRobot robot) throws Exception {
        waitUntil("the first snapshot", () -> shown() != null);
        waitForHiddenParts(studio);
        javafx.scene.control.Tooltip playTip = robot.lookup("#play").queryAs(javafx.scene.control.Button.class)
                .getTooltip();
        assertThat(playTip.getText()).isEqualTo("Play / pause training (Space)");
        assertThat(fieldNames(robot)).contains("learning rate", "epochs", "test x min");
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu language = (javafx.scene.control.Menu) bar.getMenus().get(2).getItems().stream()
                .filter(i -> "language-menu".equals(i.getId())).findFirst().orElseThrow();
        javafx.scene.control.MenuItem chinese = language.getItems().stream()
                .filter(i -> "language-zh-CN".equals(i.getId())).findFirst().orElseThrow();
        assertThat(chinese.getText()).isEqualTo("简体中文");
        javafx.scene.control.RadioMenuItem system = (javafx.scene.control.RadioMenuItem) language.getItems().get(0);
        assertThat(system.isSelected()).isTrue();
        Settings settings = new Settings(recentList.resolveSibling("settings.properties"));
        try {
            robot.interact(chinese::fire);
            WaitForAsyncUtils.waitForFxEvents();
            // Chinese in a CJK family that has a bold face: from the default font's fallback the
            // bold headings came out regular (where the family is installed, the heading uses it)
            assertThat(studio.view().getStyleClass()).contains("cjk");
            if (javafx.scene.text.Font.getFamilies().contains("Noto Sans CJK SC")) {
                javafx.scene.text.Font heading = robot.lookup(".section-title").queryAs(Label.class).getFont();
                assertThat(heading.getFamily()).isEqualTo("Noto Sans CJK SC");
                assertThat(heading.getStyle()).containsIgnoringCase("bold");
            }
            // remembered for the next start, beside the recent files
            waitUntil("the choice is remembered", () -> settings.language().isPresent());
            assertThat(settings.language()).contains(java.util.Locale.SIMPLIFIED_CHINESE);
            // the toolbar's tooltips and the editor's labels, without a restart
            assertThat(playTip.getText()).isEqualTo("开始 / 暂停训练（空格）");
            assertThat(robot.lookup("#pin").queryAs(javafx.scene.control.Button.class).getTooltip().getText())
                    .startsWith("固定运行");
            assertThat(fieldNames(robot)).contains("学习率", "轮数", "测试 x 最小值").doesNotContain("learning rate");
            assertThat(bar.getMenus().get(1).getText()).isEqualTo("训练");
            // and no English word is left anywhere in the window, the status line included (its
            // last message was said before the switch)
            java.util.List<String> english = windowTexts(robot, bar).stream().filter(ClassroomWindowTest::english)
                    .toList();
            assertThat(english).isEmpty();
            // the error under a field comes in the language chosen
            robot.interact(() -> studio.viewModel().editor().epochs().textProperty().set("abc"));
            assertThat(studio.viewModel().editor().epochs().errorProperty().get()).isEqualTo("轮数：“abc”不是整数——仍在使用 2000；按 Esc 恢复");
            // a file's problem: the dialog, the reason and its button (JavaFX's own OK keeps the system's language)
            java.nio.file.Path bad = dir.resolve("bad.csv");
            java.nio.file.Files.writeString(bad, "x,y\n1,2\n3,abc\n");
            robot.interact(() -> studio.view().files().importData(bad.toFile(), StudioViewModel.DataUse.SPLIT));
            waitUntil("the dialog", () -> robot.lookup("#problem-dialog").tryQuery().isPresent());
            javafx.scene.control.DialogPane dialog = robot.lookup("#problem-dialog").queryAs(javafx.scene.control.DialogPane.class);
            assertThat(dialog.getContentText()).isEqualTo(bad + "，第 3 行：y 是“abc”，不是数字");
            assertThat(dialog.getButtonTypes()).extracting(javafx.scene.control.ButtonType::getText).containsExactly("确定");
            robot.interact(() -> ((Stage) dialog.getScene().getWindow()).close());
        } finally {
            robot.interact(system::fire);
        }
        assertThat(playTip.getText()).isEqualTo("Play / pause training (Space)");
        assertThat(studio.view().getStyleClass()).doesNotContain("cjk");
        waitUntil("the system's language is remembered", () -> settings.language().isEmpty());
    }

    private static java.util.List<String> fieldNames(FxRobot robot) {
        return robot.lookup(".field-name").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    /** Every text the window shows: labels, buttons, check boxes, tooltips, prompts, tabs, menus. */
    private static java.util.List<String> windowTexts(FxRobot robot, javafx.scene.control.MenuBar bar) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (Node n : robot.lookup(".root").queryAll().iterator().next().lookupAll("*")) {
            if (n instanceof javafx.scene.control.Labeled l) {
                texts.add(l.getText());
            }
            if (n instanceof javafx.scene.control.Control c && c.getTooltip() != null) {
                texts.add(c.getTooltip().getText());
            }
            if (n instanceof javafx.scene.control.TextInputControl t) {
                texts.add(t.getPromptText());
            }
            if (n instanceof javafx.scene.control.TabPane p) {
                p.getTabs().forEach(t -> texts.add(t.getText()));
            }
        }
        java.util.ArrayDeque<javafx.scene.control.MenuItem> items = new java.util.ArrayDeque<>();
        bar.getMenus().forEach(items::add);
        while (!items.isEmpty()) {
            javafx.scene.control.MenuItem i = items.pop();
            texts.add(i.getText());
            if (i instanceof javafx.scene.control.Menu m) {
                items.addAll(m.getItems());
            }
        }
        texts.removeIf(t -> t == null || t.isEmpty());
        return texts;
    }

    /** Names that stay as they are in every language: functions, keys, file formats, the product. */
    private static final java.util.Set<String> TECHNICAL = java.util.Set.of("sigmoid", "tanh", "relu", "leaky",
            "identity", "softplus", "sin", "cos", "tan", "elu", "half", "mse", "mae", "huber", "softmax", "cross",
            "entropy", "mean", "sum", "sgd", "adam", "rmsprop", "full", "classic", "deep", "momentum", "linear",
            "neuron", "Backprop", "Studio", "Ctrl", "Shift", "Enter", "Tab", "Esc", "Page", "Down", "Up", "NumPy",
            "JSON", "CSV", "PNG", "npz", "ReLU", "Nesterov", "English", "Language", "exp", "log", "sqrt", "abs",
            "floor", "ceil", "signum", "sign", "Space", "max", "SGD", "MNIST", "IDX",
            "rebound", "step", "backward", "MSE"); // code names: the optimizer sgd-rebound, seed 002's SGD.step and MSE.backward

    /** True when a text has a word of three or more Latin letters that is not a technical name. */
    private static boolean english(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z]{3,}").matcher(text);
        while (m.find()) {
            if (!TECHNICAL.contains(m.group())) {
                return true;
            }
        }
        return false;
    }

    private static void type(FxRobot robot, String id, String text) {
        javafx.scene.control.TextField field = robot.lookup(id).queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.setText(text);
            field.fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Point2D screen(Node node, Point2D local) {
        return node.localToScreen(local);
    }
}
