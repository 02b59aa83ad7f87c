package org.backpropstudio.ui.curve;

import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backpropstudio.ui.Localized;
import org.backpropstudio.ui.Panels;
import org.backpropstudio.ui.StudioViewModel;
import org.backpropstudio.ui.charts.FitChart;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Fitting a curve: the fit chart under its title, with the buttons that clear the points clicked
 * in and show the hidden units' contributions.
 */
public final class CurvePanel extends VBox {

    /**
     * @param contributions the toggle of the unit contributions (the View menu and the C key
     *                      switch it too)
     */
    public CurvePanel(StudioViewModel vm, BooleanExpression lecture, FitChart fitChart, ToggleButton contributions) {
        super(2);
        Label fitTitle = Panels.title(lecture, "fit.title");
        getChildren().setAll(fitChart);
        VBox.setVgrow(fitChart, Priority.ALWAYS);
        getStyleClass().add("panel");
        Tooltip.install(fitChart, Localized.tooltip("fit.tip"));
        contributions.setId("contributions");
        contributions.setGraphic(new FontIcon("mdi2v-vector-curve"));
        contributions.setTooltip(Localized.tooltip("fit.contributions.tip"));
        contributions.getStyleClass().add("small");
        contributions.selectedProperty().addListener((o, a, on) -> fitChart.setShowContributions(on));
        Region fitGap = new Region();
        HBox.setHgrow(fitGap, Priority.ALWAYS);
        Button clear = Localized.bind(new Button(null, new FontIcon("mdi2e-eraser")), "fit.clearPoints");
        clear.setId("clear-points");
        clear.getStyleClass().add("small");
        clear.setTooltip(Localized.tooltip("fit.clearPoints.tip"));
        clear.setOnAction(e -> vm.clearPoints());
        // in lecture mode, or when the panel is narrow, the two buttons show their icons only (their
        // tooltips name them), so the title keeps its room and nothing is cut to "unit contribu…"
        javafx.beans.binding.BooleanBinding iconsOnly = lecture.or(widthProperty().lessThan(720));
        for (javafx.scene.control.ButtonBase b : new javafx.scene.control.ButtonBase[] {clear, contributions}) {
            b.contentDisplayProperty().bind(javafx.beans.binding.Bindings.when(iconsOnly)
                    .then(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY).otherwise(javafx.scene.control.ContentDisplay.LEFT));
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox.setHgrow(fitTitle, Priority.ALWAYS);
        HBox fitHead = new HBox(8, fitTitle, fitGap, clear, contributions);
        fitHead.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(0, fitHead);
    }
}
