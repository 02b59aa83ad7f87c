package org.backpropstudio.training;

import java.util.List;

/**
 * How well gradients flow, per layer: the size of ∂L/∂W over recent epochs, and how many hidden
 * units have stopped passing gradient (dead relu units, saturated sigmoid or tanh units).
 *
 * @param layers    a caption per layer, e.g. {@code layer 2 (ReLU)}
 * @param epochs    the recent epochs, oldest first
 * @param log10Norm per layer, log10 of the Frobenius norm ‖∂L/∂W‖ at each recent epoch's last step
 * @param dead      per layer, the share of units never active on the training samples (relu and
 *                  leaky relu layers; NaN for others)
 * @param saturated per layer, the share of (sample, unit) pairs with |f′(z)| &lt; 0.01 (sigmoid and
 *                  tanh layers; NaN for others)
 */
public record GradientHealth(List<String> layers, int[] epochs, double[][] log10Norm, double[] dead,
                             double[] saturated) {

    /** |f′| below this counts as saturated. */
    public static final double SATURATION = 0.01;

    public GradientHealth {
        layers = List.copyOf(layers);
    }
}
