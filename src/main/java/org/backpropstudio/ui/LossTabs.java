package org.backpropstudio.ui;

import javafx.beans.binding.BooleanExpression;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backpropstudio.ui.charts.HealthChart;
import org.backpropstudio.ui.charts.LossChart;

/**
 * The tabs beside the network diagram: the loss per epoch (with a classifier's accuracy beside
 * it, or on a tab of its own in lecture mode's narrow column) and the gradient health with its
 * per-layer notes on dead and saturated units.
 */
final class LossTabs extends javafx.scene.control.TabPane {

    private final HealthChart healthChart;
    private final javafx.scene.layout.FlowPane healthShares = new javafx.scene.layout.FlowPane(18, 4);

    LossTabs(StudioViewModel vm, BooleanExpression lecture, LossChart lossChart, LossChart accuracyChart,
             HealthChart healthChart) {
        this.healthChart = healthChart;
        javafx.scene.control.TabPane losses = this;
        Node lossesOnly = Panels.panel(lecture, "loss.title", lossChart);
        accuracyChart.setId("accuracy-chart");
        Node accuracyPanel = Panels.panel(lecture, "accuracy.title", accuracyChart);
        accuracyPanel.visibleProperty().bind(vm.classifierProperty());
        accuracyPanel.managedProperty().bind(accuracyPanel.visibleProperty());
        HBox.setHgrow(lossesOnly, Priority.ALWAYS);
        HBox.setHgrow(accuracyPanel, Priority.ALWAYS);
        ((Region) lossesOnly).setPrefWidth(10);
        ((Region) accuracyPanel).setPrefWidth(10);
        // the accuracy beside the loss; in lecture mode's narrow column, on a tab of its own
        HBox lossPanel = new HBox(8, lossesOnly);
        healthChart.setId("health-chart");
        healthShares.setId("health-shares");
        Node healthPanel = Panels.panel(lecture, "health.title", healthChart);
        ((VBox) healthPanel).getChildren().add(healthShares);
        Tooltip.install(healthChart, Localized.tooltip("health.tip"));
        // in lecture mode the loss chart needs every pixel of height: its tab and axis name it already
        Node lossTitle = ((VBox) lossesOnly).getChildren().get(0);
        lossTitle.visibleProperty().bind(lecture.not());
        lossTitle.managedProperty().bind(lossTitle.visibleProperty());
        Node accuracyTitle = ((VBox) accuracyPanel).getChildren().get(0);
        accuracyTitle.visibleProperty().bind(lecture.not());
        accuracyTitle.managedProperty().bind(accuracyTitle.visibleProperty());
        javafx.scene.control.Tab lossTab = new javafx.scene.control.Tab(null, lossPanel);
        lossTab.textProperty().bind(Localized.text("loss.tab"));
        javafx.scene.control.Tab healthTab = new javafx.scene.control.Tab(null, healthPanel);
        // in lecture mode's narrow side column "Gradient health" was cut to "Gradient hea…"
        healthTab.textProperty().bind(Localized.text(() -> Localized.t(lecture.get() ? "health.tab.short" : "health.tab"),
                lecture));
        healthTab.setId("health-tab");
        losses.getTabs().setAll(lossTab, healthTab);
        javafx.scene.control.Tab accuracyTab = new javafx.scene.control.Tab();
        accuracyTab.setId("accuracy-tab");
        accuracyTab.textProperty().bind(Localized.text("accuracy.tab"));
        Runnable arrange = () -> {
            boolean own = lecture.get() && vm.classifierProperty().get();
            if (own) {
                lossPanel.getChildren().remove(accuracyPanel);
                accuracyTab.setContent(accuracyPanel);
                if (!losses.getTabs().contains(accuracyTab)) {
                    losses.getTabs().add(1, accuracyTab);
                }
            } else {
                losses.getTabs().remove(accuracyTab);
                accuracyTab.setContent(null);
                if (!lossPanel.getChildren().contains(accuracyPanel)) {
                    lossPanel.getChildren().add(accuracyPanel);
                }
            }
        };
        arrange.run();
        lecture.addListener((o, was, now) -> arrange.run());
        vm.classifierProperty().addListener((o, was, now) -> arrange.run());
        losses.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        healthChart.visibleProperty().bind(healthTab.selectedProperty());
        healthTab.selectedProperty().addListener((o, was, now) -> {
            org.backpropstudio.training.Snapshot s = vm.snapshotProperty().get();
            if (now && s != null) {
                healthChart.show(s.health());
                showShares(s.health());
            }
        });
    }

    /** Draws the gradient health (when its tab is shown) and its notes. */
    void showHealth(org.backpropstudio.training.GradientHealth h) {
        if (healthChart.isVisible()) {
            healthChart.show(h);
            showShares(h);
        }
    }

    /** The lines of {@link #showShares}, kept and refilled: new labels at every draw were each styled anew. */
    private final java.util.List<Label> shareLines = new java.util.ArrayList<>();

    /**
     * One line per hidden layer that can die or saturate, with what it means and what to try.
     * Called at each draw of the health chart (up to 10 times a second), so the labels are kept:
     * made once, each with its tooltip, and only their numbers change after.
     */
    private void showShares(org.backpropstudio.training.GradientHealth h) {
        int used = 0;
        for (int k = 0; k < h.layers().size(); k++) {
            boolean dead = !Double.isNaN(h.dead()[k]);
            if (!dead && Double.isNaN(h.saturated()[k])) {
                continue;
            }
            String key = dead ? "health.dead" : "health.saturated";
            if (used == shareLines.size()) {
                Label line = new Label();
                line.getStyleClass().add("caption");
                line.managedProperty().bind(line.visibleProperty());
                shareLines.add(line);
                healthShares.getChildren().add(line);
            }
            Label line = shareLines.get(used++);
            Localized.bind(line, key, h.layers().get(k),
                    org.backpropstudio.i18n.Messages.integer(Math.round(100 * (dead ? h.dead()[k] : h.saturated()[k]))));
            if (!key.equals(line.getUserData())) { // the line's kind, which its tooltip explains
                line.setUserData(key);
                line.setTooltip(Localized.tooltip(key + ".tip"));
            }
            line.setVisible(true);
        }
        for (int k = used; k < shareLines.size(); k++) {
            shareLines.get(k).setVisible(false);
        }
    }
}
