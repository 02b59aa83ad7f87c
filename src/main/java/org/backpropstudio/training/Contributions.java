package org.backpropstudio.training;

/**
 * What each unit of the last hidden layer adds to the output, over the prediction grid: the
 * output layer computes {@code z = Σⱼ vⱼ·hⱼ(x) + c}, and row j of {@code curves} is
 * {@code vⱼ·hⱼ(x)} at each grid x (0 for a muted unit).
 *
 * @param layer          the last hidden layer, from 0
 * @param curves         (units × grid points)
 * @param outputBias     c, 0 when the output layer has no bias
 * @param identityOutput true when the prediction is z itself; otherwise it is f(z)
 */
public record Contributions(int layer, double[][] curves, double outputBias, boolean identityOutput) {

    /** Contributions are drawn for a last hidden layer of at most this many units. */
    public static final int MAX_UNITS = 32;

    public int units() {
        return curves.length;
    }
}
