package org.backpropstudio.training;

/**
 * A live change drawn on the loss chart at the epoch it happened, e.g. {@code lr 0.1 → 0.03}.
 *
 * @param epoch the number of epochs trained when the change was applied
 * @param label what changed
 */
public record Marker(int epoch, String label) {
}
