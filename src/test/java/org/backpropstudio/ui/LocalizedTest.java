package org.backpropstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What follows a switch of language by {@link Localized#onSwitch}, and when. */
@ExtendWith(ApplicationExtension.class)
class LocalizedTest {

    private final Pane shownRoot = new Pane();

    @Start
    void start(Stage primary) {
        // a stage of its own: the primary one, shared with the studio tests, keeps its size
        Stage stage = new Stage();
        stage.setScene(new Scene(shownRoot, 200, 100));
        stage.show();
    }

    @Test
    void aNodeInNoWindowCatchesUpWhenItJoinsOneAndNotBefore(FxRobot robot) throws Exception {
        Pane shown = new Pane();
        Pane aside = new Pane();
        Pane closed = new Pane();
        AtomicInteger shownRenamed = new AtomicInteger();
        AtomicInteger asideRenamed = new AtomicInteger();
        AtomicInteger closedRenamed = new AtomicInteger();
        Locale before = Localized.localeProperty().get();
        try {
            robot.interact(() -> {
                shownRoot.getChildren().add(shown);
                new Scene(closed); // a scene no window shows, as a closed studio's
                Localized.onSwitch(shown, shownRenamed::incrementAndGet);
                Localized.onSwitch(aside, asideRenamed::incrementAndGet);
                Localized.onSwitch(closed, closedRenamed::incrementAndGet);
                Localized.setLocale(Locale.SIMPLIFIED_CHINESE);
                Localized.setLocale(Locale.ENGLISH);
            });
            assertThat(shownRenamed).as("in a window: at each switch").hasValue(2);
            assertThat(asideRenamed).as("in no scene: not yet").hasValue(0);
            assertThat(closedRenamed).as("in a scene no window shows").hasValue(0);
            robot.interact(() -> shownRoot.getChildren().add(aside));
            assertThat(asideRenamed).as("once in a scene again: once, for both switches").hasValue(1);
            robot.interact(() -> Localized.setLocale(Locale.SIMPLIFIED_CHINESE));
            assertThat(asideRenamed).as("and at each switch from then on").hasValue(2);
            assertThat(closedRenamed).hasValue(0);
        } finally {
            robot.interact(() -> Localized.setLocale(before));
            FxToolkit.cleanupStages();
        }
    }
}
