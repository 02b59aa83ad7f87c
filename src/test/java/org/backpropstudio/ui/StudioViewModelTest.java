package org.backpropstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.backpropstudio.engine.OptimizerConfig;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.training.Command;
import org.backpropstudio.training.ServiceEvent;
import org.backpropstudio.training.Snapshot;
import org.backpropstudio.training.TrainingService;
import org.backpropstudio.training.TrainingState;
import org.junit.jupiter.api.Test;

/** The studio's view model without the toolkit, fed by a service driven on the test's thread. */
class StudioViewModelTest {

    /**
     * The services here are driven tick by tick on a clock that stands still, so a tick ends an
     * epoch of Play's, or every Step owed, however busy the machine (on the real clock a tick
     * stops after 10 ms).
     */
    private static final java.util.function.LongSupplier STILL = () -> 0L;

    @Test
    void readOutsFollowTheSnapshotsAndPlayToggles() {
        TrainingService service = new TrainingService(Presets.get("classic-sigmoid"), STILL);
        List<Command> sent = new ArrayList<>();
        StudioViewModel vm = new StudioViewModel(c -> {
            sent.add(c);
            service.submit(c);
        });
        vm.apply(service.takeLatest());
        assertThat(vm.epochTextProperty().get()).isEqualTo("0");
        assertThat(vm.trainLossTextProperty().get()).isEqualTo("–");
        vm.togglePlay();
        assertThat(sent).containsExactly(new Command.Play());
        for (int i = 0; i < 1500; i++) {
            service.tick();
        }
        vm.apply(service.snapshotNow());
        assertThat(vm.stateProperty().get()).isEqualTo(TrainingState.TRAINING);
        assertThat(vm.epochTextProperty().get()).isEqualTo("1,500");
        assertThat(vm.trainLossTextProperty().get()).matches("0\\.\\d+");
        vm.togglePlay();
        assertThat(sent).endsWith(new Command.Pause());
    }

    /**
     * The finished banner's "Train N more epochs" trains N more epochs, also after a run that ended
     * at its step limit (the digit tutorial's 5 000 steps): it raised the epoch limit only, and the
     * run stayed finished with the button offering twice as many. And the editor's epochs field
     * shows the limit that runs (it kept the old one after any Train more).
     */
    @Test
    void trainMoreTrainsThatManyEpochsAlsoPastAStepLimit() {
        // 3 steps an epoch: the 5 steps end in epoch 2, where the epoch limit is too
        org.backpropstudio.engine.TrainingConfig config = Presets.get("linear-neuron").withStepLimit(5).withEpochs(2);
        TrainingService service = new TrainingService(config, STILL);
        StudioViewModel vm = new StudioViewModel(service::submit);
        vm.editor().load(config); // as the preset chooser does
        service.submit(new Command.SetSpeed(Double.POSITIVE_INFINITY));
        vm.togglePlay();
        for (int i = 0; i < 5; i++) {
            service.tick();
        }
        vm.apply(service.snapshotNow());
        assertThat(vm.stateProperty().get()).isEqualTo(TrainingState.FINISHED);
        assertThat(vm.epochTextProperty().get()).isEqualTo("2");
        assertThat(vm.editor().epochs().textProperty().get()).isEqualTo("2");

        vm.trainMore();
        for (int i = 0; i < 5; i++) {
            service.tick();
        }
        Snapshot after = service.snapshotNow();
        vm.apply(after);
        assertThat(after.epoch()).isEqualTo(4);
        assertThat(after.state()).isEqualTo(TrainingState.FINISHED);
        assertThat(after.config().epochs()).isEqualTo(4);
        assertThat(after.config().stepLimit()).as("moved by the 2 epochs' 6 steps").isEqualTo(11);
        // the editor shows the limit that runs (it kept showing 2), and a restart from it keeps both
        assertThat(vm.editor().epochs().textProperty().get()).isEqualTo("4");
        assertThat(vm.editor().applied().epochs()).isEqualTo(4);
        assertThat(vm.editor().applied().stepLimit()).isEqualTo(11);
    }

    /**
     * The view model acts on the kind of event, not on its words: it matched the status text by
     * prefix, so a refusal worded otherwise (another language, another sentence) left the editor
     * showing a setup that did not run.
     */
    @Test
    void aRefusalPutsTheEditorBackWhateverItsWords() {
        TrainingService service = new TrainingService(Presets.get("classic-sigmoid"), STILL);
        StudioViewModel vm = new StudioViewModel(c -> { });
        Snapshot s = service.snapshotNow();
        vm.apply(s);
        vm.editor().learningRate().enter("0.7"); // not sent anywhere: the service refuses it, say
        assertThat(vm.editor().applied().optimizer().learningRate()).isEqualTo(0.7);
        vm.apply(withEvent(service.snapshotNow(), new ServiceEvent.Refused("the service said no")));
        assertThat(vm.editor().applied().optimizer().learningRate()).isEqualTo(0.1);
        assertThat(vm.editor().learningRate().textProperty().get()).isEqualTo("0.1");
    }

    private static Snapshot withEvent(Snapshot s, ServiceEvent event) {
        return new Snapshot(s.sequence(), s.state(), s.epoch(), s.trainLoss(), s.testLoss(), s.trainAccuracy(),
                    s.testAccuracy(), s.epochsPerSecond(),
                s.config(), s.network(), s.weights(), s.biases(), s.gridX(), s.prediction(), s.train(), s.test(),
                s.losses(), s.accuracies(), s.markers(), event, s.problem(), s.gradients(), s.health(), s.inspection(),
                s.contributions(), s.classes(), s.muted(), s.commandsHandled(), s.generation());
    }

    /** The studio fits curves: a classifier's experiment or a digit network's weights are not opened (yet), and say why. */
    @Test
    void aClassifiersExperimentOpensAndWeightsThatDoNotFitTheDataAreRefused() {
        List<Command> sent = new ArrayList<>();
        StudioViewModel vm = new StudioViewModel(sent::add);
        vm.loadExperiment(Presets.get("spiral-relu"), null, "spiral.bps.json");
        assertThat(sent).anyMatch(c -> c instanceof Command.Reconfigure r && r.config().equals(Presets.get("spiral-relu")));
        assertThat(vm.editor().applied()).isEqualTo(Presets.get("spiral-relu"));
        sent.clear();
        // a digit network's weights do not fit the plane's 4 inputs and 3 classes
        vm.loadNetwork(new org.backpropstudio.engine.NetworkSpec(784, List.of(new org.backpropstudio.engine.LayerSpec(10,
                org.backpropstudio.engine.Activation.IDENTITY))), java.util.Collections.singletonList(new double[784][10]), List.of(new double[10]),
                "digits.weights.json");
        assertThat(sent).isEmpty();
        assertThat(vm.messageProperty().get()).contains("digits.weights.json").contains("784").contains("4 and 3");
    }

    /** After importing 32 + 8 samples on [-3, 3], the data fields still said ±6.283 and 50 / 10. */
    @Test
    void theDataFieldsDescribeAnImportedTable() {
        TrainingService service = new TrainingService(Presets.get("classic-sigmoid"), STILL);
        StudioViewModel vm = new StudioViewModel(service::submit);
        vm.apply(service.snapshotNow());
        double[] xs = new double[40];
        double[] ys = new double[40];
        for (int i = 0; i < 40; i++) {
            xs[i] = -3 + 6.0 * i / 39;
            ys[i] = Math.sin(xs[i]);
        }
        vm.importData(org.backpropstudio.engine.Dataset.of(xs, ys), StudioViewModel.DataUse.SPLIT, "forty.csv");
        assertThat(vm.editor().xMin().textProperty().get()).isEqualTo("-3");
        assertThat(vm.editor().xMax().textProperty().get()).isEqualTo("3");
        assertThat(vm.editor().trainCount().textProperty().get()).isEqualTo("32");
        assertThat(vm.editor().testCount().textProperty().get()).isEqualTo("8");
    }

    /** The preset box read classic-sigmoid after the network was changed: it says the setup is custom. */
    @Test
    void thePresetBoxSaysCustomOnceTheSetupDiffersFromThePreset() {
        TrainingService service = new TrainingService(Presets.get("classic-sigmoid"), STILL);
        StudioViewModel vm = new StudioViewModel(service::submit);
        vm.apply(service.snapshotNow());
        assertThat(vm.presetProperty().get()).isEqualTo("classic-sigmoid");
        service.submit(new Command.ResizeLayer(0, 12));
        service.tick();
        vm.apply(service.snapshotNow());
        assertThat(vm.presetProperty().get()).as("after a layer was resized").isEmpty();

        // a preset chosen again names itself, also while snapshots of the old setup still arrive
        vm.loadPreset("relu-mae");
        vm.apply(service.snapshotNow());
        assertThat(vm.presetProperty().get()).isEqualTo("relu-mae");
        service.tick();
        vm.apply(service.snapshotNow());
        assertThat(vm.presetProperty().get()).isEqualTo("relu-mae");
        service.submit(new Command.SetOptimizer(new OptimizerConfig.Sgd(0.01)));
        service.tick();
        vm.apply(service.snapshotNow());
        assertThat(vm.presetProperty().get()).as("after the learning rate changed").isEmpty();
    }

    /** The status bar said "1 epochs/s". */
    @Test
    void aRateOfOneIsWordedInTheSingular() {
        TrainingService service = new TrainingService(Presets.get("classic-sigmoid"), STILL);
        StudioViewModel vm = new StudioViewModel(service::submit);
        vm.togglePlay();
        service.tick();
        Snapshot s = service.snapshotNow();
        for (double rate : new double[] {1, 0.6, 1.4}) {
            vm.apply(new Snapshot(s.sequence(), s.state(), s.epoch(), s.trainLoss(), s.testLoss(), s.trainAccuracy(),
                    s.testAccuracy(), rate, s.config(),
                    s.network(), s.weights(), s.biases(), s.gridX(), s.prediction(), s.train(), s.test(), s.losses(), s.accuracies(),
                    s.markers(), s.event(), s.problem(), s.gradients(), s.health(), s.inspection(), s.contributions(),
                    s.classes(), s.muted(), s.commandsHandled(), s.generation()));
            assertThat(vm.rateTextProperty().get()).as("%s epochs a second", rate).isEqualTo("1 epoch/s");
        }
    }

    @Test
    void divergenceShowsTheBanner() {
        TrainingService service = new TrainingService(Presets.get("classic-sigmoid")
                .withOptimizer(new OptimizerConfig.Sgd(1e6)), STILL);
        StudioViewModel vm = new StudioViewModel(service::submit);
        vm.togglePlay();
        for (int i = 0; i < 5; i++) {
            service.tick();
        }
        vm.apply(service.snapshotNow());
        assertThat(vm.problemProperty().get()).startsWith("Loss diverged at epoch 1 — learning rate 1000000");
        assertThat(vm.playingProperty().get()).isFalse();
    }

    @Test
    void aPresetLoadsIntoTheEditorAndRestartsPaused() {
        List<Command> sent = new ArrayList<>();
        StudioViewModel vm = new StudioViewModel(sent::add);
        vm.loadPreset("deep-momentum");
        assertThat(vm.editor().hiddenLayers()).hasSize(3);
        assertThat(vm.editor().momentum().textProperty().get()).isEqualTo("0.9");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).isEqualTo(new Command.Pause());
        assertThat(((Command.Reconfigure) sent.get(1)).config()).isEqualTo(Presets.get("deep-momentum"));
    }

    @Test
    void anEditMadeAfterALoadIsNotUndoneByAnOlderSnapshot() {
        TrainingService service = new TrainingService(Presets.get("classic-sigmoid"), STILL);
        List<Command> sent = new ArrayList<>();
        StudioViewModel vm = new StudioViewModel(c -> {
            sent.add(c);
            service.submit(c);
        });
        List<double[][]> weights = new ArrayList<>();
        weights.add(new double[][] {{1.5}});
        List<double[]> biases = new ArrayList<>();
        biases.add(null);
        vm.loadNetwork(Presets.get("linear-neuron").network(), weights, biases, "w.weights.json");
        service.tick();
        vm.apply(service.snapshotNow());
        assertThat(vm.editor().hiddenLayers()).isEmpty();
        // the user edits; the next snapshot was built before the service saw the edit
        vm.editor().learningRate().enter("0.02");
        vm.apply(service.snapshotNow());
        assertThat(vm.editor().learningRate().textProperty().get()).isEqualTo("0.02");
        assertThat(sent).last().isEqualTo(new Command.SetOptimizer(new OptimizerConfig.Sgd(0.02)));
    }

    @Test
    void importedDataIsSplitEveryFifthSampleForTesting() {
        TrainingService service = new TrainingService(Presets.get("classic-sigmoid"), STILL);
        List<Command> sent = new ArrayList<>();
        StudioViewModel vm = new StudioViewModel(sent::add);
        vm.apply(service.takeLatest());
        double[] xs = new double[12];
        double[] ys = new double[12];
        for (int i = 0; i < 12; i++) {
            xs[i] = i;
            ys[i] = 10 * i;
        }
        vm.importData(org.backpropstudio.engine.Dataset.of(xs, ys), StudioViewModel.DataUse.SPLIT, "mine.csv");
        Command.Reconfigure r = (Command.Reconfigure) sent.get(0);
        var data = (org.backpropstudio.engine.DataSpec.GivenData) r.config().data();
        assertThat(data.train().xColumn()).containsExactly(0, 1, 2, 3, 5, 6, 7, 8, 10, 11);
        assertThat(data.test().xColumn()).containsExactly(4, 9);
        assertThat(r.reason()).isEqualTo("data from mine.csv (10 training, 2 test samples)");
        assertThat(vm.editor().givenDataProperty().get()).isTrue();

        vm.importData(org.backpropstudio.engine.Dataset.of(xs, ys), StudioViewModel.DataUse.TEST, "t.csv");
        var kept = (org.backpropstudio.engine.DataSpec.GivenData) ((Command.Reconfigure) sent.get(1)).config().data();
        assertThat(kept.train().size()).isEqualTo(50);
        assertThat(kept.test().size()).isEqualTo(12);
    }

    @Test
    void changesAreUnsavedUntilSavedAndPausingIsNotAChange() {
        StudioViewModel vm = new StudioViewModel(c -> { });
        assertThat(vm.unsavedProperty().get()).isFalse();
        vm.setSpeed(StudioViewModel.SPEEDS.get(3));
        vm.togglePlay(); // not playing yet: sends Play
        assertThat(vm.unsavedProperty().get()).isTrue();
        vm.markSaved();
        vm.editor().learningRate().enter("abc");
        assertThat(vm.unsavedProperty().get()).as("a refused entry changes nothing").isFalse();
        vm.editor().learningRate().enter("0.2");
        assertThat(vm.unsavedProperty().get()).isTrue();
    }

    @Test
    void networksBeyondTheEditorAreNotOpenedAndSaySo() {
        List<Command> sent = new ArrayList<>();
        StudioViewModel vm = new StudioViewModel(sent::add);
        org.backpropstudio.engine.NetworkSpec wide = new org.backpropstudio.engine.NetworkSpec(1, List.of(
                new org.backpropstudio.engine.LayerSpec(300, org.backpropstudio.engine.Activation.TANH),
                new org.backpropstudio.engine.LayerSpec(1, org.backpropstudio.engine.Activation.IDENTITY)));
        vm.loadNetwork(wide, List.of(new double[1][300], new double[300][1]), java.util.Arrays.asList(new double[300],
                new double[1]), "wide.weights.json");
        assertThat(sent).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Not opened wide.weights.json: its layer 1 has 300 units; "
                + "the studio shows at most 256 per layer (the command line has no such limit).");
        List<org.backpropstudio.engine.LayerSpec> deep = new ArrayList<>();
        for (int k = 0; k < 9; k++) {
            deep.add(new org.backpropstudio.engine.LayerSpec(2, org.backpropstudio.engine.Activation.TANH));
        }
        deep.add(new org.backpropstudio.engine.LayerSpec(1, org.backpropstudio.engine.Activation.IDENTITY));
        vm.loadExperiment(Presets.get("classic-sigmoid").withNetwork(new org.backpropstudio.engine.NetworkSpec(1, deep)),
                null, "deep.bps.json");
        assertThat(sent).isEmpty();
        assertThat(vm.messageProperty().get()).contains("it has 9 hidden layers; the studio shows at most 8");
    }

    @Test
    void lossReadOutsFollowTheLocale() {
        try {
            org.backpropstudio.i18n.Messages.setLocale(java.util.Locale.GERMANY);
            assertThat(StudioViewModel.lossText(0.019142)).isEqualTo("0,01914");
            org.backpropstudio.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
            assertThat(StudioViewModel.lossText(0.019142)).isEqualTo("0.01914");
        } finally {
            org.backpropstudio.i18n.Messages.setLocale(java.util.Locale.ENGLISH);
        }
    }
}
