package org.backpropstudio.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.backpropstudio.training.TrainingState;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Above the charts when a run has reached its epoch limit: says so where the eye is (Play then
 * does nothing, and the status bar's corner is easy to miss) and offers the two ways on: as many
 * epochs again, or a fresh start from the seed.
 */
final class FinishedBanner extends HBox {

    FinishedBanner(StudioViewModel vm) {
        setId("finished");
        getStyleClass().add("finished-banner");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        Label text = new Label();
        text.setId("finished-text");
        text.setGraphic(new FontIcon("mdi2f-flag-checkered"));
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button more = new Button();
        more.setId("train-more");
        Button reset = Localized.bind(new Button(), "finished.reset");
        reset.setId("finished-reset");
        more.setOnAction(e -> vm.trainMore());
        reset.setOnAction(e -> vm.reset());
        vm.snapshotProperty().addListener((o, a, s) -> {
            if (s != null && s.state() == TrainingState.FINISHED) {
                String epochs = org.backpropstudio.i18n.Messages.integer(s.epoch());
                if (s.epoch() < s.config().epochs()) { // only a step limit ends a run short of its epochs
                    Localized.bind(text, "finished.steps", epochs,
                            org.backpropstudio.i18n.Messages.integer(s.config().stepLimit()));
                } else {
                    Localized.bind(text, "finished.text", epochs);
                }
                Localized.bind(more, "finished.more", org.backpropstudio.i18n.Messages.integer(s.config().epochs()));
            }
        });
        // the buttons keep their words; a long text wraps
        more.setMinWidth(Region.USE_PREF_SIZE);
        reset.setMinWidth(Region.USE_PREF_SIZE);
        text.setMinWidth(0);
        text.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().setAll(text, more, reset);
        visibleProperty().bind(vm.stateProperty().isEqualTo(TrainingState.FINISHED));
        managedProperty().bind(visibleProperty());
    }
}
