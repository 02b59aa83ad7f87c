package org.backpropstudio.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * The state of an optimizer over a network's parameters: one or two state matrices per
 * parameter (velocity; or Adam's first and second moments), shaped like the parameter, and the
 * step count. Lifecycle: made from a config, {@link #step()} after each backward pass,
 * {@link #reset()} to forget. The config (learning rate, momentum, ...) can be replaced between
 * any two steps without losing the state.
 */
public final class Optimizer {

    private final List<Parameter> parameters;
    private OptimizerConfig config;
    /** Per parameter: SGD velocity v, Adam first moment m, RMSProp mean square s. */
    private final List<DMatrixRMaj> first;
    /** Per parameter: Adam second moment v. */
    private final List<DMatrixRMaj> second;
    /** The arrays the update loops touch, per parameter: value, gradient, first and second state. */
    private final double[][] values;
    private final double[][] gradients;
    private final double[][] firstData;
    private final double[][] secondData;
    private final int[] sizes;
    private long steps;

    public Optimizer(OptimizerConfig config, List<Parameter> parameters) {
        this.config = Objects.requireNonNull(config, "config");
        this.parameters = List.copyOf(parameters);
        this.first = new ArrayList<>();
        this.second = new ArrayList<>();
        for (Parameter p : this.parameters) {
            first.add(new DMatrixRMaj(p.value().numRows, p.value().numCols));
            second.add(new DMatrixRMaj(p.value().numRows, p.value().numCols));
        }
        int n = this.parameters.size();
        values = new double[n][];
        gradients = new double[n][];
        firstData = new double[n][];
        secondData = new double[n][];
        sizes = new int[n];
        for (int k = 0; k < n; k++) {
            sizes[k] = this.parameters.get(k).value().getNumElements();
            values[k] = this.parameters.get(k).value().data;
            gradients[k] = this.parameters.get(k).gradient().data;
            firstData[k] = first.get(k).data;
            secondData[k] = second.get(k).data;
        }
    }

    /**
     * Parameters from this many entries on are updated by both cores, each taking a part: the
     * update is entry by entry, so the parts give the bits one loop gives. The digit network's
     * first layer (50 176 weights) was a tenth of its step on one core.
     */
    static final int PARALLEL_ENTRIES = 1 << 15;

    /** Applies one update to every parameter from its gradient. */
    public void step() {
        steps++;
        for (int k = 0; k < values.length; k++) {
            int parameter = k;
            if (sizes[k] >= PARALLEL_ENTRIES) {
                RowTasks.run(sizes[k], (from, to) -> update(parameter, from, to));
            } else {
                update(parameter, 0, sizes[k]);
            }
        }
    }

    /** The update of parameter k's entries {@code from ≤ i < to}. */
    private void update(int k, int from, int to) {
        double[] w = values[k];
        double[] g = gradients[k];
        double[] s1 = firstData[k];
        double[] s2 = secondData[k];
        if (config instanceof OptimizerConfig.Sgd sgd) {
            stepSgd(sgd, w, g, s1, from, to);
        } else if (config instanceof OptimizerConfig.ReboundSgd rebound) {
            stepReboundSgd(rebound, w, g, from, to);
        } else if (config instanceof OptimizerConfig.Adam adam) {
            stepAdam(adam, w, g, s1, s2, from, to);
        } else if (config instanceof OptimizerConfig.RmsProp rms) {
            stepRmsProp(rms, w, g, s1, from, to);
        } else {
            throw new AssertionError(config);
        }
    }

    private static void stepSgd(OptimizerConfig.Sgd c, double[] w, double[] grad, double[] v, int from, int to) {
        double lr = c.learningRate();
        double mu = c.momentum();
        WeightDecay decay = c.decay();
        boolean noDecay = decay.kind() == WeightDecay.Kind.NONE || decay.lambda() == 0;
        if (noDecay && !c.nesterov()) {
            // the common case, as one tight loop: v ← μ·v + g;  w ← w − lr·v
            for (int i = from; i < to; i++) {
                double vi = mu * v[i] + grad[i];
                v[i] = vi;
                w[i] -= lr * vi;
            }
        } else if (c.nesterov()) {
            for (int i = from; i < to; i++) {
                double g = noDecay ? grad[i] : grad[i] + decay.gradient(w[i]);
                // v ← μ·v + g;  w ← w − lr·(g + μ·v)
                v[i] = mu * v[i] + g;
                w[i] -= lr * (g + mu * v[i]);
            }
        } else {
            for (int i = from; i < to; i++) {
                double g = noDecay ? grad[i] : grad[i] + decay.gradient(w[i]);
                // v ← μ·v + g;  w ← w − lr·v
                v[i] = mu * v[i] + g;
                w[i] -= lr * v[i];
            }
        }
    }

    private static void stepReboundSgd(OptimizerConfig.ReboundSgd c, double[] w, double[] grad, int from, int to) {
        double lr = c.learningRate();
        for (int i = from; i < to; i++) {
            // v = μ·0 + g + d is computed and dropped: w ← w − lr·(g + d)
            w[i] -= lr * (grad[i] + c.decayTerm(grad[i]));
        }
    }

    private void stepAdam(OptimizerConfig.Adam c, double[] w, double[] grad, double[] m, double[] v, int from,
            int to) {
        double b1 = c.beta1();
        double b2 = c.beta2();
        double correction1 = 1 - Math.pow(b1, steps);
        double correction2 = 1 - Math.pow(b2, steps);
        // |lr·m̂ / (√v̂ + ε)| ≤ reach·2⁻¹⁰²²·2 for |m| < 2⁻¹⁰²² (the 2 for the roundings of a subnormal)
        double reach = c.learningRate() / (correction1 * c.epsilon());
        for (int i = from; i < to; i++) {
            double g = grad[i] + c.decay().gradient(w[i]);
            if (g == 0 && Subnormals.tiny(m[i]) && w[i] != 0 && reach <= Math.ulp(w[i]) * 0x1p1018) {
                // a zero gradient on a first moment decayed below 2⁻¹⁰²² (a long run's dead units):
                // the lines below, bit for bit, without the CPU's slow path for subnormal numbers.
                // The step is at most ulp(w)/8 then, less than half the gap to w's neighbours: w stays
                m[i] = Subnormals.plusZero(Subnormals.times(b1, m[i]), (1 - b1) * g);
                double fresh = (1 - b2) * g * g;
                v[i] = Subnormals.tiny(v[i]) ? Subnormals.plusZero(Subnormals.times(b2, v[i]), fresh) : b2 * v[i] + fresh;
                continue;
            }
            m[i] = b1 * m[i] + (1 - b1) * g;
            v[i] = b2 * v[i] + (1 - b2) * g * g;
            // w ← w − lr·m̂ / (√v̂ + ε)
            w[i] -= c.learningRate() * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + c.epsilon());
        }
    }

    private static void stepRmsProp(OptimizerConfig.RmsProp c, double[] w, double[] grad, double[] s, int from,
            int to) {
        double rho = c.rho();
        for (int i = from; i < to; i++) {
            double g = grad[i] + c.decay().gradient(w[i]);
            if (g == 0 && Subnormals.tiny(s[i]) && w[i] != 0 && !Double.isNaN(w[i])) {
                // a zero gradient on a mean square decayed below 2⁻¹⁰²²: the lines below, bit for bit,
                // without the CPU's slow path for subnormal numbers; the step is ±0, and w stays
                s[i] = Subnormals.plusZero(Subnormals.times(rho, s[i]), (1 - rho) * g * g);
                continue;
            }
            s[i] = rho * s[i] + (1 - rho) * g * g;
            w[i] -= c.learningRate() * g / (Math.sqrt(s[i]) + c.epsilon());
        }
    }

    public OptimizerConfig config() {
        return config;
    }

    /**
     * Replaces the hyperparameters. The state is kept when the kind of optimizer stays the same
     * (a new learning rate or momentum takes effect at the next step); switching kind resets it.
     */
    public void setConfig(OptimizerConfig newConfig) {
        Objects.requireNonNull(newConfig, "config");
        boolean sameKind = newConfig.getClass() == config.getClass();
        config = newConfig;
        if (!sameKind) {
            reset();
        }
    }

    /** Forgets velocities, moments and the step count. */
    public void reset() {
        steps = 0;
        for (int k = 0; k < first.size(); k++) {
            first.get(k).zero();
            second.get(k).zero();
        }
    }

    /** Number of steps since creation or the last reset. */
    public long steps() {
        return steps;
    }

    /** The first state matrix of parameter k (velocity or first moment), live. */
    public DMatrixRMaj firstMoment(int k) {
        return first.get(k);
    }

    /** The second state matrix of parameter k (Adam's second moment), live. */
    public DMatrixRMaj secondMoment(int k) {
        return second.get(k);
    }

    /**
     * The same optimizer for the parameters of a resized network: each state matrix keeps the
     * entries the old and new shapes share (by row and column), new entries start at zero.
     *
     * @param newParameters the resized network's parameters, same names in the same order
     */
    public Optimizer rebind(List<Parameter> newParameters) {
        if (newParameters.size() != parameters.size()) {
            throw new IllegalArgumentException("rebind needs the same parameters, got " + newParameters.size()
                    + " instead of " + parameters.size());
        }
        Optimizer o = new Optimizer(config, newParameters);
        o.steps = steps;
        for (int k = 0; k < parameters.size(); k++) {
            Matrices.copyOverlap(first.get(k), o.first.get(k));
            Matrices.copyOverlap(second.get(k), o.second.get(k));
        }
        return o;
    }
}
