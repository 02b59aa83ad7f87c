package org.backpropstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.backpropstudio.engine.Activation;
import org.backpropstudio.engine.LossKind;
import org.backpropstudio.engine.OptimizerConfig;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.training.Command;
import org.backpropstudio.ui.editor.EditorModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The editor without the toolkit: which commands each edit sends, and which it refuses. */
class EditorModelTest {

    private final List<Command> sent = new ArrayList<>();
    private EditorModel editor;

    @BeforeEach
    void setUp() {
        editor = new EditorModel(sent::add);
        editor.load(Presets.get("classic-sigmoid"));
    }

    @Test
    void loadingSendsNothing() {
        assertThat(sent).isEmpty();
        assertThat(editor.learningRate().textProperty().get()).isEqualTo("0.1");
        assertThat(editor.hiddenLayers()).hasSize(2);
    }

    @Test
    void invalidLearningRatesAreExplainedAndNotSent() {
        assertThat(editor.learningRate().enter("abc")).isFalse();
        assertThat(editor.learningRate().errorProperty().get()).isEqualTo("learning rate: 'abc' is not a number — 0.1 runs; Esc puts it back");
        assertThat(editor.learningRate().enter("0")).isFalse();
        assertThat(editor.learningRate().errorProperty().get()).isEqualTo("learning rate must be greater than 0 — 0.1 runs; Esc puts it back");
        assertThat(editor.learningRate().enter("-3")).isFalse();
        assertThat(editor.learningRate().enter("1e9")).isFalse();
        assertThat(editor.learningRate().errorProperty().get())
                .isEqualTo("learning rate must be at most 1000000 — 0.1 runs; Esc puts it back");
        assertThat(editor.learningRate().enter("NaN")).isFalse();
        assertThat(sent).isEmpty();
    }

    @Test
    void typingValidatesAtOnceButAppliesOnlyOnCommit() {
        editor.learningRate().textProperty().set("1");
        assertThat(editor.learningRate().errorProperty().get()).isEmpty();
        editor.learningRate().textProperty().set("1e");
        assertThat(editor.learningRate().errorProperty().get()).contains("not a number");
        editor.learningRate().textProperty().set("1e-3");
        assertThat(sent).isEmpty();
        assertThat(editor.learningRate().commit()).isTrue();
        assertThat(sent).containsExactly(new Command.SetOptimizer(new OptimizerConfig.Sgd(1e-3)));
        editor.learningRate().commit();
        assertThat(sent).as("the same value is not sent twice").hasSize(1);
    }

    @Test
    void liveChangesSendLiveCommands() {
        editor.hiddenLayers().get(0).units().enter("12");
        editor.hiddenLayers().get(1).activationProperty().set(Activation.TANH);
        editor.outputActivationProperty().set(Activation.SIN);
        editor.batchSize().enter("full");
        editor.epochs().enter("500");
        editor.momentum().enter("0.9");
        assertThat(sent).containsExactly(new Command.ResizeLayer(0, 12), new Command.SetActivation(1, Activation.TANH),
                new Command.SetActivation(2, Activation.SIN), new Command.SetBatching(0, false, false),
                new Command.SetEpochLimit(500),
                new Command.SetOptimizer(new OptimizerConfig.Sgd(0.1, 0.9, false,
                        org.backpropstudio.engine.WeightDecay.NONE)));
        assertThat(editor.applied().network()).hasToString("1 → 12 σ → 10 tanh → 1 sin");
    }

    @Test
    void seedTwosReboundVelocityIsOneClickFromTheTextbookMomentum() {
        editor.load(org.backpropstudio.engine.Presets.get("deep-momentum"));
        assertThat(editor.optimizerProperty().get()).isEqualTo("sgd-rebound");
        assertThat(editor.momentum().value()).isEqualTo(0.9);
        editor.useTextbookMomentum();
        assertThat(sent).containsExactly(new Command.SetOptimizer(new OptimizerConfig.Sgd(0.01, 0.9, false,
                org.backpropstudio.engine.WeightDecay.NONE)));
        editor.optimizerProperty().set("sgd-rebound");
        assertThat(sent.get(1)).isEqualTo(new Command.SetOptimizer(new OptimizerConfig.ReboundSgd(0.01, 0.9,
                org.backpropstudio.engine.WeightDecay.NONE)));
    }

    @Test
    void impossibleLayerSizesAreRefused() {
        for (String bad : new String[] {"0", "-3", "300", "abc", "1e9", ""}) {
            assertThat(editor.hiddenLayers().get(0).units().enter(bad)).as(bad).isFalse();
            assertThat(editor.hiddenLayers().get(0).units().errorProperty().get()).as(bad).startsWith("units");
        }
        assertThat(sent).isEmpty();
    }

    @Test
    void structuralChangesRestartFromTheSeed() {
        editor.addLayer();
        Command.Reconfigure added = (Command.Reconfigure) sent.get(0);
        assertThat(added.reason()).isEqualTo("layer 3 added");
        assertThat(added.config().network()).hasToString("1 → 10 σ → 10 σ → 8 σ → 1");
        editor.removeLayer(editor.hiddenLayers().get(0));
        assertThat(((Command.Reconfigure) sent.get(1)).config().network()).hasToString("1 → 10 σ → 8 σ → 1");
        editor.lossProperty().set(LossKind.MAE);
        assertThat(((Command.Reconfigure) sent.get(2)).config().loss().kind()).isEqualTo(LossKind.MAE);
        editor.seed().enter("7");
        assertThat(((Command.Reconfigure) sent.get(3)).config().seed()).isEqualTo(7);
        editor.trainCount().enter("80");
        Command.Reconfigure data = (Command.Reconfigure) sent.get(4);
        assertThat(data.reason()).startsWith("data sin x on [");
        assertThat(data.config().network()).hasToString("1 → 10 σ → 8 σ → 1");
    }

    @Test
    void anEmptyXRangeIsRefused() {
        editor.xMin().enter("5"); // still below x max = 2π: applied
        assertThat(sent).hasSize(1);
        assertThat(editor.xMax().enter("1")).isFalse();
        // refused at the field that made it empty, which keeps saying what runs
        assertThat(editor.xMax().errorProperty().get())
                .isEqualTo("x min must be less than x max. — 6.283 runs; Esc puts it back");
        assertThat(editor.xMax().value()).isEqualTo(2 * Math.PI);
        assertThat(editor.messageProperty().get()).isEmpty();
        assertThat(sent).hasSize(1);
    }

    /** log(x) was refused with a message at the bottom of the Data section, the field not marked. */
    @Test
    void aTypedTargetThatIsNoNumberInTheRangeIsRefusedAtItsField() {
        assertThat(editor.expression().enter("log(x)")).isFalse();
        assertThat(editor.expression().errorProperty().get())
                .isEqualTo("f(x) = log(x) is not a number at x = -6.283: choose another x-range or expression.");
        assertThat(editor.expression().isValid()).isFalse();
        assertThat(editor.messageProperty().get()).isEmpty();
        assertThat(sent).isEmpty();
        // the same target on a range where it is a number is taken
        assertThat(editor.xMin().enter("0.5")).isTrue();
        assertThat(editor.expression().enter("log(x)")).isTrue();
        assertThat(editor.expression().errorProperty().get()).isEmpty();
    }

    @Test
    void aTestRangeNeedsBothEndsAndRestartsWithTheSplit() {
        editor.testXMin().enter("3.14");
        assertThat(sent).as("one end alone is not applied").isEmpty();
        assertThat(editor.messageProperty().get()).contains("both ends");
        editor.testXMax().enter("1");
        assertThat(sent).isEmpty();
        assertThat(editor.testXMax().errorProperty().get()).contains("less than");
        assertThat(editor.testXMax().enter("abc")).isFalse();
        editor.testXMax().enter("6.28");
        assertThat(sent).hasSize(1);
        Command.Reconfigure split = (Command.Reconfigure) sent.get(0);
        var data = (org.backpropstudio.engine.DataSpec.FunctionData) split.config().data();
        assertThat(data.testMin()).isEqualTo(3.14);
        assertThat(data.testMax()).isEqualTo(6.28);
        assertThat(split.reason()).contains("tested on [3.14, 6.28]");
        editor.testXMin().enter("");
        editor.testXMax().enter("");
        var back = (org.backpropstudio.engine.DataSpec.FunctionData) ((Command.Reconfigure) sent.get(sent.size() - 1))
                .config().data();
        assertThat(back.separateTestRange()).isFalse();
        editor.load(split.config());
        assertThat(editor.testXMin().textProperty().get()).isEqualTo("3.14");
    }
}
