package org.backpropstudio.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * Muted hidden units and the outgoing weights they had: muting unit j of layer k stores row j
     * of W_{k+1} (1 × out) here and zeroes it; un-muting puts it back.
     */
    private final Map<Unit, double[]> muted = new LinkedHashMap<>();

    /** Unit {@code index} of hidden layer {@code layer} (both from 0). */
    public record Unit(int layer, int index) {
    }

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
        return forward(x, null);
    }

    /**
     * Forward pass through every layer, the first taking X's nonzeros as gathered.
     *
     * @param x          X (batch × inputs). Not modified.
     * @param xNonzeros  X's nonzeros ({@link SparseRows#gather}), or null
     */
    DMatrixRMaj forward(DMatrixRMaj x, SparseRows xNonzeros) {
        DMatrixRMaj a = layerArray[0].forward(x, xNonzeros);
        for (int k = 1; k < layerArray.length; k++) {
            a = layerArray[k].forward(a);
        }
        return a;
    }

    /**
     * Forward pass into the given matrices, leaving the layers' own alone (see
     * {@link DenseLayer#forwardInto}): the same bits as {@link #forward}.
     *
     * @param x          X (batch × inputs). Not modified.
     * @param xNonzeros  X's nonzeros ({@link SparseRows#gather}), or null
     * @param z          per layer, reshaped to its Z (batch × units); as many as there are layers. Modified.
     * @param a          per layer, reshaped to its A (batch × units); as many as there are layers. Modified.
     * @return the prediction (batch × outputs): the last of {@code a}
     */
    DMatrixRMaj forwardInto(DMatrixRMaj x, SparseRows xNonzeros, DMatrixRMaj[] z, DMatrixRMaj[] a) {
        DMatrixRMaj out = layerArray[0].forwardInto(x, xNonzeros, z[0], a[0]);
        for (int k = 1; k < layerArray.length; k++) {
            out = layerArray[k].forwardInto(out, null, z[k], a[k]);
        }
        return out;
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

    /** A deep copy of the architecture, parameters and muted units (no work matrices). */
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
        Network copy = new Network(inputs, copies);
        muted.forEach((unit, row) -> copy.muted.put(unit, row.clone()));
        return copy;
    }

    /**
     * Mutes a hidden unit: its outgoing weights (row {@code index} of the next layer's W) are
     * kept aside and set to zero, so the unit no longer reaches the output. While muted they stay
     * zero in training ({@link #step}). Muting a muted unit
     * does nothing.
     *
     * @throws IllegalArgumentException if there is no such hidden unit
     */
    public void mute(Unit unit) {
        DMatrixRMaj next = outgoing(unit);
        if (muted.containsKey(unit)) {
            return;
        }
        int cols = next.numCols;
        double[] row = new double[cols];
        System.arraycopy(next.data, unit.index() * cols, row, 0, cols);
        muted.put(unit, row);
        zeroRow(next, unit.index());
    }

    /** Gives a muted unit its outgoing weights back, as they were when it was muted. */
    public void unmute(Unit unit) {
        DMatrixRMaj next = outgoing(unit);
        double[] row = muted.remove(unit);
        if (row != null) {
            System.arraycopy(row, 0, next.data, unit.index() * next.numCols, next.numCols);
        }
    }

    /** Mutes those of the units that this network has (after a resize or a restart: the ones that remain). */
    public void muteWhereTheyExist(List<Unit> units) {
        for (Unit u : units) {
            if (u.layer() >= 0 && u.layer() < layerArray.length - 1 && u.index() < layerArray[u.layer()].units()) {
                mute(u);
            }
        }
    }

    /** Un-mutes every unit. */
    public void unmuteAll() {
        for (Unit u : List.copyOf(muted.keySet())) {
            unmute(u);
        }
    }

    public boolean isMuted(Unit unit) {
        return muted.containsKey(unit);
    }

    /** The muted units, in the order they were muted. */
    public List<Unit> mutedUnits() {
        return List.copyOf(muted.keySet());
    }

    /**
     * One optimizer step on this network's gradients, with each muted unit's outgoing weights held
     * at zero: their gradient rows are cleared before the step and the rows zeroed again after it
     * (momentum, Adam moments or weight decay could otherwise move them).
     *
     * @param optimizer an optimizer over this network's {@link #parameters()}
     */
    public void step(Optimizer optimizer) {
        if (muted.isEmpty()) {
            optimizer.step();
            return;
        }
        for (Unit u : muted.keySet()) {
            zeroRow(layerArray[u.layer() + 1].weightGradient(), u.index());
        }
        optimizer.step();
        for (Unit u : muted.keySet()) {
            zeroRow(layerArray[u.layer() + 1].weights(), u.index());
        }
    }

    private static void zeroRow(DMatrixRMaj m, int row) {
        Arrays.fill(m.data, row * m.numCols, (row + 1) * m.numCols, 0.0);
    }

    /** W of the layer after a hidden unit's layer, checking that the unit exists. */
    private DMatrixRMaj outgoing(Unit unit) {
        if (unit.layer() < 0 || unit.layer() >= layerArray.length - 1) {
            throw new IllegalArgumentException("layer " + (unit.layer() + 1) + " is not a hidden layer (the network has "
                    + (layerArray.length - 1) + " hidden layers)");
        }
        int units = layerArray[unit.layer()].units();
        if (unit.index() < 0 || unit.index() >= units) {
            throw new IllegalArgumentException("hidden layer " + (unit.layer() + 1) + " has units 1 to " + units
                    + ", not " + (unit.index() + 1));
        }
        return layerArray[unit.layer() + 1].weights();
    }

    /**
     * Each unit's share of the output, for a network with one output whose last hidden layer has
     * H units: the output layer computes {@code z = Σⱼ vⱼ·hⱼ(x) + c}, with v = W_last (H × 1) and c
     * its bias, and unit j's contribution at x is {@code vⱼ·hⱼ(x)}. A muted unit contributes 0.
     *
     * @param x X (n × 1) of inputs. Not modified.
     * @return contributions (H × n): row j is unit j's contribution at each x; the rows' sum plus
     *         c is the output layer's z (the prediction when the output activation is identity)
     * @throws IllegalStateException if the network has no hidden layer or more than one output
     */
    public DMatrixRMaj contributions(DMatrixRMaj x) {
        if (layerArray.length < 2 || outputs() != 1) {
            throw new IllegalStateException("contributions need a hidden layer and one output, the network is " + this);
        }
        forward(x);
        DenseLayer hidden = layerArray[layerArray.length - 2];
        // H = h(x)   (n × H);  v = W_last (H × 1)
        DMatrixRMaj h = hidden.output();
        double[] v = layerArray[layerArray.length - 1].weights().data;
        int n = h.numRows;
        int units = h.numCols;
        DMatrixRMaj result = new DMatrixRMaj(units, n);
        // C[j][i] = vⱼ·H[i][j]
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < units; j++) {
                result.data[j * n + i] = v[j] * h.data[i * units + j];
            }
        }
        return result;
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
