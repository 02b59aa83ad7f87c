package org.backpropstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.backpropstudio.engine.OptimizerConfig;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.training.Command;
import org.backpropstudio.training.TrainingService;
import org.backpropstudio.training.TrainingState;
import org.junit.jupiter.api.Test;

/** The studio's view model without the toolkit, fed by a service driven on the test's thread. */
class StudioViewModelTest {

    @Test
    void readOutsFollowTheSnapshotsAndPlayToggles() {
        TrainingService service = new TrainingService(Presets.get("classic-sigmoid"));
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

    @Test
    void divergenceShowsTheBanner() {
        TrainingService service = new TrainingService(Presets.get("classic-sigmoid")
                .withOptimizer(new OptimizerConfig.Sgd(1e6)));
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
        TrainingService service = new TrainingService(Presets.get("classic-sigmoid"));
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
}
