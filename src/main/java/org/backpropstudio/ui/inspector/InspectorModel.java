package org.backpropstudio.ui.inspector;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.backpropstudio.training.Inspection;

/**
 * The inspector's state: the newest trace and which of its stages is shown. Next and Previous walk
 * the stages; a new trace of the same network keeps the stage, so stepping the training while
 * looking at "Backward, layer 2" stays there. Imports only {@code javafx.beans}.
 */
public final class InspectorModel {

    /** Rows and columns of a matrix shown before an ellipsis. */
    public static final int MAX_ROWS = 6;
    public static final int MAX_COLS = 5;

    private final ReadOnlyObjectWrapper<Inspection> inspection = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper stage = new ReadOnlyIntegerWrapper();
    private final ObjectBinding<Inspection.Stage> current = Bindings.createObjectBinding(() -> {
        Inspection i = inspection.get();
        return i == null ? null : i.stages().get(stage.get());
    }, inspection, stage);
    private final BooleanBinding atFirst = stage.isEqualTo(0);
    private final BooleanBinding atLast = Bindings.createBooleanBinding(
            () -> inspection.get() == null || stage.get() >= inspection.get().stages().size() - 1, inspection, stage);

    /** Takes a new trace (or null when closed), keeping the stage when the walk has the same length. */
    public void show(Inspection i) {
        Inspection old = inspection.get();
        if (i == old) {
            return;
        }
        if (i == null || old == null || old.stages().size() != i.stages().size()) {
            stage.set(0);
        }
        inspection.set(i);
    }

    public void next() {
        if (!atLast.get()) {
            stage.set(stage.get() + 1);
        }
    }

    public void previous() {
        if (stage.get() > 0) {
            stage.set(stage.get() - 1);
        }
    }

    public ReadOnlyObjectProperty<Inspection> inspectionProperty() {
        return inspection.getReadOnlyProperty();
    }

    /** The index of the stage shown, from 0. */
    public ReadOnlyIntegerProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    /** The stage shown, or null. */
    public ObjectBinding<Inspection.Stage> currentStage() {
        return current;
    }

    public BooleanBinding atFirstProperty() {
        return atFirst;
    }

    public BooleanBinding atLastProperty() {
        return atLast;
    }
}
