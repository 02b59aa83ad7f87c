package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The inspector's numbers are the engine's numbers, and central differences agree with them. */
class BackpropTraceTest {

    static Stream<Arguments> everyActivationAndLoss() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 11;
        for (Activation a : Activation.values()) {
            for (LossKind k : LossKind.values()) {
                cases.add(Arguments.of(a, k, seed++));
            }
        }
        return cases.stream();
    }

    /** A random 3 → 5 → 4 → 2 network and one sample, away from the kinks of relu and |·|. */
    private static GradientCases.Case oneSample(Activation a, LossKind k, long seed) {
        for (long s = seed; ; s += 1000) {
            GradientCases.Case c = GradientCases.build(a, k, Reduction.MEAN, true, 3, new int[] {5, 4}, 2, 1, s);
            if (GradientCases.awayFromKinks(c)) {
                return c;
            }
        }
    }

    private static double[] row(DMatrixRMaj m) {
        return m.data.clone();
    }

    /** The trace of a case's sample with plain SGD, lr 0.1. */
    private static BackpropTrace sgdTrace(GradientCases.Case c) {
        Optimizer sgd = new Optimizer(new OptimizerConfig.Sgd(0.1), c.network().parameters());
        return BackpropTrace.of(c.network(), c.loss(), sgd, row(c.x()), row(c.y()));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyActivationAndLoss")
    void gradientsAreBackpropsAndPassTheCentralDifferenceCheck(Activation a, LossKind k, long seed) {
        GradientCases.Case c = oneSample(a, k, seed);
        BackpropTrace t = sgdTrace(c);

        // the same numbers as the engine's own forward and backward on the same sample
        List<DMatrixRMaj> engine = GradientCheck.backpropGradients(c.network(), c.loss(), c.x(), c.y());
        List<DMatrixRMaj> traced = new ArrayList<>();
        for (BackpropTrace.Layer l : t.layers()) {
            traced.add(matrix(l.dW()));
            traced.add(matrix(l.dB()));
        }
        for (int p = 0; p < engine.size(); p++) {
            assertThat(traced.get(p).data).as("parameter %d", p).containsExactly(engine.get(p).data);
        }
        // and central differences agree with them to the engine's bar
        GradientCheck.Result check = GradientCheck.compare(c.network(), c.loss(), c.x(), c.y(), traced,
                GradientCheck.DEFAULT_EPSILON);
        assertThat(check.passed()).as("%s", check.entries()).isTrue();
        assertThat(t.prediction()[0]).containsExactly(row(c.network().predict(c.x())));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyActivationAndLoss")
    void eachStageFollowsFromTheOneBefore(Activation a, LossKind k, long seed) {
        GradientCases.Case c = oneSample(a, k, seed);
        BackpropTrace t = sgdTrace(c);
        List<BackpropTrace.Layer> layers = t.layers();
        assertThat(layers.get(0).input()).isDeepEqualTo(t.x());
        for (int k2 = 0; k2 < layers.size(); k2++) {
            BackpropTrace.Layer l = layers.get(k2);
            // z = input·W + b, a = f(z), dZ = dA ⊙ f′(z), dW = inputᵀ·dZ, dX = dZ·Wᵀ — recomputed naively
            for (int j = 0; j < l.z()[0].length; j++) {
                double z = l.bias()[0][j];
                for (int i = 0; i < l.input()[0].length; i++) {
                    z += l.input()[0][i] * l.weights()[i][j];
                }
                assertThat(l.z()[0][j]).isCloseTo(z, within(1e-12));
                assertThat(l.a()[0][j]).isCloseTo(l.activation().value(l.z()[0][j]), within(1e-12));
                assertThat(l.fPrime()[0][j]).isCloseTo(l.activation().derivative(l.z()[0][j], l.a()[0][j]),
                        within(1e-12));
                assertThat(l.dZ()[0][j]).isCloseTo(l.dA()[0][j] * l.fPrime()[0][j], within(1e-12));
                assertThat(l.dB()[0][j]).isEqualTo(l.dZ()[0][j]);
                for (int i = 0; i < l.input()[0].length; i++) {
                    assertThat(l.dW()[i][j]).isCloseTo(l.input()[0][i] * l.dZ()[0][j], within(1e-12));
                }
            }
            for (int i = 0; i < l.input()[0].length; i++) {
                double dx = 0;
                for (int j = 0; j < l.z()[0].length; j++) {
                    dx += l.dZ()[0][j] * l.weights()[i][j];
                }
                assertThat(l.dX()[0][i]).isCloseTo(dx, within(1e-12));
            }
            if (k2 + 1 < layers.size()) {
                assertThat(layers.get(k2 + 1).input()).isDeepEqualTo(l.a());
                assertThat(l.dA()).isDeepEqualTo(layers.get(k2 + 1).dX());
            }
        }
        assertThat(layers.get(layers.size() - 1).dA()).isDeepEqualTo(t.lossGradient());
    }

    @Test
    void sgdStepIsMinusLearningRateTimesTheGradientAndLowersTheSampleLoss() {
        Network net = new Trainer(Presets.get("classic-sigmoid")).network();
        Optimizer sgd = new Optimizer(new OptimizerConfig.Sgd(0.05), net.parameters());
        BackpropTrace t = BackpropTrace.of(net, new Loss(LossKind.MSE, Reduction.MEAN), sgd, new double[] {1.0},
                new double[] {Math.sin(1.0)});
        for (BackpropTrace.Layer l : t.layers()) {
            for (int i = 0; i < l.dW().length; i++) {
                for (int j = 0; j < l.dW()[i].length; j++) {
                    assertThat(l.stepW()[i][j]).isCloseTo(-0.05 * l.dW()[i][j], within(1e-15));
                }
            }
            assertThat(l.stepB()[0][0]).isCloseTo(-0.05 * l.dB()[0][0], within(1e-15));
        }
        assertThat(t.lossAfter()).isLessThan(t.loss());
    }

    @Test
    void seedTwosReboundStepIsPlainSgdWhateverTheMomentum() {
        Trainer trainer = new Trainer(Presets.get("deep-momentum"));
        trainer.runEpoch();
        Optimizer opt = trainer.optimizer();
        BackpropTrace t = BackpropTrace.of(trainer.network(), trainer.config().loss(), opt, new double[] {0.5},
                new double[] {0.4});
        double[][] dW = t.layers().get(1).dW();
        double[][] step = t.layers().get(1).stepW();
        for (int i = 0; i < dW.length; i++) {
            for (int j = 0; j < dW[0].length; j++) {
                // ΔW = −lr·g: the velocity μ·v + g is computed and dropped
                // (to the rounding of w_after − w_before, w ~ 0.01: the velocity's μ·v would be ~1e-11)
                assertThat(step[i][j]).isCloseTo(-0.01 * dW[i][j], within(1e-16));
            }
        }
    }

    @Test
    void momentumStepUsesTheOptimizersVelocityAndChangesNothing() {
        TrainingConfig preset = Presets.get("deep-momentum");
        Trainer trainer = new Trainer(preset.withOptimizer(((OptimizerConfig.ReboundSgd) preset.optimizer()).textbook()));
        trainer.runEpoch();
        Network net = trainer.network();
        Optimizer opt = trainer.optimizer();
        double mu = ((OptimizerConfig.Sgd) opt.config()).momentum();
        double lr = opt.config().learningRate();
        double[] w1 = net.layers().get(0).weights().data.clone();
        double[] v1 = opt.firstMoment(0).data.clone();
        long steps = opt.steps();

        BackpropTrace t = BackpropTrace.of(net, trainer.config().loss(), opt, new double[] {0.5}, new double[] {0.4});

        double[][] dW = t.layers().get(0).dW();
        double[][] step = t.layers().get(0).stepW();
        int cols = dW[0].length;
        for (int i = 0; i < dW.length; i++) {
            for (int j = 0; j < cols; j++) {
                // v ← μ·v + g;  ΔW = −lr·v
                double v = mu * v1[i * cols + j] + dW[i][j];
                assertThat(step[i][j]).isCloseTo(-lr * v, within(1e-15));
            }
        }
        assertThat(net.layers().get(0).weights().data).containsExactly(w1);
        assertThat(opt.firstMoment(0).data).containsExactly(v1);
        assertThat(opt.steps()).isEqualTo(steps);
    }

    @Test
    void adamAndRmsPropStepsFollowTheirRulesFromTheOptimizersState() {
        for (OptimizerConfig o : new OptimizerConfig[] {new OptimizerConfig.Adam(0.01),
                new OptimizerConfig.RmsProp(0.01)}) {
            Trainer trainer = new Trainer(Presets.get("classic-sigmoid").withOptimizer(o));
            trainer.runEpoch();
            Optimizer opt = trainer.optimizer();
            double[] m0 = opt.firstMoment(4).data.clone(); // W3 (10 × 1): parameters are W1, b1, W2, b2, W3, b3
            double[] v0 = opt.secondMoment(4).data.clone();
            long t = opt.steps() + 1;
            BackpropTrace trace = BackpropTrace.of(trainer.network(), trainer.config().loss(), opt,
                    new double[] {-1}, new double[] {Math.sin(-1)});
            double[][] dW = trace.layers().get(2).dW();
            double[][] step = trace.layers().get(2).stepW();
            for (int i = 0; i < dW.length; i++) {
                double g = dW[i][0];
                double expected;
                if (o instanceof OptimizerConfig.Adam) {
                    // m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; ΔW = −lr·m̂ / (√v̂ + ε)
                    double m = 0.9 * m0[i] + 0.1 * g;
                    double v = 0.999 * v0[i] + 0.001 * g * g;
                    expected = -0.01 * (m / (1 - Math.pow(0.9, t))) / (Math.sqrt(v / (1 - Math.pow(0.999, t))) + 1e-8);
                } else {
                    // s ← ρs + (1 − ρ)g²; ΔW = −lr·g / (√s + ε)
                    double sq = 0.9 * m0[i] + 0.1 * g * g;
                    expected = -0.01 * g / (Math.sqrt(sq) + 1e-8);
                }
                assertThat(step[i][0]).as("%s, row %d", o.name(), i).isCloseTo(expected, within(1e-15));
            }
        }
    }

    @Test
    void aMutedUnitsOutgoingWeightsStayZeroInTheStep() {
        Network net = new Trainer(Presets.get("classic-sigmoid")).network();
        net.mute(new Network.Unit(1, 3));
        Optimizer sgd = new Optimizer(new OptimizerConfig.Sgd(0.1), net.parameters());
        BackpropTrace t = BackpropTrace.of(net, new Loss(LossKind.MSE, Reduction.MEAN), sgd, new double[] {1},
                new double[] {0.5});
        BackpropTrace.Layer out = t.layers().get(2);
        assertThat(out.muted()).containsExactly(3);
        assertThat(out.weights()[3][0]).isZero();
        assertThat(out.stepW()[3][0]).isZero();
        assertThat(out.dW()[3][0]).as("the true gradient is still shown").isNotZero();
        assertThat(t.layers().get(0).muted()).isEmpty();
    }

    private static DMatrixRMaj matrix(double[][] rows) {
        DMatrixRMaj m = new DMatrixRMaj(rows.length, rows[0].length);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, m.data, i * rows[0].length, rows[0].length);
        }
        return m;
    }
}
