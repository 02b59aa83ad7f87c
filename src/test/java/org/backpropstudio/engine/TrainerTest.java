package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrainerTest {

    private static double[][] history(TrainingConfig config, int epochs) {
        Trainer t = new Trainer(config);
        double[][] h = new double[2][epochs];
        for (int e = 0; e < epochs; e++) {
            EpochResult r = t.runEpoch();
            h[0][e] = r.trainLoss();
            h[1][e] = r.testLoss();
        }
        return h;
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic-sigmoid", "relu-mae", "deep-momentum", "linear-neuron"})
    void sameSeedGivesTheSameHistoryBitForBit(String preset) {
        TrainingConfig c = Presets.get(preset);
        double[][] a = history(c, 30);
        double[][] b = history(c, 30);
        assertThat(a[0]).containsExactly(b[0]);
        assertThat(a[1]).containsExactly(b[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic-sigmoid", "relu-mae", "deep-momentum"})
    void anotherSeedGivesAnotherHistory(String preset) {
        TrainingConfig c = Presets.get(preset);
        assertThat(history(c.withSeed(1), 5)[0]).isNotEqualTo(history(c, 5)[0]);
    }

    @Test
    void linearNeuronLearnsTwiceXAndPredictsEightAtFour() {
        Trainer t = new Trainer(Presets.get("linear-neuron"));
        // epoch 1 by hand, w = 1, lr 0.01, ℓ = (wx − y)², ∂ℓ/∂w = 2(wx − y)x:
        // (1, 2): p = 1,      ℓ = 1,          w = 1 + 0.01·2·1·1       = 1.02
        // (2, 4): p = 2.04,   ℓ = 3.8416,     w = 1.02 + 0.01·2·1.96·2 = 1.0984
        // (3, 6): p = 3.2952, ℓ = 7.31594304, w = 1.0984 + 0.01·2·2.7048·3 = 1.260688
        // trainLoss = (1 + 3.8416 + 7.31594304) / 3;  testLoss = (4·1.260688 − 8)²
        EpochResult first = t.runEpoch();
        assertThat(first.trainLoss()).isCloseTo((1 + 3.8416 + 7.31594304) / 3, within(1e-12));
        assertThat(first.testLoss()).isCloseTo(Math.pow(4 * 1.260688 - 8, 2), within(1e-12));
        for (int e = 1; e < 100; e++) {
            t.runEpoch();
        }
        assertThat(t.predict(new double[] {4})[0]).isCloseTo(8, within(1e-9));
    }

    @Test
    void classicSigmoidLearnsTheSine() {
        Trainer t = new Trainer(Presets.get("classic-sigmoid"));
        EpochResult first = t.runEpoch();
        EpochResult last = first;
        for (int e = 1; e < 2000; e++) {
            last = t.runEpoch();
        }
        assertThat(last.epoch()).isEqualTo(2000);
        assertThat(last.trainLoss()).isLessThan(first.trainLoss() / 5);
        assertThat(last.testLoss()).isLessThan(0.05);
    }

    @Test
    void growingAHiddenLayerLeavesThePredictionUnchangedAndKeepsTraining() {
        Trainer t = new Trainer(Presets.get("classic-sigmoid"));
        for (int e = 0; e < 50; e++) {
            t.runEpoch();
        }
        double[] xs = new double[200];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -2 * Math.PI + 4 * Math.PI * i / 199;
        }
        double[] before = t.predict(xs);
        double velocity = t.optimizer().firstMoment(0).get(0, 3);
        t.resizeHidden(0, 16);
        assertThat(t.predict(xs)).containsExactly(before);
        assertThat(t.network()).hasToString("1 → 16 σ → 10 σ → 1");
        assertThat(t.optimizer().firstMoment(0).get(0, 3)).isEqualTo(velocity);
        t.resizeHidden(1, 3);
        assertThat(t.network()).hasToString("1 → 16 σ → 3 σ → 1");
        EpochResult next = t.runEpoch();
        assertThat(next.epoch()).isEqualTo(51);
        assertThat(Double.isFinite(next.trainLoss())).isTrue();
    }

    @Test
    void shrinkingKeepsTheSurvivingUnitsWeights() {
        Trainer t = new Trainer(Presets.get("classic-sigmoid"));
        t.runEpoch();
        double w = t.network().layers().get(0).weights().get(0, 2);
        double next = t.network().layers().get(1).weights().get(2, 5);
        t.resizeHidden(0, 4);
        assertThat(t.network().layers().get(0).weights().get(0, 2)).isEqualTo(w);
        assertThat(t.network().layers().get(1).weights().get(2, 5)).isEqualTo(next);
        assertThat(t.network().layers().get(1).weights().numRows).isEqualTo(4);
    }

    @Test
    void changingTheLearningRateKeepsTheOptimizerState() {
        Trainer t = new Trainer(Presets.get("deep-momentum"));
        t.runEpoch();
        double v = t.optimizer().firstMoment(2).get(3, 7);
        long steps = t.optimizer().steps();
        t.setLearningRate(0.003);
        assertThat(t.optimizer().firstMoment(2).get(3, 7)).isEqualTo(v);
        assertThat(t.optimizer().steps()).isEqualTo(steps);
        assertThat(t.config().optimizer().learningRate()).isEqualTo(0.003);
    }

    @Test
    void changingAnActivationKeepsTheWeights() {
        Trainer t = new Trainer(Presets.get("classic-sigmoid"));
        t.runEpoch();
        double w = t.network().layers().get(1).weights().get(4, 4);
        t.setActivation(1, Activation.TANH);
        assertThat(t.network().layers().get(1).weights().get(4, 4)).isEqualTo(w);
        assertThat(t.network()).hasToString("1 → 10 σ → 10 tanh → 1");
    }

    @Test
    void anExtrapolationSplitTestsOnItsOwnRangeAndTrainsAsBefore() {
        TrainingConfig plain = Presets.get("classic-sigmoid");
        DataSpec.FunctionData f = (DataSpec.FunctionData) plain.data();
        TrainingConfig split = plain.withData(f.withTestRange(Math.PI, 2 * Math.PI));
        Trainer a = new Trainer(plain);
        Trainer b = new Trainer(split);
        // the training samples are drawn first, from the same stream: identical
        assertThat(b.trainData().xColumn()).containsExactly(a.trainData().xColumn());
        double[] testX = b.testData().xColumn();
        assertThat(testX).hasSize(f.testCount());
        assertThat(java.util.Arrays.stream(testX).min().getAsDouble()).isGreaterThanOrEqualTo(Math.PI);
        assertThat(java.util.Arrays.stream(testX).max().getAsDouble()).isLessThanOrEqualTo(2 * Math.PI);
        assertThat(java.util.Arrays.stream(a.testData().xColumn()).min().getAsDouble()).isLessThan(Math.PI);
        assertThat(f.separateTestRange()).isFalse();
        assertThat(f.withTestRange(Double.NaN, Double.NaN)).isEqualTo(f);
        assertThat(((DataSpec.FunctionData) split.data()).span()).containsExactly(-2 * Math.PI, 2 * Math.PI);
        // even spacing covers the test range end to end
        DataSpec.FunctionData even = new DataSpec.FunctionData(TargetFunction.SIN, -1, 1, 3, 3, 0,
                DataSpec.Sampling.EVEN, false, 2, 4);
        assertThat(even.generateTest(new java.util.SplittableRandom(1)).xColumn()).containsExactly(2, 3, 4);
        assertThat(even.span()).containsExactly(-1, 4);
    }

    @Test
    void aTestRangeNeedsBothEndsInOrder() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DataSpec.FunctionData(TargetFunction.SIN, -1, 1,
                        3, 3, 0, DataSpec.Sampling.EVEN, false, 2, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both ends or neither");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DataSpec.FunctionData(TargetFunction.SIN, -1, 1,
                        3, 3, 0, DataSpec.Sampling.EVEN, false, 4, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min < max");
    }

    @Test
    void streamingDrawsOneFreshBatchPerEpoch() {
        Trainer t = new Trainer(Presets.get("relu-mae"));
        assertThat(t.trainData().size()).isZero();
        assertThat(t.testData().size()).isEqualTo(100);
        t.runEpoch();
        assertThat(t.optimizer().steps()).isEqualTo(1);
        t.runEpoch();
        assertThat(t.optimizer().steps()).isEqualTo(2);
    }

    @Test
    void aHugeLearningRateDivergesToANonFiniteLossNotAnException() {
        Trainer t = new Trainer(Presets.get("classic-sigmoid").withOptimizer(new OptimizerConfig.Sgd(1e6)));
        EpochResult r = null;
        for (int e = 0; e < 5 && (r == null || Double.isFinite(r.trainLoss())); e++) {
            r = t.runEpoch();
        }
        assertThat(r.trainLoss()).isNotFinite();
    }

    @Test
    void aTrainingStepAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Trainer t = new Trainer(Presets.get("classic-sigmoid"));
        for (int e = 0; e < 20; e++) {
            t.runEpoch();
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        int epochs = 200;
        for (int e = 0; e < epochs; e++) {
            t.runEpoch();
        }
        long perEpoch = (threads.getThreadAllocatedBytes(thread) - before) / epochs;
        // An epoch is 50 steps; it may allocate its small EpochResult, nothing per step.
        assertThat(perEpoch).as("bytes allocated per epoch of 50 steps").isLessThan(64);
    }
}
