package org.backpropstudio.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.ExpressionTarget;
import org.backpropstudio.engine.Feature;
import org.backpropstudio.engine.PlaneShape;
import org.backpropstudio.engine.Target;
import org.backpropstudio.engine.TargetFunction;
import org.backpropstudio.engine.WireName;
import org.backpropstudio.i18n.Messages;

/**
 * The {@code data} section of an experiment file. Version 1 has {@code function} and
 * {@code given} (x and y as two columns); version 2 adds a classifier's {@code labelled} samples
 * (x as rows, a class each) and the plane's {@code plane} data (shape, classes, count, noise,
 * training share, feature inputs), and writes given samples of several inputs or outputs as rows.
 */
final class DataSpecJson {

    private DataSpecJson() {
    }

    /** Writes {@code spec} into {@code data}. */
    static void write(ObjectNode data, DataSpec spec) {
        if (spec instanceof DataSpec.FunctionData f) {
            data.put("kind", "function");
            data.put("target", f.target().wireName());
            if (f.target() instanceof ExpressionTarget expression) {
                data.put("expression", expression.text());
            }
            data.put("xMin", f.xMin());
            data.put("xMax", f.xMax());
            if (f.separateTestRange()) {
                data.put("testXMin", f.testXMin());
                data.put("testXMax", f.testXMax());
            }
            data.put("trainCount", f.trainCount());
            data.put("testCount", f.testCount());
            data.put("noise", f.noise());
            data.put("sampling", f.sampling().name().toLowerCase(Locale.ROOT));
            data.put("streaming", f.streaming());
        } else if (spec instanceof DataSpec.GivenData g) {
            data.put("kind", "given");
            given(data.putObject("train"), g.train());
            given(data.putObject("test"), g.test());
        } else if (spec instanceof DataSpec.LabelledData l) {
            data.put("kind", "labelled");
            data.put("classes", l.classes());
            if (l.source().equals(BundledDigits.SOURCE) || l.source().startsWith(IdxDataset.SOURCE_PREFIX)) {
                // the bundled digits or MNIST's own files: read again when the experiment is opened
                data.put("source", l.source());
            } else {
                labelled(data.putObject("train"), l.train());
                labelled(data.putObject("test"), l.test());
            }
        } else if (spec instanceof DataSpec.PlaneData p) {
            data.put("kind", "plane");
            data.put("shape", p.shape().wireName());
            data.put("classes", p.classes());
            data.put("count", p.count());
            data.put("noise", p.noise());
            data.put("trainShare", p.trainShare());
            features(data, p.inputs());
        } else if (spec instanceof DataSpec.PlanePoints p) {
            data.put("kind", "plane-points");
            data.put("classes", p.classes());
            points(data.putObject("train"), p.train());
            points(data.putObject("test"), p.test());
            features(data, p.inputs());
        } else {
            throw new AssertionError(spec);
        }
    }

    private static void features(ObjectNode data, java.util.List<Feature> on) {
        ArrayNode features = data.putArray("features");
        for (Feature f : on) {
            features.add(f.wireName());
        }
    }

    private static void points(ObjectNode node, DataSpec.Points p) {
        ArrayNode xy = node.putArray("x"); // as labelled data's rows, of two numbers
        for (double[] point : p.xy()) {
            xy.addArray().add(point[0]).add(point[1]);
        }
        ArrayNode labels = node.putArray("labels");
        for (int label : p.labels()) {
            labels.add(label);
        }
    }

    /** One input and one target as two columns (version 1's form); several as rows. */
    private static void given(ObjectNode node, Dataset d) {
        if (d.x().numCols == 1 && d.y().numCols == 1) {
            putNumbers(node.putArray("x"), d.xColumn());
            putNumbers(node.putArray("y"), d.yColumn());
        } else {
            putRows(node.putArray("x"), d.x().data, d.size(), d.x().numCols);
            putRows(node.putArray("y"), d.y().data, d.size(), d.y().numCols);
        }
    }

    private static void labelled(ObjectNode node, Dataset d) {
        putRows(node.putArray("x"), d.x().data, d.size(), d.x().numCols);
        ArrayNode labels = node.putArray("labels");
        for (int i = 0; i < d.size(); i++) {
            labels.add(d.label(i));
        }
    }

    private static void putNumbers(ArrayNode a, double[] values) {
        for (double v : values) {
            a.add(v);
        }
    }

    private static void putRows(ArrayNode a, double[] data, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            ArrayNode row = a.addArray();
            for (int c = 0; c < cols; c++) {
                row.add(data[r * cols + c]);
            }
        }
    }

    /** Reads the data section of a file of {@code version}. */
    static DataSpec read(JsonNode d, int version) throws ImportException {
        String kind = text(d, "kind");
        switch (kind) {
            case "function":
                return function(d);
            case "given":
                return new DataSpec.GivenData(given(WeightsJson.object(d, "train", "data"), "data.train"),
                        given(WeightsJson.object(d, "test", "data"), "data.test"));
            case "labelled":
            case "plane":
            case "plane-points":
                if (version >= 2) {
                    return kind.equals("labelled") ? labelledData(d) : kind.equals("plane") ? plane(d) : planePoints(d);
                }
                // a version-1 file cannot hold a classifier's data
                break;
            default:
                break;
        }
        throw new ImportException("data: \"kind\" must be " + (version >= 2
                ? "\"function\", \"given\", \"labelled\", \"plane\" or \"plane-points\"" : "\"function\" or \"given\"") + ", found '"
                + Messages.excerpt(kind) + "'");
    }

    private static DataSpec function(JsonNode d) throws ImportException {
        DataSpec.Sampling sampling;
        try {
            sampling = DataSpec.Sampling.valueOf(text(d, "sampling").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ImportException("data: \"sampling\" must be \"random\", \"even\" or \"resampled\"");
        }
        Target target;
        if (text(d, "target").equals("expression")) {
            try {
                target = ExpressionTarget.parse(text(d, "expression"));
            } catch (ExpressionTarget.InvalidExpression e) {
                throw new ImportException("data.expression: " + e.getMessage() + " (at character " + (e.position() + 1)
                        + ")");
            }
        } else {
            target = TargetFunction.fromWireName(Messages.excerpt(text(d, "target")));
        }
        // the extrapolation split is optional: without it the test samples share the training range
        boolean split = d.has("testXMin") || d.has("testXMax");
        return new DataSpec.FunctionData(target, number(d, "xMin"),
                number(d, "xMax"), WeightsJson.integer(d, "trainCount", "data", 0, 10_000_000),
                WeightsJson.integer(d, "testCount", "data", 0, 10_000_000), number(d, "noise"), sampling,
                bool(d, "streaming"), split ? number(d, "testXMin") : Double.NaN,
                split ? number(d, "testXMax") : Double.NaN);
    }

    /** Two columns x and y (version 1), or rows of x and of y. */
    private static Dataset given(JsonNode node, String where) throws ImportException {
        JsonNode x = WeightsJson.array(node, "x", where);
        if (x.size() > 0 && x.get(0).isArray()) {
            double[][] xs = rows(x, where + ".x");
            double[][] ys = rows(WeightsJson.array(node, "y", where), where + ".y");
            if (ys.length != xs.length) {
                throw new ImportException(where + ": " + xs.length + " rows of x but " + ys.length + " of y");
            }
            return new Dataset(new org.ejml.data.DMatrixRMaj(xs), new org.ejml.data.DMatrixRMaj(ys));
        }
        double[] xs = WeightsJson.vector(x, where + ".x", x.size());
        double[] ys = WeightsJson.vector(WeightsJson.array(node, "y", where), where + ".y", xs.length);
        return Dataset.of(xs, ys);
    }

    private static DataSpec labelledData(JsonNode d) throws ImportException {
        if (d.has("source")) {
            String source = text(d, "source");
            if (source.startsWith(IdxDataset.SOURCE_PREFIX)) {
                IdxDataset.Sets sets = IdxDataset.read(java.nio.file.Path.of(source.substring(IdxDataset.SOURCE_PREFIX.length())),
                        share -> { });
                return new DataSpec.LabelledData(sets.train(), sets.test(), IdxFiles.CLASSES).from(source);
            }
            if (!source.equals(BundledDigits.SOURCE)) {
                throw new ImportException("data.source: '" + Messages.excerpt(source) + "' is neither the bundled digits ("
                        + BundledDigits.SOURCE + ") nor a dataset's files (" + IdxDataset.SOURCE_PREFIX + "PATH)");
            }
            return PresetCatalog.get(org.backpropstudio.engine.Presets.DIGITS_SOFTMAX).config().data();
        }
        int classes = WeightsJson.integer(d, "classes", "data", 2, 10);
        return new DataSpec.LabelledData(labelled(WeightsJson.object(d, "train", "data"), "data.train", classes),
                labelled(WeightsJson.object(d, "test", "data"), "data.test", classes), classes);
    }

    private static Dataset labelled(JsonNode node, String where, int classes) throws ImportException {
        double[][] x = rows(WeightsJson.array(node, "x", where), where + ".x");
        JsonNode labels = WeightsJson.array(node, "labels", where);
        if (labels.size() != x.length) {
            throw new ImportException(where + ": " + x.length + " rows of x but " + labels.size() + " labels");
        }
        int[] l = new int[x.length];
        for (int i = 0; i < l.length; i++) {
            JsonNode v = labels.get(i);
            if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() >= classes) {
                throw new ImportException(where + ".labels, entry " + (i + 1) + ": " + JsonText.shown(v)
                        + " is not a class from 0 to " + (classes - 1));
            }
            l[i] = v.asInt();
        }
        return Dataset.labelled(x, l, classes);
    }

    private static DataSpec plane(JsonNode d) throws ImportException {
        PlaneShape shape = PlaneShape.fromWireName(Messages.excerpt(text(d, "shape")));
        return new DataSpec.PlaneData(shape, WeightsJson.integer(d, "classes", "data", 2, 10),
                WeightsJson.integer(d, "count", "data", 2, DataSpec.PlaneData.MAX_POINTS), number(d, "noise"),
                number(d, "trainShare"), features(d));
    }

    private static DataSpec planePoints(JsonNode d) throws ImportException {
        int classes = WeightsJson.integer(d, "classes", "data", 2, 10);
        return new DataSpec.PlanePoints(points(WeightsJson.object(d, "train", "data"), "data.train", classes),
                points(WeightsJson.object(d, "test", "data"), "data.test", classes), classes, features(d));
    }

    private static DataSpec.Points points(JsonNode node, String where, int classes) throws ImportException {
        Dataset d = labelled(node, where, classes);
        if (d.size() > 0 && d.x().numCols != 2) {
            throw new ImportException(where + ".x must be rows of two numbers (x₁, x₂)");
        }
        double[][] xy = new double[d.size()][];
        int[] labels = new int[d.size()];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = new double[] {d.x().get(i, 0), d.x().get(i, 1)};
            labels[i] = d.label(i);
        }
        return new DataSpec.Points(xy, labels);
    }

    private static Set<Feature> features(JsonNode d) throws ImportException {
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        for (JsonNode f : WeightsJson.array(d, "features", "data")) {
            if (!f.isTextual()) {
                throw new ImportException("data.features: " + JsonText.shown(f) + " is not a feature's name");
            }
            features.add(WireName.parse(Feature.class, Messages.excerpt(f.asText()), "feature"));
        }
        if (features.isEmpty()) {
            throw new ImportException("data.features: at least one input feature must be on");
        }
        return features;
    }

    private static double[][] rows(JsonNode a, String where) throws ImportException {
        double[][] rows = new double[a.size()][];
        int width = a.size() == 0 ? 0 : (a.get(0).isArray() ? a.get(0).size() : -1);
        if (width < 1 && a.size() > 0) {
            throw new ImportException(where + " must be rows of numbers");
        }
        for (int i = 0; i < rows.length; i++) {
            rows[i] = WeightsJson.vector(a.get(i), where + ", row " + (i + 1), width);
        }
        return rows;
    }

    private static String text(JsonNode parent, String name) throws ImportException {
        return ExperimentJson.text(parent, name);
    }

    private static double number(JsonNode parent, String name) throws ImportException {
        return ExperimentJson.number(parent, name);
    }

    private static boolean bool(JsonNode parent, String name) throws ImportException {
        return ExperimentJson.bool(parent, name);
    }
}
