package org.backpropstudio.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Every keyboard shortcut on one card over a dimmed window: F1 or ? opens it, F1, ?, Escape or a
 * click closes it.
 */
final class HelpOverlay extends StackPane {

    /** A key and what it does, named in the bundle as {@code help.ID.keys} and {@code help.ID.action}. */
    record Shortcut(String id) {
        String keysKey() {
            return "help." + id + ".keys";
        }

        String actionKey() {
            return "help." + id + ".action";
        }
    }

    static final List<Shortcut> SHORTCUTS = java.util.stream.Stream.of("space", "step", "reset", "gradcheck", "inspector", "stages", "contributions", "apply", "escape", "open", "save", "export", "zoom", "fullScreen", "lecture", "pin", "click", "remove", "classKey", "help", "quit")
            .map(Shortcut::new).toList();

    HelpOverlay(String stylesheet) {
        setId("help-overlay");
        getStylesheets().add(stylesheet);
        getStyleClass().addAll("studio", "help-overlay");
        Label title = Localized.bind(new Label(), "help.title");
        title.getStyleClass().add("section-title");
        Button close = new Button(null, new FontIcon("mdi2c-close"));
        close.getStyleClass().addAll("button-circle", "flat");
        close.setOnAction(e -> hide());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, close);
        head.setAlignment(Pos.CENTER_LEFT);
        GridPane table = new GridPane();
        table.setHgap(24);
        table.setVgap(6);
        for (int i = 0; i < SHORTCUTS.size(); i++) {
            Label keys = Localized.bind(new Label(), SHORTCUTS.get(i).keysKey());
            keys.getStyleClass().add("help-keys");
            table.add(keys, 0, i);
            table.add(Localized.bind(new Label(), SHORTCUTS.get(i).actionKey()), 1, i);
        }
        Label note = Localized.bind(new Label(), "help.note");
        note.getStyleClass().add("caption");
        VBox card = new VBox(12, head, table, note);
        card.getStyleClass().add("help-card");
        card.setPadding(new Insets(18, 22, 18, 22));
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        card.setOnMouseClicked(e -> e.consume());
        getChildren().add(card);
        setOnMouseClicked(e -> hide());
        setVisible(false);
    }

    void toggle() {
        setVisible(!isVisible());
    }

    void hide() {
        setVisible(false);
    }
}
