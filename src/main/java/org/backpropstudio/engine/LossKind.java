package org.backpropstudio.engine;

import java.util.Arrays;

/**
 * The per-sample loss ℓ(p, y) of a prediction row {@code p} against a target row {@code y}, and
 * its gradient ∂ℓ/∂p. For several outputs the per-sample loss is the sum over the outputs.
 */
public enum LossKind implements WireName {
    /** {@code ℓ = Σ (p − y)²}, {@code ∂ℓ/∂p = 2(p − y)} (as PyTorch and Keras define MSE). */
    MSE("mse"),
    /** {@code ℓ = Σ ½(p − y)²}, {@code ∂ℓ/∂p = p − y} (the tutorials' form). */
    HALF_MSE("half_mse"),
    /** {@code ℓ = Σ |p − y|}, {@code ∂ℓ/∂p = sign(p − y)} (0 where p = y). */
    MAE("mae"),
    /**
     * {@code ℓ = Σ h(p − y)} with {@code h(d) = ½d²} for |d| ≤ δ, else {@code δ(|d| − ½δ)}, δ = 1;
     * {@code ∂ℓ/∂p = clamp(p − y, −δ, δ)}.
     */
    HUBER("huber"),
    /**
     * {@code ℓ = −Σₖ yₖ·log softmax(p)ₖ}, computed with a stable log-sum-exp;
     * {@code ∂ℓ/∂p = softmax(p)·Σₖyₖ − y} (= softmax(p) − y for a one-hot or probability target).
     */
    SOFTMAX_CROSS_ENTROPY("softmax_cross_entropy");

    /** The threshold δ of {@link #HUBER} between the quadratic and the linear part. */
    public static final double HUBER_DELTA = 1.0;

    private final String wireName;

    LossKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static LossKind fromWireName(String name) {
        return WireName.parse(LossKind.class, name, "loss");
    }

    /**
     * The loss of one sample and, if {@code grad} is not null, its gradient ∂ℓ/∂p.
     *
     * @param p    predictions, {@code width} values from {@code offset}. Not modified.
     * @param y    targets, same layout. Not modified.
     * @param grad ∂ℓ/∂p, same layout, or null. Modified.
     * @return ℓ(p, y)
     */
    public double sample(double[] p, double[] y, int offset, int width, double[] grad) {
        switch (this) {
            case MSE: {
                double loss = 0;
                for (int k = offset; k < offset + width; k++) {
                    double d = p[k] - y[k];
                    loss += d * d;
                    if (grad != null) grad[k] = 2.0 * d;
                }
                return loss;
            }
            case HALF_MSE: {
                double loss = 0;
                for (int k = offset; k < offset + width; k++) {
                    double d = p[k] - y[k];
                    loss += 0.5 * d * d;
                    if (grad != null) grad[k] = d;
                }
                return loss;
            }
            case MAE: {
                double loss = 0;
                for (int k = offset; k < offset + width; k++) {
                    double d = p[k] - y[k];
                    loss += Math.abs(d);
                    if (grad != null) grad[k] = Math.signum(d);
                }
                return loss;
            }
            case HUBER: {
                double loss = 0;
                for (int k = offset; k < offset + width; k++) {
                    double d = p[k] - y[k];
                    double ad = Math.abs(d);
                    loss += ad <= HUBER_DELTA ? 0.5 * d * d : HUBER_DELTA * (ad - 0.5 * HUBER_DELTA);
                    if (grad != null) grad[k] = Math.max(-HUBER_DELTA, Math.min(HUBER_DELTA, d));
                }
                return loss;
            }
            case SOFTMAX_CROSS_ENTROPY:
                return softmaxCrossEntropy(p, y, offset, width, grad);
            default:
                throw new AssertionError(this);
        }
    }

    // ℓ = Σₖ yₖ·(logΣⱼe^pⱼ − pₖ), with logΣⱼe^pⱼ = m + log Σⱼ e^(pⱼ − m), m = maxⱼ pⱼ
    private static double softmaxCrossEntropy(double[] p, double[] y, int offset, int width, double[] grad) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = offset; k < offset + width; k++) {
            max = Math.max(max, p[k]);
        }
        double sumExp = 0;
        for (int k = offset; k < offset + width; k++) {
            sumExp += Math.exp(p[k] - max);
        }
        double logSumExp = max + Math.log(sumExp);
        double loss = 0;
        double targetMass = 0;
        for (int k = offset; k < offset + width; k++) {
            loss += y[k] * (logSumExp - p[k]);
            targetMass += y[k];
        }
        if (grad != null) {
            // ∂ℓ/∂pₖ = softmax(p)ₖ·Σⱼyⱼ − yₖ
            for (int k = offset; k < offset + width; k++) {
                grad[k] = Math.exp(p[k] - logSumExp) * targetMass - y[k];
            }
        }
        return loss;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
