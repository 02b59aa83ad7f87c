package org.backpropstudio.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Random networks and batches for gradient checks, kept away from the kinks of relu and |·|. */
final class GradientCases {

    /** Central differences step over a kink within this distance; such a draw is rejected. */
    static final double KINK_MARGIN = 1e-3;

    /** A network, its loss and one batch. */
    record Case(Network network, Loss loss, DMatrixRMaj x, DMatrixRMaj y) {
    }

    private GradientCases() {
    }

    /**
     * A network {@code inputs → hidden… → outputs} whose every layer uses {@code activation}
     * (the output layer too, so it is checked in both places), with weights N(0, 0.8²), and a
     * batch of N(0, 1) inputs; targets N(0, 1), or one-hot for softmax cross-entropy.
     */
    static Case build(Activation activation, LossKind kind, Reduction reduction, boolean bias, int inputs,
                      int[] hidden, int outputs, int batch, long seed) {
        Random random = new Random(seed);
        List<LayerSpec> layers = new ArrayList<>();
        for (int h : hidden) {
            layers.add(new LayerSpec(h, activation, bias));
        }
        layers.add(new LayerSpec(outputs, activation, bias));
        Network network = Network.create(new NetworkSpec(inputs, layers), new Initializer.Normal(0, 0.8),
                new Initializer.Normal(0, 0.5), new java.util.SplittableRandom(seed));
        DMatrixRMaj x = Naive.random(batch, inputs, random);
        DMatrixRMaj y = new DMatrixRMaj(batch, outputs);
        for (int r = 0; r < batch; r++) {
            int hot = random.nextInt(outputs);
            for (int k = 0; k < outputs; k++) {
                y.set(r, k, kind == LossKind.SOFTMAX_CROSS_ENTROPY ? (k == hot ? 1 : 0) : random.nextGaussian());
            }
        }
        return new Case(network, new Loss(kind, reduction), x, y);
    }

    /** False when some pre-activation of a kinked activation, or some p − y of MAE, is near 0. */
    static boolean awayFromKinks(Case c) {
        DMatrixRMaj p = c.network().forward(c.x());
        for (DenseLayer layer : c.network().layers()) {
            Activation f = layer.activation();
            if (f == Activation.RELU || f == Activation.LEAKY_RELU) {
                for (int i = 0; i < layer.preActivation().getNumElements(); i++) {
                    if (Math.abs(layer.preActivation().data[i]) < KINK_MARGIN) {
                        return false;
                    }
                }
            }
        }
        if (c.loss().kind() == LossKind.MAE || c.loss().kind() == LossKind.HUBER) {
            double kink = c.loss().kind() == LossKind.MAE ? 0 : LossKind.HUBER_DELTA;
            for (int i = 0; i < p.getNumElements(); i++) {
                if (Math.abs(Math.abs(p.data[i] - c.y().data[i]) - kink) < KINK_MARGIN) {
                    return false;
                }
            }
        }
        return true;
    }
}
