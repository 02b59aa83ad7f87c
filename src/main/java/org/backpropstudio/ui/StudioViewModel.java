package org.backpropstudio.ui;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.training.Command;
import org.backpropstudio.training.LossCurve;
import org.backpropstudio.training.Marker;
import org.backpropstudio.training.ServiceEvent;
import org.backpropstudio.training.Snapshot;
import org.backpropstudio.training.TrainingService;
import org.backpropstudio.training.TrainingState;
import org.backpropstudio.ui.editor.EditorModel;

/**
 * The studio's state for the views: read-outs from the newest snapshot and the toolbar's actions.
 * Imports only {@code javafx.beans}: tested without the toolkit.
 */
public final class StudioViewModel {

    /** A choice of the speed control. */
    public record Speed(double epochsPerSecond) {
        /** How the speed control names it, in the current language. */
        public String label() {
            if (Double.isInfinite(epochsPerSecond)) {
                return Localized.t("speed.max");
            }
            return rate((long) epochsPerSecond);
        }

        @Override
        public String toString() {
            return label();
        }
    }

    /** A rate as the speed control and the status bar word it: "1 epoch/s", "12 epochs/s". */
    static String rate(long epochsPerSecond) {
        return epochsPerSecond == 1 ? Localized.t("speed.one")
                : Localized.t("speed.rate", org.backpropstudio.i18n.Messages.integer(epochsPerSecond));
    }

    public static final List<Speed> SPEEDS = List.of(new Speed(Double.POSITIVE_INFINITY), new Speed(1000),
            new Speed(300), new Speed(100), new Speed(30), new Speed(10), new Speed(3), new Speed(1));
    /**
     * The pace the studio starts at: the first Play of classic-sigmoid then moves for about 7 s
     * (2 000 epochs) where max speed was over in one. Students came to watch it learn.
     */
    public static final Speed DEFAULT_SPEED = new Speed(300);

    /** How imported samples are used. */
    public enum DataUse {
        SPLIT, TRAIN, TEST;

        @Override
        public String toString() {
            return Localized.t("dataUse." + name().toLowerCase(Locale.ROOT));
        }
    }

    private final Consumer<Command> commands;
    private final EditorModel editor;
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TrainingState> state = new ReadOnlyObjectWrapper<>(TrainingState.PAUSED);
    private final ReadOnlyIntegerWrapper epoch = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper epochText = new ReadOnlyStringWrapper("0");
    private final ReadOnlyStringWrapper trainLossText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper testLossText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper trainAccuracyText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyStringWrapper testAccuracyText = new ReadOnlyStringWrapper("–");
    private final ReadOnlyBooleanWrapper classifier = new ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyIntegerWrapper gradientChecks = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final StringProperty preset = new SimpleStringProperty(Presets.DEFAULT);
    /** The setup of {@link #preset} (null until needed: made from its name). */
    private org.backpropstudio.engine.TrainingConfig presetConfig;
    private String presetConfigName;
    private final ReadOnlyBooleanWrapper customSetup = new ReadOnlyBooleanWrapper();
    /** Whether a snapshot has shown the preset's setup running (so a different one is a change). */
    private boolean presetSeenRunning;
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<org.backpropstudio.training.GradientReport> gradients =
            new ReadOnlyObjectWrapper<>();
    private ServiceEvent lastServiceEvent = ServiceEvent.QUIET;
    private final javafx.collections.ObservableList<org.backpropstudio.training.PinnedRun> pinned =
            javafx.collections.FXCollections.observableArrayList();

    public StudioViewModel(Consumer<Command> commands) {
        this(commands, Presets.DEFAULT);
    }

    /** A view model whose editor starts with the named preset. */
    public StudioViewModel(Consumer<Command> commands, String presetName) {
        this(commands, presetName, Presets.get(presetName));
    }

    /** A view model whose editor starts with the named preset, whose setup is {@code presetConfig}. */
    public StudioViewModel(Consumer<Command> commands, String presetName,
                           org.backpropstudio.engine.TrainingConfig presetConfig) {
        Objects.requireNonNull(commands);
        this.commands = c -> {
            // pausing and the speed change nothing worth saving; everything else does
            if (!(c instanceof Command.Pause) && !(c instanceof Command.SetSpeed)
                    && !(c instanceof Command.CheckGradients) && !(c instanceof Command.Inspect)
                    && !(c instanceof Command.StopInspecting) && !(c instanceof Command.ReadDrawing)
                    && !(c instanceof Command.InspectSample)) {
                unsaved.set(true);
            }
            commands.accept(c);
        };
        this.editor = new EditorModel(this.commands);
        preset.set(presetName);
        this.presetConfig = presetConfig;
        presetConfigName = presetName;
        editor.load(presetConfig);
        editor.messageProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                message.set(b);
            }
        });
        // numbers in the read-outs follow the language too (held weakly: see the field)
        Localized.localeProperty().addListener(new javafx.beans.value.WeakChangeListener<>(relocalize));
    }

    /** Words the read-outs afresh after a switch of language; this model keeps it, the language only weakly. */
    private final javafx.beans.value.ChangeListener<Locale> relocalize = (o, a, b) -> {
        if (snapshot.get() != null) {
            apply(snapshot.get());
        }
        // the status line held words of the language left: it now says, in the new one, what changed
        message.set(Localized.t("language.switched"));
    };

    /** Takes in the newest snapshot (on the UI thread, once per frame at most). */
    public void apply(Snapshot s) {
        snapshot.set(s);
        followPreset(s);
        state.set(s.state());
        playing.set(s.state() == TrainingState.TRAINING);
        epoch.set(s.epoch());
        epochText.set(org.backpropstudio.i18n.Messages.integer(s.epoch()));
        trainLossText.set(s.epoch() == 0 ? "–" : lossText(s.trainLoss()));
        testLossText.set(s.epoch() == 0 ? "–" : lossText(s.testLoss()));
        classifier.set(s.config().data().task() instanceof org.backpropstudio.engine.Task.Classification);
        trainAccuracyText.set(percent(s.trainAccuracy()));
        testAccuracyText.set(percent(s.testAccuracy()));
        rateText.set(s.state() == TrainingState.TRAINING
                ? rate(Math.round(s.epochsPerSecond()))
                : "");
        problem.set(s.problem() == null ? "" : s.problem());
        if (s.gradients() != null && s.gradients() != gradients.get()) {
            gradients.set(s.gradients());
            // counted, since a check repeated at the same epoch gives an equal report, which a
            // property does not report as a change
            gradientChecks.set(gradientChecks.get() + 1);
        }
        if (limitBeforeTrainMore >= 0 && s.config().epochs() != limitBeforeTrainMore) {
            limitBeforeTrainMore = -1;
            editor.limitsMoved(s.config().epochs(), s.config().stepLimit());
        }
        if (s.event() != lastServiceEvent) {
            lastServiceEvent = s.event();
            message.set(s.event().text());
            // the service refused a change or loaded a network: show what is really running. Only
            // when the event arrives; later snapshots repeat it while newer edits are on their way.
            boolean editorBehind = s.event() instanceof ServiceEvent.Refused || s.event() instanceof ServiceEvent.Loaded;
            if (editorBehind && !s.config().equals(editor.applied())) {
                editor.load(s.config());
            } else if (s.event() instanceof ServiceEvent.SamplesEdited) {
                editor.samplesEdited(s.config().data()); // later edits in the editor keep the points
            }
        }
    }

    /** A share as the read-outs show it: "97.3 %", or "–" before the first epoch. */
    static String percent(double share) {
        return Double.isNaN(share) ? "–" : org.backpropstudio.i18n.NumberText.plain(Math.round(1000 * share) / 10.0) + " %";
    }

    /** The last epoch's train accuracy ("–" for none). */
    public ReadOnlyStringProperty trainAccuracyTextProperty() {
        return trainAccuracyText.getReadOnlyProperty();
    }

    /** The last epoch's test accuracy ("–" for none). */
    public ReadOnlyStringProperty testAccuracyTextProperty() {
        return testAccuracyText.getReadOnlyProperty();
    }

    /** True while the setup is a classifier's: accuracy is shown beside the loss. */
    public ReadOnlyBooleanProperty classifierProperty() {
        return classifier.getReadOnlyProperty();
    }

    static String lossText(double loss) {
        return org.backpropstudio.i18n.NumberText.significant(loss, org.backpropstudio.i18n.Messages.locale());
    }

    /** Shows a note in the status bar (until the next snapshot brings another). */
    public void showMessage(String text) {
        message.set(text);
    }

    /**
     * Why the studio's editor cannot show a network (more hidden layers or units than it offers),
     * or null when it can. Larger networks are for the command line.
     */
    static String beyondTheEditor(org.backpropstudio.engine.NetworkSpec network) {
        return beyondTheEditor(network, 1, 1);
    }

    /**
     * As {@link #beyondTheEditor(org.backpropstudio.engine.NetworkSpec)} for a network that must
     * take {@code inputs} and give {@code outputs} (the data it is to train on).
     */
    static String beyondTheEditor(org.backpropstudio.engine.NetworkSpec network, int inputs, int outputs) {
        if (network.inputs() != inputs || network.outputs() != outputs) {
            return inputs == 1 && outputs == 1 ? Localized.t("open.notOneToOne", network.inputs(), network.outputs())
                    : Localized.t("open.doesNotFit", network.inputs(), network.outputs(), inputs, outputs);
        }
        int hidden = network.layers().size() - 1;
        if (hidden > EditorModel.MAX_HIDDEN_LAYERS) {
            return Localized.t("open.tooManyLayers", hidden, EditorModel.MAX_HIDDEN_LAYERS);
        }
        for (int k = 0; k < hidden; k++) {
            int units = network.layers().get(k).units();
            if (units > EditorModel.MAX_UNITS) {
                return Localized.t("open.tooManyUnits", k + 1, units, EditorModel.MAX_UNITS);
            }
        }
        return null;
    }

    /** Replaces the network with imported parameters; training restarts from them, paused. */
    public void loadNetwork(org.backpropstudio.engine.NetworkSpec network, List<double[][]> weights,
                            List<double[]> biases, String source) {
        // the network must fit the data trained on now: one input and output for a curve, the
        // features and classes for a classifier
        org.backpropstudio.engine.NetworkSpec now = editor.applied().network();
        String beyond = beyondTheEditor(network, now.inputs(), now.outputs());
        if (beyond != null) {
            message.set(Localized.t("open.notOpened", source, beyond));
            return;
        }
        commands.accept(new Command.Pause());
        commands.accept(new Command.LoadNetwork(network, weights, biases, source));
    }

    /**
     * Restarts with an experiment's setup and, if it has them, its saved weights; paused.
     *
     * @param weights the saved network, or null to start from the seed
     */
    public void loadExperiment(org.backpropstudio.engine.TrainingConfig config, org.backpropstudio.io.WeightsFile weights,
                               String source) {
        loadExperiment(config, weights, List.of(), source);
    }

    /** As {@link #loadExperiment(org.backpropstudio.engine.TrainingConfig, org.backpropstudio.io.WeightsFile, String)}, with the experiment's pinned runs. */
    public void loadExperiment(org.backpropstudio.engine.TrainingConfig config, org.backpropstudio.io.WeightsFile weights,
                               List<org.backpropstudio.training.PinnedRun> pinnedRuns, String source) {
        loadExperiment(new org.backpropstudio.io.ExperimentJson.Experiment(config, weights, null, pinnedRuns), source);
    }

    /**
     * Opens an experiment: its setup, its weights and, when it was saved after training, where it
     * was (epoch, loss history, markers), so Play goes on from there; its pinned runs.
     */
    public void loadExperiment(org.backpropstudio.io.ExperimentJson.Experiment experiment, String source) {
        org.backpropstudio.engine.TrainingConfig config = experiment.config();
        org.backpropstudio.io.WeightsFile weights = experiment.weights();
        List<org.backpropstudio.training.PinnedRun> pinnedRuns = experiment.pinned();
        String beyond = beyondTheEditor(config.network(), config.data().task()
                instanceof org.backpropstudio.engine.Task.Classification ? config.network().inputs() : 1,
                config.data().task() instanceof org.backpropstudio.engine.Task.Classification c ? c.classes() : 1);
        if (beyond != null) {
            message.set(Localized.t("open.notOpened", source, beyond));
            return;
        }
        preset.set(""); // an experiment is no preset
        customSetup.set(false);
        pinned.setAll(pinnedRuns);
        editor.load(config);
        commands.accept(new Command.Pause());
        commands.accept(new Command.Reconfigure(config, Localized.t("reason.experiment", source)));
        if (weights != null) {
            commands.accept(new Command.LoadNetwork(weights.network(), weights.weights(), weights.biases(), source));
            var progress = experiment.progress();
            if (progress != null) {
                var h = experiment.history();
                LossCurve.View history = h == null ? LossCurve.View.EMPTY
                        : new LossCurve.View(h.epoch(), h.trainMin(), h.trainMax(), h.testMin(), h.testMax());
                commands.accept(new Command.RestoreProgress(progress.epoch(), progress.trainLoss(), progress.testLoss(),
                        history, progress.markers().stream().map(m -> new Marker(m.epoch(), m.label())).toList()));
            }
        }
    }

    /**
     * Trains on a dataset of digits or other 10-class images (a full MNIST read from its files):
     * with the current network if it is a digit network that fits them, else with the digit
     * tutorial's setup; restarts from the seed, paused.
     *
     * @param files where an experiment finds the samples again (the dataset's source)
     */
    public void useDataset(org.backpropstudio.engine.Dataset train, org.backpropstudio.engine.Dataset test, String source,
                           String files) {
        org.backpropstudio.engine.TrainingConfig now = editor.applied();
        // an experiment saved from it names the files rather than holding their samples
        org.backpropstudio.engine.DataSpec data = new org.backpropstudio.engine.DataSpec.LabelledData(train, test, 10)
                .from(files);
        org.backpropstudio.engine.TrainingConfig config = TaskKind.of(now) == TaskKind.DIGITS
                && now.network().inputs() == train.inputCount() && now.network().outputs() == 10
                ? now.withData(data) : Presets.digitsSoftmax(train, test).withData(data);
        preset.set("");
        presetConfig = null;
        customSetup.set(false);
        editor.load(config);
        commands.accept(new Command.Pause());
        commands.accept(new Command.Reconfigure(config, Localized.t("reason.dataset", source, train.size(), test.size())));
    }

    /** Restarts training on imported samples, used as chosen, with the current setup. */
    public void importData(org.backpropstudio.engine.Dataset data, DataUse use, String source) {
        Snapshot s = snapshot.get();
        org.backpropstudio.engine.Dataset train;
        org.backpropstudio.engine.Dataset test;
        if (use == DataUse.SPLIT) {
            double[] xs = data.xColumn();
            double[] ys = data.yColumn();
            double[][] split = {new double[xs.length - xs.length / 5], new double[xs.length - xs.length / 5],
                    new double[xs.length / 5], new double[xs.length / 5]};
            int tr = 0;
            int te = 0;
            for (int i = 0; i < xs.length; i++) {
                if (i % 5 == 4) {
                    split[2][te] = xs[i];
                    split[3][te++] = ys[i];
                } else {
                    split[0][tr] = xs[i];
                    split[1][tr++] = ys[i];
                }
            }
            train = org.backpropstudio.engine.Dataset.of(split[0], split[1]);
            test = org.backpropstudio.engine.Dataset.of(split[2], split[3]);
        } else if (use == DataUse.TRAIN) {
            train = data;
            test = s.test();
        } else {
            train = s.train();
            test = data;
        }
        org.backpropstudio.engine.TrainingConfig config;
        try {
            config = editor.applied().withData(new org.backpropstudio.engine.DataSpec.GivenData(train, test));
        } catch (IllegalArgumentException e) {
            message.set(Localized.t("import.couldNotUse", source, e.getMessage()));
            return;
        }
        if (config.batchSize() > train.size()) {
            config = config.withBatching(0, config.shuffle(), config.dropLast());
        }
        editor.load(config);
        commands.accept(new Command.Reconfigure(config, Localized.t("reason.dataFrom", source, train.size(),
                test.size())));
    }

    /**
     * Keeps the current run's loss curves and fitted curve as a ghost to compare with (at most
     * {@link org.backpropstudio.training.PinnedRun#MAX}; the status bar says so when full).
     */
    public void pin() {
        Snapshot s = snapshot.get();
        if (s == null || s.epoch() == 0) {
            message.set(Localized.t("pin.nothing"));
            return;
        }
        if (pinned.size() >= org.backpropstudio.training.PinnedRun.MAX) {
            message.set(Localized.t("pin.full", org.backpropstudio.training.PinnedRun.MAX));
            return;
        }
        org.backpropstudio.training.PinnedRun run = org.backpropstudio.training.PinnedRun.of(s);
        String label = run.label();
        for (int n = 2; labelTaken(label); n++) {
            label = run.label() + " (" + n + ")";
        }
        pinned.add(new org.backpropstudio.training.PinnedRun(label, run.losses(), run.x(), run.prediction()));
        unsaved.set(true);
        message.set(Localized.t("pin.done", label, org.backpropstudio.i18n.Messages.integer(s.epoch())));
    }

    private boolean labelTaken(String label) {
        return pinned.stream().anyMatch(p -> p.label().equals(label));
    }

    /** Removes a pinned run. */
    public void unpin(org.backpropstudio.training.PinnedRun run) {
        if (pinned.remove(run)) {
            unsaved.set(true);
        }
    }

    /** The pinned runs, oldest first; replaced as a whole when an experiment is opened. */
    public javafx.collections.ObservableList<org.backpropstudio.training.PinnedRun> pinnedRuns() {
        return pinned;
    }

    /** Adds a point clicked on the fit chart, to the test set if {@code test}; training goes on. */
    public void addPoint(double x, double y, boolean test) {
        if (editor.applied().streaming()) {
            message.set(Localized.t("points.streamed"));
            return;
        }
        commands.accept(new Command.AddSample(x, y, test));
    }

    /** Adds a point of class {@code label} clicked in the plane, to the test set if {@code test}; training goes on. */
    public void addPlanePoint(double x1, double x2, int label, boolean test) {
        commands.accept(new Command.AddPlanePoint(x1, x2, label, test));
    }

    /** Has the live network read a drawn input (its probabilities come with each snapshot); null stops it. */
    public void readDrawing(double[] input) {
        commands.accept(new Command.ReadDrawing(input));
    }

    /** Removes the point of the plane at (x₁, x₂) (the one under the pointer). */
    public void removePlanePoint(double x1, double x2) {
        commands.accept(new Command.RemovePlanePoint(x1, x2));
    }

    /**
     * Restarts from the seed with another setup chosen beside the views (the plane's data, its
     * features), shown in the editor too.
     */
    public void reconfigure(org.backpropstudio.engine.TrainingConfig config, String reason) {
        editor.load(config);
        commands.accept(new Command.Reconfigure(config, reason));
    }

    /** Removes the point at exactly (x, y) (the one under the pointer). */
    public void removePoint(double x, double y) {
        commands.accept(new Command.RemoveSample(x, y));
    }

    /** Removes every training and test point; training waits for new ones to be clicked in. */
    public void clearPoints() {
        if (editor.applied().streaming()) {
            message.set(Localized.t("points.streamedClear"));
            return;
        }
        commands.accept(new Command.Pause());
        commands.accept(new Command.ClearSamples());
    }

    /** Samples in the batch the studio's gradient check uses. */
    public static final int GRADIENT_CHECK_SAMPLES = 8;

    /** Asks for a gradient check of the current weights; the report arrives with a snapshot. */
    public void checkGradients() {
        commands.accept(new Command.CheckGradients(GRADIENT_CHECK_SAMPLES));
    }

    /** Gradient check reports received: goes up by one with each report, equal to the last or not. */
    public javafx.beans.property.ReadOnlyIntegerProperty gradientChecksProperty() {
        return gradientChecks.getReadOnlyProperty();
    }

    /** The newest gradient check report, or null before the first. */
    public ReadOnlyObjectProperty<org.backpropstudio.training.GradientReport> gradientsProperty() {
        return gradients.getReadOnlyProperty();
    }

    /** Opens (or moves, or refreshes) the backprop inspector on the training sample nearest to x. */
    public void inspect(double x) {
        lastInspect = new Command.Inspect(x);
        commands.accept(lastInspect);
    }

    /** Opens (or moves) the inspector on a sample by its number: a classifier's digit or point. */
    public void inspectSample(int index, boolean test) {
        lastInspect = new Command.InspectSample(index, test);
        commands.accept(lastInspect);
    }

    /** Traces the sample the inspector shows again, with the weights as they are now. */
    public void refreshInspection() {
        if (lastInspect != null) {
            commands.accept(lastInspect);
        }
    }

    /** The inspector's last request (what Refresh sends again), or null. */
    private Command lastInspect;

    /** Closes the inspector. */
    public void stopInspecting() {
        commands.accept(new Command.StopInspecting());
    }

    /** Mutes a hidden unit, or un-mutes it if it is muted. */
    public void toggleMute(org.backpropstudio.training.HiddenUnit unit) {
        Snapshot s = snapshot.get();
        boolean muted = s != null && s.muted().contains(unit);
        commands.accept(new Command.SetMuted(unit, !muted));
    }

    /** After a run reached its limit: as many epochs again, training at once. */
    public void trainMore() {
        Snapshot s = snapshot.get();
        if (s != null) {
            commands.accept(new Command.TrainMore(s.config().epochs()));
            limitBeforeTrainMore = s.config().epochs();
        }
    }

    /**
     * The epoch limit when Train more was pressed, until a snapshot shows the limits it moved (which
     * the editor then takes); else −1.
     */
    private int limitBeforeTrainMore = -1;

    /** Play if paused, pause if playing. */
    public void togglePlay() {
        commands.accept(playing.get() ? new Command.Pause() : new Command.Play());
    }

    public void step() {
        commands.accept(new Command.Step());
    }

    /** Re-initializes from the seed. */
    public void reset() {
        commands.accept(new Command.Reset());
    }

    /** Each task's setup when the studio last switched away from it. */
    private final java.util.Map<TaskKind, org.backpropstudio.engine.TrainingConfig> lastSetups =
            new java.util.EnumMap<>(TaskKind.class);
    /** The preset each kept setup was, unchanged ("" for a custom one or an experiment). */
    private final java.util.Map<TaskKind, String> lastPresets = new java.util.EnumMap<>(TaskKind.class);

    /**
     * Switches to a task: the setup left is kept for when it comes back, and the task's own last
     * setup is restarted from the seed, paused.
     *
     * @return false when the task has no kept setup: the caller loads its first preset
     */
    public boolean switchTask(TaskKind kind) {
        TaskKind now = TaskKind.of(editor.applied());
        if (kind == now) {
            return true;
        }
        lastSetups.put(now, editor.applied());
        lastPresets.put(now, preset.get());
        org.backpropstudio.engine.TrainingConfig kept = lastSetups.get(kind);
        if (kept == null) {
            return false;
        }
        // the preset box names the preset again if the setup was one, unchanged
        String name = lastPresets.getOrDefault(kind, "");
        preset.set(name);
        presetConfig = name.isEmpty() ? null : kept;
        presetConfigName = name;
        presetSeenRunning = false;
        customSetup.set(name.isEmpty());
        editor.load(kept);
        commands.accept(new Command.Pause());
        commands.accept(new Command.Reconfigure(kept, Localized.t("task.switched", kind.label())));
        return true;
    }

    /** Loads a preset of the engine's into the editor and restarts training with it, paused. */
    public void loadPreset(String name) {
        loadPreset(name, Presets.get(name));
    }

    /**
     * Loads a preset into the editor and restarts training with it, paused: {@code config} is the
     * preset's setup, made by the caller (the digits' is read from files, off this thread).
     */
    public void loadPreset(String name, org.backpropstudio.engine.TrainingConfig config) {
        preset.set(name);
        presetConfig = config;
        presetConfigName = name;
        customSetup.set(false);
        presetSeenRunning = false;
        editor.load(config);
        commands.accept(new Command.Pause());
        commands.accept(new Command.Reconfigure(config, Localized.t("reason.preset", name)));
    }

    public void setSpeed(Speed speed) {
        commands.accept(new Command.SetSpeed(speed.epochsPerSecond()));
    }

    public EditorModel editor() {
        return editor;
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainingState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty epochProperty() {
        return epoch.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty epochTextProperty() {
        return epochText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trainLossTextProperty() {
        return trainLossText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testLossTextProperty() {
        return testLossText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateTextProperty() {
        return rateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why training stopped (the divergence banner), or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /**
     * The preset box says what runs: once the preset's setup has been seen running, a snapshot
     * whose setup differs from it (a layer resized, a rate typed, points clicked in) makes it a
     * custom setup. Snapshots from before the preset was applied do not count.
     */
    private void followPreset(Snapshot s) {
        if (preset.get().isEmpty()) {
            return;
        }
        if (presetConfig == null || !preset.get().equals(presetConfigName)) {
            if (!Presets.names().contains(preset.get())) {
                return; // a preset whose setup was not given here
            }
            presetConfig = Presets.get(preset.get());
            presetConfigName = preset.get();
        }
        if (presetConfig.equals(s.config())) {
            presetSeenRunning = true;
        } else if (presetSeenRunning) {
            preset.set("");
            customSetup.set(true);
        }
    }

    /** True when the setup began as a preset and was changed since: the preset box says "custom". */
    public ReadOnlyBooleanProperty customSetupProperty() {
        return customSetup.getReadOnlyProperty();
    }

    /** The preset whose setup is loaded and runs unchanged, or "" after an experiment was opened or it was changed. */
    public StringProperty presetProperty() {
        return preset;
    }

    /** True when the setup or the weights changed since the experiment was last saved or opened. */
    public ReadOnlyBooleanProperty unsavedProperty() {
        return unsaved.getReadOnlyProperty();
    }

    /** After a save or an open: nothing is unsaved. */
    public void markSaved() {
        unsaved.set(false);
    }
}
