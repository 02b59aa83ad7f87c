package org.backpropstudio.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backpropstudio.engine.Activation;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.LayerSpec;
import org.backpropstudio.engine.Loss;
import org.backpropstudio.engine.LossKind;
import org.backpropstudio.engine.NetworkSpec;
import org.backpropstudio.engine.OptimizerConfig;
import org.backpropstudio.engine.Reduction;
import org.backpropstudio.engine.ExpressionTarget;
import org.backpropstudio.engine.Target;
import org.backpropstudio.engine.TargetFunction;
import org.backpropstudio.engine.TrainingConfig;
import org.backpropstudio.engine.WeightDecay;
import org.backpropstudio.training.Command;
import org.backpropstudio.training.TrainingService;

/**
 * The network editor's state: every field of a training setup, validated as it is typed, and
 * the command each valid change sends. Live changes (learning rate, momentum, decay, batching,
 * epoch limit, hidden units, activations) apply to the running network; structural ones (layers
 * added or removed, loss, data, seed) restart training from the seed.
 *
 * <p>Uses only {@code javafx.beans} and {@code javafx.collections}: tested without the toolkit.
 */
public final class EditorModel {

    public static final int MAX_UNITS = 256;
    public static final int MAX_HIDDEN_LAYERS = 8;
    public static final double MAX_LEARNING_RATE = 1e6;
    /** The learning-rate slider's range; the text field takes anything in (0, 1e6]. */
    public static final double SLIDER_MIN_LEARNING_RATE = 1e-5;
    public static final double SLIDER_MAX_LEARNING_RATE = 10;

    /** The optimizers the editor offers, by file name. */
    public static final List<String> OPTIMIZERS = List.of("sgd", "sgd-rebound", "adam", "rmsprop");

    private final Consumer<Command> commands;
    private TrainingConfig applied;
    private boolean loading;

    private final ObservableList<LayerRow> hiddenLayers = FXCollections.observableArrayList();
    private final ObjectProperty<Activation> outputActivation = new SimpleObjectProperty<>(Activation.IDENTITY);
    private final ObjectProperty<LossKind> loss = new SimpleObjectProperty<>(LossKind.HALF_MSE);
    private final ObjectProperty<Reduction> reduction = new SimpleObjectProperty<>(Reduction.MEAN);
    private final ObjectProperty<String> optimizer = new SimpleObjectProperty<>("sgd");
    private final ValidatedField<Double> learningRate =
            new ValidatedField<>("learning rate", Parsers.number("learning rate", 0, true, MAX_LEARNING_RATE));
    private final ValidatedField<Double> momentum =
            new ValidatedField<>("momentum", Parsers.number("momentum", 0, false, 0.999));
    private final ObjectProperty<WeightDecay.Kind> decayKind = new SimpleObjectProperty<>(WeightDecay.Kind.NONE);
    private final ValidatedField<Double> decayLambda =
            new ValidatedField<>("weight decay λ", Parsers.number("weight decay λ", 0, false, 10));
    private final ValidatedField<Integer> batchSize = new ValidatedField<>("batch size", Parsers.batchSize(100_000));
    private final BooleanProperty shuffle = new SimpleBooleanProperty();
    private final BooleanProperty dropLast = new SimpleBooleanProperty();
    private final ValidatedField<Integer> epochs =
            new ValidatedField<>("epochs", Parsers.integer("epochs", 1, 1_000_000_000));
    private final ValidatedField<Long> seed = new ValidatedField<>("seed", Parsers.anyLong("seed"));
    private final ObjectProperty<TargetFunction> target = new SimpleObjectProperty<>(TargetFunction.SIN);
    /** A target typed as an expression in x; empty: the one chosen from the list. */
    private final ValidatedField<String> expression = new ValidatedField<>("f(x) =", EditorModel::parseExpression);
    private final ValidatedField<Double> xMin = new ValidatedField<>("x min", Parsers.number("x min", -1e6, false, 1e6));
    private final ValidatedField<Double> xMax = new ValidatedField<>("x max", Parsers.number("x max", -1e6, false, 1e6));
    /** Extrapolation split: the test samples' own x-range; both empty (NaN): the training range. */
    private final ValidatedField<Double> testXMin =
            new ValidatedField<>("test x min", Parsers.optionalNumber("test x min", -1e6, 1e6));
    private final ValidatedField<Double> testXMax =
            new ValidatedField<>("test x max", Parsers.optionalNumber("test x max", -1e6, 1e6));
    private final ValidatedField<Integer> trainCount =
            new ValidatedField<>("train samples", Parsers.integer("train samples", 1, 100_000));
    private final ValidatedField<Integer> testCount =
            new ValidatedField<>("test samples", Parsers.integer("test samples", 1, 100_000));
    private final ValidatedField<Double> noise = new ValidatedField<>("noise σ", Parsers.number("noise σ", 0, false, 100));
    private final ObjectProperty<DataSpec.Sampling> sampling = new SimpleObjectProperty<>(DataSpec.Sampling.RANDOM);
    private final BooleanProperty streaming = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper givenData = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** @param commands where the commands go: the training service's {@code submit} */
    private final javafx.beans.property.ReadOnlyBooleanWrapper curveData = new javafx.beans.property.ReadOnlyBooleanWrapper(true);
    private final javafx.beans.property.ReadOnlyObjectWrapper<Object> inputs = new javafx.beans.property.ReadOnlyObjectWrapper<>(1);

    public EditorModel(Consumer<Command> commands) {
        this.commands = Objects.requireNonNull(commands);
        learningRate.setOnValid(v -> applyOptimizer());
        momentum.setOnValid(v -> applyOptimizer());
        decayLambda.setOnValid(v -> applyOptimizer());
        decayKind.addListener((o, a, b) -> applyOptimizer());
        optimizer.addListener((o, a, b) -> applyOptimizer());
        batchSize.setOnValid(v -> applyBatching());
        shuffle.addListener((o, a, b) -> applyBatching());
        dropLast.addListener((o, a, b) -> applyBatching());
        epochs.setOnValid(v -> {
            if (!loading) {
                applied = applied.withEpochs(v);
                send(new Command.SetEpochLimit(v));
            }
        });
        seed.setOnValid(v -> {
            if (!loading && v != applied.seed()) {
                reconfigure(applied.withSeed(v), org.backpropstudio.i18n.Messages.text("reason.seed", v));
            }
        });
        outputActivation.addListener((o, a, b) -> {
            if (!loading && b != null) {
                applied = applied.withNetwork(networkFromRows());
                send(new Command.SetActivation(hiddenLayers.size(), b));
            }
        });
        loss.addListener((o, a, b) -> applyLoss());
        reduction.addListener((o, a, b) -> applyLoss());
        target.addListener((o, a, b) -> {
            if (!loading) {
                expression.load("", ""); // a function chosen from the list replaces a typed one
            }
            applyDataOrSay();
        });
        expression.setOnValid(v -> applyData());
        xMin.setOnValid(v -> applyData());
        xMax.setOnValid(v -> applyData());
        testXMin.setOnValid(v -> applyData());
        testXMax.setOnValid(v -> applyData());
        trainCount.setOnValid(v -> applyData());
        testCount.setOnValid(v -> applyData());
        noise.setOnValid(v -> applyData());
        sampling.addListener((o, a, b) -> applyDataOrSay());
        streaming.addListener((o, a, b) -> applyDataOrSay());
    }

    /** Shows a setup in every field without sending anything. */
    public void load(TrainingConfig config) {
        loading = true;
        try {
            applied = config;
            showInputs(config);
            // the rows there are keep their controls and take the new values; only a different count
            // of layers adds or removes rows (building controls and their CSS is the costly part)
            List<LayerSpec> layers = config.network().layers();
            int hidden = layers.size() - 1;
            if (hiddenLayers.size() > hidden) {
                hiddenLayers.remove(hidden, hiddenLayers.size());
            }
            for (int k = 0; k < hidden; k++) {
                LayerSpec l = layers.get(k);
                if (k < hiddenLayers.size()) {
                    hiddenLayers.get(k).units().load(l.units(), Integer.toString(l.units()));
                    hiddenLayers.get(k).activationProperty().set(l.activation());
                } else {
                    hiddenLayers.add(row(l.units(), l.activation()));
                }
            }
            outputActivation.set(layers.get(layers.size() - 1).activation());
            loss.set(config.loss().kind());
            reduction.set(config.loss().reduction());
            OptimizerConfig o = config.optimizer();
            optimizer.set(o.name());
            learningRate.load(o.learningRate(), org.backpropstudio.i18n.NumberText.plain(o.learningRate()));
            double mu = o instanceof OptimizerConfig.Sgd sgd ? sgd.momentum()
                    : o instanceof OptimizerConfig.ReboundSgd rebound ? rebound.momentum() : 0;
            momentum.load(mu, org.backpropstudio.i18n.NumberText.plain(mu));
            decayKind.set(o.decay().kind());
            decayLambda.load(o.decay().lambda(), org.backpropstudio.i18n.NumberText.plain(o.decay().lambda()));
            batchSize.load(config.batchSize(), config.batchSize() == 0 ? "full" : Integer.toString(config.batchSize()));
            shuffle.set(config.shuffle());
            dropLast.set(config.dropLast());
            epochs.load(config.epochs(), Integer.toString(config.epochs()));
            seed.load(config.seed(), Long.toString(config.seed()));
            givenData.set(config.data() instanceof DataSpec.GivenData);
            DataSpec.FunctionData f = config.data() instanceof DataSpec.FunctionData fd ? fd
                    : describing(config.data());
            if (f.target() instanceof ExpressionTarget e) {
                expression.load(e.text(), e.text());
            } else {
                target.set((TargetFunction) f.target());
                expression.load("", "");
            }
            xMin.load(f.xMin(), org.backpropstudio.i18n.NumberText.plain(f.xMin()));
            xMax.load(f.xMax(), org.backpropstudio.i18n.NumberText.plain(f.xMax()));
            testXMin.load(f.testXMin(), f.separateTestRange() ? org.backpropstudio.i18n.NumberText.plain(f.testXMin()) : "");
            testXMax.load(f.testXMax(), f.separateTestRange() ? org.backpropstudio.i18n.NumberText.plain(f.testXMax()) : "");
            int shownTrain = f.streaming() ? 50 : f.trainCount();
            trainCount.load(shownTrain, Integer.toString(shownTrain));
            testCount.load(f.testCount(), Integer.toString(f.testCount()));
            noise.load(f.noise(), org.backpropstudio.i18n.NumberText.plain(f.noise()));
            sampling.set(f.sampling());
            streaming.set(f.streaming());
            message.set("");
        } finally {
            loading = false;
        }
    }

    private LayerRow row(int units, Activation activation) {
        LayerRow r = new LayerRow(units, activation);
        r.units().setOnValid(v -> {
            int index = hiddenLayers.indexOf(r);
            if (!loading && index >= 0 && v != applied.network().layers().get(index).units()) {
                applied = applied.withNetwork(networkFromRows());
                send(new Command.ResizeLayer(index, v));
            }
        });
        r.activationProperty().addListener((o, a, b) -> {
            int index = hiddenLayers.indexOf(r);
            if (!loading && index >= 0 && b != null) {
                applied = applied.withNetwork(networkFromRows());
                send(new Command.SetActivation(index, b));
            }
        });
        return r;
    }

    /** Adds a hidden layer before the output layer; training restarts from the seed. */
    public void addLayer() {
        if (hiddenLayers.size() >= MAX_HIDDEN_LAYERS) {
            message.set(org.backpropstudio.i18n.Messages.text("editor.maxLayers", MAX_HIDDEN_LAYERS));
            return;
        }
        if (!allLayersValid()) {
            return;
        }
        Activation like = hiddenLayers.isEmpty() ? Activation.TANH
                : hiddenLayers.get(hiddenLayers.size() - 1).activationProperty().get();
        hiddenLayers.add(row(8, like));
        reconfigure(applied.withNetwork(networkFromRows()), org.backpropstudio.i18n.Messages.text("reason.layerAdded", hiddenLayers.size()));
    }

    /** Removes a hidden layer; training restarts from the seed. */
    public void removeLayer(LayerRow r) {
        int index = hiddenLayers.indexOf(r);
        if (index < 0 || !allLayersValid()) {
            return;
        }
        hiddenLayers.remove(index);
        reconfigure(applied.withNetwork(networkFromRows()), org.backpropstudio.i18n.Messages.text("reason.layerRemoved", index + 1));
    }

    private boolean allLayersValid() {
        for (LayerRow r : hiddenLayers) {
            if (!r.units().isValid()) {
                message.set(org.backpropstudio.i18n.Messages.text("editor.fixLayers", r.units().errorProperty().get()));
                return false;
            }
        }
        message.set("");
        return true;
    }

    private NetworkSpec networkFromRows() {
        List<LayerSpec> old = applied.network().layers();
        List<LayerSpec> layers = new ArrayList<>();
        for (int k = 0; k < hiddenLayers.size(); k++) {
            LayerRow r = hiddenLayers.get(k);
            boolean bias = k < old.size() - 1 ? old.get(k).bias() : true;
            layers.add(new LayerSpec(r.units().value(), r.activationProperty().get(), bias));
        }
        LayerSpec output = old.get(old.size() - 1);
        layers.add(new LayerSpec(output.units(), outputActivation.get(), output.bias()));
        return new NetworkSpec(applied.network().inputs(), layers);
    }

    private void applyOptimizer() {
        if (loading) {
            return;
        }
        WeightDecay decay = decayKind.get() == WeightDecay.Kind.NONE ? WeightDecay.NONE
                : new WeightDecay(decayKind.get(), decayLambda.value());
        OptimizerConfig previous = applied.optimizer();
        OptimizerConfig next;
        switch (optimizer.get()) {
            case "adam":
                next = previous instanceof OptimizerConfig.Adam a
                        ? new OptimizerConfig.Adam(learningRate.value(), a.beta1(), a.beta2(), a.epsilon(), decay)
                        : new OptimizerConfig.Adam(learningRate.value(), 0.9, 0.999, 1e-8, decay);
                break;
            case "rmsprop":
                next = previous instanceof OptimizerConfig.RmsProp r
                        ? new OptimizerConfig.RmsProp(learningRate.value(), r.rho(), r.epsilon(), decay)
                        : new OptimizerConfig.RmsProp(learningRate.value(), 0.9, 1e-8, decay);
                break;
            case "sgd-rebound":
                next = new OptimizerConfig.ReboundSgd(learningRate.value(), momentum.value(), decay);
                break;
            default:
                boolean nesterov = previous instanceof OptimizerConfig.Sgd s && s.nesterov();
                next = new OptimizerConfig.Sgd(learningRate.value(), momentum.value(), nesterov, decay);
        }
        if (!next.equals(previous)) {
            applied = applied.withOptimizer(next);
            send(new Command.SetOptimizer(next));
        }
    }

    private void applyBatching() {
        if (loading) {
            return;
        }
        if (applied.streaming() && batchSize.value() == 0) {
            message.set(org.backpropstudio.i18n.Messages.text("editor.streamingBatch"));
            return;
        }
        applied = applied.withBatching(batchSize.value(), shuffle.get(), dropLast.get());
        send(new Command.SetBatching(batchSize.value(), shuffle.get(), dropLast.get()));
    }

    private void applyLoss() {
        if (loading || loss.get() == null || reduction.get() == null) {
            return;
        }
        Loss l = new Loss(loss.get(), reduction.get());
        if (!l.equals(applied.loss())) {
            reconfigure(applied.withLoss(l), org.backpropstudio.i18n.Messages.text("reason.loss", l));
        }
    }

    /** {@link #applyData()} for a choice that is no text field: a refusal goes to the editor's message. */
    private void applyDataOrSay() {
        try {
            applyData();
        } catch (IllegalArgumentException refused) {
            message.set(refused.getMessage());
        }
    }

    /**
     * Sends the data the fields describe.
     *
     * @throws IllegalArgumentException with the reason when they describe no data (an empty range,
     *                                  a target that is not a number somewhere in it); from a field's
     *                                  commit, the reason is shown at that field
     */
    private void applyData() {
        if (loading) {
            return;
        }
        if (!(xMin.value() < xMax.value())) {
            throw new IllegalArgumentException(org.backpropstudio.i18n.Messages.text("editor.xRange"));
        }
        double testLo = testXMin.value();
        double testHi = testXMax.value();
        if (Double.isNaN(testLo) != Double.isNaN(testHi)) {
            // not a refusal: half of a two-step entry, whose first end stays for the second to complete
            message.set(org.backpropstudio.i18n.Messages.text("editor.testRangeEnds"));
            return;
        }
        if (!Double.isNaN(testLo) && !(testLo < testHi)) {
            throw new IllegalArgumentException(org.backpropstudio.i18n.Messages.text("editor.testRange"));
        }
        Target f = target.get();
        String typed = expression.value();
        if (typed != null && !typed.isEmpty()) {
            ExpressionTarget e = ExpressionTarget.parse(typed);
            double bad = e.firstNonFinite(xMin.value(), xMax.value(), 2001);
            if (Double.isNaN(bad) && !Double.isNaN(testLo)) {
                bad = e.firstNonFinite(testLo, testHi, 2001);
            }
            if (!Double.isNaN(bad)) {
                throw new IllegalArgumentException(org.backpropstudio.i18n.Messages.text("editor.notANumberAt", typed,
                        org.backpropstudio.i18n.NumberText.plain(bad)));
            }
            f = e;
        }
        DataSpec.FunctionData data = new DataSpec.FunctionData(f, xMin.value(), xMax.value(),
                streaming.get() ? 0 : trainCount.value(), testCount.value(), noise.value(), sampling.get(), streaming.get(),
                testLo, testHi);
        if (streaming.get() && applied.batchSize() == 0) {
            applied = applied.withBatching(16, applied.shuffle(), applied.dropLast());
            batchSize.load(16, "16");
        }
        givenData.set(false);
        String range = "[" + org.backpropstudio.i18n.NumberText.plain(data.xMin()) + ", " + org.backpropstudio.i18n.NumberText.plain(data.xMax()) + "]";
        reconfigure(applied.withData(data), data.separateTestRange()
                ? org.backpropstudio.i18n.Messages.text("reason.dataSplit", data.target().formula(), range,
                        "[" + org.backpropstudio.i18n.NumberText.plain(testLo) + ", " + org.backpropstudio.i18n.NumberText.plain(testHi) + "]")
                : org.backpropstudio.i18n.Messages.text("reason.data", data.target().formula(), range));
    }

    private void reconfigure(TrainingConfig config, String reason) {
        if (loading) {
            return;
        }
        applied = config;
        message.set("");
        send(new Command.Reconfigure(config, reason));
    }

    /**
     * What the data fields show for a data table: its own x-range and counts (they once kept the
     * last function's ±6.283 and 50/10, which no longer described what trains), sin x as the
     * function a change of field would fit instead.
     */
    private static DataSpec.FunctionData describing(DataSpec data) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        // the samples of given data (the regression editor has no fields for a classifier's)
        org.backpropstudio.engine.Dataset[] sets = data instanceof DataSpec.GivenData g
                ? new org.backpropstudio.engine.Dataset[] {g.train(), g.test()} : new org.backpropstudio.engine.Dataset[0];
        for (org.backpropstudio.engine.Dataset d : sets) {
            for (double x : d.xColumn()) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (!(lo < hi)) {
            lo = -2 * Math.PI;
            hi = 2 * Math.PI;
        }
        return new DataSpec.FunctionData(TargetFunction.SIN, Math.max(lo, -1e6), Math.min(hi, 1e6),
                Math.max(1, data.trainCount()), Math.max(1, data.testCount()), 0, DataSpec.Sampling.RANDOM, false);
    }

    private void send(Command c) {
        if (!loading) {
            commands.accept(c);
        }
    }

    /**
     * The run's limits moved without the editor (the finished banner's Train more): the epochs field
     * shows the new limit, and a later edit that restarts training keeps both. Sends nothing.
     */
    public void limitsMoved(int epochLimit, long stepLimit) {
        loading = true;
        try {
            epochs.load(epochLimit, Integer.toString(epochLimit));
            applied = applied.withEpochs(epochLimit).withStepLimit(stepLimit);
        } finally {
            loading = false;
        }
    }

    /**
     * The service now trains on points clicked in: the editor's setup takes them, so a later edit
     * that restarts training keeps them. Sends nothing.
     */
    public void samplesEdited(DataSpec samples) {
        applied = applied.withData(samples);
        givenData.set(samples instanceof DataSpec.GivenData);
    }

    /** The data a regression's fields describe (a curve), or a classifier's (chosen with its views). */
    private void showInputs(TrainingConfig config) {
        curveData.set(config.data().task() instanceof org.backpropstudio.engine.Task.Regression);
        inputs.set(config.data() instanceof DataSpec.Plane p ? p.inputs() : config.network().inputs());
    }

    /** True when the data is a curve's, which the data fields describe; false for a classifier. */
    public ReadOnlyBooleanProperty curveDataProperty() {
        return curveData.getReadOnlyProperty();
    }

    /** The network's inputs: their count, or for the plane the features in order. */
    public javafx.beans.property.ReadOnlyObjectProperty<Object> inputsProperty() {
        return inputs.getReadOnlyProperty();
    }

    /** The network's inputs in words, in the current language: "input: x (1 value)", "inputs: x₁, x₂, sin x₁". */
    public String inputText() {
        Object in = inputs.get();
        if (in instanceof List<?> features) {
            StringBuilder names = new StringBuilder();
            for (Object f : features) {
                names.append(names.length() == 0 ? "" : ", ").append(((org.backpropstudio.engine.Feature) f).label());
            }
            return org.backpropstudio.i18n.Messages.text("editor.inputFeatures", names, features.size());
        }
        int n = in instanceof Integer i ? i : 1;
        int side = (int) Math.round(Math.sqrt(n));
        if (!curveData.get() && side * side == n && side >= 8) {
            return org.backpropstudio.i18n.Messages.text("editor.inputImage", side, n);
        }
        return n == 1 ? org.backpropstudio.i18n.Messages.text("editor.input")
                : org.backpropstudio.i18n.Messages.text("editor.inputs", n);
    }

    /** The setup as the editor last sent it. */
    public TrainingConfig applied() {
        return applied;
    }

    public ObservableList<LayerRow> hiddenLayers() {
        return hiddenLayers;
    }

    public ObjectProperty<Activation> outputActivationProperty() {
        return outputActivation;
    }

    public ObjectProperty<LossKind> lossProperty() {
        return loss;
    }

    public ObjectProperty<Reduction> reductionProperty() {
        return reduction;
    }

    /**
     * Replaces seed 002's rebound velocity by the momentum its code meant: the same μ, lr and
     * decay, with the velocity kept from step to step.
     */
    public void useTextbookMomentum() {
        optimizer.set("sgd");
    }

    public ObjectProperty<String> optimizerProperty() {
        return optimizer;
    }

    public ValidatedField<Double> learningRate() {
        return learningRate;
    }

    public ValidatedField<Double> momentum() {
        return momentum;
    }

    public ObjectProperty<WeightDecay.Kind> decayKindProperty() {
        return decayKind;
    }

    public ValidatedField<Double> decayLambda() {
        return decayLambda;
    }

    public ValidatedField<Integer> batchSize() {
        return batchSize;
    }

    public BooleanProperty shuffleProperty() {
        return shuffle;
    }

    public BooleanProperty dropLastProperty() {
        return dropLast;
    }

    public ValidatedField<Integer> epochs() {
        return epochs;
    }

    public ValidatedField<Long> seed() {
        return seed;
    }

    public ObjectProperty<TargetFunction> targetProperty() {
        return target;
    }

    /**
     * Reads a typed target: "" (use the list's) or an expression; an invalid one's error shows the
     * text with a caret under the character where it went wrong.
     */
    static String parseExpression(String text) {
        if (text.isEmpty()) {
            return "";
        }
        try {
            ExpressionTarget.parse(text);
            return text;
        } catch (ExpressionTarget.InvalidExpression e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + text + "\n" + " ".repeat(e.position()) + "^");
        }
    }

    public ValidatedField<String> expression() {
        return expression;
    }

    public ValidatedField<Double> xMin() {
        return xMin;
    }

    public ValidatedField<Double> xMax() {
        return xMax;
    }

    public ValidatedField<Double> testXMin() {
        return testXMin;
    }

    public ValidatedField<Double> testXMax() {
        return testXMax;
    }

    public ValidatedField<Integer> trainCount() {
        return trainCount;
    }

    public ValidatedField<Integer> testCount() {
        return testCount;
    }

    public ValidatedField<Double> noise() {
        return noise;
    }

    public ObjectProperty<DataSpec.Sampling> samplingProperty() {
        return sampling;
    }

    public BooleanProperty streamingProperty() {
        return streaming;
    }

    /** True while the data is a given table (a preset's or a file's) rather than a function. */
    public ReadOnlyBooleanProperty givenDataProperty() {
        return givenData.getReadOnlyProperty();
    }

    /** A note about the last change that could not be made ("" when none). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
