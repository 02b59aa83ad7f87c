package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/** Each update rule against the formula applied by hand, on one parameter w = 2 with gradient g. */
class OptimizerTest {

    private static Parameter parameter(double w) {
        return new Parameter("W1", new DMatrixRMaj(new double[][] {{w}}), new DMatrixRMaj(1, 1));
    }

    private static double step(Optimizer o, Parameter p, double gradient) {
        p.gradient().set(0, 0, gradient);
        o.step();
        return p.value().get(0, 0);
    }

    @Test
    void momentumIsExactlyTheDesignRule() {
        // v ← μv + g + λw;  w ← w − lr·v   with μ = 0.9, lr = 0.1, L2 λ = 0.01
        Parameter p = parameter(2.0);
        Optimizer o = new Optimizer(new OptimizerConfig.Sgd(0.1, 0.9, false, WeightDecay.l2(0.01)), List.of(p));
        double w = 2.0;
        double v = 0;
        for (double g : new double[] {0.5, -0.25, 1.0}) {
            v = 0.9 * v + g + 0.01 * w;
            w = w - 0.1 * v;
            assertThat(step(o, p, g)).isEqualTo(w);
        }
    }

    @Test
    void reboundSgdIsPlainSgdWhateverTheMomentum() {
        // seed 002: v = μ·v + g + decay is a rebound loop variable, so w ← w − lr·(g + decay)
        Parameter rebound = parameter(2.0);
        Parameter plain = parameter(2.0);
        Optimizer r = new Optimizer(new OptimizerConfig.ReboundSgd(0.1, 0.9, WeightDecay.NONE), List.of(rebound));
        Optimizer s = new Optimizer(new OptimizerConfig.Sgd(0.1), List.of(plain));
        for (double g : new double[] {0.5, -0.25, 1.0, 0.125}) {
            assertThat(step(r, rebound, g)).isEqualTo(step(s, plain, g));
        }
        assertThat(r.firstMoment(0).get(0, 0)).isZero();
    }

    @Test
    void reboundSgdDecaysAsItsCodeWrites() {
        // its L2 adds λ·g (not λ·w): w = 2 − 0.1·(0.5 + 0.1·0.5) = 1.945
        Parameter l2 = parameter(2.0);
        Optimizer o2 = new Optimizer(new OptimizerConfig.ReboundSgd(0.1, 0.9, WeightDecay.l2(0.1)), List.of(l2));
        assertThat(step(o2, l2, 0.5)).isEqualTo(2.0 - 0.1 * (0.5 + 0.1 * 0.5));
        // its L1 adds λ (not λ·sign(w)), even for a negative w: w = −2 − 0.1·(0 + 0.5) = −2.05
        Parameter l1 = parameter(-2.0);
        Optimizer o1 = new Optimizer(new OptimizerConfig.ReboundSgd(0.1, 0.9, WeightDecay.l1(0.5)), List.of(l1));
        assertThat(step(o1, l1, 0)).isEqualTo(-2.0 - 0.1 * 0.5);
    }

    @Test
    void reboundSgdsTextbookKeepsItsVelocity() {
        OptimizerConfig.ReboundSgd r = new OptimizerConfig.ReboundSgd(0.01, 0.9, WeightDecay.l2(0.001));
        assertThat(r.textbook()).isEqualTo(new OptimizerConfig.Sgd(0.01, 0.9, false, WeightDecay.l2(0.001)));
        assertThat(r.name()).isEqualTo("sgd-rebound");
    }

    @Test
    void l1DecayAddsLambdaTimesSign() {
        Parameter p = parameter(-2.0);
        Optimizer o = new Optimizer(new OptimizerConfig.Sgd(0.1, 0, false, WeightDecay.l1(0.5)), List.of(p));
        // g' = 0 + 0.5·sign(−2) = −0.5;  w = −2 − 0.1·(−0.5) = −1.95
        assertThat(step(o, p, 0)).isCloseTo(-1.95, within(1e-15));
    }

    @Test
    void nesterovLooksAhead() {
        Parameter p = parameter(1.0);
        Optimizer o = new Optimizer(new OptimizerConfig.Sgd(0.1, 0.5, true, WeightDecay.NONE), List.of(p));
        // step 1: v = 1; w = 1 − 0.1·(1 + 0.5·1) = 0.85
        assertThat(step(o, p, 1)).isCloseTo(0.85, within(1e-15));
        // step 2: v = 0.5 + 1 = 1.5; w = 0.85 − 0.1·(1 + 0.75) = 0.675
        assertThat(step(o, p, 1)).isCloseTo(0.675, within(1e-15));
    }

    @Test
    void adamFollowsItsBiasCorrectedRule() {
        Parameter p = parameter(2.0);
        Optimizer o = new Optimizer(new OptimizerConfig.Adam(0.01), List.of(p));
        double w = 2;
        double m = 0;
        double v = 0;
        int t = 0;
        for (double g : new double[] {0.3, -0.1, 0.2, 0.05}) {
            t++;
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            double mHat = m / (1 - Math.pow(0.9, t));
            double vHat = v / (1 - Math.pow(0.999, t));
            w -= 0.01 * mHat / (Math.sqrt(vHat) + 1e-8);
            assertThat(step(o, p, g)).isCloseTo(w, within(1e-15));
        }
        // the first Adam step moves by lr whatever the gradient's size
        Parameter q = parameter(0);
        step(new Optimizer(new OptimizerConfig.Adam(0.01), List.of(q)), q, 1234.5);
        assertThat(q.value().get(0, 0)).isCloseTo(-0.01, within(1e-9));
    }

    @Test
    void rmsPropFollowsItsRule() {
        Parameter p = parameter(2.0);
        Optimizer o = new Optimizer(new OptimizerConfig.RmsProp(0.01), List.of(p));
        double w = 2;
        double s = 0;
        for (double g : new double[] {0.3, -0.1, 0.2}) {
            s = 0.9 * s + 0.1 * g * g;
            w -= 0.01 * g / (Math.sqrt(s) + 1e-8);
            assertThat(step(o, p, g)).isCloseTo(w, within(1e-15));
        }
    }

    @Test
    void changingTheLearningRateKeepsTheVelocity() {
        Parameter p = parameter(0);
        Optimizer o = new Optimizer(new OptimizerConfig.Sgd(0.1, 0.9, false, WeightDecay.NONE), List.of(p));
        step(o, p, 1.0); // v = 1, w = −0.1
        o.setConfig(o.config().withLearningRate(0.01));
        assertThat(o.firstMoment(0).get(0, 0)).isEqualTo(1.0);
        // v = 0.9 + 1 = 1.9; w = −0.1 − 0.01·1.9 = −0.119
        assertThat(step(o, p, 1.0)).isCloseTo(-0.119, within(1e-15));
        assertThat(o.steps()).isEqualTo(2);
    }

    @Test
    void switchingOptimizerKindResetsTheState() {
        Parameter p = parameter(0);
        Optimizer o = new Optimizer(new OptimizerConfig.Sgd(0.1, 0.9, false, WeightDecay.NONE), List.of(p));
        step(o, p, 1.0);
        o.setConfig(new OptimizerConfig.Adam(0.1));
        assertThat(o.firstMoment(0).get(0, 0)).isZero();
        assertThat(o.steps()).isZero();
    }

    @Test
    void impossibleHyperparametersAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new OptimizerConfig.Sgd(-1)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new OptimizerConfig.Sgd(Double.NaN)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new OptimizerConfig.Sgd(0.1, 1.0, false, WeightDecay.NONE)).hasMessageContaining("momentum");
        assertThatThrownBy(() -> WeightDecay.l2(-0.1)).hasMessageContaining("λ");
    }
}
