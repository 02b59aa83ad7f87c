package org.backpropstudio.engine;

import java.util.Arrays;

/**
 * An element-wise activation {@code a = f(z)} together with its derivative {@code f′(z)}.
 *
 * <p>Each activation is a value-and-derivative pair, as in TensorFlow Playground's {@code nn.ts}.
 * The derivative may use the already computed output {@code a} (sigmoid: {@code a·(1 − a)}),
 * which is why {@link #derivative(double, double)} takes both. The bulk methods run one tight loop
 * per activation so that the training step does not pay a dispatch per element.
 *
 * <p>All activations are numerically safe: sigmoid and softplus do not overflow for any finite
 * {@code z}, and return finite values for |z| up to and beyond 1e4.
 */
public enum Activation implements WireName {
    /** {@code f(z) = z}. */
    IDENTITY("identity", ""),
    /** {@code f(z) = 1 / (1 + e^−z)}, {@code f′ = a·(1 − a)}. */
    SIGMOID("sigmoid", "σ"),
    /** {@code f(z) = tanh z}, {@code f′ = 1 − a²}. */
    TANH("tanh", "tanh"),
    /** {@code f(z) = max(0, z)}, {@code f′ = [z > 0]}. */
    RELU("relu", "ReLU"),
    /** {@code f(z) = z} for z > 0, else {@code 0.01·z}. */
    LEAKY_RELU("leaky_relu", "leaky ReLU"),
    /** {@code f(z) = ln(1 + e^z)}, {@code f′ = σ(z)}. */
    SOFTPLUS("softplus", "softplus"),
    /** {@code f(z) = sin z}, {@code f′ = cos z}. */
    SIN("sin", "sin"),
    /** {@code f(z) = z} for z > 0, else {@code e^z − 1}; {@code f′ = 1} or {@code a + 1}. */
    ELU("elu", "ELU");

    /** Slope of {@link #LEAKY_RELU} for negative inputs. */
    public static final double LEAKY_SLOPE = 0.01;

    private final String wireName;
    private final String symbol;

    Activation(String wireName, String symbol) {
        this.wireName = wireName;
        this.symbol = symbol;
    }

    /** The name used in files and on the command line, e.g. {@code leaky_relu}. */
    public String wireName() {
        return wireName;
    }

    /** The short symbol a student would write beside a layer, e.g. {@code σ}; empty for identity. */
    public String symbol() {
        return symbol;
    }

    /**
     * Looks an activation up by its file name ({@code sigmoid}, {@code leaky_relu}, ...).
     *
     * @throws IllegalArgumentException naming the unknown activation and the known ones
     */
    public static Activation fromWireName(String name) {
        return WireName.parse(Activation.class, name, "activation");
    }

    /** {@code f(z)}. */
    public double value(double z) {
        switch (this) {
            case IDENTITY: return z;
            case SIGMOID: return sigmoid(z);
            case TANH: return Math.tanh(z);
            case RELU: return z > 0 ? z : 0.0;
            case LEAKY_RELU: return z > 0 ? z : LEAKY_SLOPE * z;
            case SOFTPLUS: return softplus(z);
            case SIN: return Math.sin(z);
            case ELU: return z > 0 ? z : Math.expm1(z);
            default: throw new AssertionError(this);
        }
    }

    /** {@code f′(z)}, given {@code z} and {@code a = f(z)}. */
    public double derivative(double z, double a) {
        switch (this) {
            case IDENTITY: return 1.0;
            case SIGMOID: return a * (1.0 - a);
            case TANH: return 1.0 - a * a;
            case RELU: return z > 0 ? 1.0 : 0.0;
            case LEAKY_RELU: return z > 0 ? 1.0 : LEAKY_SLOPE;
            case SOFTPLUS: return sigmoid(z);
            case SIN: return Math.cos(z);
            case ELU: return z > 0 ? 1.0 : a + 1.0;
            default: throw new AssertionError(this);
        }
    }

    /**
     * {@code a[i] = f(z[i])} for {@code i < n}.
     *
     * @param z pre-activations. Not modified.
     * @param a outputs. Modified.
     */
    public void forward(double[] z, double[] a, int n) {
        switch (this) {
            case IDENTITY -> System.arraycopy(z, 0, a, 0, n);
            case SIGMOID -> { for (int i = 0; i < n; i++) a[i] = sigmoid(z[i]); }
            case TANH -> { for (int i = 0; i < n; i++) a[i] = Math.tanh(z[i]); }
            case RELU -> { for (int i = 0; i < n; i++) a[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(z[i]) & positive(z[i])); }
            case LEAKY_RELU -> { for (int i = 0; i < n; i++) a[i] = z[i] > 0 ? z[i] : LEAKY_SLOPE * z[i]; }
            case SOFTPLUS -> { for (int i = 0; i < n; i++) a[i] = softplus(z[i]); }
            case SIN -> { for (int i = 0; i < n; i++) a[i] = Math.sin(z[i]); }
            case ELU -> { for (int i = 0; i < n; i++) a[i] = z[i] > 0 ? z[i] : Math.expm1(z[i]); }
            default -> throw new AssertionError(this);
        }
    }

    /**
     * {@code dZ[i] = dA[i] · f′(z[i])} for {@code i < n}: the chain rule through the activation.
     *
     * @param z  pre-activations. Not modified.
     * @param a  outputs {@code f(z)}. Not modified.
     * @param dA ∂L/∂a. Not modified.
     * @param dZ ∂L/∂z. Modified; may be the same array as {@code dA}.
     */
    public void backward(double[] z, double[] a, double[] dA, double[] dZ, int n) {
        switch (this) {
            case IDENTITY -> { if (dA != dZ) System.arraycopy(dA, 0, dZ, 0, n); }
            case SIGMOID -> { for (int i = 0; i < n; i++) dZ[i] = dA[i] * (a[i] * (1.0 - a[i])); }
            case TANH -> { for (int i = 0; i < n; i++) dZ[i] = dA[i] * (1.0 - a[i] * a[i]); }
            case RELU -> { for (int i = 0; i < n; i++) dZ[i] = Double.longBitsToDouble(Double.doubleToRawLongBits(dA[i]) & positive(z[i])); }
            case LEAKY_RELU -> { for (int i = 0; i < n; i++) dZ[i] = z[i] > 0 ? dA[i] : LEAKY_SLOPE * dA[i]; }
            case SOFTPLUS -> { for (int i = 0; i < n; i++) dZ[i] = dA[i] * sigmoid(z[i]); }
            case SIN -> { for (int i = 0; i < n; i++) dZ[i] = dA[i] * Math.cos(z[i]); }
            case ELU -> { for (int i = 0; i < n; i++) dZ[i] = z[i] > 0 ? dA[i] : dA[i] * (a[i] + 1.0); }
            default -> throw new AssertionError(this);
        }
    }

    /**
     * All ones when {@code z > 0}, else 0, without a branch: ReLU's {@code z > 0 ? x : 0.0} is then
     * {@code x}'s bits and this, the same value for every z and x (NaN and −0 give +0). A branch on
     * the sign of a pre-activation is mispredicted about every other unit.
     *
     * <p>z > 0 when its bits, as a signed integer, are in [1, +∞'s]: with t = bits − 1, when
     * 0 ≤ t &lt; +∞'s bits, which is the sign of ¬t ∧ (t − +∞'s bits).
     */
    static long positive(double z) {
        long t = Double.doubleToRawLongBits(z) - 1;
        return (~t & (t - POSITIVE_INFINITY_BITS)) >> 63;
    }

    private static final long POSITIVE_INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);

    /** Logistic sigmoid without overflow: the exponential's argument is never positive. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** {@code ln(1 + e^z) = max(z, 0) + ln(1 + e^−|z|)}, finite for every finite z. */
    static double softplus(double z) {
        return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
