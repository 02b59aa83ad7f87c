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

    /** A key and what it does. */
    record Shortcut(String keys, String action) {
    }

    static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Space", "play / pause training"),
            new Shortcut("S  or  →", "train exactly one epoch"),
            new Shortcut("R", "reset: weights and data from the seed"),
            new Shortcut("G", "gradient check of the current weights"),
            new Shortcut("I", "backprop inspector on / off"),
            new Shortcut("Page Down / Page Up", "the inspector's next / previous stage"),
            new Shortcut("C", "unit contributions on the fit chart"),
            new Shortcut("Enter  or  Tab", "apply what you typed in a field"),
            new Shortcut("Escape", "leave a field (applying it), close this card"),
            new Shortcut("Ctrl+O", "open an experiment or weights file"),
            new Shortcut("Ctrl+S  /  Ctrl+Shift+S", "save the experiment / save as"),
            new Shortcut("Ctrl+E", "export the weights (JSON or NumPy .npz)"),
            new Shortcut("Ctrl+=  /  Ctrl+-  /  Ctrl+0", "bigger / smaller / normal text"),
            new Shortcut("F11", "full screen"),
            new Shortcut("F5", "lecture mode on / off (Esc leaves it too)"),
            new Shortcut("P", "pin this run as a faded ghost to compare with"),
            new Shortcut("click  /  shift-click", "on the fit chart: add a training / test point"),
            new Shortcut("right-click  or  Ctrl-click", "on the fit chart: remove the point"),
            new Shortcut("F1  or  ?", "this list"),
            new Shortcut("Ctrl+Q", "quit"));

    HelpOverlay(String stylesheet) {
        setId("help-overlay");
        getStylesheets().add(stylesheet);
        getStyleClass().addAll("studio", "help-overlay");
        Label title = new Label("Keyboard shortcuts");
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
            Label keys = new Label(SHORTCUTS.get(i).keys());
            keys.getStyleClass().add("help-keys");
            table.add(keys, 0, i);
            table.add(new Label(SHORTCUTS.get(i).action()), 1, i);
        }
        Label note = new Label("Single keys work when no text field has the focus. Every control also has a tooltip.");
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
