package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * One training step of a 1-2-1 network worked by hand, as a student would on paper.
 *
 * <pre>
 * x = 2, y = 1, hidden relu, output identity, loss ½(p − y)², lr 0.1
 * W1 = [0.5, −1.0]   b1 = [0.1, 0.2]
 * W2 = [[0.3], [0.7]] b2 = [−0.2]
 * </pre>
 */
class WorkedExampleTest {

    private static final double TOL = 1e-15;

    private Network network() {
        return Network.fromParameters(
                new NetworkSpec(1, List.of(new LayerSpec(2, Activation.RELU), new LayerSpec(1, Activation.IDENTITY))),
                List.of(new double[][] {{0.5, -1.0}}, new double[][] {{0.3}, {0.7}}),
                List.of(new double[] {0.1, 0.2}, new double[] {-0.2}));
    }

    @Test
    void forwardBackwardAndUpdateMatchTheHandCalculation() {
        Network net = network();
        DMatrixRMaj x = new DMatrixRMaj(new double[][] {{2}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{1}});

        // forward
        // z1 = x·W1 + b1 = [2·0.5 + 0.1, 2·(−1) + 0.2] = [1.1, −1.8]
        // a1 = relu(z1) = [1.1, 0]
        // p  = a1·W2 + b2 = 1.1·0.3 + 0·0.7 − 0.2 = 0.13
        // ℓ  = ½(0.13 − 1)² = ½·0.7569 = 0.37845
        DMatrixRMaj p = net.forward(x);
        assertThat(net.layers().get(0).preActivation().data).startsWith(1.1, -1.8);
        assertThat(p.get(0, 0)).isCloseTo(0.13, within(TOL));
        Loss loss = new Loss(LossKind.HALF_MSE, Reduction.MEAN);
        DMatrixRMaj dP = new DMatrixRMaj(1, 1);
        assertThat(loss.forwardBackward(p, y, dP)).isCloseTo(0.37845, within(TOL));

        // backward
        // ∂ℓ/∂p  = p − y = −0.87
        // ∂ℓ/∂W2 = a1ᵀ·∂ℓ/∂p = [[1.1·(−0.87)], [0·(−0.87)]] = [[−0.957], [0]]
        // ∂ℓ/∂b2 = −0.87
        // ∂ℓ/∂a1 = ∂ℓ/∂p·W2ᵀ = [−0.87·0.3, −0.87·0.7] = [−0.261, −0.609]
        // ∂ℓ/∂z1 = ∂ℓ/∂a1 ⊙ relu′(z1) = [−0.261·1, −0.609·0] = [−0.261, 0]
        // ∂ℓ/∂W1 = xᵀ·∂ℓ/∂z1 = [2·(−0.261), 0] = [−0.522, 0]
        // ∂ℓ/∂b1 = [−0.261, 0]
        assertThat(dP.get(0, 0)).isCloseTo(-0.87, within(TOL));
        net.backward(dP);
        DenseLayer hidden = net.layers().get(0);
        DenseLayer output = net.layers().get(1);
        assertThat(output.weightGradient().get(0, 0)).isCloseTo(-0.957, within(TOL));
        assertThat(output.weightGradient().get(1, 0)).isEqualTo(0.0);
        assertThat(output.biasGradient().get(0, 0)).isCloseTo(-0.87, within(TOL));
        assertThat(hidden.weightGradient().get(0, 0)).isCloseTo(-0.522, within(TOL));
        assertThat(hidden.weightGradient().get(0, 1)).isEqualTo(0.0);
        assertThat(hidden.biasGradient().get(0, 0)).isCloseTo(-0.261, within(TOL));
        assertThat(hidden.biasGradient().get(0, 1)).isEqualTo(0.0);

        // update, w ← w − 0.1·∂ℓ/∂w
        // W1 = [0.5 + 0.0522, −1.0] = [0.5522, −1.0];  b1 = [0.1 + 0.0261, 0.2] = [0.1261, 0.2]
        // W2 = [[0.3 + 0.0957], [0.7]] = [[0.3957], [0.7]];  b2 = −0.2 + 0.087 = −0.113
        new Optimizer(new OptimizerConfig.Sgd(0.1), net.parameters()).step();
        assertThat(hidden.weights().get(0, 0)).isCloseTo(0.5522, within(TOL));
        assertThat(hidden.weights().get(0, 1)).isEqualTo(-1.0);
        assertThat(hidden.bias().get(0, 0)).isCloseTo(0.1261, within(TOL));
        assertThat(output.weights().get(0, 0)).isCloseTo(0.3957, within(TOL));
        assertThat(output.bias().get(0, 0)).isCloseTo(-0.113, within(TOL));

        // the step moved p towards y: z1 = 2·0.5522 + 0.1261 = 1.2305 (unit 2 stays off),
        // p = 1.2305·0.3957 − 0.113 = 0.48690885 − 0.113 = 0.37390885
        assertThat(net.forward(x).get(0, 0)).isCloseTo(0.37390885, within(1e-14));
    }

    @Test
    void toStringReadsLikeTheDrawing() {
        assertThat(network()).hasToString("1 → 2 ReLU → 1");
        assertThat(Presets.get("classic-sigmoid").network()).hasToString("1 → 10 σ → 10 σ → 1");
        assertThat(Presets.get("linear-neuron").network()).hasToString("1 → 1 (no bias)");
    }
}
