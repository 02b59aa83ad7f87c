package org.backpropstudio.training;

/**
 * A unit of a hidden layer, as the UI names it.
 *
 * @param layer the hidden layer, from 0 (the network's first layer)
 * @param index the unit within the layer, from 0
 */
public record HiddenUnit(int layer, int index) {

    /** "unit 3 of layer 1", counting from 1 as people do. */
    @Override
    public String toString() {
        return "unit " + (index + 1) + " of layer " + (layer + 1);
    }
}
