package org.backpropstudio.engine;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * A fully connected layer {@code A = f(X·W + b)} in the row-vector convention.
 *
 * <pre>
 * forward:   Z  = X·W + b        X (batch × in), W (in × out), b (1 × out), Z (batch × out)
 *            A  = f(Z)           A (batch × out)
 * backward:  dZ = dA ⊙ f′(Z)     dA = ∂L/∂A, dZ = ∂L/∂Z   (batch × out)
 *            dW = Xᵀ·dZ          (in × out)
 *            db = Σ_rows dZ      (1 × out)
 *            dX = dZ·Wᵀ          (batch × in)
 * </pre>
 *
 * <p>A layer may have no bias ({@code b} is then null), as the single linear neuron {@code y = w·x}.
 * The layer owns its parameters, their gradients and its work matrices; the work matrices grow to
 * the largest batch seen and are then reused, so a training step allocates nothing.
 */
public final class DenseLayer {

    private final int inputs;
    private final int units;
    private Activation activation;

    /** Weights W (in × out): W[i][j] connects input i to unit j. */
    private final DMatrixRMaj weights;
    /** Bias b (1 × out), or null. */
    private final DMatrixRMaj bias;
    /** ∂L/∂W (in × out). */
    private final DMatrixRMaj weightGradient;
    /** ∂L/∂b (1 × out), or null. */
    private final DMatrixRMaj biasGradient;

    /** The input X of the last forward pass (batch × in); not owned. */
    private DMatrixRMaj input;
    /** Z (batch × out). */
    private final DMatrixRMaj preActivation = new DMatrixRMaj(1, 1);
    /** A (batch × out). */
    private final DMatrixRMaj output = new DMatrixRMaj(1, 1);
    /** ∂L/∂Z (batch × out). */
    private final DMatrixRMaj preActivationGradient = new DMatrixRMaj(1, 1);
    /** ∂L/∂X (batch × in). */
    private final DMatrixRMaj inputGradient = new DMatrixRMaj(1, 1);
    /**
     * The nonzeros of the last forward pass's input, when its product used them: ∂L/∂W = Xᵀ·dZ
     * then takes them instead of looking through X again.
     */
    private final SparseRows ownNonzeros = new SparseRows();
    private SparseRows inputNonzeros = ownNonzeros;
    /** Wᵀ (out × in), formed when a batch's ∂L/∂X is computed faster from it. */
    private final DMatrixRMaj weightsTransposed = new DMatrixRMaj(1, 1);

    /** A layer with all parameters zero. */
    public DenseLayer(int inputs, int units, Activation activation, boolean hasBias) {
        if (inputs < 1 || units < 1) {
            throw new IllegalArgumentException("a layer needs at least one input and one unit, got ("
                    + inputs + " × " + units + ")");
        }
        this.inputs = inputs;
        this.units = units;
        this.activation = Objects.requireNonNull(activation, "activation");
        this.weights = new DMatrixRMaj(inputs, units);
        this.weightGradient = new DMatrixRMaj(inputs, units);
        this.bias = hasBias ? new DMatrixRMaj(1, units) : null;
        this.biasGradient = hasBias ? new DMatrixRMaj(1, units) : null;
    }

    /**
     * Forward pass {@code A = f(X·W + b)}.
     *
     * @param x X (batch × in). Not modified; kept by reference for {@link #backward}.
     * @return A (batch × out), owned by this layer and overwritten by the next forward pass
     */
    public DMatrixRMaj forward(DMatrixRMaj x) {
        return forward(x, null);
    }

    /**
     * Forward pass {@code A = f(X·W + b)}, with X's nonzeros given when they are known (gathered
     * from a data set's, {@link SparseRows#gather}) rather than looked for.
     *
     * @param x          X (batch × in). Not modified; kept by reference for {@link #backward}.
     * @param xNonzeros  X's nonzeros, or null
     */
    DMatrixRMaj forward(DMatrixRMaj x, SparseRows xNonzeros) {
        checkInputs(x);
        input = x;
        if (xNonzeros != null && xNonzeros.holds(x.data, x.numRows, x.numCols)) {
            inputNonzeros = xNonzeros;
        } else {
            ownNonzeros.forget(); // X's entries may be new in an array the layer has seen
            inputNonzeros = ownNonzeros;
        }
        Matrices.shape(output, x.numRows, units);
        if (x.numRows == 1 && inputs * units <= ONE_ROW_ENTRIES) {
            forwardOneRow(x.data);
        } else {
            // Z = X·W + b   (batch × out)
            MatrixKernels.multiplyAddRow(x, weights, bias, preActivation, inputNonzeros);
        }
        // A = f(Z)
        activation.forward(preActivation.data, output.data, x.numRows * units);
        return output;
    }

    /**
     * {@code A = f(X·W + b)} into {@code z} and {@code a}, with the same bits as {@link #forward},
     * leaving the layer's own matrices alone: for an evaluation chunk on another thread, which only
     * reads W and b.
     *
     * @param x         X (batch × in). Not modified.
     * @param xNonzeros X's nonzeros ({@link SparseRows#gather}), or null. Modified as a product
     *                  modifies them (filled in, forgotten).
     * @param z         reshaped to Z (batch × out). Modified.
     * @param a         reshaped to A (batch × out). Modified.
     * @return a
     */
    DMatrixRMaj forwardInto(DMatrixRMaj x, SparseRows xNonzeros, DMatrixRMaj z, DMatrixRMaj a) {
        checkInputs(x);
        Matrices.shape(a, x.numRows, units);
        // Z = X·W + b   (batch × out); forwardOneRow sums a single row in this order too
        boolean given = xNonzeros != null && xNonzeros.holds(x.data, x.numRows, x.numCols);
        MatrixKernels.multiplyAddRow(x, weights, bias, z, given ? xNonzeros : null);
        // A = f(Z)
        activation.forward(z.data, a.data, x.numRows * units);
        return a;
    }

    private void checkInputs(DMatrixRMaj x) {
        if (x.numCols != inputs) {
            throw new IllegalArgumentException("layer expects " + inputs + " inputs, got a (" + x.numRows
                    + " × " + x.numCols + ") batch");
        }
    }

    /**
     * Weights (in·out) up to which a one-row batch (a per-sample step) runs {@link #forwardOneRow}:
     * 4 096 doubles, 32 KiB, stay in the L1 cache while W is read by columns.
     */
    static final int ONE_ROW_ENTRIES = 4096;

    /**
     * {@code z_j = b_j + Σ_p x_p·W[p][j]} for one row x (1 × in), each z_j summed in p's order
     * from b_j (or +0) as {@link MatrixKernels#multiplyAddRow} sums it: the same bits. Summed entry
     * by entry, each a dot product with a column of W, it runs as straight scalar code; the row
     * kernels' loops over a handful of columns cost more in their set-up than in their arithmetic.
     *
     * @param x X's only row (1 × in). Not modified.
     */
    private void forwardOneRow(double[] x) {
        Matrices.shape(preActivation, 1, units);
        double[] w = weights.data;
        double[] z = preActivation.data;
        double[] b = bias == null ? null : bias.data;
        for (int j = 0; j < units; j++) {
            double sum = b == null ? 0.0 : b[j];
            for (int p = 0, at = j; p < inputs; p++, at += units) {
                sum += x[p] * w[at];
            }
            z[j] = sum;
        }
    }

    /**
     * Backward pass: from ∂L/∂A computes ∂L/∂W, ∂L/∂b and, if asked, ∂L/∂X.
     *
     * @param outputGradient      dA = ∂L/∂A (batch × out). Not modified.
     * @param wantInputGradient   false for the first layer, whose ∂L/∂X nobody uses
     * @return dX = ∂L/∂X (batch × in) owned by this layer, or null if not wanted
     */
    public DMatrixRMaj backward(DMatrixRMaj outputGradient, boolean wantInputGradient) {
        int batch = input.numRows;
        if (outputGradient.numRows != batch || outputGradient.numCols != units) {
            throw new IllegalArgumentException("layer expects ∂L/∂A of shape (" + batch + " × " + units
                    + "), got (" + outputGradient.numRows + " × " + outputGradient.numCols + ")");
        }
        // dZ = dA ⊙ f′(Z)   (batch × out)
        Matrices.shape(preActivationGradient, batch, units);
        activation.backward(preActivation.data, output.data, outputGradient.data,
                preActivationGradient.data, batch * units);
        // dW = Xᵀ·dZ   (in × out)
        MatrixKernels.multiplyTransA(input, preActivationGradient, weightGradient, inputNonzeros);
        // db = Σ_rows dZ   (1 × out)
        if (bias != null) {
            MatrixKernels.sumRows(preActivationGradient, biasGradient);
        }
        if (!wantInputGradient) {
            return null;
        }
        // dX = dZ·Wᵀ   (batch × in)
        MatrixKernels.multiplyTransB(preActivationGradient, weights, inputGradient, weightsTransposed);
        return inputGradient;
    }

    public int inputs() {
        return inputs;
    }

    public int units() {
        return units;
    }

    public Activation activation() {
        return activation;
    }

    /** Changes the activation; the weights stay as they are. */
    public void setActivation(Activation activation) {
        this.activation = Objects.requireNonNull(activation, "activation");
    }

    public boolean hasBias() {
        return bias != null;
    }

    /** W (in × out), live: writes change the layer. */
    public DMatrixRMaj weights() {
        return weights;
    }

    /** b (1 × out), live, or null for a layer without bias. */
    public DMatrixRMaj bias() {
        return bias;
    }

    /** ∂L/∂W (in × out) of the last backward pass. */
    public DMatrixRMaj weightGradient() {
        return weightGradient;
    }

    /** ∂L/∂b (1 × out) of the last backward pass, or null. */
    public DMatrixRMaj biasGradient() {
        return biasGradient;
    }

    /** Z (batch × out) of the last forward pass. */
    public DMatrixRMaj preActivation() {
        return preActivation;
    }

    /** A (batch × out) of the last forward pass. */
    public DMatrixRMaj output() {
        return output;
    }

    /** ∂L/∂Z (batch × out) of the last backward pass. */
    public DMatrixRMaj preActivationGradient() {
        return preActivationGradient;
    }

    @Override
    public String toString() {
        String symbol = activation.symbol();
        return symbol.isEmpty() ? Integer.toString(units) : units + " " + symbol;
    }
}
