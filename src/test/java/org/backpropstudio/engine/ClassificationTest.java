package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The classification task below the studio: labelled data, the plane's shapes, features, accuracy. */
class ClassificationTest {

    @Test
    void labelledSamplesAreOneHotAndReadBack() {
        Dataset d = Dataset.labelled(new double[][] {{0.5, 1}, {2, -1}, {0, 0}}, new int[] {2, 0, 1}, 3);
        assertThat(d.y().data).containsExactly(0, 0, 1, 1, 0, 0, 0, 1, 0);
        assertThat(new int[] {d.label(0), d.label(1), d.label(2)}).containsExactly(2, 0, 1);
        assertThat(d.x().numCols).isEqualTo(2);
        assertThatThrownBy(() -> Dataset.labelled(new double[][] {{1}}, new int[] {3}, 3))
                .hasMessageContaining("sample 1 has class 3, not one of 0 to 2");
        assertThatThrownBy(() -> new Task.Classification(11)).hasMessageContaining("2 to 10 classes");
    }

    @Test
    void eachKindOfDataSaysItsTask() {
        assertThat(Presets.get("classic-sigmoid").data().task()).isEqualTo(Task.REGRESSION);
        assertThat(Presets.get("linear-neuron").data().task()).isEqualTo(Task.REGRESSION);
        DataSpec plane = new DataSpec.PlaneData(PlaneShape.SPIRAL, 3, 300, 0.1, 0.8, Feature.COORDINATES);
        assertThat(plane.task()).isEqualTo(new Task.Classification(3));
        Dataset one = Dataset.labelled(new double[][] {{1}}, new int[] {1}, 2);
        assertThat(new DataSpec.LabelledData(one, one, 2).task()).isEqualTo(new Task.Classification(2));
    }

    @ParameterizedTest
    @EnumSource(PlaneShape.class)
    void everyShapeMakesBalancedClassesSplitAsAskedAndTheSameForTheSameSeed(PlaneShape shape) {
        int k = shape.maxClasses();
        DataSpec.PlaneData data = new DataSpec.PlaneData(shape, k, 301, 0.2, 0.7, Feature.COORDINATES);
        DataSpec.Samples a = data.make(new SplittableRandom(4), () -> false);
        DataSpec.Samples b = data.make(new SplittableRandom(4), () -> false);
        assertThat(a.train().x().data).containsExactly(b.train().x().data);
        assertThat(a.test().y().data).containsExactly(b.test().y().data);
        assertThat(a.train().size()).isEqualTo(211); // round(301 · 0.7)
        assertThat(a.test().size()).isEqualTo(90);
        int[] perClass = new int[k];
        for (Dataset d : List.of(a.train(), a.test())) {
            for (int i = 0; i < d.size(); i++) {
                perClass[d.label(i)]++;
                assertThat(Math.abs(d.x().get(i, 0))).isLessThan(8);
                assertThat(Math.abs(d.x().get(i, 1))).isLessThan(8);
            }
        }
        for (int c = 0; c < k; c++) {
            assertThat(perClass[c]).isBetween(301 / k, 301 / k + 1);
        }
    }

    @Test
    void theShapesPutTheirClassesWhereTheySay() {
        DataSpec.Points circle = new DataSpec.PlaneData(PlaneShape.CIRCLE, 2, 400, 0, 0.5,
                Feature.COORDINATES).points(new SplittableRandom(1));
        DataSpec.Points xor = new DataSpec.PlaneData(PlaneShape.XOR, 2, 400, 0, 0.5,
                Feature.COORDINATES).points(new SplittableRandom(1));
        for (int i = 0; i < 400; i++) {
            double r = Math.hypot(circle.xy()[i][0], circle.xy()[i][1]);
            assertThat(circle.labels()[i] == 0 ? r <= 2 : r >= 3 && r <= 5).isTrue();
            double product = xor.xy()[i][0] * xor.xy()[i][1];
            assertThat(xor.labels()[i] == 0 ? product > 0 : product < 0).isTrue();
        }
        assertThatThrownBy(() -> new DataSpec.PlaneData(PlaneShape.XOR, 3, 100, 0, 0.5, Feature.COORDINATES))
                .hasMessageContaining("xor data has 2 classes, not 3");
        assertThatThrownBy(() -> new DataSpec.PlaneData(PlaneShape.SPIRAL, 2, 100, 0, 0.5, EnumSet.noneOf(Feature.class)))
                .hasMessageContaining("at least one input feature");
    }

    @Test
    void theNetworkSeesTheFeaturesSwitchedOnInTheirOrder() {
        DataSpec.PlaneData data = new DataSpec.PlaneData(PlaneShape.BLOBS, 2, 50, 0, 0.5,
                EnumSet.of(Feature.SIN_X2, Feature.X1, Feature.X1_TIMES_X2));
        assertThat(data.inputs()).containsExactly(Feature.X1, Feature.X1_TIMES_X2, Feature.SIN_X2);
        DataSpec.Points p = data.points(new SplittableRandom(9));
        Dataset train = data.make(new SplittableRandom(9), () -> false).train();
        for (int i = 0; i < train.size(); i++) {
            double x1 = p.xy()[i][0];
            double x2 = p.xy()[i][1];
            assertThat(new double[] {train.x().get(i, 0), train.x().get(i, 1), train.x().get(i, 2)})
                    .containsExactly(x1, x1 * x2, Math.sin(x2));
            assertThat(train.label(i)).isEqualTo(p.labels()[i]);
        }
    }

    @Test
    void aClassifierLearnsTheSpiralAndReportsAccuracyAsItsDefinitionSays() {
        DataSpec.PlaneData spiral = new DataSpec.PlaneData(PlaneShape.SPIRAL, 3, 600, 0.05, 0.8,
                EnumSet.of(Feature.X1, Feature.X2, Feature.SIN_X1, Feature.SIN_X2));
        TrainingConfig c = new TrainingConfig(
                new NetworkSpec(4, List.of(new LayerSpec(16, Activation.TANH), new LayerSpec(16, Activation.TANH),
                        new LayerSpec(3, Activation.IDENTITY))),
                new Initializer.Normal(0, 0.5), new Initializer.Constant(0),
                new Loss(LossKind.SOFTMAX_CROSS_ENTROPY, Reduction.MEAN), new OptimizerConfig.Adam(0.02),
                16, true, false, 200, 3, spiral);
        Trainer t = new Trainer(c);
        EpochResult first = t.runEpoch();
        assertThat(first.trainAccuracy()).isBetween(0.0, 1.0);
        EpochResult last = first;
        for (int e = 1; e < 150; e++) {
            last = t.runEpoch();
        }
        assertThat(last.trainAccuracy()).isGreaterThan(0.95);
        assertThat(last.testAccuracy()).isGreaterThan(0.9);
        assertThat(last.trainLoss()).isLessThan(first.trainLoss());
        // the accuracy counted by hand from the network's outputs
        Dataset test = t.testData();
        int right = 0;
        for (int i = 0; i < test.size(); i++) {
            double[] row = new double[4];
            for (int f = 0; f < 4; f++) {
                row[f] = test.x().get(i, f);
            }
            double[] out = t.network().predict(new org.ejml.data.DMatrixRMaj(new double[][] {row})).data;
            int best = 0;
            for (int k = 1; k < 3; k++) {
                best = out[k] > out[best] ? k : best;
            }
            right += best == test.label(i) ? 1 : 0;
        }
        assertThat(t.accuracy(test)).isEqualTo((double) right / test.size()).isEqualTo(last.testAccuracy());
        // regression reports no accuracy
        assertThat(new Trainer(Presets.get("linear-neuron")).runEpoch().trainAccuracy()).isNaN();
    }

    /** An epoch taken a unit at a time is the same epoch, bit for bit, as one taken at once. */
    @Test
    void anEpochTakenAUnitAtATimeIsTheSameAsOneTakenAtOnce() {
        for (String preset : new String[] {"spiral-relu", "deep-momentum"}) {
            Trainer whole = new Trainer(Presets.get(preset));
            Trainer units = new Trainer(Presets.get(preset));
            for (int e = 0; e < 3; e++) {
                EpochResult expected = whole.runEpoch();
                EpochResult got;
                int n = 0;
                do {
                    got = units.advance();
                    n++;
                    assertThat(units.epoch()).as("the epoch counts when it ends").isEqualTo(got == null ? e : e + 1);
                } while (got == null);
                assertThat(got).isEqualTo(expected);
                assertThat(n).as(preset + ": steps and evaluation chunks").isGreaterThan(3);
                assertThat(units.network().layers().get(0).weights().data)
                        .containsExactly(whole.network().layers().get(0).weights().data);
            }
        }
    }
    /**
     * The test accuracy pass counts the confusion as it goes: a new array each epoch, the counts a
     * forward pass over the test set gives afterwards, its diagonal the reported test accuracy.
     */
    @Test
    void theAccuracyPassCountsTheTestSetsConfusion() {
        Trainer t = new Trainer(Presets.get("spiral-relu"));
        assertThat(t.testConfusion()).isNull();
        int[][] before = null;
        for (int epoch = 1; epoch <= 3; epoch++) {
            EpochResult r = t.runEpoch();
            int[][] counted = t.testConfusion();
            assertThat(counted).isNotSameAs(before);
            Dataset test = t.testData();
            int classes = test.y().numCols;
            int[][] expected = new int[classes][classes];
            org.ejml.data.DMatrixRMaj out = t.network().forward(test.x());
            int diagonal = 0;
            for (int row = 0; row < test.size(); row++) {
                expected[test.label(row)][Dataset.argmax(out.data, row * classes, classes)]++;
            }
            for (int c = 0; c < classes; c++) {
                diagonal += counted[c][c];
            }
            assertThat(counted).isDeepEqualTo(expected);
            assertThat((double) diagonal / test.size()).isEqualTo(r.testAccuracy());
            before = counted;
        }
        assertThat(new Trainer(Presets.get("classic-sigmoid")).runEpoch()).isNotNull();
    }
}
