package org.backpropstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.training.Command;
import org.backpropstudio.training.Marker;
import org.backpropstudio.training.Snapshot;
import org.backpropstudio.training.TrainingState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import static org.backpropstudio.ui.WindowTests.shownOnScreen;
import static org.backpropstudio.ui.WindowTests.dialogWithHeader;
import static org.backpropstudio.ui.WindowTests.shownText;
import static org.backpropstudio.ui.WindowTests.waitForHiddenParts;
import static org.backpropstudio.ui.WindowTests.waitUntil;

/** The real studio window on headless Monocle, driven as a user would. */
@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {

    private StudioApp.Studio studio;
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

    /**
     * Waits until the fit chart has drawn the newest snapshot: the studio draws one canvas a
     * frame, so the fit may follow the snapshot, the loss chart and the diagram by a few frames.
     */
    private void waitForTheFit() {
        waitUntil("the fit chart draws the newest snapshot", () -> studio.view().fitChart().snapshot() == shown());
    }

    private int epoch() {
        return studio.viewModel().epochProperty().get();
    }

    /** Clears a text field, types into it and presses Enter, as a user does. */
    private static void type(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text).type(KeyCode.ENTER);
    }

    /** Types into a field where it may be scrolled out of sight, and presses Enter (on the FX thread). */
    private static void enter(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> {
            field.requestFocus();
            field.setText(text);
            field.fireEvent(new javafx.event.ActionEvent());
        });
    }

    private static String errorUnder(FxRobot robot, String id) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        // the error label is the second child of the field's VBox: (line, error)
        javafx.scene.Parent line = field.getParent();
        javafx.scene.layout.VBox box = (javafx.scene.layout.VBox) line.getParent();
        Label error = (Label) box.getChildren().get(1);
        return error.isVisible() ? error.getText() : "";
    }

    @Test
    void aClickOnTheToolbarsBackgroundLeavesTheFieldSoTheKeysWorkAgain(FxRobot robot) {
        robot.clickOn("#step");
        waitUntil("one epoch", () -> epoch() == 1);
        TextField rate = robot.lookup("#learning-rate").queryAs(TextField.class);
        robot.interact(rate::clear);
        robot.clickOn(rate).write("0.3");
        // beside the buttons: the epoch counter; the R typed after it went into the field
        robot.clickOn("#epoch");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rate.isFocused()).isFalse();
        waitUntil("the rate is applied", () -> shown().config().optimizer().learningRate() == 0.3);
        robot.type(KeyCode.R);
        waitUntil("R reset the run", () -> epoch() == 0);
        assertThat(rate.getText()).isEqualTo("0.3");
    }

    @Test
    void opensWithTheClassicPresetPaused(FxRobot robot) {
        waitUntil("the first snapshot is drawn", () -> shown() != null);
        assertThat(robot.lookup("#epoch").queryAs(Label.class).getText()).isEqualTo("0");
        assertThat(robot.lookup("#state").queryAs(Label.class).getText()).isEqualTo("Paused");
        assertThat(robot.lookup("#units-1").queryAs(TextField.class).getText()).isEqualTo("10");
        assertThat(robot.lookup("#units-2").queryAs(TextField.class).getText()).isEqualTo("10");
        assertThat(robot.lookup("#learning-rate").queryAs(TextField.class).getText()).isEqualTo("0.1");
        assertThat(studio.view().fitChart().trainPointCount()).isEqualTo(50);
        assertThat(studio.view().fitChart().predictionValues()).hasSize(200);
        assertThat(robot.window(0).getWidth()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void addingAndRemovingLayersAndLoadingSetupsLeaveTheRowsInTheWindow(FxRobot robot) {
        // a row taken out of the window and put back is styled again from nothing, and a new row
        // makes new controls; rows that stay and show another layer cost neither (docs/reliability.md)
        TextField first = robot.lookup("#units-1").queryAs(TextField.class);
        TextField second = robot.lookup("#units-2").queryAs(TextField.class);
        int[] moves = {0};
        robot.interact(() -> {
            first.sceneProperty().addListener(o -> moves[0]++);
            second.sceneProperty().addListener(o -> moves[0]++);
        });
        type(robot, "#units-2", "12");
        robot.clickOn("#add-layer");
        WaitForAsyncUtils.waitForFxEvents();
        TextField third = robot.lookup("#units-3").queryAs(TextField.class);
        assertThat(third.getText()).isEqualTo("8");
        robot.interact(() -> third.sceneProperty().addListener(o -> moves[0]++));
        robot.clickOn("#remove-1");
        WaitForAsyncUtils.waitForFxEvents();
        // the second and third layers moved up: the rows stayed and show them; the third row is hidden
        assertThat(first.getText()).isEqualTo("12");
        assertThat(second.getText()).isEqualTo("8");
        assertThat(shownOnScreen(third)).isFalse();
        assertThat(studio.viewModel().editor().hiddenLayers()).hasSize(2);
        // a row edits the layer it shows now
        type(robot, "#units-2", "5");
        assertThat(studio.viewModel().editor().hiddenLayers().get(1).units().value()).isEqualTo(5);
        assertThat(studio.viewModel().editor().hiddenLayers().get(0).units().value()).isEqualTo(12);
        // a setup with three hidden layers takes the hidden row again
        robot.interact(() -> studio.viewModel().loadPreset("deep-momentum"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(List.of(first.getText(), second.getText(), third.getText())).containsExactly("16", "64", "16");
        assertThat(shownOnScreen(third)).isTrue();
        assertThat(robot.lookup("#units-4").tryQuery()).isEmpty();
        assertThat(moves[0]).as("times the rows left or joined the window").isZero();
    }

    @Test
    void playTrainsAndTheChartsGetPoints(FxRobot robot) {
        double[] before = studio.view().fitChart().predictionValues();
        robot.clickOn("#play");
        waitUntil("some epochs are trained and drawn", () -> epoch() > 50);
        // the loss chart is redrawn at most 20 times a second while training
        waitUntil("the loss chart shows them", () -> studio.view().lossChart().pointCount() > 20);
        waitUntil("the fit chart shows the new curve", () -> studio.view().fitChart().snapshot().epoch() > 0);
        assertThat(studio.view().fitChart().predictionValues()).isNotEqualTo(before);
        assertThat(robot.lookup("#train-loss").queryAs(Label.class).getText()).matches("train loss \\d.*");
    }

    /**
     * At max speed, the default once, classic-sigmoid's 2 000 epochs were over in a second and Play
     * then did nothing visible. It starts at a pace to watch, and a finished run says so above the
     * charts and offers to go on.
     */
    @Test
    void theFirstRunCanBeWatchedAndAFinishedRunOffersToGoOn(FxRobot robot) {
        assertThat(robot.lookup("#speed").queryComboBox().getValue()).isEqualTo(StudioViewModel.DEFAULT_SPEED);
        robot.clickOn("#play");
        waitUntil("a training rate is measured", () -> shown().epochsPerSecond() > 0 && epoch() > 100);
        assertThat(shown().epochsPerSecond()).as("epochs per second at the starting pace").isLessThan(450);
        assertThat(shown().state()).isEqualTo(TrainingState.TRAINING);
        assertThat(robot.lookup("#finished").query().isVisible()).isFalse();

        robot.interact(() -> studio.viewModel().loadPreset("linear-neuron"));
        studio.service().submit(new Command.SetSpeed(Double.POSITIVE_INFINITY));
        robot.clickOn("#play");
        waitUntil("linear-neuron's 100 epochs are done", () -> shown().state() == TrainingState.FINISHED);
        waitUntil("the banner says so", () -> robot.lookup("#finished").query().isVisible());
        assertThat(robot.lookup("#finished-text").queryAs(Label.class).getText()).isEqualTo("Finished: 100 epochs trained.");
        robot.clickOn("#train-more");
        waitUntil("it went on to twice as many", () -> shown().state() == TrainingState.FINISHED && epoch() == 200);
        robot.clickOn("#finished-reset");
        waitUntil("a fresh start", () -> epoch() == 0 && !robot.lookup("#finished").query().isVisible());

        // a run of 5 steps (3 an epoch) ends in epoch 2 of 200: the banner says why, and goes on
        assertThat(shown().config().epochs()).isEqualTo(200);
        studio.service().submit(new Command.Reconfigure(shown().config().withStepLimit(5), "a step limit"));
        robot.clickOn("#play");
        waitUntil("the 5 steps are taken", () -> shown().state() == TrainingState.FINISHED && epoch() == 2);
        waitUntil("the banner says so", () -> robot.lookup("#finished-text").queryAs(Label.class).getText()
                .equals("Finished: all 5 steps taken, in epoch 2."));
        robot.clickOn("#train-more");
        waitUntil("it went on to 200 more", () -> shown().state() == TrainingState.FINISHED && epoch() == 202);
    }

    /**
     * The window could not be made smaller than it opened, and at that size titles and buttons were
     * cut ("The fit: the network's prediction over the …", "unit contribu…"). At the smallest size
     * it takes, what these say is shown whole (wrapped, or a button as its icon).
     */
    @Test
    void atTheSmallestWindowNoTitleOrButtonIsCut(FxRobot robot) {
        Stage stage = (Stage) studio.view().getScene().getWindow();
        robot.interact(() -> {
            stage.setWidth(StudioApp.MIN_WIDTH);
            stage.setHeight(StudioApp.MIN_HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("the window is at its smallest", () -> Math.abs(stage.getWidth() - StudioApp.MIN_WIDTH) < 1);
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#fit-title", "#loss-title", "#diagram-title", "#diagram-caption", "#clear-points",
                "#contributions"}) {
            javafx.scene.control.Labeled l = robot.lookup(id).queryAs(javafx.scene.control.Labeled.class);
            String shownText = l.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                    .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst().orElse("");
            boolean iconOnly = l.getContentDisplay() == javafx.scene.control.ContentDisplay.GRAPHIC_ONLY;
            assertThat(iconOnly ? "" : shownText).as("what %s shows", id).isEqualTo(iconOnly ? "" : l.getText());
        }
    }

    /** A refused "abc" stayed in the units field while 10 units trained: the error says so, and Escape puts 10 back. */
    @Test
    void escapePutsBackTheValueThatRunsAfterARefusedEntry(FxRobot robot) {
        TextField units = robot.lookup("#units-1").queryAs(TextField.class);
        robot.interact(units::clear);
        robot.clickOn(units).write("abc").type(KeyCode.ENTER);
        waitUntil("the entry is refused", () -> errorUnder(robot, "#units-1").contains("10 runs"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(units.getText()).isEqualTo("10");
        assertThat(errorUnder(robot, "#units-1")).isEmpty();
        assertThat(units.isFocused()).as("Escape also leaves the field").isFalse();
        assertThat(shown().network().layers().get(0).units()).isEqualTo(10);
    }

    /** The preset box went blank once a setup was no preset: it says what the setup is. */
    @Test
    void thePresetBoxSaysCustomOrExperimentInsteadOfGoingBlank(FxRobot robot) {
        javafx.scene.control.ComboBox<?> box = robot.lookup("#preset").queryComboBox();
        waitUntil("the box names the preset", () -> "classic-sigmoid".equals(shownText(box)));
        robot.interact(() -> studio.viewModel().loadExperiment(Presets.get("deep-momentum"), null, "lesson.bps.json"));
        waitUntil("the box says experiment", () -> "(experiment)".equals(shownText(box)));
        robot.interact(() -> studio.viewModel().loadPreset("classic-sigmoid"));
        robot.clickOn("#step");
        waitUntil("the preset runs", () -> epoch() == 1);
        type(robot, "#learning-rate", "0.3");
        waitUntil("the box says custom", () -> "(custom)".equals(shownText(box)));
        robot.interact(() -> studio.viewModel().loadPreset("relu-mae"));
        waitUntil("the box names the preset again", () -> "relu-mae".equals(shownText(box)));
    }


    /** CSV import asked how to split the data before it had checked the file. */
    @Test
    void importingDataChecksTheFileBeforeAskingHowToUseIt(FxRobot robot) throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("import");
        java.nio.file.Path bad = java.nio.file.Files.writeString(dir.resolve("bad.csv"), "x,y\n1,2\n3,abc\n");
        robot.interact(() -> studio.view().files().importData(bad.toFile()));
        waitUntil("the file's problem", () -> robot.lookup("#problem-dialog").tryQuery().isPresent());
        assertThat(dialogWithHeader("bad.csv holds")).as("the question, for a file that is no data").isNull();
        robot.interact(() -> ((Stage) robot.lookup("#problem-dialog").query().getScene().getWindow()).close());

        java.nio.file.Path good = java.nio.file.Files.writeString(dir.resolve("good.csv"), "x,y\n1,2\n3,4\n5,6\n");
        robot.interact(() -> studio.view().files().importData(good.toFile()));
        waitUntil("the question, with what the file holds", () -> dialogWithHeader("good.csv holds 3 samples.") != null);
        robot.interact(() -> dialogWithHeader("good.csv holds").close());
    }


    /** The window's close button asked before unsaved work was lost; Ctrl+Q closed at once. */
    @Test
    void quitAsksBeforeUnsavedWorkIsLostAsTheCloseButtonDoes(FxRobot robot) {
        type(robot, "#learning-rate", "0.3");
        waitUntil("the change is unsaved", () -> studio.viewModel().unsavedProperty().get());
        Stage stage = (Stage) studio.view().getScene().getWindow();
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        waitUntil("the question is asked", () -> dialogWithHeader("Save the changes first?") != null);
        assertThat(stage.isShowing()).as("the studio, while it asks").isTrue();
        assertThat(dialogWithHeader("Save the changes first?").getTitle()).isEqualTo("Unsaved changes");
        robot.clickOn("Cancel");
        waitUntil("the question is answered", () -> dialogWithHeader("Save the changes first?") == null);
        assertThat(stage.isShowing()).as("the studio, after Cancel").isTrue();
        assertThat(studio.viewModel().unsavedProperty().get()).isTrue();
    }


    /** The knob showed the rate before the last one typed: type 1, it stayed at 0.1; type 0.01, it jumped to 1. */
    @Test
    void theLearningRateSliderShowsTheRateThatWasTyped(FxRobot robot) {
        javafx.scene.control.Slider slider = robot.lookup("#learning-rate-slider").queryAs(javafx.scene.control.Slider.class);
        assertThat(slider.getValue()).isCloseTo(-1, org.assertj.core.data.Offset.offset(1e-9));
        for (String typed : new String[] {"1", "0.01", "1e6", "0.1", "0.003"}) {
            type(robot, "#learning-rate", typed);
            WaitForAsyncUtils.waitForFxEvents();
            double expected = Math.max(slider.getMin(), Math.min(slider.getMax(), Math.log10(Double.parseDouble(typed))));
            assertThat(slider.getValue()).as("the knob after typing %s", typed)
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void stepAdvancesExactlyOneEpoch(FxRobot robot) throws InterruptedException {
        robot.clickOn("#step");
        waitUntil("one epoch", () -> epoch() == 1);
        // a command sent after the Step comes back handled only after everything before it: had the
        // Step left it training, more epochs would show by then
        long handled = shown().commandsHandled();
        studio.service().submit(new Command.SetSpeed(Double.POSITIVE_INFINITY));
        waitUntil("a later command handled", () -> shown().commandsHandled() > handled);
        assertThat(epoch()).isEqualTo(1);
        assertThat(shown().state()).isEqualTo(TrainingState.PAUSED);
        robot.type(KeyCode.S);
        waitUntil("a second epoch by keyboard", () -> epoch() == 2);
    }

    @Test
    void changingTheLearningRateWhileTrainingKeepsTrainingAndAddsAMarker(FxRobot robot) {
        type(robot, "#epochs", "1000000");
        robot.clickOn("#play");
        waitUntil("training", () -> epoch() > 20);
        type(robot, "#learning-rate", "0.03");
        waitUntil("the change is applied", () -> shown().markers().size() == 2);
        assertThat(shown().markers()).extracting(Marker::label).containsExactly("epochs 2,000 → 1,000,000", "lr 0.1 → 0.03");
        int at = epoch();
        waitUntil("training goes on", () -> epoch() > at + 20);
        assertThat(shown().state()).isEqualTo(TrainingState.TRAINING);
        assertThat(shown().config().optimizer().learningRate()).isEqualTo(0.03);
    }

    @Test
    void resizingAHiddenLayerLeavesThePredictionUnchanged(FxRobot robot) {
        robot.clickOn("#step");
        waitUntil("one epoch", () -> epoch() == 1);
        double[] before = studio.view().fitChart().predictionValues();
        type(robot, "#units-1", "14");
        waitUntil("the resize is applied", () -> shown().network().toString().equals("1 → 14 σ → 10 σ → 1"));
        waitForTheFit();
        assertThat(epoch()).isEqualTo(1);
        assertThat(studio.view().fitChart().snapshot().network()).hasToString("1 → 14 σ → 10 σ → 1");
        assertThat(studio.view().fitChart().predictionValues()).containsExactly(before);
    }

    @Test
    void invalidEntriesAreExplainedAndNeverApplied(FxRobot robot) {
        for (String bad : new String[] {"abc", "0", "-3", "1e9"}) {
            type(robot, "#learning-rate", bad);
            assertThat(errorUnder(robot, "#learning-rate")).as("learning rate %s", bad).startsWith("learning rate");
        }
        assertThat(errorUnder(robot, "#learning-rate")).isEqualTo("learning rate must be at most 1000000 — 0.1 runs; Esc puts it back");
        for (String bad : new String[] {"abc", "0", "-3", "1e9", "300"}) {
            type(robot, "#units-1", bad);
            assertThat(errorUnder(robot, "#units-1")).as("units %s", bad).startsWith("units");
        }
        robot.clickOn("#step");
        waitUntil("one epoch", () -> epoch() == 1);
        assertThat(shown().config().optimizer().learningRate()).isEqualTo(0.1);
        assertThat(shown().network().toString()).isEqualTo("1 → 10 σ → 10 σ → 1");
        assertThat(shown().markers()).isEmpty();
        type(robot, "#learning-rate", "0.05");
        assertThat(errorUnder(robot, "#learning-rate")).isEmpty();
    }

    @Test
    void aHugeLearningRateEndsInTheDivergenceBannerNotAnException(FxRobot robot) {
        type(robot, "#learning-rate", "1e6");
        robot.clickOn("#play");
        waitUntil("the banner", () -> robot.lookup("#banner").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#banner").queryAs(Label.class).getText())
                .matches("Loss diverged at epoch \\d+ — learning rate 1000000 is too large; lower it and press Reset");
        assertThat(robot.lookup("#state").queryAs(Label.class).getText()).isEqualTo("Diverged");
        type(robot, "#learning-rate", "0.1");
        robot.clickOn("#reset");
        waitUntil("the banner goes", () -> !robot.lookup("#banner").queryAs(Label.class).isVisible());
        robot.clickOn("#play");
        waitUntil("training again", () -> epoch() > 10 && Double.isFinite(shown().trainLoss()));
    }

    @Test
    void spaceTogglesPlayWhenNotTyping(FxRobot robot) {
        robot.clickOn("#epochs"); // typing in a field, then clicking the chart, leaves the field
        robot.clickOn("#fit-chart");
        robot.type(KeyCode.SPACE);
        waitUntil("training by keyboard", () -> epoch() > 5);
        robot.type(KeyCode.SPACE);
        waitUntil("paused by keyboard", () -> shown().state() != TrainingState.TRAINING);
    }

    @Test
    void exportedWeightsOpenAgainWithTheSamePrediction(FxRobot robot) throws Exception {
        robot.clickOn("#step");
        robot.clickOn("#step");
        waitUntil("two epochs", () -> epoch() == 2);
        Snapshot exported = shown();
        java.io.File file = java.nio.file.Files.createTempFile("studio", ".weights.json").toFile();
        file.deleteOnExit();
        robot.interact(() -> studio.view().files().exportWeights(exported, file));
        waitUntil("the file is written", () -> file.length() > 100);
        type(robot, "#units-1", "12");
        waitUntil("resized", () -> shown().network().toString().equals("1 → 12 σ → 10 σ → 1"));
        robot.interact(() -> studio.view().files().openWeights(file));
        waitUntil("the network is loaded", () -> shown().message().startsWith("Loaded the network from"));
        WaitForAsyncUtils.waitForFxEvents();
        waitForTheFit();
        assertThat(shown().network()).hasToString("1 → 10 σ → 10 σ → 1");
        assertThat(robot.lookup("#units-1").queryAs(TextField.class).getText()).isEqualTo("10");
        assertThat(studio.view().fitChart().predictionValues()).containsExactly(exported.prediction());
        assertThat(epoch()).isZero();
    }

    @Test
    void aBadFileGetsADialogAndChangesNothing(FxRobot robot) throws Exception {
        java.io.File file = java.nio.file.Files.createTempFile("broken", ".weights.json").toFile();
        file.deleteOnExit();
        java.nio.file.Files.writeString(file.toPath(), "{\"format\": \"backprop-studio.weights\", \"version\": 1, ");
        robot.interact(() -> studio.view().files().openWeights(file));
        waitUntil("the dialog", () -> robot.lookup("#problem-dialog").tryQuery().isPresent());
        javafx.scene.control.DialogPane dialog = robot.lookup("#problem-dialog").queryAs(javafx.scene.control.DialogPane.class);
        assertThat(dialog.getHeaderText()).startsWith("Could not open broken");
        assertThat(dialog.getContentText()).startsWith("not valid JSON at line 1");
        robot.interact(() -> ((Stage) dialog.getScene().getWindow()).close());
        assertThat(shown().network()).hasToString("1 → 10 σ → 10 σ → 1");
        assertThat(shown().epoch()).isZero();
    }

    @Test
    void aSavedExperimentOpensWithItsSetupAndWeights(FxRobot robot) throws Exception {
        // momentum is in the editor's Advanced section, folded at first
        waitForHiddenParts(studio);
        assertThat(shownOnScreen(robot.lookup("#momentum").query())).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shownOnScreen(robot.lookup("#momentum").query())).isTrue();
        enter(robot, "#momentum", "0.5");
        // fold it again, back at the top of the editor
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        robot.interact(() -> robot.lookup(".editor").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));
        robot.clickOn("#step");
        robot.clickOn("#step");
        waitUntil("two epochs", () -> epoch() == 2);
        waitUntil("momentum applied", () -> shown().config().optimizer() instanceof
                org.backpropstudio.engine.OptimizerConfig.Sgd sgd && sgd.momentum() == 0.5);
        Snapshot saved = shown();
        java.io.File file = java.nio.file.Files.createTempFile("demo", ".bps.json").toFile();
        file.deleteOnExit();
        robot.interact(() -> studio.view().files().saveExperiment(file));
        waitUntil("the file is written", () -> file.length() > 100);
        type(robot, "#learning-rate", "0.02");
        enter(robot, "#momentum", "0"); // folded in Advanced again: entered as Enter would
        waitUntil("changed", () -> shown().config().optimizer().learningRate() == 0.02);
        robot.interact(() -> studio.view().files().openExperiment(file));
        waitUntil("the experiment is open", () -> shown().message().startsWith("Reopened at epoch 2"));
        waitUntil("it is remembered", () -> new RecentFiles(recentList).list().contains(file.toPath()));
        WaitForAsyncUtils.waitForFxEvents();
        waitForTheFit();
        assertThat(shown().config()).isEqualTo(saved.config());
        assertThat(robot.lookup("#learning-rate").queryAs(TextField.class).getText()).isEqualTo("0.1");
        assertThat(robot.lookup("#momentum").queryAs(TextField.class).getText()).isEqualTo("0.5");
        assertThat(studio.view().fitChart().predictionValues()).containsExactly(saved.prediction());
        // where it was: the epoch, the losses, the history and the markers; it goes on from there
        assertThat(epoch()).isEqualTo(2);
        assertThat(shown().trainLoss()).isEqualTo(saved.trainLoss());
        assertThat(shown().losses().epoch()).containsExactly(saved.losses().epoch());
        assertThat(shown().losses().trainMax()).containsExactly(saved.losses().trainMax());
        assertThat(shown().markers()).isEqualTo(saved.markers()).isNotEmpty();
        robot.clickOn("#step");
        waitUntil("it goes on from epoch 2", () -> epoch() == 3 && shown().losses().epoch().length == 3);
        robot.clickOn("#reset");
        waitUntil("Reset starts from the seed", () -> epoch() == 0 && shown().losses().epoch().length == 0);
    }

    @Test
    void chartsAndTheWindowExportAsPng(FxRobot robot) throws Exception {
        robot.clickOn("#step");
        waitUntil("one epoch", () -> epoch() == 1);
        java.io.File file = java.nio.file.Files.createTempFile("fit", ".png").toFile();
        file.deleteOnExit();
        robot.interact(() -> studio.view().files().writePng(studio.view().fitChart(), file));
        waitUntil("the picture is written", () -> file.length() > 1000);
        byte[] head = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(file.toPath()), 8);
        assertThat(head).containsExactly(0x89 - 256, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(file);
        assertThat(image.getWidth()).isEqualTo((int) Math.round(studio.view().fitChart().getWidth()));
    }

    @Test
    void theGradientCheckButtonShowsItsReport(FxRobot robot) {
        robot.clickOn("#step");
        waitUntil("one epoch", () -> epoch() == 1);
        robot.clickOn("#check-gradients");
        waitUntil("the report", () -> robot.lookup("#gradient-verdict").tryQuery().isPresent());
        assertThat(robot.lookup("#gradient-verdict").queryAs(Label.class).getText())
                .isEqualTo("Passed: backprop agrees with central differences.");
        assertThat(shown().gradients().rows()).hasSize(6);
        // it closes as a dialog does: Escape, or its Close button
        Stage report = (Stage) robot.lookup("#gradient-verdict").query().getScene().getWindow();
        robot.type(KeyCode.ESCAPE);
        waitUntil("Escape closed the report", () -> !report.isShowing());
        robot.clickOn("#check-gradients");
        waitUntil("the report again", report::isShowing);
        robot.clickOn("#gradient-close");
        waitUntil("Close closed the report", () -> !report.isShowing());
    }

    @Test
    void theGradientHealthTabShowsNormsAndSaturation(FxRobot robot) {
        robot.clickOn("#play");
        waitUntil("training", () -> epoch() > 30);
        robot.clickOn("Gradient health");
        waitUntil("the shares", () -> !robot.lookup("#health-shares").queryAs(javafx.scene.layout.FlowPane.class)
                .getChildren().isEmpty());
        Label first = (Label) robot.lookup("#health-shares").queryAs(javafx.scene.layout.FlowPane.class)
                .getChildren().get(0);
        assertThat(first.getText()).matches("layer 1 \\(σ\\): \\d+ % saturated");
        assertThat(shown().health().epochs()).isNotEmpty();
        // drawn again at each new snapshot: the same lines, refilled (new ones were styled at each draw)
        robot.interact(() -> studio.viewModel().reset());
        waitUntil("the reset", () -> epoch() == 0);
        for (int k = 1; k <= 3; k++) {
            int next = k;
            robot.interact(() -> studio.viewModel().step());
            waitUntil("epoch " + next, () -> epoch() == next);
            WaitForAsyncUtils.sleep(250, java.util.concurrent.TimeUnit.MILLISECONDS); // the chart draws 5-10 times a second
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#health-shares").queryAs(javafx.scene.layout.FlowPane.class).getChildren().get(0))
                .isSameAs(first);
    }

    @Test
    void theInspectorWalksTheStagesAndTheDiagramFollows(FxRobot robot) {
        waitUntil("the first snapshot", () -> shown() != null);
        robot.clickOn("#step");
        waitUntil("one epoch", () -> epoch() == 1);
        robot.clickOn("#inspect");
        waitUntil("the first trace", () -> studio.view().inspector().inspectionProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents(); // the pane and the diagram take it in on the FX thread
        org.backpropstudio.training.Inspection trace = studio.view().inspector().inspectionProperty().get();
        assertThat(trace.epoch()).isEqualTo(1);
        assertThat(robot.lookup("#inspector-stage").queryAs(Label.class).getText())
                .isEqualTo("Forward, layer 1 (10 units, sigmoid)");
        assertThat(robot.lookup("#inspector-counter").queryAs(Label.class).getText()).isEqualTo("stage 1 of 11");
        assertThat(studio.view().diagram().highlightedLayer()).isZero();
        assertThat(robot.lookup(".term-name").queryAllAs(Label.class)).filteredOn(WindowTests::shownOnScreen)
                .extracting(Label::getText).containsExactly("x", "W₁", "b₁", "z₁", "a₁");
        // x is 1 × 1; W₁ is 1 × 10: five values and a column of …
        java.util.List<java.util.List<String>> values = studio.view().inspectorView().shownValues();
        assertThat(values.get(0)).containsExactly(org.backpropstudio.i18n.NumberText.significant(trace.x()));
        org.backpropstudio.training.Inspection.Term w1 = trace.stages().get(0).terms().get(1);
        assertThat(values.get(1)).hasSize(6).endsWith("…").startsWith(
                org.backpropstudio.i18n.NumberText.significant(w1.values()[0][0]));

        robot.clickOn("#inspector-next");
        assertThat(studio.view().diagram().highlightedLayer()).isEqualTo(1);
        robot.clickOn("#inspector-next").clickOn("#inspector-next");
        assertThat(robot.lookup("#inspector-stage").queryAs(Label.class).getText()).isEqualTo("Loss: half_mse");
        assertThat(studio.view().diagram().highlightedLayer()).isEqualTo(-1);
        robot.type(KeyCode.PAGE_DOWN);
        assertThat(robot.lookup("#inspector-stage").queryAs(Label.class).getText())
                .isEqualTo("Backward, layer 3 (1 unit, identity)");
        assertThat(studio.view().diagram().highlightedLayer()).isEqualTo(2);
        robot.clickOn("#inspector-previous");
        assertThat(studio.view().diagram().highlightedLayer()).isEqualTo(-1);

        // clicking a training point traces that sample; a step keeps the stage and updates the numbers
        javafx.geometry.Point2D p = studio.view().fitChart().trainPointPosition(17);
        robot.clickOn(studio.view().fitChart().localToScreen(p));
        double x17 = shown().train().xColumn()[17];
        waitUntil("sample 18 is traced", () -> {
            org.backpropstudio.training.Inspection i = studio.view().inspector().inspectionProperty().get();
            return i != null && i.sampleIndex() == 17;
        });
        assertThat(studio.view().inspector().inspectionProperty().get().x()).isEqualTo(x17);
        robot.type(KeyCode.S);
        waitUntil("the trace of epoch 2", () -> studio.view().inspector().inspectionProperty().get().epoch() == 2);
        assertThat(studio.view().diagram().highlightedLayer()).isEqualTo(-1);

        robot.type(KeyCode.I);
        assertThat(studio.view().inspectorOpen()).isFalse();
        assertThat(studio.view().diagram().highlightedLayer()).isNull();
        waitUntil("the service stops tracing", () -> shown().inspection() == null);
    }

    @Test
    void contributionsAreDrawnAndClickingAUnitMutesIt(FxRobot robot) {
        waitUntil("the first snapshot", () -> shown() != null);
        robot.clickOn("#contributions");
        assertThat(studio.view().fitChart().contributionsDrawn()).isTrue();
        Snapshot before = shown();
        double[] contribution = before.contributions().curves()[3];
        javafx.geometry.Point2D unit = studio.view().diagram().unitCentre(2, 3); // layer 2, unit 4
        robot.clickOn(studio.view().diagram().localToScreen(unit));
        waitUntil("unit 4 of layer 2 is muted", () -> shown().muted().contains(
                new org.backpropstudio.training.HiddenUnit(1, 3)));
        WaitForAsyncUtils.waitForFxEvents();
        waitForTheFit();
        double[] after = studio.view().fitChart().predictionValues();
        for (int i = 0; i < after.length; i++) {
            assertThat(before.prediction()[i] - after[i]).isCloseTo(contribution[i],
                    org.assertj.core.api.Assertions.within(1e-12));
        }
        assertThat(robot.lookup("#status-message").queryAs(Label.class).getText()).isEqualTo("unit 4 of layer 2 muted");
        // drawn grey (off its slash, 3 px above the centre), where the unit above it stays white
        javafx.geometry.Point2D above = studio.view().diagram().unitCentre(2, 2);
        waitUntil("the diagram shows the unit muted", () -> isColour(diagramPixel(unit.add(0, -3)),
                org.backpropstudio.ui.diagram.NetworkDiagram.MUTED));
        assertThat(isColour(diagramPixel(above.add(0, -3)), javafx.scene.paint.Color.WHITE)).isTrue();
        robot.clickOn(studio.view().diagram().localToScreen(unit));
        waitUntil("un-muted", () -> shown().muted().isEmpty());
        waitForTheFit();
        assertThat(studio.view().fitChart().predictionValues()).containsExactly(before.prediction());
    }

    /** The diagram's colour at a point of its own, as drawn now. */
    private javafx.scene.paint.Color diagramPixel(javafx.geometry.Point2D at) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> studio.view().diagram().snapshot(null, null).getPixelReader()
                    .getColor((int) Math.floor(at.getX()), (int) Math.floor(at.getY()))).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean isColour(javafx.scene.paint.Color c, javafx.scene.paint.Color expected) {
        return Math.abs(c.getRed() - expected.getRed()) < 0.04 && Math.abs(c.getGreen() - expected.getGreen()) < 0.04
                && Math.abs(c.getBlue() - expected.getBlue()) < 0.04;
    }

    @Test
    void f1ShowsEveryShortcutAndEscapeClosesIt(FxRobot robot) {
        assertThat(robot.lookup("#help-overlay").tryQuery().filter(javafx.scene.Node::isVisible)).isEmpty();
        robot.type(KeyCode.F1);
        javafx.scene.Node overlay = robot.lookup("#help-overlay").query();
        assertThat(overlay.isVisible()).isTrue();
        assertThat(robot.lookup(".help-keys").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Space", "S  or  →", "I", "Page Down / Page Up", "C", "F1  or  ?");
        robot.type(KeyCode.ESCAPE);
        assertThat(overlay.isVisible()).isFalse();
        robot.type(KeyCode.F1);
        assertThat(overlay.isVisible()).isTrue();
        robot.clickOn(overlay.localToScreen(30, 80)); // the dimmed window, not the card
        assertThat(overlay.isVisible()).as("a click beside the card closes it").isFalse();
    }


    @Test
    void whatIsHiddenAtFirstIsBuiltSoonAfterTheWindowShows(FxRobot robot) throws Exception {
        // not with the window (it held the window back), nor at a first check while training
        waitForHiddenParts(studio);
    }

    @Test
    void aClosedStudioLetsGoOfItsStage(FxRobot robot) throws Exception {
        // a stage can outlive its studio (TestFX shows every test's studio in one stage): the
        // closed studio, its charts and their images must not stay reachable through the stage
        java.lang.ref.WeakReference<StudioView> closed = new java.lang.ref.WeakReference<>(studio.view());
        Stage stage = (Stage) studio.view().getScene().getWindow();
        robot.interact(() -> {
            studio.close();
            studio = StudioApp.open(stage, "classic-sigmoid", new RecentFiles(recentList));
        });
        for (int i = 0; i < 50 && closed.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(closed.get()).as("the closed studio's view, after garbage collection").isNull();
    }

}
