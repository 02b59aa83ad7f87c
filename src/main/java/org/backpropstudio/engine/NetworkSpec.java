package org.backpropstudio.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A network's architecture: the number of inputs and its layers, the last being the output layer.
 * {@code toString()} prints it as a student would draw it: {@code 1 → 10 σ → 10 σ → 1}.
 */
public record NetworkSpec(int inputs, List<LayerSpec> layers) {

    public NetworkSpec {
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least 1 input, got " + inputs);
        }
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least an output layer");
        }
        layers = List.copyOf(layers);
    }

    public int outputs() {
        return layers.get(layers.size() - 1).units();
    }

    /** A copy with the layer at {@code index} replaced. */
    public NetworkSpec withLayer(int index, LayerSpec layer) {
        List<LayerSpec> copy = new ArrayList<>(layers);
        copy.set(index, layer);
        return new NetworkSpec(inputs, copy);
    }

    /** Number of trainable parameters: Σ (in·out + out if bias). */
    public long parameterCount() {
        long count = 0;
        int in = inputs;
        for (LayerSpec l : layers) {
            count += (long) in * l.units() + (l.bias() ? l.units() : 0);
            in = l.units();
        }
        return count;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(inputs);
        for (LayerSpec l : layers) {
            s.append(" → ").append(l.units());
            if (!l.activation().symbol().isEmpty()) {
                s.append(' ').append(l.activation().symbol());
            }
            if (!l.bias()) {
                s.append(" (no bias)");
            }
        }
        return s.toString();
    }
}
