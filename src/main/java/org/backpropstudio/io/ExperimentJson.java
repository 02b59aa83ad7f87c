package org.backpropstudio.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.Initializer;
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
import org.backpropstudio.training.LossCurve;
import org.backpropstudio.training.PinnedRun;
import org.backpropstudio.i18n.Messages;

/**
 * Experiment files ({@code *.bps.json}, {@code backprop-studio.experiment}): the whole setup
 * (the task, network, initializers, loss, optimizer, batching, epochs, seed, data), and optionally
 * the weights at the time of saving. Version 2 (written now) adds the task, a classifier's data
 * ({@link DataSpecJson}) and batches drawn with replacement or a step limit; version-1 files
 * still open, as regression. Doubles are written to read back identically, so opening
 * an experiment and training it reproduces the original run, number for number.
 */
public final class ExperimentJson {

    public static final String FORMAT = "backprop-studio.experiment";
    public static final int VERSION = 2;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * An experiment: its setup and, optionally, the weights and loss history saved with it.
     *
     * @param config  the setup
     * @param weights the network at the time of saving, or null
     * @param history the losses up to then, or null
     * @param pinned   runs pinned for comparison (at most {@link PinnedRun#MAX}), in order
     * @param progress where the run was when saved (its epoch, last losses and change markers), or
     *                 null (a file from before progress was saved, or a setup never trained)
     */
    public record Experiment(TrainingConfig config, WeightsFile weights, History history, List<PinnedRun> pinned,
                             Progress progress) {
        public Experiment {
            pinned = List.copyOf(pinned);
            if (pinned.size() > PinnedRun.MAX) {
                throw new IllegalArgumentException("at most " + PinnedRun.MAX + " pinned runs, got " + pinned.size());
            }
        }

        /** An experiment without saved progress. */
        public Experiment(TrainingConfig config, WeightsFile weights, History history, List<PinnedRun> pinned) {
            this(config, weights, history, pinned, null);
        }

        /** An experiment without pinned runs. */
        public Experiment(TrainingConfig config, WeightsFile weights, History history) {
            this(config, weights, history, List.of());
        }

        /** An experiment without history. */
        public Experiment(TrainingConfig config, WeightsFile weights) {
            this(config, weights, null);
        }
    }

    /**
     * Where a run was when it was saved, so reopening goes on from there.
     *
     * @param epoch     epochs trained
     * @param trainLoss the last epoch's train loss (NaN if unknown)
     * @param testLoss  the last epoch's test loss (NaN if unknown)
     * @param markers   the changes marked on the loss chart, oldest first
     */
    public record Progress(int epoch, double trainLoss, double testLoss, List<Mark> markers) {
        public Progress {
            if (epoch < 0) {
                throw new IllegalArgumentException("progress: the epoch must be 0 or more, got " + epoch);
            }
            markers = List.copyOf(markers);
        }
    }

    /** A change marked on the loss chart: the epoch it was made at and what it was ("lr 0.1 → 0.3"). */
    public record Mark(int epoch, String label) {
    }

    /**
     * A run's losses as the studio keeps them: buckets of consecutive epochs, each with the first
     * epoch and the smallest and largest train and test loss (one epoch a bucket for short runs).
     */
    public record History(int[] epoch, double[] trainMin, double[] trainMax, double[] testMin, double[] testMax) {
        public History {
            int n = epoch.length;
            if (trainMin.length != n || trainMax.length != n || testMin.length != n || testMax.length != n) {
                throw new IllegalArgumentException("history: every column needs " + n + " values");
            }
        }
    }

    private ExperimentJson() {
    }

    /** Writes the file atomically. */
    public static void write(Path file, Experiment experiment) throws IOException {
        AtomicFiles.writeString(file, toJson(experiment));
    }

    /** The file's text. */
    public static String toJson(Experiment e) {
        TrainingConfig c = e.config();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ObjectNode network = root.putObject("network");
        network.put("inputs", c.network().inputs());
        ArrayNode layers = network.putArray("layers");
        for (LayerSpec l : c.network().layers()) {
            ObjectNode layer = layers.addObject();
            layer.put("units", l.units());
            layer.put("activation", l.activation().wireName());
            if (!l.bias()) {
                layer.put("bias", false);
            }
        }
        network.put("loss", c.loss().kind().wireName());
        root.put("reduction", c.loss().reduction().wireName());
        ObjectNode init = root.putObject("initializers");
        init.put("weights", c.weightInit().text());
        init.put("biases", c.biasInit().text());
        ObjectNode optimizer = root.putObject("optimizer");
        for (Map.Entry<String, Object> entry : WeightsJson.describe(c.optimizer()).entrySet()) {
            Object v = entry.getValue();
            if (v instanceof Double d) {
                optimizer.put(entry.getKey(), d);
            } else if (v instanceof Boolean b) {
                optimizer.put(entry.getKey(), b);
            } else {
                optimizer.put(entry.getKey(), String.valueOf(v));
            }
        }
        ObjectNode batching = root.putObject("batching");
        batching.put("batchSize", c.batchSize());
        batching.put("shuffle", c.shuffle());
        batching.put("dropLast", c.dropLast());
        if (c.replacement()) {
            batching.put("replacement", true);
        }
        if (c.stepLimit() > 0) {
            batching.put("stepLimit", c.stepLimit());
        }
        root.put("epochs", c.epochs());
        root.put("seed", c.seed());
        ObjectNode task = root.putObject("task");
        if (c.data().task() instanceof org.backpropstudio.engine.Task.Classification k) {
            task.put("kind", "classification");
            task.put("classes", k.classes());
        } else {
            task.put("kind", "regression");
        }
        DataSpecJson.write(root.putObject("data"), c.data());
        if (e.weights() != null) {
            ArrayNode parameters = root.putArray("parameters");
            for (int k = 0; k < e.weights().weights().size(); k++) {
                ObjectNode p = parameters.addObject();
                ArrayNode w = p.putArray("W");
                for (double[] row : e.weights().weights().get(k)) {
                    ArrayNode r = w.addArray();
                    for (double v : row) {
                        r.add(finite(v, "layer " + (k + 1) + " W"));
                    }
                }
                double[] b = e.weights().biases().get(k);
                if (b != null) {
                    ArrayNode bn = p.putArray("b");
                    for (double v : b) {
                        bn.add(finite(v, "layer " + (k + 1) + " b"));
                    }
                }
            }
        }
        if (e.history() != null) {
            History hist = e.history();
            putHistory(root.putObject("history"), hist.epoch(), hist.trainMin(), hist.trainMax(), hist.testMin(),
                    hist.testMax());
        }
        if (e.progress() != null) {
            Progress p = e.progress();
            ObjectNode progress = root.putObject("progress");
            progress.put("epoch", p.epoch());
            putNumbers(progress.putArray("lastLosses"), new double[] {p.trainLoss(), p.testLoss()});
            ArrayNode marks = progress.putArray("markers");
            for (Mark m : p.markers()) {
                marks.addObject().put("epoch", m.epoch()).put("label", m.label());
            }
        }
        if (!e.pinned().isEmpty()) {
            ArrayNode pins = root.putArray("pinned");
            for (PinnedRun run : e.pinned()) {
                ObjectNode pin = pins.addObject();
                pin.put("label", run.label());
                LossCurve.View l = run.losses();
                putHistory(pin.putObject("history"), l.epoch(), l.trainMin(), l.trainMax(), l.testMin(), l.testMax());
                putNumbers(pin.putArray("x"), run.x());
                putNumbers(pin.putArray("prediction"), run.prediction());
            }
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static final String[] HISTORY_COLUMNS = {"trainMin", "trainMax", "testMin", "testMax"};

    private static void putHistory(ObjectNode h, int[] epoch, double[]... columns) {
        ArrayNode epochs = h.putArray("epoch");
        for (int v : epoch) {
            epochs.add(v);
        }
        for (int col = 0; col < HISTORY_COLUMNS.length; col++) {
            putNumbers(h.putArray(HISTORY_COLUMNS[col]), columns[col]);
        }
    }

    /** Numbers, with null for NaN and infinities (a diverged epoch: JSON has no NaN). */
    private static void putNumbers(ArrayNode a, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                a.add(v);
            } else {
                a.addNull();
            }
        }
    }

    private static double finite(double v, String where) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(where + " holds " + v + "; a network with NaN or infinite parameters "
                    + "cannot be saved");
        }
        return v;
    }


    /** Reads a file; every failure is an {@link ImportException} naming the problem. */
    public static Experiment read(Path file) throws ImportException {
        // an experiment holds a network's weights and, besides, data and history of a CSV file's size
        return parse(TextFiles.read(file, "textFile.experiment", WeightsJson.MAX_FILE_BYTES + TextFiles.MAX_BYTES));
    }

    /** Parses and validates an experiment's text. */
    public static Experiment parse(String json) throws ImportException {
        JsonNode root = JsonText.tree(json);
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw new ImportException("not an experiment: \"format\" must be \"" + FORMAT + "\"");
        }
        if (!root.path("version").isIntegralNumber() || root.path("version").asLong() < 1
                || root.path("version").asLong() > VERSION) {
            throw new ImportException("version " + JsonText.shown(root.get("version")) + " is not supported (this Backprop Studio "
                    + "reads versions 1 to " + VERSION + ")");
        }
        int version = root.path("version").asInt();
        JsonNode networkNode = WeightsJson.object(root, "network", "");
        NetworkSpec network = WeightsJson.network(networkNode);
        LossKind lossKind = WeightsJson.loss(networkNode);
        try {
            Loss loss = new Loss(lossKind, Reduction.fromWireName(Messages.excerpt(text(root, "reduction"))));
            JsonNode init = WeightsJson.object(root, "initializers", "");
            Initializer weightInit = Initializer.parse(text(init, "weights"));
            Initializer biasInit = Initializer.parse(text(init, "biases"));
            OptimizerConfig optimizer = optimizer(WeightsJson.object(root, "optimizer", ""));
            JsonNode batching = WeightsJson.object(root, "batching", "");
            int batchSize = WeightsJson.integer(batching, "batchSize", "batching", 0, 1_000_000);
            int epochs = WeightsJson.integer(root, "epochs", "", 0, Integer.MAX_VALUE);
            if (!root.path("seed").isIntegralNumber() || !root.path("seed").canConvertToLong()) {
                throw new ImportException("\"seed\" must be a whole number");
            }
            boolean replacement = batching.has("replacement") && bool(batching, "replacement");
            long stepLimit = batching.has("stepLimit") ? WeightsJson.integer(batching, "stepLimit", "batching", 0,
                    Integer.MAX_VALUE) : 0;
            DataSpec data = DataSpecJson.read(WeightsJson.object(root, "data", ""), version);
            if (version >= 2) {
                checkTask(WeightsJson.object(root, "task", ""), data);
            }
            TrainingConfig config = new TrainingConfig(network, weightInit, biasInit, loss, optimizer, batchSize,
                    bool(batching, "shuffle"), bool(batching, "dropLast"), epochs, root.path("seed").asLong(),
                    data, replacement, stepLimit);
            WeightsFile weights = null;
            if (root.hasNonNull("parameters")) {
                List<double[][]> w = new ArrayList<>();
                List<double[]> b = new ArrayList<>();
                WeightsJson.parameters(WeightsJson.array(root, "parameters", ""), network, w, b);
                weights = new WeightsFile(network, lossKind, w, b, null);
            }
            History history = root.hasNonNull("history") ? history(WeightsJson.object(root, "history", ""), "history")
                    : null;
            Progress progress = root.hasNonNull("progress") ? progress(WeightsJson.object(root, "progress", "")) : null;
            return new Experiment(config, weights, history, pinned(root), progress);
        } catch (IllegalArgumentException e) {
            throw new ImportException(e.getMessage());
        }
    }

    /** A version-2 file's task must be the one its data poses. */
    private static void checkTask(JsonNode task, DataSpec data) throws ImportException {
        String kind = text(task, "kind");
        String expected = data.task() instanceof org.backpropstudio.engine.Task.Classification ? "classification"
                : "regression";
        if (!kind.equals(expected)) {
            throw new ImportException("task: \"" + Messages.excerpt(kind) + "\" does not fit the data, which poses "
                    + expected);
        }
        if (data.task() instanceof org.backpropstudio.engine.Task.Classification k
                && WeightsJson.integer(task, "classes", "task", 2, 10) != k.classes()) {
            throw new ImportException("task: " + task.get("classes") + " classes, but the data has " + k.classes());
        }
    }

    /** The saved progress (a file from before it was saved has none). */
    private static Progress progress(JsonNode p) throws ImportException {
        int epoch = WeightsJson.integer(p, "epoch", "progress", 0, Integer.MAX_VALUE);
        double[] last = numbersOrNull(p, "lastLosses", "progress", 2);
        JsonNode marks = WeightsJson.array(p, "markers", "progress");
        List<Mark> markers = new ArrayList<>();
        for (int k = 0; k < marks.size(); k++) {
            String where = "progress.markers[" + k + "]";
            JsonNode m = marks.get(k);
            if (!m.isObject() || !m.path("label").isTextual()) {
                throw new ImportException(where + " must be an object with an epoch and a label, found " + JsonText.shown(m));
            }
            markers.add(new Mark(WeightsJson.integer(m, "epoch", where, 0, Integer.MAX_VALUE), m.get("label").asText()));
        }
        return new Progress(epoch, last[0], last[1], markers);
    }

    private static History history(JsonNode h, String where) throws ImportException {
        JsonNode e = WeightsJson.array(h, "epoch", where);
        int[] epochs = new int[e.size()];
        for (int i = 0; i < epochs.length; i++) {
            if (!e.get(i).canConvertToInt()) {
                throw new ImportException(where + ".epoch, entry " + (i + 1) + ": " + e.get(i) + " is not a whole number");
            }
            epochs[i] = e.get(i).asInt();
        }
        double[][] columns = new double[4][];
        for (int c = 0; c < 4; c++) {
            columns[c] = numbersOrNull(h, HISTORY_COLUMNS[c], where, epochs.length);
        }
        return new History(epochs, columns[0], columns[1], columns[2], columns[3]);
    }

    /** An array of {@code n} numbers, null read as NaN. */
    private static double[] numbersOrNull(JsonNode parent, String name, String where, int n) throws ImportException {
        JsonNode a = WeightsJson.array(parent, name, where);
        if (a.size() != n) {
            throw new ImportException(where + "." + name + " has " + a.size() + " entries, expected " + n);
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            JsonNode v = a.get(i);
            if (!v.isNull() && !v.isNumber()) {
                throw new ImportException(where + "." + name + ", entry " + (i + 1) + ": " + JsonText.shown(v) + " is not a number");
            }
            values[i] = v.isNull() ? Double.NaN : v.doubleValue();
        }
        return values;
    }

    /** The pinned runs, if any (an older file has none). */
    private static List<PinnedRun> pinned(JsonNode root) throws ImportException {
        if (!root.hasNonNull("pinned")) {
            return List.of();
        }
        JsonNode pins = WeightsJson.array(root, "pinned", "");
        if (pins.size() > PinnedRun.MAX) {
            throw new ImportException("\"pinned\" holds " + pins.size() + " runs; at most " + PinnedRun.MAX
                    + " can be pinned");
        }
        List<PinnedRun> runs = new ArrayList<>();
        for (int k = 0; k < pins.size(); k++) {
            String where = "pinned[" + k + "]";
            JsonNode pin = pins.get(k);
            if (!pin.isObject()) {
                throw new ImportException(where + " must be an object, found " + JsonText.shown(pin));
            }
            History h = history(WeightsJson.object(pin, "history", where), where + ".history");
            JsonNode x = WeightsJson.array(pin, "x", where);
            double[] xs = WeightsJson.vector(x, where + ".x", x.size());
            double[] prediction = numbersOrNull(pin, "prediction", where, xs.length);
            runs.add(new PinnedRun(text(pin, "label"), new LossCurve.View(h.epoch(), h.trainMin(), h.trainMax(),
                    h.testMin(), h.testMax()), xs, prediction));
        }
        return runs;
    }

    private static OptimizerConfig optimizer(JsonNode o) throws ImportException {
        String name = text(o, "name");
        double lr = number(o, "learningRate");
        String decayKind = o.path("weightDecay").asText("none").toUpperCase(Locale.ROOT);
        WeightDecay decay;
        try {
            WeightDecay.Kind kind = WeightDecay.Kind.valueOf(decayKind);
            decay = kind == WeightDecay.Kind.NONE ? WeightDecay.NONE : new WeightDecay(kind, number(o, "weightDecayLambda"));
        } catch (IllegalArgumentException e) {
            throw new ImportException("optimizer: unknown weight decay '" + decayKind.toLowerCase(Locale.ROOT)
                    + "' (known: none, l1, l2)");
        }
        switch (name) {
            case "sgd":
                return new OptimizerConfig.Sgd(lr, number(o, "momentum"), bool(o, "nesterov"), decay);
            case "sgd-rebound":
                return new OptimizerConfig.ReboundSgd(lr, number(o, "momentum"), decay);
            case "adam":
                return new OptimizerConfig.Adam(lr, number(o, "beta1"), number(o, "beta2"), number(o, "epsilon"), decay);
            case "rmsprop":
                return new OptimizerConfig.RmsProp(lr, number(o, "rho"), number(o, "epsilon"), decay);
            default:
                throw new ImportException("optimizer: unknown name '" + Messages.excerpt(name) + "' (known: sgd, sgd-rebound, adam, rmsprop)");
        }
    }

    static String text(JsonNode parent, String name) throws ImportException {
        JsonNode n = parent.get(name);
        if (n == null || !n.isTextual()) {
            throw new ImportException("\"" + name + "\" must be text, found " + JsonText.shown(n));
        }
        return n.asText();
    }

    static double number(JsonNode parent, String name) throws ImportException {
        JsonNode n = parent.get(name);
        if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())) {
            throw new ImportException("\"" + name + "\" must be a finite number, found " + JsonText.shown(n));
        }
        return n.doubleValue();
    }

    static boolean bool(JsonNode parent, String name) throws ImportException {
        JsonNode n = parent.get(name);
        if (n == null || !n.isBoolean()) {
            throw new ImportException("\"" + name + "\" must be true or false, found " + JsonText.shown(n));
        }
        return n.asBoolean();
    }
}
