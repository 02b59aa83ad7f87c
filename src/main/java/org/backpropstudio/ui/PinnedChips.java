package org.backpropstudio.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import org.backpropstudio.ui.charts.FitChart;
import org.backpropstudio.ui.charts.LossChart;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The pinned runs, one chip each in its ghost colour with a × to remove it, above every task's
 * view; the charts draw the runs' ghosts and follow the list.
 */
final class PinnedChips extends javafx.scene.layout.FlowPane {

    PinnedChips(StudioViewModel vm, FitChart fitChart, LossChart lossChart) {
        super(8, 4);
        javafx.scene.layout.FlowPane chips = this;
        chips.setId("pinned-runs");
        chips.managedProperty().bind(chips.visibleProperty());
        Runnable rebuild = () -> {
            java.util.List<org.backpropstudio.training.PinnedRun> runs = java.util.List.copyOf(vm.pinnedRuns());
            chips.getChildren().clear();
            for (int k = 0; k < runs.size(); k++) {
                org.backpropstudio.training.PinnedRun run = runs.get(k);
                javafx.scene.shape.Rectangle swatch = new javafx.scene.shape.Rectangle(14, 4,
                        Color.web(org.backpropstudio.ui.charts.Plot.ghostColorWeb(k)));
                Label name = new Label(run.label(), swatch);
                name.getStyleClass().add("caption");
                Button remove = new Button(null, new FontIcon("mdi2c-close"));
                remove.setId("unpin-" + (k + 1));
                remove.getStyleClass().addAll("flat", "small-button");
                remove.setTooltip(Localized.tooltip("pin.remove", run.label()));
                remove.setOnAction(e -> vm.unpin(run));
                HBox chip = new HBox(2, name, remove);
                chip.setAlignment(Pos.CENTER_LEFT);
                chip.getStyleClass().add("pin-chip");
                chips.getChildren().add(chip);
            }
            chips.setVisible(!runs.isEmpty());
            fitChart.setPinned(runs);
            lossChart.setPinned(runs);
        };
        vm.pinnedRuns().addListener((javafx.collections.ListChangeListener<org.backpropstudio.training.PinnedRun>)
                c -> rebuild.run());
        rebuild.run();
    }
}
