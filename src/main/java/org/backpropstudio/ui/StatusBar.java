package org.backpropstudio.ui;

import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The status bar: what the service is doing, the epoch, the losses (and a classifier's
 * accuracies) and the last message. In lecture mode the toolbar reads the numbers out large, so
 * here they give their room to the messages.
 */
final class StatusBar extends HBox {

    StatusBar(StudioViewModel vm, BooleanExpression lecture) {
        super(18);
        Label state = new Label();
        state.setId("state");
        state.getStyleClass().add("state-label");
        state.textProperty().bind(Localized.text(() -> Localized.t("state." + vm.stateProperty().get().name()
                .toLowerCase(java.util.Locale.ROOT)), vm.stateProperty()));
        java.util.function.Consumer<org.backpropstudio.training.TrainingState> show = b -> {
            state.getStyleClass().removeAll("state-paused", "state-training", "state-finished", "state-diverged");
            state.getStyleClass().add("state-" + b.name().toLowerCase(java.util.Locale.ROOT));
        };
        vm.stateProperty().addListener((o, a, b) -> show.accept(b));
        show.accept(vm.stateProperty().get());
        Label epoch = boundLabel("status.epoch", vm.epochTextProperty());
        Label train = boundLabel("status.trainLoss", vm.trainLossTextProperty());
        train.setId("train-loss");
        Label test = boundLabel("status.testLoss", vm.testLossTextProperty());
        test.setId("test-loss");
        Label trainAccuracy = boundLabel("status.trainAccuracy", vm.trainAccuracyTextProperty());
        trainAccuracy.setId("train-accuracy");
        Label testAccuracy = boundLabel("status.testAccuracy", vm.testAccuracyTextProperty());
        testAccuracy.setId("test-accuracy");
        // in lecture mode the toolbar reads these out large: the status bar keeps its room for messages
        for (Label l : new Label[] {epoch, train, test}) {
            l.visibleProperty().bind(lecture.not());
            l.managedProperty().bind(l.visibleProperty());
        }
        for (Label l : new Label[] {trainAccuracy, testAccuracy}) {
            l.visibleProperty().bind(lecture.not().and(vm.classifierProperty()));
            l.managedProperty().bind(l.visibleProperty());
        }
        Label rate = new Label();
        rate.textProperty().bind(vm.rateTextProperty());
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("caption");
        // a long message is cut, not the state and the numbers; the whole of it on hover
        for (Label l : new Label[] {state, epoch, train, test, trainAccuracy, testAccuracy, rate}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        message.setMinWidth(0);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(message.textProperty());
        message.setTooltip(whole);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().setAll(state, epoch, train, test, trainAccuracy, testAccuracy, rate, spacer, message);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
    }

    private static Label boundLabel(String key, javafx.beans.value.ObservableValue<String> value) {
        Label l = new Label();
        l.textProperty().bind(Localized.text(() -> Localized.t(key) + " " + value.getValue(), value));
        return l;
    }
}
