package org.backpropstudio.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Every number backpropagation computes for one sample, layer by layer, as a tutorial derives
 * them on paper: the forward pass, the loss, the backward pass and one optimizer step. The numbers
 * come from the engine's own {@link DenseLayer#forward}, {@link Loss#forwardBackward},
 * {@link DenseLayer#backward} and {@link Optimizer#step}, run on copies; the network and optimizer
 * traced are not changed.
 *
 * <p>Every matrix is given as rows ({@code m[i][j]}); a sample is a batch of one, so x, z, a and
 * their gradients are (1 × n). The loss is the per-sample loss ℓ (mean and sum agree for one
 * sample).
 *
 * @param x          the sample's input (1 × inputs)
 * @param y          its target (1 × outputs)
 * @param layers     per layer, first to last, what the passes computed
 * @param loss       ℓ(ŷ, y) before the step
 * @param lossGradient ∂L/∂ŷ (1 × outputs)
 * @param lossAfter  ℓ for the same sample after the step
 */
public record BackpropTrace(double[][] x, double[][] y, List<Layer> layers, double loss, double[][] lossGradient,
                            double lossAfter) {

    /**
     * One layer's numbers.
     *
     * @param activation f
     * @param input      the layer's input a_{k−1} (1 × in); x for the first layer
     * @param weights    W (in × out) before the step
     * @param bias       b (1 × out) before the step, or null
     * @param z          z = a_{k−1}·W + b (1 × out)
     * @param a          a = f(z) (1 × out)
     * @param dA         ∂L/∂a (1 × out)
     * @param fPrime     f′(z) (1 × out)
     * @param dZ         ∂L/∂z = ∂L/∂a ⊙ f′(z) (1 × out)
     * @param dW         ∂L/∂W = a_{k−1}ᵀ·∂L/∂z (in × out)
     * @param dB         ∂L/∂b = ∂L/∂z (1 × out), or null
     * @param dX         ∂L/∂a_{k−1} = ∂L/∂z·Wᵀ (1 × in)
     * @param stepW      the optimizer's change to W, W_new − W (in × out)
     * @param stepB      the change to b (1 × out), or null
     * @param muted      rows of W held at zero because the previous layer's unit is muted
     */
    public record Layer(Activation activation, double[][] input, double[][] weights, double[][] bias, double[][] z,
                        double[][] a, double[][] dA, double[][] fPrime, double[][] dZ, double[][] dW, double[][] dB,
                        double[][] dX, double[][] stepW, double[][] stepB, int[] muted) {
    }

    /**
     * Traces one sample through a copy of the network and one step of a copy of the optimizer
     * (with its current velocities or moments, and the network's muted units held at zero).
     *
     * @param network   not modified
     * @param loss      the training loss
     * @param optimizer not modified; its state and step count are copied
     * @param x         the input (inputs values)
     * @param y         the target (outputs values)
     */
    public static BackpropTrace of(Network network, Loss loss, Optimizer optimizer, double[] x, double[] y) {
        if (x.length != network.inputs() || y.length != network.outputs()) {
            throw new IllegalArgumentException("the network takes " + network.inputs() + " inputs and gives "
                    + network.outputs() + " outputs; the sample has " + x.length + " and " + y.length);
        }
        Network copy = network.copy();
        Optimizer stepper = optimizer.rebind(copy.parameters());
        // X (1 × in), Y (1 × out)
        DMatrixRMaj xm = new DMatrixRMaj(1, x.length, true, x);
        DMatrixRMaj ym = new DMatrixRMaj(1, y.length, true, y);

        // forward: z_k = a_{k−1}·W_k + b_k,  a_k = f_k(z_k)
        List<DenseLayer> layers = copy.layers();
        int count = layers.size();
        double[][][] inputs = new double[count][][];
        double[][][] zs = new double[count][][];
        double[][][] as = new double[count][][];
        DMatrixRMaj a = xm;
        for (int k = 0; k < count; k++) {
            inputs[k] = Matrices.toRows(a);
            a = layers.get(k).forward(a);
            zs[k] = Matrices.toRows(layers.get(k).preActivation());
            as[k] = Matrices.toRows(a);
        }
        // ℓ and ∂L/∂ŷ (1 × out)
        DMatrixRMaj dPrediction = new DMatrixRMaj(1, 1);
        double sampleLoss = loss.forwardBackward(a, ym, dPrediction);

        // backward: ∂L/∂z = ∂L/∂a ⊙ f′(z), ∂L/∂W = a_{k−1}ᵀ·∂L/∂z, ∂L/∂b = ∂L/∂z, ∂L/∂a_{k−1} = ∂L/∂z·Wᵀ
        double[][][] dAs = new double[count][][];
        double[][][] dXs = new double[count][][];
        DMatrixRMaj g = dPrediction;
        for (int k = count - 1; k >= 0; k--) {
            dAs[k] = Matrices.toRows(g);
            g = layers.get(k).backward(g, true);
            dXs[k] = Matrices.toRows(g);
        }
        // what the backward pass left in each layer, read before the step changes W and b
        double[][][] fPrimes = new double[count][][];
        double[][][] dZs = new double[count][][];
        double[][][] dWs = new double[count][][];
        double[][][] dBs = new double[count][][];
        double[][][] ws = new double[count][][];
        double[][][] bs = new double[count][][];
        for (int k = 0; k < count; k++) {
            DenseLayer layer = layers.get(k);
            fPrimes[k] = derivative(layer);
            dZs[k] = Matrices.toRows(layer.preActivationGradient());
            dWs[k] = Matrices.toRows(layer.weightGradient());
            dBs[k] = layer.hasBias() ? Matrices.toRows(layer.biasGradient()) : null;
            ws[k] = Matrices.toRows(layer.weights());
            bs[k] = layer.hasBias() ? Matrices.toRows(layer.bias()) : null;
        }

        // one update with this sample's gradient, by the optimizer's own rule
        copy.step(stepper);
        List<Layer> traced = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            DenseLayer layer = layers.get(k);
            traced.add(new Layer(layer.activation(), inputs[k], ws[k], bs[k], zs[k], as[k], dAs[k], fPrimes[k], dZs[k],
                    dWs[k], dBs[k], dXs[k], difference(layer.weights(), ws[k]),
                    layer.hasBias() ? difference(layer.bias(), bs[k]) : null, mutedRows(copy, k)));
        }
        double after = loss.sumOfSampleLosses(copy.forward(xm), ym);
        return new BackpropTrace(new double[][] {x.clone()}, new double[][] {y.clone()}, List.copyOf(traced),
                sampleLoss, Matrices.toRows(dPrediction), after);
    }

    /** The prediction ŷ: the last layer's a (1 × outputs). */
    public double[][] prediction() {
        return layers.get(layers.size() - 1).a();
    }

    /** f′(z) (1 × out) of the layer's last forward pass: its backward pass with ∂L/∂a = 1. */
    private static double[][] derivative(DenseLayer layer) {
        DMatrixRMaj z = layer.preActivation();
        int n = z.getNumElements();
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        double[] result = new double[n];
        layer.activation().backward(z.data, layer.output().data, ones, result, n);
        return Matrices.toRows(new DMatrixRMaj(z.numRows, z.numCols, true, result));
    }

    /** The rows of layer k's W held at zero by muted units of layer k − 1. */
    private static int[] mutedRows(Network network, int k) {
        return network.mutedUnits().stream().filter(u -> u.layer() == k - 1).mapToInt(Network.Unit::index).sorted()
                .toArray();
    }

    /** new − old, as rows. */
    private static double[][] difference(DMatrixRMaj now, double[][] old) {
        double[][] d = Matrices.toRows(now);
        for (int i = 0; i < d.length; i++) {
            for (int j = 0; j < d[i].length; j++) {
                d[i][j] -= old[i][j];
            }
        }
        return d;
    }
}
