package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Adam and RMSProp on the states a long run leaves (gradients of exactly zero, moments decayed into
 * subnormal numbers, which {@link Subnormals} handles without the CPU's slow path): the same bits as
 * the update rules written out by hand, entry by entry.
 */
class OptimizerSubnormalTest {

    private static final int N = 2048;
    private final SplittableRandom random = new SplittableRandom(20261206);

    /** A subnormal, a zero, a small normal or an ordinary number, of either sign. */
    private double anyState() {
        double x = switch (random.nextInt(5)) {
            case 0, 1 -> Double.longBitsToDouble(random.nextLong(1L << 52));
            case 2 -> 0.0;
            case 3 -> Math.scalb(1 + random.nextDouble(), -1022 + random.nextInt(40));
            default -> random.nextGaussian() * Math.pow(10, -random.nextInt(12));
        };
        return random.nextBoolean() ? -x : x;
    }

    private double anyWeight() {
        return switch (random.nextInt(8)) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> Double.longBitsToDouble(random.nextLong(1L << 52));
            case 3 -> Math.scalb(random.nextGaussian(), -1000);
            default -> random.nextGaussian() * 3;
        };
    }

    private double anyGradient() {
        return switch (random.nextInt(4)) {
            case 0, 1 -> 0.0;
            case 2 -> -0.0;
            default -> random.nextGaussian() * Math.pow(10, -random.nextInt(200));
        };
    }

    @Test
    void rmsPropOnZeroGradientsAndSubnormalMeanSquaresIsItsRuleBitForBit() {
        for (OptimizerConfig.RmsProp c : List.of(new OptimizerConfig.RmsProp(0.01, 0.9, 1e-8, WeightDecay.NONE),
                new OptimizerConfig.RmsProp(0.001, 0.75, 1e-300, WeightDecay.l1(0.001)))) {
            Parameter p = new Parameter("W1", new DMatrixRMaj(1, N), new DMatrixRMaj(1, N));
            Optimizer o = new Optimizer(c, List.of(p));
            double[] w = p.value().data;
            double[] g = p.gradient().data;
            double[] s = o.firstMoment(0).data;
            for (int i = 0; i < N; i++) {
                w[i] = anyWeight();
                g[i] = anyGradient();
                s[i] = Math.abs(anyState());
            }
            w[0] = Double.NaN;
            w[1] = Double.NEGATIVE_INFINITY;
            double[] ew = w.clone();
            double[] es = s.clone();
            for (int i = 0; i < N; i++) {
                double gi = g[i] + c.decay().gradient(ew[i]);
                es[i] = c.rho() * es[i] + (1 - c.rho()) * gi * gi;
                ew[i] -= c.learningRate() * gi / (Math.sqrt(es[i]) + c.epsilon());
            }
            o.step();
            assertThat(bits(s)).as("s, %s", c).isEqualTo(bits(es));
            assertThat(bits(w)).as("w, %s", c).isEqualTo(bits(ew));
        }
    }

    private static long[] bits(double[] values) {
        long[] b = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = Double.doubleToRawLongBits(values[i]);
        }
        return b;
    }

    @Test
    void adamOnZeroGradientsAndSubnormalMomentsIsItsRuleBitForBit() {
        for (OptimizerConfig.Adam c : List.of(new OptimizerConfig.Adam(0.01), new OptimizerConfig.Adam(0.03),
                new OptimizerConfig.Adam(1e-3, 0.75, 0.5, 1e-300, WeightDecay.NONE),
                new OptimizerConfig.Adam(0.1, 0.9, 0.999, 1e-8, WeightDecay.l2(0.01)))) {
            for (int before : new int[] {0, 1, 5_000}) { // 5 000: 1 − β₁ᵗ is 1 exactly
                check(c, before);
            }
        }
    }

    private void check(OptimizerConfig.Adam c, int stepsBefore) {
        Parameter p = new Parameter("W1", new DMatrixRMaj(1, N), new DMatrixRMaj(1, N));
        Optimizer o = new Optimizer(c, List.of(p));
        for (int s = 0; s < stepsBefore; s++) {
            o.step(); // zero gradients on zero weights: the state stays zero, the step count grows
        }
        double[] w = p.value().data;
        double[] g = p.gradient().data;
        double[] m = o.firstMoment(0).data;
        double[] v = o.secondMoment(0).data;
        for (int i = 0; i < N; i++) {
            w[i] = anyWeight();
            g[i] = anyGradient();
            m[i] = anyState();
            v[i] = Math.abs(anyState());
        }
        double[] ew = w.clone();
        double[] em = m.clone();
        double[] ev = v.clone();
        long t = o.steps() + 1;
        double c1 = 1 - Math.pow(c.beta1(), t);
        double c2 = 1 - Math.pow(c.beta2(), t);
        for (int i = 0; i < N; i++) {
            double gi = g[i] + c.decay().gradient(ew[i]);
            em[i] = c.beta1() * em[i] + (1 - c.beta1()) * gi;
            ev[i] = c.beta2() * ev[i] + (1 - c.beta2()) * gi * gi;
            ew[i] -= c.learningRate() * (em[i] / c1) / (Math.sqrt(ev[i] / c2) + c.epsilon());
        }
        o.step();
        assertThat(bits(m)).as("m after %d steps, %s", t, c).isEqualTo(bits(em));
        assertThat(bits(v)).as("v after %d steps, %s", t, c).isEqualTo(bits(ev));
        assertThat(bits(w)).as("w after %d steps, %s", t, c).isEqualTo(bits(ew));
    }
}
