package org.backpropstudio.engine;

import java.util.Objects;

/**
 * A penalty's gradient added to every parameter's gradient before the update:
 * {@code λ·w} (L2) or {@code λ·sign(w)} (L1). Applies to weights and biases alike, as PyTorch's
 * {@code weight_decay} does.
 */
public record WeightDecay(Kind kind, double lambda) {

    /** No decay. */
    public static final WeightDecay NONE = new WeightDecay(Kind.NONE, 0);

    /** The penalty's kind. */
    public enum Kind { NONE, L1, L2 }

    public WeightDecay {
        Objects.requireNonNull(kind, "kind");
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("weight decay λ must be a finite number ≥ 0, got " + lambda);
        }
    }

    public static WeightDecay l2(double lambda) {
        return new WeightDecay(Kind.L2, lambda);
    }

    public static WeightDecay l1(double lambda) {
        return new WeightDecay(Kind.L1, lambda);
    }

    /** The decay term for a parameter value w. */
    public double gradient(double w) {
        switch (kind) {
            case L2: return lambda * w;
            case L1: return lambda * Math.signum(w);
            default: return 0.0;
        }
    }

    @Override
    public String toString() {
        return kind == Kind.NONE || lambda == 0 ? "none" : kind + " λ=" + lambda;
    }
}
