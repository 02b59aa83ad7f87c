package org.backpropstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.backpropstudio.engine.Activation;
import org.backpropstudio.engine.LayerSpec;
import org.backpropstudio.engine.OptimizerConfig;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.engine.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The service driven tick by tick on the test's thread: deterministic. */
class TrainingServiceTest {

    /**
     * A service whose clock stands still, as these tests drive it tick by tick: a tick then ends
     * one epoch of Play's, or every Step owed. On the real clock a tick stops after 10 ms, which an
     * epoch can outlast on a busy machine (a cold JIT, another test JVM), and the tests would count
     * ticks that the machine's speed decides.
     */
    private static TrainingService service(TrainingConfig config) {
        return new TrainingService(config, () -> 0L);
    }

    /** Ticks ticks + 1 times, then the state as of now. */
    private static Snapshot tickAndTake(TrainingService s, int ticks) {
        for (int i = 0; i <= ticks; i++) {
            s.tick();
        }
        s.takeLatest();
        return s.snapshotNow();
    }

    /** The classifiers run through the service headlessly, their views to come (issue 23). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"spiral-relu", "digits-softmax"})
    void aClassifierTrainsThroughTheServiceAndReportsItsAccuracy(String preset) {
        TrainingService s = service(org.backpropstudio.io.PresetCatalog.get(preset).config());
        Snapshot start = s.takeLatest();
        assertThat(start.trainAccuracy()).isNaN();
        assertThat(start.gridX()).isEmpty();
        for (int i = 0; i < 3; i++) {
            s.submit(new Command.Step());
        }
        s.submit(new Command.CheckGradients(2));
        s.submit(new Command.Inspect(0.5));
        // the Steps' epochs are worked on 10 ms at a time (a digit epoch is 36 steps and its passes)
        Snapshot after = tickAndTake(s, 0);
        for (int i = 0; i < 10_000 && after.epoch() < 3; i++) {
            after = tickAndTake(s, 0);
        }
        assertThat(after.epoch()).isEqualTo(3);
        assertThat(after.trainAccuracy()).isBetween(0.0, 1.0);
        assertThat(after.testAccuracy()).isBetween(0.0, 1.0);
        assertThat(after.gradients().passed()).isTrue();
        assertThat(after.inspection()).isNotNull();
        assertThat(after.event()).isNotInstanceOf(ServiceEvent.InternalError.class);
        assertThat(after.state()).isEqualTo(TrainingState.PAUSED);
    }

    /** A run of a given number of steps ends with them, and Play or Step then says so (it was an exception). */
    @Test
    void aRunOfAGivenNumberOfStepsFinishesWithThem() {
        TrainingConfig c = Presets.get("linear-neuron").withStepLimit(5).withEpochs(100); // 3 steps an epoch
        TrainingService s = service(c);
        s.submit(new Command.SetSpeed(Double.POSITIVE_INFINITY));
        s.submit(new Command.Play());
        Snapshot done = tickAndTake(s, 10);
        assertThat(done.epoch()).isEqualTo(2); // 3 steps and 2
        assertThat(done.state()).isEqualTo(TrainingState.FINISHED);
        // why it stopped at epoch 2 of 100, when it stops (it said "Finished 2 epochs.")
        assertThat(done.event()).isEqualTo(new ServiceEvent.StepLimitReached(5));
        for (Command again : new Command[] {new Command.Play(), new Command.Step()}) {
            s.submit(again);
            Snapshot after = tickAndTake(s, 0);
            assertThat(after.event()).isEqualTo(new ServiceEvent.StepLimitReached(5));
            assertThat(after.message()).isEqualTo("This run has taken all of its 5 steps: Train more goes on, "
                    + "Reset starts it again.");
            assertThat(after.epoch()).isEqualTo(2);
        }
    }

    @Test
    void startsPausedWithThePresetAndItsPrediction() {
        TrainingService s = service(Presets.get("classic-sigmoid"));
        Snapshot first = s.takeLatest();
        assertThat(first.state()).isEqualTo(TrainingState.PAUSED);
        assertThat(first.epoch()).isZero();
        assertThat(first.network()).hasToString("1 → 10 σ → 10 σ → 1");
        assertThat(first.gridX()).hasSize(200);
        assertThat(first.prediction()).hasSize(200);
        assertThat(first.train().size()).isEqualTo(50);
        assertThat(first.weights()).hasSize(3);
        assertThat(s.tick()).isFalse();
        assertThat(s.takeLatest()).as("nothing changed, nothing published").isNull();
        assertThat(first.gridX()[0]).isEqualTo(-2 * Math.PI);
        assertThat(first.gridX()[199]).isEqualTo(2 * Math.PI);
    }

    @Test
    void playTrainsAndTheNewestSnapshotReplacesAnUnreadOne() {
        long[] now = {0};
        TrainingService s = new TrainingService(Presets.get("classic-sigmoid"), () -> now[0]);
        Snapshot initial = s.takeLatest();
        s.submit(new Command.Play());
        s.tick(); // applies Play (a change: published at once) and runs epoch 1
        Snapshot first = s.takeLatest();
        assertThat(first.state()).isEqualTo(TrainingState.TRAINING);
        assertThat(first.epoch()).isEqualTo(1);
        assertThat(first.sequence()).isGreaterThan(initial.sequence());
        for (int i = 0; i < 10; i++) {
            assertThat(s.tick()).isTrue();
        }
        assertThat(s.takeLatest()).as("no time has passed: nothing newer is published").isNull();
        now[0] += TrainingService.PUBLISH_INTERVAL_NS;
        s.tick(); // the interval has passed: epoch 12 replaces whatever was unread
        Snapshot newest = s.takeLatest();
        assertThat(newest.epoch()).isEqualTo(12);
        assertThat(newest.losses().size()).isEqualTo(12);
        assertThat(Double.isFinite(newest.trainLoss())).isTrue();
        assertThat(s.takeLatest()).isNull();
    }

    @Test
    void anUnreadSnapshotIsReplacedLessOften() {
        // a window reads one snapshot a frame: rebuilt every 10 ms regardless, 4 in 10 were never read
        long[] now = {0};
        TrainingService s = new TrainingService(Presets.get("classic-sigmoid"), () -> now[0]);
        s.takeLatest();
        s.submit(new Command.Play());
        s.tick();
        s.takeLatest(); // read: the next one comes after 10 ms
        now[0] += TrainingService.PUBLISH_INTERVAL_NS;
        s.tick();
        long unreadSince = now[0];
        Snapshot unread = s.peekLatest();
        assertThat(unread).as("published 10 ms after the last was read").isNotNull();
        // unread: kept as it is until 50 ms have passed since it was published
        for (int ms = 10; ms < 50; ms += 10) {
            now[0] = unreadSince + ms * 1_000_000L;
            s.tick();
            assertThat(s.peekLatest()).as("%d ms after it", ms).isSameAs(unread);
        }
        now[0] = unreadSince + TrainingService.UNREAD_INTERVAL_NS;
        s.tick();
        Snapshot newer = s.takeLatest();
        assertThat(newer.epoch()).as("replaced after 50 ms, unread").isGreaterThan(unread.epoch());
    }

    @Test
    void stepRunsExactlyOneEpoch() {
        TrainingService s = service(Presets.get("classic-sigmoid"));
        s.submit(new Command.Step());
        Snapshot snap = tickAndTake(s, 5);
        assertThat(snap.epoch()).isEqualTo(1);
        assertThat(snap.state()).isEqualTo(TrainingState.PAUSED);
    }

    @Test
    void learningRateChangeKeepsTrainingAndLeavesAMarker() {
        TrainingService s = service(Presets.get("classic-sigmoid"));
        s.submit(new Command.Play());
        tickAndTake(s, 20);
        s.submit(new Command.SetOptimizer(new OptimizerConfig.Sgd(0.03)));
        Snapshot snap = tickAndTake(s, 10);
        assertThat(snap.state()).isEqualTo(TrainingState.TRAINING);
        assertThat(snap.epoch()).isEqualTo(32);
        assertThat(snap.markers()).containsExactly(new Marker(21, "lr 0.1 → 0.03"));
        assertThat(snap.config().optimizer().learningRate()).isEqualTo(0.03);
    }

    @Test
    void resizingAHiddenLayerLeavesThePredictionUnchanged() {
        TrainingService s = service(Presets.get("classic-sigmoid"));
        s.submit(new Command.Step());
        Snapshot before = tickAndTake(s, 0);
        s.submit(new Command.ResizeLayer(0, 17));
        Snapshot after = tickAndTake(s, 0);
        assertThat(after.epoch()).isEqualTo(before.epoch());
        assertThat(after.network()).hasToString("1 → 17 σ → 10 σ → 1");
        assertThat(after.prediction()).containsExactly(before.prediction());
        assertThat(after.markers()).extracting(Marker::label).containsExactly("layer 1: 10 → 17 units");
    }

    @Test
    void aHugeLearningRateEndsInTheDivergedStateWithItsCause() {
        TrainingService s = service(Presets.get("classic-sigmoid").withOptimizer(new OptimizerConfig.Sgd(8.0)));
        s.submit(new Command.SetOptimizer(new OptimizerConfig.Sgd(1e6)));
        s.submit(new Command.Play());
        Snapshot snap = tickAndTake(s, 5);
        assertThat(snap.state()).isEqualTo(TrainingState.DIVERGED);
        assertThat(snap.problem()).matches("Loss diverged at epoch \\d+ — learning rate 1000000 is too large; "
                + "lower it and press Reset");
        s.submit(new Command.Play());
        assertThat(s.tick()).as("Play is refused while diverged").isFalse();
        s.submit(new Command.SetOptimizer(new OptimizerConfig.Sgd(0.1)));
        s.submit(new Command.Reset());
        s.submit(new Command.Play());
        Snapshot again = tickAndTake(s, 20);
        assertThat(again.state()).isEqualTo(TrainingState.TRAINING);
        assertThat(again.problem()).isNull();
        assertThat(Double.isFinite(again.trainLoss())).isTrue();
    }

    @Test
    void stopsAtTheEpochLimitAndGoesOnWhenItIsRaised() {
        TrainingService s = service(Presets.get("linear-neuron"));
        s.submit(new Command.Play());
        Snapshot snap = tickAndTake(s, 150);
        assertThat(snap.state()).isEqualTo(TrainingState.FINISHED);
        assertThat(snap.epoch()).isEqualTo(100);
        s.submit(new Command.SetEpochLimit(120));
        s.submit(new Command.Play());
        assertThat(tickAndTake(s, 50).epoch()).isEqualTo(120);
    }

    /** The README says every change while training is marked on the loss chart; the epoch limit was not. */
    @Test
    void changingTheEpochLimitWhileTrainingIsMarked() {
        TrainingService s = service(Presets.get("classic-sigmoid"));
        s.submit(new Command.Play());
        tickAndTake(s, 9);
        s.submit(new Command.SetEpochLimit(5000));
        Snapshot snap = tickAndTake(s, 0);
        assertThat(snap.markers()).containsExactly(new Marker(10, "epochs 2,000 → 5,000"));
        assertThat(snap.message()).isEqualTo("epochs 2,000 → 5,000");
        s.submit(new Command.SetEpochLimit(5000));
        assertThat(tickAndTake(s, 0).markers()).as("the same limit again changes nothing").hasSize(1);
    }

    @Test
    void structuralChangesRestartFromTheSeedAndSaySo() {
        TrainingService s = service(Presets.get("classic-sigmoid"));
        s.submit(new Command.Play());
        tickAndTake(s, 10);
        TrainingConfig c = Presets.get("classic-sigmoid");
        TrainingConfig threeLayers = c.withNetwork(new org.backpropstudio.engine.NetworkSpec(1, List.of(
                new LayerSpec(10, Activation.SIGMOID), new LayerSpec(5, Activation.TANH), new LayerSpec(10, Activation.SIGMOID),
                new LayerSpec(1, Activation.IDENTITY))));
        s.submit(new Command.Reconfigure(threeLayers, "layer added"));
        s.submit(new Command.Pause());
        Snapshot snap = tickAndTake(s, 0);
        assertThat(snap.epoch()).isZero();
        assertThat(snap.network()).hasToString("1 → 10 σ → 5 tanh → 10 σ → 1");
        assertThat(snap.message()).isEqualTo("Re-initialized from seed 0: layer added.");
        assertThat(snap.losses().size()).isZero();
    }

    @Test
    void anImpossibleCommandIsRefusedWithAReason() {
        TrainingService s = service(Presets.get("classic-sigmoid"));
        s.submit(new Command.ResizeLayer(2, 5));
        Snapshot snap = tickAndTake(s, 0);
        assertThat(snap.message()).startsWith("Not applied: layer 3 is not a hidden layer");
        s.submit(new Command.Step());
        assertThat(tickAndTake(s, 0).epoch()).isEqualTo(1);
    }

    /** Epochs of the long run ({@code -Dbps.longRun=10000000} for the documented one). */
    private static final int LONG_RUN = Integer.getInteger("bps.longRun", 1_000_000);

    @org.junit.jupiter.api.Tag("soak") // 10⁶ epochs, about 100 s: ./mvnw verify -Psoak
    @Test
    void aMillionEpochsOfTheClassicSetupKeepTheHistoryAndTheHeapFlat() throws java.io.IOException {
        // as the studio drives it: ticks on one thread on the real clock (which paces the
        // snapshots), the newest snapshot taken as a frame would
        TrainingService s = new TrainingService(Presets.get("classic-sigmoid").withEpochs(Integer.MAX_VALUE));
        s.submit(new Command.Play());
        int samples = 10;
        long[] heap = new long[samples + 1];
        int[] at = new int[samples + 1];
        Snapshot snap = null;
        long taken = 0;
        long started = System.nanoTime();
        for (int epoch = 1, k = 0; epoch <= LONG_RUN; epoch++) {
            s.tick();
            Snapshot t = s.takeLatest();
            if (t != null) {
                snap = t;
                taken++;
            }
            if (epoch % (LONG_RUN / samples) == 0 && k < samples) {
                at[++k] = epoch;
                heap[k] = usedHeapAfterGc();
            }
        }
        // a tick ends an epoch at most, and may end within one (its 10 ms slice ran out when the
        // machine was slow): the last ticks finish the million
        Snapshot last = s.snapshotNow();
        for (int extra = 0; last.epoch() < LONG_RUN && extra < 100_000; extra++) {
            s.tick();
            last = s.snapshotNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder curve = new StringBuilder(String.format(java.util.Locale.ROOT,
                "long run: %,d epochs of classic-sigmoid through the service in %.0f s, %,d snapshots taken; "
                + "train loss %.3e, test loss %.3e%nepoch, used heap after GC (MiB)%n", LONG_RUN, seconds, taken,
                last.trainLoss(), last.testLoss()));
        long lo = Long.MAX_VALUE;
        long hi = 0;
        for (int k = 1; k <= samples; k++) {
            curve.append(String.format(java.util.Locale.ROOT, "%d, %.2f%n", at[k], heap[k] / 1048576.0));
            lo = Math.min(lo, heap[k]);
            hi = Math.max(hi, heap[k]);
        }
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "reliability"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "reliability", "long-run.txt"), curve);
        assertThat(snap.epoch()).as("snapshots kept coming").isGreaterThan(LONG_RUN * 9 / 10);
        assertThat(last.epoch()).isEqualTo(LONG_RUN);
        assertThat(last.state()).isEqualTo(TrainingState.TRAINING);
        assertThat(last.trainLoss()).isFinite();
        assertThat(last.losses().size()).isLessThanOrEqualTo(LossCurve.CAPACITY);
        assertThat(hi - lo).as("heap spread from epoch %,d to %,d, bytes", at[1], LONG_RUN).isLessThan(8L << 20);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void onARealThreadItTrainsWhileCommandsArrive() throws Exception {
        TrainingService s = new TrainingService(Presets.get("classic-sigmoid"));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        s.start(thread);
        s.submit(new Command.Play());
        Snapshot snap = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((snap == null || snap.epoch() < 200) && System.nanoTime() < deadline) {
            Snapshot taken = s.takeLatest();
            snap = taken != null ? taken : snap;
            Thread.sleep(5);
        }
        s.submit(new Command.SetOptimizer(new OptimizerConfig.Sgd(0.05)));
        s.submit(new Command.Pause());
        Snapshot paused = snap;
        while (paused.state() != TrainingState.PAUSED && System.nanoTime() < deadline) {
            Snapshot taken = s.takeLatest();
            paused = taken != null ? taken : paused;
            Thread.onSpinWait();
        }
        assertThat(paused.state()).as("the Pause was obeyed on the worker").isEqualTo(TrainingState.PAUSED);
        assertThat(paused.config().optimizer().learningRate()).isEqualTo(0.05);
        s.close();
        thread.shutdown();
        assertThat(thread.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(snap.epoch()).isGreaterThanOrEqualTo(200);
    }

    @Test
    void numbersReadAsAPersonWritesThem() {
        assertThat(org.backpropstudio.i18n.NumberText.plain(0.1)).isEqualTo("0.1");
        assertThat(org.backpropstudio.i18n.NumberText.plain(0.03)).isEqualTo("0.03");
        assertThat(org.backpropstudio.i18n.NumberText.plain(1e6)).isEqualTo("1000000");
        assertThat(org.backpropstudio.i18n.NumberText.plain(1e-5)).isEqualTo("1e-5");
        assertThat(org.backpropstudio.i18n.NumberText.plain(2.5e8)).isEqualTo("2.5e8");
        assertThat(org.backpropstudio.i18n.NumberText.plain(8.0)).isEqualTo("8");
        assertThat(org.backpropstudio.i18n.NumberText.plain(0.123456)).isEqualTo("0.1235");
    }

    @Test
    void aLoadedNetworkReplacesTheRunningOneOrIsRefusedWithTheReason() {
        TrainingService s = service(Presets.get("classic-sigmoid"));
        List<double[][]> weights = List.of(new double[][] {{0.5, -1.0}}, new double[][] {{2.0}, {-0.75}});
        List<double[]> biases = new java.util.ArrayList<>();
        biases.add(new double[] {0.1, 0.0});
        biases.add(null);
        org.backpropstudio.engine.NetworkSpec spec = new org.backpropstudio.engine.NetworkSpec(1, List.of(
                new LayerSpec(2, Activation.TANH), new LayerSpec(1, Activation.IDENTITY, false)));
        s.submit(new Command.Step());
        s.submit(new Command.LoadNetwork(spec, weights, biases, "small.weights.json"));
        Snapshot snap = tickAndTake(s, 0);
        assertThat(snap.network()).hasToString("1 → 2 tanh → 1 (no bias)");
        assertThat(snap.epoch()).isZero();
        assertThat(snap.message()).isEqualTo("Loaded the network from small.weights.json: 1 → 2 tanh → 1 (no bias).");
        double x = snap.gridX()[17];
        assertThat(snap.prediction()[17]).isEqualTo(2.0 * Math.tanh(0.5 * x + 0.1) - 0.75 * Math.tanh(-1.0 * x));

        s.submit(new Command.LoadNetwork(spec, List.of(new double[][] {{0.5}}, new double[][] {{2.0}, {-0.75}}),
                biases, "bad.weights.json"));
        Snapshot refused = tickAndTake(s, 0);
        assertThat(refused.message()).isEqualTo("Not applied: layer 1: W row 1 has 1 columns, expected 2");
        assertThat(refused.network()).hasToString("1 → 2 tanh → 1 (no bias)");
    }

    @Test
    void aGradientCheckOfTheRunningNetworkPassesAndLeavesItUntouched() {
        TrainingService s = service(Presets.get("classic-sigmoid"));
        s.submit(new Command.Step());
        Snapshot before = tickAndTake(s, 0);
        s.submit(new Command.CheckGradients(8));
        Snapshot after = tickAndTake(s, 0);
        GradientReport r = after.gradients();
        assertThat(r.passed()).isTrue();
        assertThat(r.epoch()).isEqualTo(1);
        assertThat(r.samples()).isEqualTo(8);
        assertThat(r.rows()).extracting(GradientReport.Row::parameter).containsExactly("W1", "b1", "W2", "b2", "W3", "b3");
        assertThat(after.prediction()).containsExactly(before.prediction());
        assertThat(after.message()).isEqualTo("Gradient check passed.");
        s.submit(new Command.Reset());
        assertThat(tickAndTake(s, 0).gradients()).as("a report about the old network is dropped").isNull();
    }

    @Test
    void gradientHealthShowsNormsDeadReluUnitsAndSaturatedSigmoids() {
        TrainingService healthy = service(Presets.get("classic-sigmoid"));
        healthy.submit(new Command.Play());
        Snapshot h = tickAndTake(healthy, 9);
        assertThat(h.health().epochs()).hasSize(10).startsWith(1).endsWith(10);
        assertThat(h.health().log10Norm()).hasNumberOfRows(3);
        assertThat(h.health().log10Norm()[0]).hasSize(10);
        assertThat(h.health().layers()).containsExactly("layer 1 (σ)", "layer 2 (σ)", "layer 3");
        assertThat(h.health().saturated()[0]).isBetween(0.0, 1.0);
        assertThat(h.health().dead()[0]).isNaN();

        // relu units whose bias is −100 are never active: all dead, and their gradient is zero
        TrainingConfig deadRelu = Presets.get("deep-momentum").withNetwork(new org.backpropstudio.engine.NetworkSpec(1,
                List.of(new LayerSpec(8, Activation.RELU), new LayerSpec(1, Activation.IDENTITY))));
        TrainingService dead = service(new TrainingConfig(deadRelu.network(), deadRelu.weightInit(),
                new org.backpropstudio.engine.Initializer.Constant(-100), deadRelu.loss(), deadRelu.optimizer(),
                deadRelu.batchSize(), deadRelu.shuffle(), deadRelu.dropLast(), 5, 0, deadRelu.data()));
        dead.submit(new Command.Step());
        Snapshot d = tickAndTake(dead, 0);
        assertThat(d.health().dead()[0]).isEqualTo(1.0);
        assertThat(d.health().log10Norm()[0][0]).isEqualTo(Double.NEGATIVE_INFINITY);

        // sigmoid units with huge weights sit on their flat ends
        TrainingConfig c = Presets.get("classic-sigmoid");
        TrainingService saturated = service(new TrainingConfig(c.network(),
                new org.backpropstudio.engine.Initializer.Normal(0, 30), c.biasInit(), c.loss(), c.optimizer(),
                c.batchSize(), c.shuffle(), c.dropLast(), 5, 0, c.data()));
        assertThat(saturated.snapshotNow().health().saturated()[1]).isGreaterThan(0.8);
    }

    @Test
    void theInspectorTracesTheNearestSampleAndFollowsItStepByStep() {
        TrainingService s = service(Presets.get("classic-sigmoid"));
        Snapshot first = s.takeLatest();
        assertThat(first.inspection()).as("closed at first").isNull();
        double[] xs = first.train().xColumn();
        s.submit(new Command.Inspect(xs[7] + 1e-9));
        Inspection i = tickAndTake(s, 0).inspection();
        assertThat(i.sampleIndex()).isEqualTo(7);
        assertThat(i.dataset()).isEqualTo("training");
        assertThat(i.x()).isEqualTo(xs[7]);
        assertThat(i.y()).isEqualTo(first.train().yColumn()[7]);
        // 3 forward, the loss, 3 backward, 3 updates, the effect
        assertThat(i.stages()).extracting(Inspection.Stage::phase).containsExactly(Inspection.Phase.FORWARD,
                Inspection.Phase.FORWARD, Inspection.Phase.FORWARD, Inspection.Phase.LOSS, Inspection.Phase.BACKWARD,
                Inspection.Phase.BACKWARD, Inspection.Phase.BACKWARD, Inspection.Phase.UPDATE, Inspection.Phase.UPDATE,
                Inspection.Phase.UPDATE, Inspection.Phase.EFFECT);
        assertThat(i.stages()).extracting(Inspection.Stage::layer).containsExactly(0, 1, 2, -1, 2, 1, 0, 0, 1, 2, -1);
        Inspection.Term z1 = i.stages().get(0).terms().stream().filter(t -> t.name().equals("z₁")).findFirst()
                .orElseThrow();
        assertThat(z1.shape()).isEqualTo("(1 × 10)");
        assertThat(z1.formula()).isEqualTo("x·W₁ + b₁");
        Inspection.Term dW2 = i.stages().get(5).terms().stream().filter(t -> t.name().equals("∂L/∂W₂")).findFirst()
                .orElseThrow();
        assertThat(dW2.shape()).isEqualTo("(10 × 10)");
        // the prediction the inspector shows is the network's at that x
        double yHat = i.stages().get(3).terms().get(0).values()[0][0];
        assertThat(yHat).isFinite();

        s.submit(new Command.Step());
        Inspection afterStep = tickAndTake(s, 0).inspection();
        assertThat(afterStep.epoch()).isEqualTo(1);
        assertThat(afterStep.stages().get(3).terms().get(0).values()[0][0]).isNotEqualTo(yHat);

        // while training it stays as it was until asked again
        s.submit(new Command.Play());
        s.tick();
        s.tick();
        Inspection frozen = s.snapshotNow().inspection();
        for (int e = 0; e < 5; e++) {
            s.tick();
        }
        assertThat(s.snapshotNow().inspection()).isSameAs(frozen);
        s.submit(new Command.Inspect(xs[7]));
        s.tick();
        Inspection refreshed = s.snapshotNow().inspection();
        assertThat(refreshed).isNotSameAs(frozen);
        assertThat(refreshed.epoch()).isGreaterThan(frozen.epoch());

        s.submit(new Command.StopInspecting());
        assertThat(tickAndTake(s, 0).inspection()).isNull();
    }

    @Test
    void mutingAUnitChangesThePredictionByExactlyItsContribution() {
        TrainingService s = service(Presets.get("classic-sigmoid"));
        for (int e = 0; e < 20; e++) {
            s.submit(new Command.Step());
        }
        Snapshot before = tickAndTake(s, 0);
        Contributions c = before.contributions();
        assertThat(c.units()).isEqualTo(10);
        assertThat(c.layer()).isEqualTo(1);
        assertThat(c.identityOutput()).isTrue();
        s.submit(new Command.SetMuted(new HiddenUnit(1, 4), true));
        Snapshot muted = tickAndTake(s, 0);
        assertThat(muted.muted()).containsExactly(new HiddenUnit(1, 4));
        assertThat(muted.markers()).last().extracting(Marker::label).isEqualTo("unit 5 of layer 2 muted");
        for (int i = 0; i < before.gridX().length; i++) {
            assertThat(before.prediction()[i] - muted.prediction()[i]).isCloseTo(c.curves()[4][i],
                    org.assertj.core.api.Assertions.within(1e-12));
            assertThat(muted.contributions().curves()[4][i]).isZero();
        }
        assertThat(muted.weights().get(2)[4][0]).as("shown as zero").isZero();

        // it stays muted through training and a reset, until un-muted
        s.submit(new Command.Step());
        s.submit(new Command.Reset());
        assertThat(tickAndTake(s, 0).muted()).containsExactly(new HiddenUnit(1, 4));
        s.submit(new Command.SetMuted(new HiddenUnit(1, 4), false));
        Snapshot back = tickAndTake(s, 0);
        assertThat(back.muted()).isEmpty();
        assertThat(back.weights().get(2)[4][0]).isNotZero();

        s.submit(new Command.SetMuted(new HiddenUnit(2, 0), true));
        Snapshot refused = tickAndTake(s, 0);
        assertThat(refused.event()).isInstanceOf(ServiceEvent.Refused.class);
        assertThat(refused.message()).startsWith("Not applied: ").contains("not a hidden layer");
    }

    @Test
    void contributionsNeedOneOutputAndAFewUnits() {
        assertThat(service(Presets.get("linear-neuron")).snapshotNow().contributions()).isNull();
        TrainingConfig wide = Presets.get("classic-sigmoid").withNetwork(new org.backpropstudio.engine.NetworkSpec(1,
                List.of(new LayerSpec(33, Activation.TANH), new LayerSpec(1, Activation.IDENTITY))));
        assertThat(service(wide).snapshotNow().contributions()).isNull();
        assertThat(service(wide.withNetwork(new org.backpropstudio.engine.NetworkSpec(1,
                List.of(new LayerSpec(32, Activation.TANH), new LayerSpec(1, Activation.IDENTITY)))))
                .snapshotNow().contributions().units()).isEqualTo(32);
    }

    @Test
    void theInspectorWorksForStreamedDataANetworkWithoutBiasAndADivergedOne() {
        TrainingService streamed = service(Presets.get("relu-mae"));
        streamed.submit(new Command.Inspect(1.0));
        Inspection i = tickAndTake(streamed, 0).inspection();
        assertThat(i.dataset()).as("no training set is kept when streaming").isEqualTo("test");
        assertThat(i.stages()).hasSize(3 * 3 + 2);

        TrainingService linear = service(Presets.get("linear-neuron"));
        linear.submit(new Command.Inspect(2));
        Inspection l = tickAndTake(linear, 0).inspection();
        assertThat(l.stages()).hasSize(5);
        assertThat(l.stages().get(0).terms()).extracting(Inspection.Term::name).containsExactly("x", "W₁", "z₁", "a₁");
        assertThat(l.stages().get(2).terms()).extracting(Inspection.Term::name)
                .containsExactly("∂L/∂a₁", "id′(z₁)", "∂L/∂z₁", "∂L/∂W₁", "∂L/∂x");
        // ℓ = (w·x − y)² with w = 1 at (2, 4): ℓ = 4, ∂L/∂W = 2(wx − y)·x = −8, ΔW = −lr·(−8) = 0.08
        assertThat(l.x()).isEqualTo(2);
        assertThat(l.stages().get(1).terms().get(2).values()[0][0]).isEqualTo(4);
        assertThat(l.stages().get(2).terms().get(3).values()[0][0]).isEqualTo(-8);
        assertThat(l.stages().get(3).terms().get(0).values()[0][0]).isCloseTo(0.08,
                org.assertj.core.api.Assertions.within(1e-15));
        assertThat(l.stages().get(4).terms().get(1).values()[0][0]).as("ℓ after: (1.08·2 − 4)²")
                .isCloseTo(Math.pow(1.08 * 2 - 4, 2), org.assertj.core.api.Assertions.within(1e-12));

        TrainingService diverged = service(Presets.get("classic-sigmoid")
                .withOptimizer(new OptimizerConfig.Sgd(1e6)));
        diverged.submit(new Command.Step());
        diverged.submit(new Command.Step());
        diverged.submit(new Command.Inspect(0));
        Snapshot d = tickAndTake(diverged, 0);
        assertThat(d.state()).isEqualTo(TrainingState.DIVERGED);
        assertThat(d.inspection().stages()).hasSize(11);
    }

    @Test
    void aSetupWhoseStepWouldTakeTooLongIsRefusedWithItsCost() {
        TrainingService s = service(Presets.get("classic-sigmoid"));
        List<LayerSpec> wide = new java.util.ArrayList<>();
        for (int k = 0; k < 8; k++) {
            wide.add(new LayerSpec(256, Activation.TANH));
        }
        wide.add(new LayerSpec(1, Activation.IDENTITY));
        TrainingConfig eight = Presets.get("classic-sigmoid").withNetwork(new org.backpropstudio.engine.NetworkSpec(1, wide));
        // one batch of all 50 samples: 461 313 · (3 · 50 + 200) multiply-adds a step
        s.submit(new Command.Reconfigure(eight.withBatching(0, false, false), "eight layers of 256, full batch"));
        Snapshot refused = tickAndTake(s, 0);
        assertThat(refused.event()).isInstanceOf(ServiceEvent.Refused.class);
        assertThat(refused.message()).startsWith("Not applied: ")
                .contains("a step of 50 samples through a network of 461,313 parameters")
                .contains("more than the studio's");
        assertThat(refused.network()).hasToString("1 → 10 σ → 10 σ → 1");
        assertThat(refused.commandsHandled()).isEqualTo(1);
        assertThat(refused.generation()).isZero();

        // sample by sample the same network's steps are small: its long epochs are taken a step at a time
        s.submit(new Command.Reconfigure(eight, "eight layers of 256"));
        assertThat(tickAndTake(s, 0).network().layers()).hasSize(9);
        s.submit(new Command.Reconfigure(Presets.get("classic-sigmoid"), "back"));
        tickAndTake(s, 0);

        // growing one layer is checked the same way; a small network on 100 000 samples is fine
        s.submit(new Command.ResizeLayer(0, 256));
        s.submit(new Command.ResizeLayer(1, 256));
        assertThat(tickAndTake(s, 0).network()).hasToString("1 → 256 σ → 256 σ → 1");
        TrainingConfig many = Presets.get("classic-sigmoid").withData(new org.backpropstudio.engine.DataSpec.FunctionData(
                org.backpropstudio.engine.TargetFunction.SIN, -3, 3, 100_000, 10, 0,
                org.backpropstudio.engine.DataSpec.Sampling.EVEN, false));
        s.submit(new Command.Reconfigure(many, "many samples"));
        Snapshot ok = tickAndTake(s, 0);
        assertThat(ok.train().size()).isEqualTo(100_000);
        assertThat(ok.generation()).isEqualTo(3);
    }

    /**
     * A long epoch is worked on a slice of time at a time: a Pause between two of its steps is
     * obeyed at once, and the epoch, continued, gives the same numbers as one run straight through.
     */
    @Test
    void aLongEpochIsTakenAStepAtATimeAndAPauseWithinItIsObeyed() {
        long[] now = {0};
        // each look at the clock takes 1 ms: a 10 ms slice is about ten units of work
        TrainingService s = new TrainingService(Presets.get("deep-momentum"), () -> now[0] += 1_000_000L);
        s.submit(new Command.SetSpeed(Double.POSITIVE_INFINITY));
        s.submit(new Command.Play());
        s.tick();
        Snapshot during = tickAndTake(s, 0);
        assertThat(during.epoch()).as("25 steps and the test loss do not fit in two slices").isZero();
        assertThat(during.state()).isEqualTo(TrainingState.TRAINING);
        assertThat(during.weights().get(0)).isNotEqualTo(Presets.get("deep-momentum")); // moved within the epoch
        s.submit(new Command.Pause());
        Snapshot paused = tickAndTake(s, 3);
        assertThat(paused.state()).isEqualTo(TrainingState.PAUSED);
        assertThat(paused.epoch()).as("paused in the middle of epoch 1").isZero();
        s.submit(new Command.Play());
        Snapshot on = tickAndTake(s, 40);
        assertThat(on.epoch()).isGreaterThanOrEqualTo(2);
        // the same epochs straight through: the same losses, bit for bit
        org.backpropstudio.engine.Trainer straight = new org.backpropstudio.engine.Trainer(Presets.get("deep-momentum"));
        org.backpropstudio.engine.EpochResult first = straight.runEpoch();
        assertThat(on.losses().trainMax()[0]).isEqualTo(first.trainLoss());
        assertThat(on.losses().testMax()[0]).isEqualTo(first.testLoss());
    }

    /**
     * A per-sample epoch is 50 steps of about a microsecond each, and a look at the clock costs some
     * tens of nanoseconds on these machines (a twentieth of the training thread's time when it was
     * read after every step): while the steps are quick the clock is read every so many of them,
     * and the epochs are the same, bit for bit.
     */
    @Test
    void quickStepsAreTimedAFewAtATimeNotOneByOne() {
        long[] readings = {0};
        // each look at the clock finds a microsecond gone: the steps look quick
        TrainingService s = new TrainingService(Presets.get("classic-sigmoid"), () -> 1_000L * ++readings[0]);
        s.submit(new Command.SetSpeed(Double.POSITIVE_INFINITY));
        s.submit(new Command.Play());
        int ticks = 200;
        for (int i = 0; i < ticks; i++) {
            s.tick();
        }
        Snapshot after = s.snapshotNow();
        int steps = after.epoch() * 50;
        assertThat(after.epoch()).as("a tick ends an epoch of quick steps").isEqualTo(ticks);
        assertThat(readings[0]).as("looks at the clock for %d steps", steps).isLessThan(steps / 5);
        org.backpropstudio.engine.Trainer straight = new org.backpropstudio.engine.Trainer(Presets.get("classic-sigmoid"));
        org.backpropstudio.engine.EpochResult r = null;
        for (int i = 0; i < ticks; i++) {
            r = straight.runEpoch();
        }
        assertThat(after.trainLoss()).isEqualTo(r.trainLoss());
        assertThat(after.testLoss()).isEqualTo(r.testLoss());
    }

    /** A Step's epoch is worked on a slice at a time too: a Pause within it is obeyed. */
    @Test
    void aStepsEpochIsTakenAStepAtATimeAndAPauseWithinItIsObeyed() {
        long[] now = {0};
        TrainingService s = new TrainingService(Presets.get("deep-momentum"), () -> now[0] += 1_000_000L);
        s.submit(new Command.Step());
        Snapshot during = tickAndTake(s, 0);
        assertThat(during.epoch()).as("25 steps and the test loss do not fit in a slice").isZero();
        s.submit(new Command.Pause());
        Snapshot paused = tickAndTake(s, 5);
        assertThat(paused.epoch()).as("the Pause stopped the Step's epoch").isZero();
        assertThat(paused.state()).isEqualTo(TrainingState.PAUSED);
        s.submit(new Command.Step()); // goes on with the epoch begun
        Snapshot stepped = tickAndTake(s, 0);
        for (int i = 0; i < 100 && stepped.epoch() < 1; i++) {
            stepped = tickAndTake(s, 0);
        }
        assertThat(stepped.epoch()).isEqualTo(1);
        assertThat(stepped.state()).isEqualTo(TrainingState.PAUSED);
        org.backpropstudio.engine.Trainer straight = new org.backpropstudio.engine.Trainer(Presets.get("deep-momentum"));
        assertThat(stepped.trainLoss()).isEqualTo(straight.runEpoch().trainLoss());
        tickAndTake(s, 3);
        assertThat(s.snapshotNow().epoch()).as("one Step, one epoch").isEqualTo(1);
    }

    @Test
    void aTestLossThatIsNoLongerANumberStopsTrainingToo() {
        // a relu network trained on x in [−1, 1], tested at x = 1e308: finite on the training data,
        // infinite on the test point
        TrainingConfig c = Presets.get("classic-sigmoid").withNetwork(new org.backpropstudio.engine.NetworkSpec(1,
                List.of(new LayerSpec(4, Activation.RELU), new LayerSpec(1, Activation.IDENTITY))))
                .withData(new org.backpropstudio.engine.DataSpec.GivenData(
                        org.backpropstudio.engine.Dataset.of(new double[] {-1, 0, 1}, new double[] {1, 0, 1}),
                        org.backpropstudio.engine.Dataset.of(new double[] {1e308}, new double[] {0})));
        TrainingService s = service(c.withOptimizer(new OptimizerConfig.Sgd(0.01)));
        s.submit(new Command.Step());
        Snapshot d = tickAndTake(s, 0);
        assertThat(d.trainLoss()).isFinite();
        assertThat(d.testLoss()).isNotFinite();
        assertThat(d.state()).isEqualTo(TrainingState.DIVERGED);
    }

    /** A target that counts its evaluations, so a test sees whether its data was made. */
    private static final class CountingTarget implements org.backpropstudio.engine.Target {
        final java.util.concurrent.atomic.AtomicLong evaluations = new java.util.concurrent.atomic.AtomicLong();
        final double cost;

        CountingTarget(double cost) {
            this.cost = cost;
        }

        @Override
        public double value(double x) {
            evaluations.incrementAndGet();
            return Math.sin(x);
        }

        @Override
        public String formula() {
            return "counted sin x";
        }

        @Override
        public String wireName() {
            return "sin";
        }

        @Override
        public double evaluationCost() {
            return cost;
        }
    }

    private static TrainingConfig withTarget(org.backpropstudio.engine.Target target, int train) {
        return Presets.get("classic-sigmoid").withData(new org.backpropstudio.engine.DataSpec.FunctionData(target, -3, 3,
                train, 10, 0, org.backpropstudio.engine.DataSpec.Sampling.EVEN, false));
    }

    /**
     * A 20 000-term typed target on 10 000 samples took minutes in exp4j on the training thread;
     * making the data is part of the budget now, refused at once with its cost.
     */
    @Test
    void aSetupWhoseDataWouldTakeLongToMakeIsRefusedAtOnce() {
        TrainingService s = service(Presets.get("classic-sigmoid"));
        tickAndTake(s, 0);
        String longTarget = "sin(x)" + "+0.001*x".repeat(20_000);
        s.submit(new Command.Reconfigure(withTarget(org.backpropstudio.engine.ExpressionTarget.parse(longTarget), 10_000),
                "a long target"));
        long start = System.nanoTime();
        Snapshot refused = tickAndTake(s, 0);
        assertThat(System.nanoTime() - start).as("ns").isLessThan(1_000_000_000L);
        assertThat(refused.message()).contains("more than the studio's").contains("shorter expression");
        assertThat(refused.generation()).isZero();
    }

    /** A newer setup wins: the older one's data is abandoned, not made in full first. */
    @Test
    void aNewerSetupAbandonsTheDataOfAnOlderOneStillBeingMade() {
        TrainingService s = service(Presets.get("classic-sigmoid"));
        tickAndTake(s, 0);
        CountingTarget older = new CountingTarget(1);
        s.submit(new Command.Reconfigure(withTarget(older, 5_000), "older"));
        s.submit(new Command.Reconfigure(withTarget(org.backpropstudio.engine.TargetFunction.SIN, 40), "newer"));
        Snapshot after = tickAndTake(s, 0);
        assertThat(older.evaluations.get()).as("values of the abandoned data").isZero();
        assertThat(after.train().size()).isEqualTo(40);
        assertThat(after.commandsHandled()).isEqualTo(2);

        CountingTarget alone = new CountingTarget(1);
        s.submit(new Command.Reconfigure(withTarget(alone, 5_000), "alone"));
        assertThat(tickAndTake(s, 0).train().size()).isEqualTo(5_000);
        assertThat(alone.evaluations.get()).isEqualTo(5_010);
    }

    /** x = 1e300 overflows the loss whatever the rate: the banner says so, not "learning rate 0.1 is too large". */
    @Test
    void dataTooLargeForADoubleIsBlamedInTheBannerNotTheLearningRate() {
        TrainingConfig c = Presets.get("linear-neuron").withData(new org.backpropstudio.engine.DataSpec.GivenData(
                org.backpropstudio.engine.Dataset.of(new double[] {1e300, 1, 2}, new double[] {0.5, 0.8, 0.9}),
                org.backpropstudio.engine.Dataset.of(new double[] {1}, new double[] {0.8})));
        TrainingService s = service(c);
        s.submit(new Command.Step());
        Snapshot d = tickAndTake(s, 0);
        assertThat(d.state()).isEqualTo(TrainingState.DIVERGED);
        assertThat(d.problem()).contains("the data holds values up to 1e300").doesNotContain("learning rate 0.01");
    }
}
