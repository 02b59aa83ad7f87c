package org.backpropstudio.ui;

import javafx.beans.binding.BooleanExpression;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The studio's panels: a title over a chart, the title short in lecture mode. */
public final class Panels {

    private Panels() {
    }

    public static Node panel(BooleanExpression lecture, String captionKey, Node chart) {
        VBox box = new VBox(2, title(lecture, captionKey), chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        box.getStyleClass().add("panel");
        return box;
    }

    /** A panel's title; in lecture mode its short form ({@code key.short}), which fits at the large text size. */
    public static Label title(BooleanExpression lecture, String key) {
        Label l = new Label();
        l.textProperty().bind(Localized.text(() -> Localized.t(lecture.get() ? key + ".short" : key), lecture));
        l.getStyleClass().add("panel-title");
        l.setId(key.replace('.', '-')); // fit-title, loss-title, ...
        // a narrow window wraps a title onto a second line instead of cutting it
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
