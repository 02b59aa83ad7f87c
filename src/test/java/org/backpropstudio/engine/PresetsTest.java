package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The presets are exactly DESIGN.md's table. */
class PresetsTest {

    @Test
    void classicSigmoid() {
        TrainingConfig c = Presets.get("classic-sigmoid");
        assertThat(c.network()).hasToString("1 → 10 σ → 10 σ → 1");
        assertThat(c.weightInit()).isEqualTo(new Initializer.Normal(0, 1));
        assertThat(c.biasInit()).isEqualTo(new Initializer.Constant(0));
        assertThat(c.loss().kind()).isEqualTo(LossKind.HALF_MSE);
        assertThat(c.optimizer()).isEqualTo(new OptimizerConfig.Sgd(0.1));
        assertThat(c.batchSize()).isEqualTo(1);
        assertThat(c.shuffle()).isFalse();
        assertThat(c.epochs()).isEqualTo(2000);
        DataSpec.FunctionData d = (DataSpec.FunctionData) c.data();
        assertThat(d.target()).isEqualTo(TargetFunction.SIN);
        assertThat(d.trainCount()).isEqualTo(50);
        assertThat(d.testCount()).isEqualTo(10);
        assertThat(d.xMin()).isEqualTo(-2 * Math.PI);
        assertThat(d.xMax()).isEqualTo(2 * Math.PI);
        assertThat(d.sampling()).isEqualTo(DataSpec.Sampling.RANDOM);
        Trainer t = new Trainer(c);
        for (double x : t.trainData().xColumn()) {
            assertThat(x).isBetween(-2 * Math.PI, 2 * Math.PI);
        }
        assertThat(t.trainData().yColumn()[7]).isEqualTo(Math.sin(t.trainData().xColumn()[7]));
    }

    @Test
    void reluMae() {
        TrainingConfig c = Presets.get("relu-mae");
        assertThat(c.network()).hasToString("1 → 16 ReLU → 32 ReLU → 1");
        assertThat(c.weightInit()).isEqualTo(new Initializer.Normal(0, 1));
        assertThat(c.biasInit()).isEqualTo(new Initializer.Normal(0, 1));
        assertThat(c.loss()).isEqualTo(new Loss(LossKind.MAE, Reduction.MEAN));
        assertThat(c.optimizer()).isEqualTo(new OptimizerConfig.Sgd(0.001));
        assertThat(c.batchSize()).isEqualTo(16);
        assertThat(c.streaming()).isTrue();
        assertThat(c.epochs()).isEqualTo(10_000);
        DataSpec.FunctionData d = (DataSpec.FunctionData) c.data();
        assertThat(d.xMin()).isEqualTo(-5);
        assertThat(d.xMax()).isEqualTo(5);
    }

    @Test
    void deepMomentum() {
        TrainingConfig c = Presets.get("deep-momentum");
        assertThat(c.network()).hasToString("1 → 16 ReLU → 64 ReLU → 16 ReLU → 1");
        assertThat(c.weightInit()).isEqualTo(new Initializer.Normal(0, 0.01));
        // as seed 002's code computes: MSE.backward returns p − y undivided (the batch sum's
        // gradient), SGD.step rebinds v (plain SGD whatever μ), range(1, 1000) is 999 epochs
        assertThat(c.loss()).isEqualTo(new Loss(LossKind.HALF_MSE, Reduction.SUM));
        assertThat(c.optimizer()).isEqualTo(new OptimizerConfig.ReboundSgd(0.01, 0.9, WeightDecay.NONE));
        assertThat(c.batchSize()).isEqualTo(4);
        assertThat(c.shuffle()).isTrue();
        assertThat(c.dropLast()).isTrue();
        assertThat(c.epochs()).isEqualTo(999);
        DataSpec.FunctionData d = (DataSpec.FunctionData) c.data();
        assertThat(d.trainCount()).isEqualTo(100);
        assertThat(d.sampling()).isEqualTo(DataSpec.Sampling.RESAMPLED);
        assertThat(d.noise()).isPositive();
        assertThat(d.xMin()).isEqualTo(-Math.PI);
        assertThat(d.xMax()).isEqualTo(Math.PI);
    }

    @Test
    void deepMomentumDrawsItsHundredPointsWithReplacementFromTwoHundred() {
        DataSpec.FunctionData d = (DataSpec.FunctionData) Presets.get("deep-momentum").data();
        // the pool: 200 samples drawn first from the same stream, as generateTrain draws them
        java.util.random.RandomGenerator stream = new java.util.SplittableRandom(42);
        DataSpec.FunctionData pool = new DataSpec.FunctionData(d.target(), d.xMin(), d.xMax(), 200, 1, d.noise(),
                DataSpec.Sampling.RANDOM, false);
        Dataset all = pool.generateTrain(stream);
        int[] picks = new int[100];
        for (int i = 0; i < 100; i++) {
            picks[i] = stream.nextInt(200);
        }
        Dataset train = d.generateTrain(new java.util.SplittableRandom(42));
        assertThat(train.size()).isEqualTo(100);
        java.util.Set<Double> distinct = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            assertThat(train.xColumn()[i]).isEqualTo(all.xColumn()[picks[i]]);
            assertThat(train.yColumn()[i]).isEqualTo(all.yColumn()[picks[i]]);
            distinct.add(train.xColumn()[i]);
        }
        // with replacement: some sample comes twice (100 of 200 all distinct has odds ~1e-13)
        assertThat(distinct).hasSizeLessThan(100);
    }

    @Test
    void digitsSoftmaxIsTheTutorialExactly() {
        Dataset train = Dataset.labelled(new double[7200][784], new int[7200], 10);
        Dataset validation = Dataset.labelled(new double[800][784], new int[800], 10);
        TrainingConfig c = Presets.digitsSoftmax(train, validation);
        assertThat(c.network()).hasToString("784 → 64 ReLU → 32 ReLU → 10");
        assertThat(c.weightInit()).isEqualTo(new Initializer.Normal(0, 0.01));
        assertThat(c.biasInit()).isEqualTo(new Initializer.Constant(0));
        assertThat(c.loss()).isEqualTo(new Loss(LossKind.SOFTMAX_CROSS_ENTROPY, Reduction.MEAN));
        assertThat(c.optimizer()).isEqualTo(new OptimizerConfig.Sgd(0.01));
        assertThat(c.batchSize()).isEqualTo(200);
        assertThat(c.replacement()).isTrue();
        // 5 000 steps; an epoch is ⌊7200 / 200⌋ = 36 of them: 138 epochs and 32 steps
        assertThat(c.stepLimit()).isEqualTo(5000);
        assertThat(c.epochs()).isEqualTo(139);
        assertThat(c.data().task()).isEqualTo(new Task.Classification(10));
        assertThat(c.data().trainCount()).isEqualTo(7200);
        assertThat(c.data().testCount()).isEqualTo(800);
    }

    /** The plane's presets separate their classes within their 300 epochs (well under a second here). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"spiral-relu", "circle-relu", "xor-tanh"})
    void thePlanesPresetsSeparateTheirClasses(String name) {
        TrainingConfig c = Presets.get(name);
        Trainer t = new Trainer(c);
        EpochResult last = null;
        for (int e = 0; e < c.epochs(); e++) {
            last = t.runEpoch();
        }
        assertThat(last.testAccuracy()).as(name).isGreaterThan(0.95);
        assertThat(last.trainAccuracy()).as(name).isGreaterThan(0.95);
    }

    @Test
    void linearNeuron() {
        TrainingConfig c = Presets.get("linear-neuron");
        assertThat(c.network()).hasToString("1 → 1 (no bias)");
        assertThat(c.weightInit()).isEqualTo(new Initializer.Constant(1));
        assertThat(c.loss().kind()).isEqualTo(LossKind.MSE);
        assertThat(c.optimizer()).isEqualTo(new OptimizerConfig.Sgd(0.01));
        assertThat(c.epochs()).isEqualTo(100);
        DataSpec.GivenData d = (DataSpec.GivenData) c.data();
        assertThat(d.train().xColumn()).containsExactly(1, 2, 3);
        assertThat(d.train().yColumn()).containsExactly(2, 4, 6);
    }

    @Test
    void defaultFirstAndUnknownNamesExplained() {
        assertThat(Presets.names()).startsWith(Presets.DEFAULT).hasSize(7);
        assertThat(Presets.names(Task.Regression.class)).containsExactly("classic-sigmoid", "relu-mae", "deep-momentum",
                "linear-neuron");
        assertThat(Presets.names(Task.Classification.class)).containsExactly("spiral-relu", "circle-relu", "xor-tanh");
        assertThatThrownBy(() -> Presets.get("xor")).hasMessageContaining("unknown preset 'xor'")
                .hasMessageContaining("classic-sigmoid");
    }
}
