package org.backpropstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.training.ServiceEvent;
import org.backpropstudio.training.Snapshot;
import org.backpropstudio.training.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The state and the numbers stay whole however long the message beside them: a long error cut
 * them to "Fin…  epoc…  train loss …" (a file that could not be opened, in a 1 600-pixel window).
 */
@ExtendWith(ApplicationExtension.class)
class StatusBarTest {

    private StudioViewModel vm;
    private TrainingService service;

    @Start
    void start(Stage stage) {
        service = new TrainingService(Presets.get("spiral-relu"), () -> 0L);
        vm = new StudioViewModel(c -> { });
        vm.apply(service.snapshotNow());
        StatusBar bar = new StatusBar(vm, new SimpleBooleanProperty(false));
        stage.setScene(new Scene(new VBox(bar), 900, 60));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aLongMessageIsCutAndTheNumbersAreNot(FxRobot robot) {
        String longWords = "Could not open bad.bps.json: not valid JSON at line 2, column 1: the text ends before the "
                + "JSON does (something is missing at the end), and so on for a good many more words than fit";
        Snapshot s = service.snapshotNow();
        robot.interact(() -> vm.apply(new Snapshot(s.sequence(), s.state(), s.epoch(), s.trainLoss(), s.testLoss(),
                s.trainAccuracy(), s.testAccuracy(), s.epochsPerSecond(), s.config(), s.network(), s.weights(),
                s.biases(), s.gridX(), s.prediction(), s.train(), s.test(), s.losses(), s.accuracies(), s.markers(),
                new ServiceEvent.Refused(longWords), s.problem(), s.gradients(), s.health(), s.inspection(),
                s.contributions(), s.classes(), s.muted(), s.commandsHandled(), s.generation())));
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#status-message").queryAs(Label.class);
        assertThat(message.getText()).endsWith(longWords);
        assertThat(message.getWidth()).as("the message gives way").isLessThan(message.prefWidth(-1));
        for (String id : new String[] {"#state", "#train-loss", "#test-loss", "#train-accuracy", "#test-accuracy"}) {
            Label l = robot.lookup(id).queryAs(Label.class);
            assertThat(l.getWidth()).as("%s (%s) whole", id, l.getText()).isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
        }
        assertThat(message.getTooltip()).as("the whole message on hover").isNotNull();
        assertThat(message.getTooltip().getText()).isEqualTo(message.getText());
    }
}
