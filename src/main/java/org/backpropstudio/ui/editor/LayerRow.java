package org.backpropstudio.ui.editor;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.backpropstudio.engine.Activation;

/** One hidden layer in the editor: its units (validated text) and its activation. */
public final class LayerRow {

    private final ValidatedField<Integer> units =
            new ValidatedField<>("units", Parsers.integer("units", 1, EditorModel.MAX_UNITS));
    private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(Activation.SIGMOID);

    LayerRow(int units, Activation activation) {
        this.units.load(units, Integer.toString(units));
        this.activation.set(activation);
    }

    public ValidatedField<Integer> units() {
        return units;
    }

    public ObjectProperty<Activation> activationProperty() {
        return activation;
    }
}
