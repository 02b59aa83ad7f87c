package org.backpropstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.backpropstudio.engine.Activation;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.LayerSpec;
import org.backpropstudio.engine.Loss;
import org.backpropstudio.engine.LossKind;
import org.backpropstudio.engine.NetworkSpec;
import org.backpropstudio.engine.OptimizerConfig;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.engine.Reduction;
import org.backpropstudio.engine.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Huge learning rates and huge inputs end in the diverged state or in finite numbers, never in an exception. */
class ExtremeSettingsTest {

    static Stream<Arguments> presetsAndHugeRates() {
        List<Arguments> cases = new ArrayList<>();
        // the curve fitters; a classifier's tanh units saturate, so its loss may stay finite (below)
        for (String preset : Presets.names(org.backpropstudio.engine.Task.Regression.class)) {
            // 1e6 is the largest learning rate the editor accepts
            for (double lr : new double[] {1e3, 1e4, 1e5, 1e6}) {
                cases.add(Arguments.of(preset, lr));
            }
        }
        return cases.stream();
    }

    /**
     * A clock that stands still: each tick then works a Step's whole epoch, however slow the
     * machine (on the real clock a cold JIT under load left the tenth epoch for the next tick).
     */
    private static final java.util.function.LongSupplier FROZEN = () -> 0L;

    private static Snapshot step(TrainingService s, Command c) {
        s.submit(c);
        s.tick();
        s.takeLatest();
        return s.snapshotNow();
    }

    /**
     * A classifier with a huge learning rate: diverged, or finite losses (xor-tanh's saturated
     * tanh units keep its loss at about 2.5·lr), never an exception.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"spiral-relu", "circle-relu", "xor-tanh"})
    void aClassifierWithAHugeLearningRateEndsDivergedOrFinite(String preset) {
        for (double lr : new double[] {1e3, 1e6}) {
            TrainingConfig c = Presets.get(preset);
            TrainingService s = new TrainingService(c, FROZEN);
            step(s, new Command.SetOptimizer(c.optimizer().withLearningRate(lr)));
            Snapshot d = step(s, new Command.Step());
            assertThat(d.event()).isNotInstanceOf(ServiceEvent.InternalError.class);
            if (d.state() != TrainingState.DIVERGED) {
                assertThat(d.trainLoss()).as("%s at lr %s", preset, lr).isFinite();
                assertThat(d.testLoss()).isFinite();
                assertThat(d.trainAccuracy()).isBetween(0.0, 1.0);
            }
        }
    }

    @ParameterizedTest(name = "{0}, lr {1}")
    @MethodSource("presetsAndHugeRates")
    void aHugeLearningRateDivergesWithinOneEpochAndResetRecovers(String preset, double lr) {
        TrainingConfig c = Presets.get(preset);
        TrainingService s = new TrainingService(c, FROZEN);
        step(s, new Command.SetOptimizer(c.optimizer().withLearningRate(lr)));
        Snapshot d = step(s, new Command.Step());
        assertThat(d.epoch()).isEqualTo(1);
        assertThat(d.state()).isEqualTo(TrainingState.DIVERGED);
        assertThat(d.problem()).startsWith("Loss diverged at epoch 1");
        assertThat(step(s, new Command.Play()).state()).as("Play is refused while diverged")
                .isEqualTo(TrainingState.DIVERGED);

        // lower the rate and Reset: it trains as before
        step(s, new Command.SetOptimizer(c.optimizer()));
        step(s, new Command.Reset());
        Snapshot after = null;
        for (int e = 0; e < 10; e++) {
            after = step(s, new Command.Step());
        }
        assertThat(after.state()).isEqualTo(TrainingState.PAUSED);
        assertThat(after.problem()).isNull();
        assertThat(after.epoch()).isEqualTo(10);
        assertThat(after.trainLoss()).isFinite();
        TrainingService fresh = new TrainingService(c, FROZEN);
        for (int e = 0; e < 10; e++) {
            fresh.submit(new Command.Step());
        }
        fresh.tick();
        assertThat(after.trainLoss()).as("the same history as a fresh start").isEqualTo(fresh.snapshotNow().trainLoss());
    }

    @Test
    void inputsOfAMillionGiveFiniteNumbersOrTheDivergedState() {
        for (Activation a : Activation.values()) {
            for (LossKind k : new LossKind[] {LossKind.MSE, LossKind.MAE, LossKind.HUBER, LossKind.HALF_MSE,
                LossKind.SOFTMAX_CROSS_ENTROPY}) {
                NetworkSpec net = new NetworkSpec(1, List.of(new LayerSpec(8, a), new LayerSpec(1, Activation.IDENTITY)));
                double[] xs = {-1e6, -1e3, 0, 1e3, 1e6};
                double[] ys = {1e6, -1e6, 0, 1, -1};
                TrainingConfig c = Presets.get("classic-sigmoid").withNetwork(net)
                        .withLoss(new Loss(k, Reduction.MEAN)).withOptimizer(new OptimizerConfig.Sgd(0.01))
                        .withBatching(0, false, false)
                        .withData(new DataSpec.GivenData(Dataset.of(xs, ys), Dataset.of(new double[] {-1e6, 1e6},
                                new double[] {0, 0})));
                TrainingService s = new TrainingService(c, FROZEN);
                for (int e = 0; e < 5; e++) {
                    Snapshot snap = step(s, new Command.Step());
                    boolean finite = Double.isFinite(snap.trainLoss()) && Double.isFinite(snap.testLoss());
                    assertThat(finite || snap.state() == TrainingState.DIVERGED).as("%s, %s, epoch %d: %s / %s", a, k,
                            snap.epoch(), snap.trainLoss(), snap.testLoss()).isTrue();
                    assertThat(snap.message()).doesNotStartWith("Training stopped by an internal error");
                }
            }
        }
    }

    @Test
    void everyActivationIsFiniteAtAMillion() {
        for (Activation a : Activation.values()) {
            for (double z : new double[] {-1e6, -1e4, -745, 745, 1e4, 1e6}) {
                double v = a.value(z);
                assertThat(v).as("%s(%s)", a, z).isFinite();
                assertThat(a.derivative(z, v)).as("%s′(%s)", a, z).isFinite();
            }
        }
    }
}
