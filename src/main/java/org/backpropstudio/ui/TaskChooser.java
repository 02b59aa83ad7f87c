package org.backpropstudio.ui;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The task, chosen at the top of the editor: fit a curve, classes in the plane or digits. It
 * shows the task of the setup that runs; a click asks for another.
 */
final class TaskChooser extends HBox {

    private final Map<TaskKind, ToggleButton> buttons = new EnumMap<>(TaskKind.class);
    private final ToggleGroup group = new ToggleGroup();
    private boolean showing;

    TaskChooser(Consumer<TaskKind> choose) {
        setId("task-chooser");
        getStyleClass().add("task-chooser");
        TaskKind[] kinds = TaskKind.values();
        for (int k = 0; k < kinds.length; k++) {
            TaskKind kind = kinds[k];
            ToggleButton b = new ToggleButton(null, new FontIcon(kind.icon()));
            b.textProperty().bind(Localized.text(kind::label, Localized.localeProperty()));
            b.setId("task-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            b.getStyleClass().add(k == 0 ? "left-pill" : k == kinds.length - 1 ? "right-pill" : "center-pill");
            b.setToggleGroup(group);
            b.setTooltip(Localized.tooltip("task.tip"));
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox.setHgrow(b, Priority.ALWAYS);
            b.setOnAction(e -> {
                if (!showing) {
                    show(kind); // stays chosen-looking until the setup that runs says otherwise
                    choose.accept(kind);
                }
            });
            buttons.put(kind, b);
            getChildren().add(b);
        }
    }

    /** Shows the task that runs. */
    void show(TaskKind kind) {
        showing = true;
        buttons.get(kind).setSelected(true);
        showing = false;
    }

    TaskKind shown() {
        for (Map.Entry<TaskKind, ToggleButton> e : buttons.entrySet()) {
            if (e.getValue().isSelected()) {
                return e.getKey();
            }
        }
        return null;
    }
}
