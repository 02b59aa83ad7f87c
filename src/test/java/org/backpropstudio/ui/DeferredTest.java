package org.backpropstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The parts hidden at first are built after the window shows, each in a task of the UI thread of its own. */
@ExtendWith(ApplicationExtension.class)
class DeferredTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Pane(), 200, 100));
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void thePartsAreBuiltInTurnsWithTheUiThreadFreeBetweenThem() {
        List<String> order = new CopyOnWriteArrayList<>();
        Runnable first = () -> {
            order.add("first part");
            // a task posted by the first part runs before the second part: it has a task of its own
            Platform.runLater(() -> order.add("a task between"));
        };
        Runnable second = () -> order.add("second part");
        Platform.runLater(() -> {
            Deferred.soonAfterShown(stage, List.of(first, second));
            stage.show();
            order.add("shown");
        });
        WindowTests.waitUntil("both parts built", () -> order.contains("second part"));
        assertThat(order).containsExactly("shown", "first part", "a task between", "second part");
    }
}
