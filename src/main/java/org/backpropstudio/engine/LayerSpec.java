package org.backpropstudio.engine;

import java.util.Objects;

/** One layer as a student would describe it: how many units, which activation, bias or not. */
public record LayerSpec(int units, Activation activation, boolean bias) {

    public LayerSpec {
        if (units < 1) {
            throw new IllegalArgumentException("a layer needs at least 1 unit, got " + units);
        }
        Objects.requireNonNull(activation, "activation");
    }

    /** A layer with bias. */
    public LayerSpec(int units, Activation activation) {
        this(units, activation, true);
    }

    public LayerSpec withUnits(int newUnits) {
        return new LayerSpec(newUnits, activation, bias);
    }

    public LayerSpec withActivation(Activation newActivation) {
        return new LayerSpec(units, newActivation, bias);
    }
}
