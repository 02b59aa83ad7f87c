package org.backpropstudio.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.backpropstudio.engine.EpochResult;
import org.backpropstudio.engine.LossKind;
import org.backpropstudio.engine.OptimizerConfig;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.engine.Trainer;
import org.backpropstudio.engine.TrainingConfig;
import org.backpropstudio.engine.WeightDecay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExperimentJsonTest {

    @TempDir
    Path dir;

    private static double[] history(TrainingConfig c, int epochs) {
        Trainer t = new Trainer(c);
        double[] h = new double[2 * epochs];
        for (int e = 0; e < epochs; e++) {
            EpochResult r = t.runEpoch();
            h[2 * e] = r.trainLoss();
            h[2 * e + 1] = r.testLoss();
        }
        return h;
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic-sigmoid", "relu-mae", "deep-momentum", "linear-neuron"})
    void aReopenedExperimentTrainsToTheSameHistoryNumberForNumber(String preset) throws Exception {
        TrainingConfig original = Presets.get(preset).withSeed(77);
        Path file = dir.resolve(preset + ".bps.json");
        ExperimentJson.write(file, new ExperimentJson.Experiment(original, null));
        ExperimentJson.Experiment reopened = ExperimentJson.read(file);
        assertThat(ExperimentJson.toJson(reopened)).isEqualTo(ExperimentJson.toJson(new ExperimentJson.Experiment(original, null)));
        assertThat(history(reopened.config(), 40)).containsExactly(history(original, 40));
        assertThat(reopened.weights()).isNull();
    }

    @Test
    void everyOptimizerAndTheSavedWeightsRoundTrip() throws Exception {
        for (OptimizerConfig o : new OptimizerConfig[] {
                new OptimizerConfig.Sgd(0.3, 0.9, true, WeightDecay.l1(1e-4)),
                new OptimizerConfig.ReboundSgd(0.01, 0.9, WeightDecay.l2(1e-3)),
                new OptimizerConfig.Adam(1e-3, 0.8, 0.99, 1e-7, WeightDecay.l2(0.01)),
                new OptimizerConfig.RmsProp(0.01, 0.95, 1e-6, WeightDecay.NONE)}) {
            TrainingConfig c = Presets.get("classic-sigmoid").withOptimizer(o);
            Trainer t = new Trainer(c);
            t.runEpoch();
            WeightsFile w = WeightsFile.of(t.network(), LossKind.HALF_MSE, null);
            ExperimentJson.Experiment back = ExperimentJson.parse(ExperimentJson.toJson(new ExperimentJson.Experiment(c, w)));
            assertThat(back.config()).isEqualTo(c);
            for (int k = 0; k < 3; k++) {
                assertThat(back.weights().weights().get(k)).isDeepEqualTo(w.weights().get(k));
                assertThat(back.weights().biases().get(k)).containsExactly(w.biases().get(k));
            }
        }
    }

    /** Version 2: a classifier's experiment, the plane's data or labelled samples, reopens and trains the same. */
    @Test
    void aClassifiersExperimentRoundTripsAndTrainsTheSame() throws Exception {
        TrainingConfig spiral = Presets.get("spiral-relu").withSeed(5);
        ExperimentJson.Experiment back = ExperimentJson.parse(ExperimentJson.toJson(new ExperimentJson.Experiment(spiral,
                null)));
        assertThat(back.config()).isEqualTo(spiral);
        assertThat(history(back.config(), 5)).containsExactly(history(spiral, 5));
        org.backpropstudio.engine.Dataset train = org.backpropstudio.engine.Dataset.labelled(
                new double[][] {{0.1, 2}, {-3e-9, 4}, {5, 6}}, new int[] {2, 0, 1}, 3);
        org.backpropstudio.engine.Dataset test = org.backpropstudio.engine.Dataset.labelled(
                new double[][] {{1, 1}}, new int[] {1}, 3);
        TrainingConfig labelled = spiral.withNetwork(new org.backpropstudio.engine.NetworkSpec(2, java.util.List.of(
                new org.backpropstudio.engine.LayerSpec(4, org.backpropstudio.engine.Activation.RELU),
                new org.backpropstudio.engine.LayerSpec(3, org.backpropstudio.engine.Activation.IDENTITY))))
                .withData(new org.backpropstudio.engine.DataSpec.LabelledData(train, test, 3))
                .withReplacement(true).withStepLimit(7);
        String json = ExperimentJson.toJson(new ExperimentJson.Experiment(labelled, null));
        assertThat(json).contains("\"version\" : 2").contains("\"kind\" : \"classification\"")
                .contains("\"labels\" : [ 2, 0, 1 ]");
        // (datasets compare by their numbers: the text written again is the same text)
        TrainingConfig reread = ExperimentJson.parse(json).config();
        assertThat(ExperimentJson.toJson(new ExperimentJson.Experiment(reread, null))).isEqualTo(json);
        assertThat(reread.replacement()).isTrue();
        assertThat(reread.stepLimit()).isEqualTo(7);
        assertThat(history(reread, 5)).containsExactly(history(labelled, 5));
        // a version-1 file cannot hold a classifier; a task that does not fit its data is refused
        assertThatThrownBy(() -> ExperimentJson.parse(json.replace("\"version\" : 2", "\"version\" : 1")))
                .hasMessageContaining("\"kind\" must be \"function\" or \"given\", found 'labelled'");
        assertThatThrownBy(() -> ExperimentJson.parse(json.replace("\"kind\" : \"classification\"",
                "\"kind\" : \"regression\""))).hasMessageContaining("does not fit the data, which poses classification");
        assertThatThrownBy(() -> ExperimentJson.parse(json.replace("\"labels\" : [ 2, 0, 1 ]", "\"labels\" : [ 2, 0, 3 ]")))
                .hasMessageContaining("data.train.labels, entry 3: 3 is not a class from 0 to 2");
        assertThatThrownBy(() -> ExperimentJson.parse(json.replace("\"version\" : 2", "\"version\" : 3")))
                .hasMessageContaining("version 3 is not supported (this Backprop Studio reads versions 1 to 2)");
    }

    @Test
    void malformedExperimentsAreNamed() {
        String good = ExperimentJson.toJson(new ExperimentJson.Experiment(Presets.get("classic-sigmoid"), null));
        assertThatThrownBy(() -> ExperimentJson.parse(good.replace("backprop-studio.experiment", "x")))
                .isInstanceOf(ImportException.class).hasMessageContaining("not an experiment");
        assertThatThrownBy(() -> ExperimentJson.parse(good.replace("\"sgd\"", "\"lbfgs\"")))
                .isInstanceOf(ImportException.class).hasMessageContaining("unknown name 'lbfgs'");
        assertThatThrownBy(() -> ExperimentJson.parse(good.replace("\"sin\"", "\"tan\"")))
                .isInstanceOf(ImportException.class).hasMessageContaining("unknown target function 'tan'");
        assertThatThrownBy(() -> ExperimentJson.parse(good.replace("\"learningRate\" : 0.1", "\"learningRate\" : -1")))
                .isInstanceOf(ImportException.class).hasMessageContaining("learning rate must be a finite number ≥ 0");
        assertThatThrownBy(() -> ExperimentJson.parse(good.substring(0, good.length() / 2)))
                .isInstanceOf(ImportException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void theVersionOneGoldenExperimentKeepsLoading() throws Exception {
        ExperimentJson.Experiment e = ExperimentJson.parse(WeightsJsonTest.resource("deep-momentum.v1.bps.json"));
        // saved before the preset followed seed 002's code: textbook momentum, mean, 1000 epochs
        TrainingConfig preset = Presets.get("deep-momentum");
        org.backpropstudio.engine.DataSpec.FunctionData d = (org.backpropstudio.engine.DataSpec.FunctionData) preset.data();
        assertThat(e.config()).isEqualTo(preset
                .withOptimizer(((OptimizerConfig.ReboundSgd) preset.optimizer()).textbook())
                .withLoss(new org.backpropstudio.engine.Loss(LossKind.HALF_MSE, org.backpropstudio.engine.Reduction.MEAN))
                .withEpochs(1000)
                .withData(new org.backpropstudio.engine.DataSpec.FunctionData(d.target(), d.xMin(), d.xMax(),
                        d.trainCount(), d.testCount(), d.noise(), org.backpropstudio.engine.DataSpec.Sampling.RANDOM,
                        false)));
        assertThat(e.weights()).isNull();
    }

    @Test
    void theLossHistoryRoundTripsWithDivergedEpochsAsNull() throws Exception {
        ExperimentJson.History h = new ExperimentJson.History(new int[] {1, 2, 3}, new double[] {0.5, 0.25, Double.NaN},
                new double[] {0.5, 0.3, Double.NaN}, new double[] {0.6, 0.4, 1e300}, new double[] {0.6, 0.45, 1e300});
        ExperimentJson.Experiment back = ExperimentJson.parse(ExperimentJson.toJson(
                new ExperimentJson.Experiment(Presets.get("linear-neuron"), null, h)));
        assertThat(back.history().epoch()).containsExactly(1, 2, 3);
        assertThat(back.history().trainMin()).containsExactly(0.5, 0.25, Double.NaN);
        assertThat(back.history().testMax()).containsExactly(0.6, 0.45, 1e300);
    }

    @Test
    void aTypedTargetAndPinnedRunsRoundTrip() throws Exception {
        TrainingConfig c = Presets.get("classic-sigmoid").withData(new org.backpropstudio.engine.DataSpec.FunctionData(
                org.backpropstudio.engine.ExpressionTarget.parse("sin(x) + 0.3*x"), -3, 3, 20, 5, 0,
                org.backpropstudio.engine.DataSpec.Sampling.RANDOM, false));
        var losses = new org.backpropstudio.training.LossCurve.View(new int[] {1, 2}, new double[] {0.5, Double.NaN},
                new double[] {0.6, Double.NaN}, new double[] {0.7, 0.1}, new double[] {0.8, 0.2});
        var pin = new org.backpropstudio.training.PinnedRun("10-10 sigmoid, lr 0.1", losses, new double[] {-1, 0, 1},
                new double[] {0.25, Double.NaN, -1e-300});
        String json = ExperimentJson.toJson(new ExperimentJson.Experiment(c, null, null, java.util.List.of(pin)));
        ExperimentJson.Experiment back = ExperimentJson.parse(json);
        assertThat(back.config()).isEqualTo(c);
        assertThat(back.config().data()).isInstanceOfSatisfying(org.backpropstudio.engine.DataSpec.FunctionData.class,
                f -> assertThat(f.target().value(1.5)).isEqualTo(Math.sin(1.5) + 0.3 * 1.5));
        assertThat(back.pinned()).hasSize(1);
        var p = back.pinned().get(0);
        assertThat(p.label()).isEqualTo(pin.label());
        assertThat(p.x()).containsExactly(-1, 0, 1);
        assertThat(p.prediction()).containsExactly(0.25, Double.NaN, -1e-300);
        assertThat(p.losses().trainMin()).containsExactly(0.5, Double.NaN);
        assertThat(p.losses().testMax()).containsExactly(0.8, 0.2);
        // same data as the first training: the typed target generates the same samples
        assertThat(history(back.config(), 5)).containsExactly(history(c, 5));
    }

    @Test
    void anExtrapolationSplitRoundTripsAndOldFilesTestOnTheTrainingRange() throws Exception {
        TrainingConfig plain = Presets.get("classic-sigmoid");
        var f = (org.backpropstudio.engine.DataSpec.FunctionData) plain.data();
        TrainingConfig split = plain.withData(f.withTestRange(Math.PI, 2 * Math.PI));
        String json = ExperimentJson.toJson(new ExperimentJson.Experiment(split, null));
        assertThat(json).contains("\"testXMin\"").contains("\"testXMax\"");
        assertThat(ExperimentJson.parse(json).config()).isEqualTo(split);
        String old = ExperimentJson.toJson(new ExperimentJson.Experiment(plain, null));
        assertThat(old).doesNotContain("testXMin");
        assertThat(ExperimentJson.parse(old).config()).isEqualTo(plain);
        String oneEnd = json.replaceAll("\"testXMax\" *: *[0-9.eE+-]+,?", "");
        assertThatThrownBy(() -> ExperimentJson.parse(oneEnd)).isInstanceOf(ImportException.class)
                .hasMessageContaining("testXMax");
        String reversed = json.replace("\"testXMin\" : 3.14", "\"testXMin\" : 9.14");
        assertThat(reversed).isNotEqualTo(json);
        assertThatThrownBy(() -> ExperimentJson.parse(reversed)).isInstanceOf(ImportException.class)
                .hasMessageContaining("min < max");
    }

    @Test
    void aBadTypedTargetOrTooManyPinsAreRefusedWithTheReason() {
        String good = ExperimentJson.toJson(new ExperimentJson.Experiment(Presets.get("classic-sigmoid").withData(
                new org.backpropstudio.engine.DataSpec.FunctionData(org.backpropstudio.engine.ExpressionTarget.parse("x^2"),
                        -1, 1, 5, 2, 0, org.backpropstudio.engine.DataSpec.Sampling.EVEN, false)), null));
        assertThatThrownBy(() -> ExperimentJson.parse(good.replace("\"x^2\"", "\"x^^2\"")))
                .isInstanceOf(ImportException.class).hasMessageContaining("data.expression").hasMessageContaining("character 3");
        String sixPins = good.replace("\"data\"", "\"pinned\": [{}, {}, {}, {}, {}, {}], \"data\"");
        assertThatThrownBy(() -> ExperimentJson.parse(sixPins)).isInstanceOf(ImportException.class)
                .hasMessageContaining("at most 5");
        String badPin = good.replace("\"data\"", "\"pinned\": [{\"label\": \"a\"}], \"data\"");
        assertThatThrownBy(() -> ExperimentJson.parse(badPin)).isInstanceOf(ImportException.class)
                .hasMessageContaining("pinned[0]");
    }
}
