package org.backpropstudio.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * A multilayer perceptron: dense layers applied in order, the last one being the output layer.
 *
 * <pre>
 * forward:  A₀ = X,  Aₖ = fₖ(Aₖ₋₁·Wₖ + bₖ),  prediction = A_last     X (batch × inputs)
 * backward: from ∂L/∂A_last, each layer in reverse computes ∂L/∂Wₖ, ∂L/∂bₖ and ∂L/∂Aₖ₋₁
 * </pre>
 */
public final class Network {

    private final int inputs;
    private final List<DenseLayer> layers;
    /** The same layers as an array: the training step indexes it without List overhead. */
    private final DenseLayer[] layerArray;
    private final List<Parameter> parameters;

    /**
     * @param inputs the number of inputs
     * @param layers the layers in order; each must take as many inputs as the previous has units
     */
    public Network(int inputs, List<DenseLayer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least an output layer");
        }
        int in = inputs;
        for (int k = 0; k < layers.size(); k++) {
            DenseLayer layer = layers.get(k);
            if (layer.inputs() != in) {
                throw new IllegalArgumentException("layer " + (k + 1) + " takes " + layer.inputs()
                        + " inputs but receives " + in);
            }
            in = layer.units();
        }
        this.inputs = inputs;
        this.layers = List.copyOf(layers);
        this.layerArray = this.layers.toArray(new DenseLayer[0]);
        List<Parameter> params = new ArrayList<>();
        for (int k = 0; k < this.layers.size(); k++) {
            DenseLayer layer = this.layers.get(k);
            params.add(new Parameter("W" + (k + 1), layer.weights(), layer.weightGradient()));
            if (layer.hasBias()) {
                params.add(new Parameter("b" + (k + 1), layer.bias(), layer.biasGradient()));
            }
        }
        this.parameters = List.copyOf(params);
    }

    /**
     * A network of the given architecture with initial weights and biases drawn from the
     * initializers, layer by layer, W before b, each in row-major order.
     */
    public static Network create(NetworkSpec spec, Initializer weightInit, Initializer biasInit,
                                 RandomGenerator random) {
        List<DenseLayer> layers = new ArrayList<>();
        int in = spec.inputs();
        for (LayerSpec l : spec.layers()) {
            DenseLayer layer = new DenseLayer(in, l.units(), l.activation(), l.bias());
            weightInit.fill(layer.weights(), in, l.units(), random);
            if (l.bias()) {
                biasInit.fill(layer.bias(), in, l.units(), random);
            }
            layers.add(layer);
            in = l.units();
        }
        return new Network(spec.inputs(), layers);
    }

    /**
     * A network of the given architecture with the given parameters.
     *
     * @param weights weights[k] is layer k's W as rows (in × out)
     * @param biases  biases[k] is layer k's b (out), or null for a layer without bias
     * @throws IllegalArgumentException naming the first shape that does not match
     */
    public static Network fromParameters(NetworkSpec spec, List<double[][]> weights, List<double[]> biases) {
        if (weights.size() != spec.layers().size() || biases.size() != spec.layers().size()) {
            throw new IllegalArgumentException("expected parameters for " + spec.layers().size()
                    + " layers, got " + weights.size());
        }
        List<DenseLayer> layers = new ArrayList<>();
        int in = spec.inputs();
        for (int k = 0; k < spec.layers().size(); k++) {
            LayerSpec l = spec.layers().get(k);
            DenseLayer layer = new DenseLayer(in, l.units(), l.activation(), l.bias());
            double[][] w = weights.get(k);
            if (w.length != in) {
                throw new IllegalArgumentException("layer " + (k + 1) + ": W has " + w.length
                        + " rows, expected " + in);
            }
            for (int i = 0; i < in; i++) {
                if (w[i].length != l.units()) {
                    throw new IllegalArgumentException("layer " + (k + 1) + ": W row " + (i + 1) + " has "
                            + w[i].length + " columns, expected " + l.units());
                }
                System.arraycopy(w[i], 0, layer.weights().data, i * l.units(), l.units());
            }
            double[] b = biases.get(k);
            if (l.bias()) {
                if (b == null || b.length != l.units()) {
                    throw new IllegalArgumentException("layer " + (k + 1) + ": b has "
                            + (b == null ? "no" : Integer.toString(b.length)) + " entries, expected " + l.units());
                }
                System.arraycopy(b, 0, layer.bias().data, 0, l.units());
            } else if (b != null) {
                throw new IllegalArgumentException("layer " + (k + 1) + " has no bias but b is given");
            }
            layers.add(layer);
            in = l.units();
        }
        return new Network(spec.inputs(), layers);
    }

    /**
     * Forward pass through every layer.
     *
     * @param x X (batch × inputs). Not modified.
     * @return the prediction (batch × outputs), owned by the output layer
     */
    public DMatrixRMaj forward(DMatrixRMaj x) {
        DMatrixRMaj a = x;
        for (DenseLayer layer : layerArray) {
            a = layer.forward(a);
        }
        return a;
    }

    /**
     * Backward pass after {@link #forward}: fills every parameter's gradient.
     *
     * @param outputGradient ∂L/∂prediction (batch × outputs). Not modified.
     */
    public void backward(DMatrixRMaj outputGradient) {
        DMatrixRMaj g = outputGradient;
        for (int k = layerArray.length - 1; k >= 0; k--) {
            g = layerArray[k].backward(g, k > 0);
        }
    }

    /**
     * The prediction for a batch, as a new matrix (for callers outside the training loop).
     *
     * @param x X (batch × inputs). Not modified.
     * @return a new (batch × outputs) matrix
     */
    public DMatrixRMaj predict(DMatrixRMaj x) {
        return forward(x).copy();
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return layers.get(layers.size() - 1).units();
    }

    /** The layers, first to last (the list is unmodifiable; the layers are live). */
    public List<DenseLayer> layers() {
        return layers;
    }

    /** {@code W1, b1, W2, b2, ...} in order, live. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The architecture. */
    public NetworkSpec spec() {
        List<LayerSpec> specs = new ArrayList<>();
        for (DenseLayer l : layers) {
            specs.add(new LayerSpec(l.units(), l.activation(), l.hasBias()));
        }
        return new NetworkSpec(inputs, specs);
    }

    /** A deep copy of the architecture and parameters (no work matrices). */
    public Network copy() {
        List<DenseLayer> copies = new ArrayList<>();
        for (DenseLayer l : layers) {
            DenseLayer c = new DenseLayer(l.inputs(), l.units(), l.activation(), l.hasBias());
            c.weights().setTo(l.weights());
            if (l.hasBias()) {
                c.bias().setTo(l.bias());
            }
            copies.add(c);
        }
        return new Network(inputs, copies);
    }

    /**
     * A network in which hidden layer {@code index} has {@code newUnits} units and every learned
     * weight is kept: existing units keep their incoming and outgoing weights; a new unit gets
     * incoming weights (and bias) from the initializers and zero outgoing weights, so the output
     * is unchanged at the moment of growing. Shrinking removes the last units.
     *
     * @param index a hidden layer, 0 ≤ index < layers − 1
     */
    public Network resizeHidden(int index, int newUnits, Initializer weightInit, Initializer biasInit,
                                RandomGenerator random) {
        if (index < 0 || index >= layers.size() - 1) {
            throw new IllegalArgumentException("layer " + (index + 1) + " is not a hidden layer (the network has "
                    + (layers.size() - 1) + " hidden layers)");
        }
        if (newUnits < 1) {
            throw new IllegalArgumentException("a layer needs at least 1 unit, got " + newUnits);
        }
        List<DenseLayer> result = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            DenseLayer old = layers.get(k);
            int in = k == index + 1 ? newUnits : old.inputs();
            int out = k == index ? newUnits : old.units();
            DenseLayer layer = new DenseLayer(in, out, old.activation(), old.hasBias());
            Matrices.copyOverlap(old.weights(), layer.weights());
            if (old.hasBias()) {
                Matrices.copyOverlap(old.bias(), layer.bias());
            }
            if (k == index) {
                // new units' incoming weights (rows 0..in, columns old.units..out) and biases
                for (int i = 0; i < in; i++) {
                    for (int j = old.units(); j < out; j++) {
                        layer.weights().set(i, j, weightInit.sample(in, out, random));
                    }
                }
                if (layer.hasBias()) {
                    for (int j = old.units(); j < out; j++) {
                        layer.bias().set(0, j, biasInit.sample(in, out, random));
                    }
                }
            }
            // the next layer's rows for new units stay zero: their outgoing weights
            result.add(layer);
        }
        return new Network(inputs, result);
    }

    /** Changes a layer's activation; the weights stay. */
    public void setActivation(int index, Activation activation) {
        layers.get(index).setActivation(Objects.requireNonNull(activation));
    }

    /** {@code 1 → 10 σ → 10 σ → 1}. */
    @Override
    public String toString() {
        return spec().toString();
    }
}
