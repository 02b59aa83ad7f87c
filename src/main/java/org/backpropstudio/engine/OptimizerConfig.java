package org.backpropstudio.engine;

import java.util.Objects;

/**
 * An optimizer's hyperparameters: an immutable value. The moving parts (velocities, moments,
 * step count) live in an {@link Optimizer} made from it.
 *
 * <p>In every rule, {@code g} is the gradient plus the weight-decay term: {@code g = ∂L/∂w + decay(w)}.
 */
public sealed interface OptimizerConfig {

    double learningRate();

    WeightDecay decay();

    /** The same optimizer with another learning rate. */
    OptimizerConfig withLearningRate(double learningRate);

    /** The name used in files: {@code sgd}, {@code sgd-rebound}, {@code adam}, {@code rmsprop}. */
    String name();

    /**
     * Stochastic gradient descent with optional (Nesterov) momentum μ:
     * <pre>
     * v ← μ·v + g
     * w ← w − lr·v                (classic)
     * w ← w − lr·(g + μ·v)        (Nesterov)
     * </pre>
     * With μ = 0 this is plain SGD, {@code w ← w − lr·g}.
     */
    record Sgd(double learningRate, double momentum, boolean nesterov, WeightDecay decay)
            implements OptimizerConfig {
        public Sgd {
            requireLearningRate(learningRate);
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
            }
            Objects.requireNonNull(decay, "decay");
        }

        /** Plain SGD. */
        public Sgd(double learningRate) {
            this(learningRate, 0, false, WeightDecay.NONE);
        }

        @Override
        public Sgd withLearningRate(double lr) {
            return new Sgd(lr, momentum, nesterov, decay);
        }

        public Sgd withMomentum(double mu) {
            return new Sgd(learningRate, mu, nesterov, decay);
        }

        @Override
        public String name() {
            return "sgd";
        }
    }

    /**
     * SGD as seed 002's code runs it. Its {@code SGD.step} reads
     * <pre>
     * for p, v in zip(self.parameters, self.velocity):
     *     v = self.momentum * v + p.grad + decay
     *     p.data = p.data - lr * v
     * </pre>
     * The loop variable {@code v} is rebound to a new array and never stored back, so the
     * velocity stays zero and every step is plain SGD whatever μ says:
     * <pre>
     * w ← w − lr·(∂L/∂w + d),   d = λ·∂L/∂w (its L2),  d = λ (its L1)
     * </pre>
     * Its decay terms differ from the textbook's λ·w and λ·sign(w) too. The textbook momentum
     * is {@link Sgd} with the same μ: {@link #textbook()}.
     */
    record ReboundSgd(double learningRate, double momentum, WeightDecay decay) implements OptimizerConfig {
        public ReboundSgd {
            requireLearningRate(learningRate);
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
            }
            Objects.requireNonNull(decay, "decay");
        }

        @Override
        public ReboundSgd withLearningRate(double lr) {
            return new ReboundSgd(lr, momentum, decay);
        }

        public ReboundSgd withMomentum(double mu) {
            return new ReboundSgd(learningRate, mu, decay);
        }

        /** What the code meant: momentum SGD with the velocity kept, the same μ, lr and decay. */
        public Sgd textbook() {
            return new Sgd(learningRate, momentum, false, decay);
        }

        /** The decay term d this optimizer adds to a gradient g of a parameter. */
        public double decayTerm(double g) {
            switch (decay.kind()) {
                case L2: return decay.lambda() * g;
                case L1: return decay.lambda();
                default: return 0.0;
            }
        }

        @Override
        public String name() {
            return "sgd-rebound";
        }
    }

    /**
     * Adam:
     * <pre>
     * t ← t + 1
     * m ← β₁·m + (1 − β₁)·g
     * v ← β₂·v + (1 − β₂)·g²
     * w ← w − lr·m̂ / (√v̂ + ε),   m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
     * </pre>
     */
    record Adam(double learningRate, double beta1, double beta2, double epsilon, WeightDecay decay)
            implements OptimizerConfig {
        public Adam {
            requireLearningRate(learningRate);
            requireUnitInterval(beta1, "β₁");
            requireUnitInterval(beta2, "β₂");
            requirePositive(epsilon, "ε");
            Objects.requireNonNull(decay, "decay");
        }

        /** Adam with the usual β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
        public Adam(double learningRate) {
            this(learningRate, 0.9, 0.999, 1e-8, WeightDecay.NONE);
        }

        @Override
        public Adam withLearningRate(double lr) {
            return new Adam(lr, beta1, beta2, epsilon, decay);
        }

        @Override
        public String name() {
            return "adam";
        }
    }

    /**
     * RMSProp:
     * <pre>
     * s ← ρ·s + (1 − ρ)·g²
     * w ← w − lr·g / (√s + ε)
     * </pre>
     */
    record RmsProp(double learningRate, double rho, double epsilon, WeightDecay decay)
            implements OptimizerConfig {
        public RmsProp {
            requireLearningRate(learningRate);
            requireUnitInterval(rho, "ρ");
            requirePositive(epsilon, "ε");
            Objects.requireNonNull(decay, "decay");
        }

        /** RMSProp with ρ = 0.9, ε = 1e-8. */
        public RmsProp(double learningRate) {
            this(learningRate, 0.9, 1e-8, WeightDecay.NONE);
        }

        @Override
        public RmsProp withLearningRate(double lr) {
            return new RmsProp(lr, rho, epsilon, decay);
        }

        @Override
        public String name() {
            return "rmsprop";
        }
    }

    private static void requireLearningRate(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("learning rate must be a finite number ≥ 0, got " + lr);
        }
    }

    private static void requireUnitInterval(double v, String what) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1), got " + v);
        }
    }

    private static void requirePositive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number > 0, got " + v);
        }
    }
}
