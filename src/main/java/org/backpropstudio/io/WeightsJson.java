package org.backpropstudio.io;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backpropstudio.engine.Activation;
import org.backpropstudio.engine.LayerSpec;
import org.backpropstudio.engine.LossKind;
import org.backpropstudio.engine.NetworkSpec;
import org.backpropstudio.engine.OptimizerConfig;
import org.backpropstudio.i18n.Messages;

/**
 * Reads and writes {@code backprop-studio.weights} version 1 (see DESIGN.md). Doubles are written
 * in Java's round-trip form and read back to the identical value. Reading validates everything
 * and reports the first problem as an {@link ImportException} naming where it is.
 */
public final class WeightsJson {

    public static final String FORMAT = "backprop-studio.weights";
    public static final int VERSION = 1;
    /** Limits on what a file may declare, checked before any matrix is allocated. */
    public static final int MAX_UNITS = 4096;
    public static final int MAX_LAYERS = 64;
    public static final long MAX_PARAMETERS = 8_000_000;
    /**
     * The largest weights file read, derived from the limits above so that every network within
     * them, written by {@link #toJson}, reads back: each parameter at most {@link CsvFiles#NUMBER_CHARS}
     * and ", "; each row of W its indent, brackets and line end; 1 MiB for the rest (architecture,
     * provenance).
     */
    public static final long MAX_FILE_BYTES = MAX_PARAMETERS * (CsvFiles.NUMBER_CHARS + 2)
            + (long) MAX_LAYERS * (MAX_UNITS + 1) * 12 + (1L << 20);

        private WeightsJson() {
    }

    /** Reads a file; every failure, including I/O, is an {@link ImportException}. */
    public static WeightsFile read(Path file) throws ImportException {
        return parse(TextFiles.read(file, "textFile.weights", MAX_FILE_BYTES));
    }

    /** Parses and validates the text of a weights file. */
    public static WeightsFile parse(String json) throws ImportException {
        JsonNode root = JsonText.tree(json);
        if (root == null || !root.isObject()) {
            throw new ImportException("not a weights file: expected a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !format.asText().equals(FORMAT)) {
            throw new ImportException("not a weights file: \"format\" must be \"" + FORMAT + "\", found "
                    + JsonText.shown(format));
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw new ImportException("\"version\" must be a whole number, found " + JsonText.shown(version));
        }
        if (version.asLong() != VERSION) {
            throw new ImportException("version " + JsonText.shown(version) + " is not supported (this Backprop Studio reads version "
                    + VERSION + ")");
        }
        JsonNode networkNode = object(root, "network", "");
        NetworkSpec spec = network(networkNode);
        LossKind loss = loss(networkNode);
        List<double[][]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        parameters(array(root, "parameters", ""), spec, weights, biases);
        TrainingInfo training = root.hasNonNull("training") ? training(root.get("training")) : null;
        return new WeightsFile(spec, loss, weights, biases, training);
    }

    /** The architecture from a {@code network} object; limits are checked before anything is allocated. */
    static NetworkSpec network(JsonNode network) throws ImportException {
        int inputs = integer(network, "inputs", "network", 1, MAX_UNITS);
        JsonNode layers = array(network, "layers", "network");
        if (layers.isEmpty() || layers.size() > MAX_LAYERS) {
            throw new ImportException("network.layers must have 1 to " + MAX_LAYERS + " layers, found " + layers.size());
        }
        List<LayerSpec> specs = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            String where = "network.layers[" + k + "] (layer " + (k + 1) + ")";
            JsonNode l = layers.get(k);
            if (!l.isObject()) {
                throw new ImportException(where + " must be an object");
            }
            int units = integer(l, "units", where, 1, MAX_UNITS);
            Activation activation = activation(l, where);
            boolean bias = true;
            JsonNode b = l.get("bias");
            if (b != null && !b.isNull()) {
                if (!b.isBoolean()) {
                    throw new ImportException(where + ": \"bias\" must be true or false, found " + b);
                }
                bias = b.asBoolean();
            }
            specs.add(new LayerSpec(units, activation, bias));
        }
        NetworkSpec spec = new NetworkSpec(inputs, specs);
        if (spec.parameterCount() > MAX_PARAMETERS) {
            throw new ImportException("the network " + spec + " has " + spec.parameterCount()
                    + " parameters, more than the " + MAX_PARAMETERS + " Backprop Studio handles");
        }
        return spec;
    }

    /** Layer k's W and b from a {@code parameters} array, checked against the architecture. */
    static void parameters(JsonNode parameters, NetworkSpec spec, List<double[][]> weights, List<double[]> biases)
            throws ImportException {
        List<LayerSpec> specs = spec.layers();
        if (parameters.size() != specs.size()) {
            throw new ImportException("\"parameters\" has " + parameters.size() + " entries but the network has "
                    + specs.size() + " layers");
        }
        int in = spec.inputs();
        for (int k = 0; k < specs.size(); k++) {
            String where = "layer " + (k + 1);
            JsonNode p = parameters.get(k);
            if (!p.isObject()) {
                throw new ImportException("parameters[" + k + "] (" + where + ") must be an object with W and b");
            }
            LayerSpec s = specs.get(k);
            weights.add(matrix(p.get("W"), where, in, s.units()));
            JsonNode b = p.get("b");
            if (s.bias()) {
                if (b == null || b.isNull()) {
                    throw new ImportException(where + ": b is missing (the layer has a bias)");
                }
                biases.add(vector(b, where + ": b", s.units()));
            } else {
                if (b != null && !b.isNull()) {
                    throw new ImportException(where + ": b is given but the layer is declared without bias");
                }
                biases.add(null);
            }
            in = s.units();
        }
    }

    private static Activation activation(JsonNode layer, String where) throws ImportException {
        JsonNode a = layer.get("activation");
        if (a == null || !a.isTextual()) {
            throw new ImportException(where + ": \"activation\" must be a name such as \"sigmoid\", found "
                    + JsonText.shown(a));
        }
        try {
            // names are short: a longer one matches none, and the error quotes the excerpt, not a megabyte
            return Activation.fromWireName(Messages.excerpt(a.asText()));
        } catch (IllegalArgumentException e) {
            throw new ImportException(where + ": " + e.getMessage());
        }
    }

    static LossKind loss(JsonNode network) throws ImportException {
        JsonNode l = network.get("loss");
        if (l == null || !l.isTextual()) {
            throw new ImportException("network: \"loss\" must be a name such as \"half_mse\", found "
                    + JsonText.shown(l));
        }
        try {
            return LossKind.fromWireName(Messages.excerpt(l.asText())); // quoted short, as above
        } catch (IllegalArgumentException e) {
            throw new ImportException("network: " + e.getMessage());
        }
    }

    private static double[][] matrix(JsonNode w, String where, int rows, int cols) throws ImportException {
        if (w == null || w.isNull()) {
            throw new ImportException(where + ": W is missing");
        }
        if (!w.isArray()) {
            throw new ImportException(where + ": W must be an array of rows");
        }
        if (w.size() != rows) {
            throw new ImportException(where + ": W has " + w.size() + " rows, expected " + rows);
        }
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = vector(w.get(i), where + ": W row " + (i + 1), cols);
        }
        return m;
    }

    static double[] vector(JsonNode v, String where, int length) throws ImportException {
        if (!v.isArray()) {
            throw new ImportException(where + " must be an array of numbers");
        }
        if (v.size() != length) {
            throw new ImportException(where + " has " + v.size() + " entries, expected " + length);
        }
        double[] values = new double[length];
        for (int j = 0; j < length; j++) {
            JsonNode x = v.get(j);
            if (!x.isNumber()) {
                throw new ImportException(where + ", entry " + (j + 1) + ": " + JsonText.shown(x) + " is not a number");
            }
            values[j] = x.doubleValue();
            if (!Double.isFinite(values[j])) {
                throw new ImportException(where + ", entry " + (j + 1) + ": " + Messages.excerpt(x.asText())
                        + " is too large for a double");
            }
        }
        return values;
    }

    private static TrainingInfo training(JsonNode t) throws ImportException {
        if (!t.isObject()) {
            throw new ImportException("\"training\" must be an object");
        }
        Map<String, Object> optimizer = new LinkedHashMap<>();
        JsonNode o = t.get("optimizer");
        if (o != null && o.isObject()) {
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                JsonNode v = e.getValue();
                if (v.isNumber()) {
                    optimizer.put(e.getKey(), v.doubleValue());
                } else if (v.isBoolean()) {
                    optimizer.put(e.getKey(), v.asBoolean());
                } else if (v.isValueNode() && !v.isNull()) {
                    optimizer.put(e.getKey(), v.asText());
                }
            }
        }
        return new TrainingInfo(t.path("epoch").asLong(0), t.path("trainLoss").asDouble(Double.NaN),
                t.path("testLoss").asDouble(Double.NaN), t.path("seed").asLong(0), optimizer,
                t.path("savedAt").asText(""), t.path("appVersion").asText(""), t.path("javaVersion").asText(""));
    }

    static JsonNode object(JsonNode parent, String name, String where) throws ImportException {
        JsonNode n = parent.get(name);
        if (n == null || !n.isObject()) {
            throw new ImportException(prefix(where) + "\"" + name + "\" must be an object"
                    + (n == null ? " but is missing" : ", found " + n.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        return n;
    }

    static JsonNode array(JsonNode parent, String name, String where) throws ImportException {
        JsonNode n = parent.get(name);
        if (n == null || !n.isArray()) {
            throw new ImportException(prefix(where) + "\"" + name + "\" must be an array"
                    + (n == null ? " but is missing" : ", found " + n.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        return n;
    }

    static int integer(JsonNode parent, String name, String where, int min, int max) throws ImportException {
        JsonNode n = parent.get(name);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < min || n.asInt() > max) {
            throw new ImportException(prefix(where) + "\"" + name + "\" must be a whole number from " + min + " to "
                    + max + ", found " + JsonText.shown(n));
        }
        return n.asInt();
    }

    private static String prefix(String where) {
        return where.isEmpty() ? "" : where + ": ";
    }

    // ------------------------------------------------------------------ writing

    /** Writes the file atomically. */
    public static void write(Path file, WeightsFile weights) throws IOException {
        AtomicFiles.writeString(file, toJson(weights));
    }

    /**
     * The file's text: one layer per line, one row of W per line.
     *
     * @throws IllegalArgumentException when a parameter is NaN or infinite (JSON cannot hold it)
     */
    public static String toJson(WeightsFile w) {
        checkWithinLimits(w.network());
        StringBuilder s = new StringBuilder();
        s.append("{\n");
        s.append("  \"format\": \"").append(FORMAT).append("\",\n");
        s.append("  \"version\": ").append(VERSION).append(",\n");
        s.append("  \"network\": {\n");
        s.append("    \"inputs\": ").append(w.network().inputs()).append(",\n");
        s.append("    \"layers\": [\n");
        List<LayerSpec> layers = w.network().layers();
        for (int k = 0; k < layers.size(); k++) {
            LayerSpec l = layers.get(k);
            s.append("      {\"units\": ").append(l.units()).append(", \"activation\": \"")
                    .append(l.activation().wireName()).append('"');
            if (!l.bias()) {
                s.append(", \"bias\": false");
            }
            s.append('}').append(k + 1 < layers.size() ? ",\n" : "\n");
        }
        s.append("    ],\n");
        s.append("    \"loss\": \"").append(w.loss().wireName()).append("\"\n");
        s.append("  },\n");
        s.append("  \"parameters\": [\n");
        for (int k = 0; k < layers.size(); k++) {
            String where = "layer " + (k + 1);
            s.append("    {\n      \"W\": [\n");
            double[][] m = w.weights().get(k);
            for (int i = 0; i < m.length; i++) {
                s.append("        ");
                appendArray(s, m[i], where + " W");
                s.append(i + 1 < m.length ? ",\n" : "\n");
            }
            s.append("      ]");
            double[] b = w.biases().get(k);
            if (b != null) {
                s.append(",\n      \"b\": ");
                appendArray(s, b, where + " b");
            }
            s.append("\n    }").append(k + 1 < layers.size() ? ",\n" : "\n");
        }
        s.append("  ]");
        if (w.training() != null) {
            s.append(",\n  \"training\": ");
            appendTraining(s, w.training());
        }
        s.append("\n}\n");
        return s.toString();
    }

    /** A network beyond what {@link #read} accepts is not written: whatever is written reads back. */
    private static void checkWithinLimits(NetworkSpec spec) {
        boolean unitsFit = spec.inputs() <= MAX_UNITS && spec.layers().stream().allMatch(l -> l.units() <= MAX_UNITS);
        if (!unitsFit || spec.layers().size() > MAX_LAYERS || spec.parameterCount() > MAX_PARAMETERS) {
            throw new IllegalArgumentException("the network " + spec + " is beyond what a weights file holds ("
                    + MAX_LAYERS + " layers of " + MAX_UNITS + " units, " + MAX_PARAMETERS + " parameters)");
        }
    }

    private static void appendArray(StringBuilder s, double[] values, String where) {
        s.append('[');
        for (int j = 0; j < values.length; j++) {
            if (!Double.isFinite(values[j])) {
                throw new IllegalArgumentException(where + " holds " + values[j]
                        + "; a network with NaN or infinite parameters cannot be saved");
            }
            if (j > 0) {
                s.append(", ");
            }
            s.append(values[j]);
        }
        s.append(']');
    }

    private static void appendTraining(StringBuilder s, TrainingInfo t) {
        s.append("{\"epoch\": ").append(t.epoch());
        s.append(", \"trainLoss\": ").append(finiteOrNull(t.trainLoss()));
        s.append(", \"testLoss\": ").append(finiteOrNull(t.testLoss()));
        s.append(", \"seed\": ").append(t.seed());
        s.append(",\n               \"optimizer\": {");
        boolean first = true;
        for (Map.Entry<String, Object> e : t.optimizer().entrySet()) {
            s.append(first ? "" : ", ").append(quote(e.getKey())).append(": ").append(value(e.getValue()));
            first = false;
        }
        s.append("},\n               \"savedAt\": ").append(quote(t.savedAt()));
        s.append(", \"appVersion\": ").append(quote(t.appVersion()));
        s.append(", \"javaVersion\": ").append(quote(t.javaVersion())).append('}');
    }

    private static String value(Object v) {
        if (v instanceof Double d) {
            return finiteOrNull(d);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return quote(String.valueOf(v));
    }

    private static String finiteOrNull(double d) {
        return Double.isFinite(d) ? Double.toString(d) : "null";
    }

    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /** The optimizer block of the provenance: its name and every hyperparameter. */
    public static Map<String, Object> describe(OptimizerConfig config) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", config.name());
        m.put("learningRate", config.learningRate());
        if (config instanceof OptimizerConfig.Sgd sgd) {
            m.put("momentum", sgd.momentum());
            m.put("nesterov", sgd.nesterov());
        } else if (config instanceof OptimizerConfig.ReboundSgd rebound) {
            m.put("momentum", rebound.momentum());
        } else if (config instanceof OptimizerConfig.Adam adam) {
            m.put("beta1", adam.beta1());
            m.put("beta2", adam.beta2());
            m.put("epsilon", adam.epsilon());
        } else if (config instanceof OptimizerConfig.RmsProp rms) {
            m.put("rho", rms.rho());
            m.put("epsilon", rms.epsilon());
        }
        m.put("weightDecay", config.decay().kind().name().toLowerCase(Locale.ROOT));
        m.put("weightDecayLambda", config.decay().lambda());
        return m;
    }
}
