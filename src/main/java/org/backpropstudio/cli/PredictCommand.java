package org.backpropstudio.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backpropstudio.engine.Matrices;
import org.backpropstudio.engine.Network;
import org.backpropstudio.io.AtomicFiles;
import org.backpropstudio.io.CsvFiles;
import org.backpropstudio.io.WeightsJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code predict}: a saved network's predictions as {@code x,prediction} rows. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a saved network's predictions (x,prediction) for evenly spaced x or for the x column of a "
                + "CSV; for a classifier, the class and its probabilities (label,p0,…) for each row of --x-file.")
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--weights", required = true, paramLabel = "FILE", description = "The network, a .weights.json file.")
    Path weights;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Inputs inputs;

    static final class Inputs {
        @ArgGroup(exclusive = false)
        Grid grid;

        @Option(names = "--x-file", paramLabel = "FILE", description = "A CSV whose column x holds the inputs; for a "
                + "classifier, a CSV with columns x1 … xn (a label column is left out) or IDX images.")
        Path xFile;

        /** The i-th input. */
        @FunctionalInterface
        interface Source {
            double x(int i);
        }
    }

    static final class Grid {
        @Option(names = "--from", paramLabel = "X", defaultValue = "-6.283185307179586", description = "First x (default: −2π).")
        double from;

        @Option(names = "--to", paramLabel = "X", defaultValue = "6.283185307179586", description = "Last x (default: 2π).")
        double to;

        @Option(names = "--points", paramLabel = "N", defaultValue = "200", description = "Number of evenly spaced x, ≥ 2 (default: 200).")
        int points;

        /**
         * The i-th of the evenly spaced x: from·(1 − t) + to·t with t = i / (points − 1), which stays
         * finite for any finite ends (to − from overflows for ±1e308) and ends exactly at {@code to}.
         */
        double x(int i) {
            if (i == points - 1) {
                return to;
            }
            double t = (double) i / (points - 1);
            return from * (1 - t) + to * t;
        }
    }

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here (default: stdout).")
    Path out;

    @Option(names = "--force", description = "Overwrite the output file if it exists.")
    boolean force;

    /** Rows predicted per forward pass: the work matrices stay small however many rows there are. */
    private static final int CHUNK = 4096;

    @Override
    public Integer call() throws Exception {
        new Outputs().add("--out", out).check(force);
        org.backpropstudio.io.WeightsFile file = WeightsJson.read(weights);
        Network network = file.toNetwork();
        if (file.loss() == org.backpropstudio.engine.LossKind.SOFTMAX_CROSS_ENTROPY) {
            return classify(network);
        }
        if (network.inputs() != 1 || network.outputs() != 1) {
            throw new Cli.UserException("predict handles networks with one input and one output; " + weights
                    + " holds " + network);
        }
        double[] xs = inputs != null && inputs.xFile != null ? CsvFiles.readXColumn(inputs.xFile) : null;
        Grid grid = xs == null ? grid() : null;
        int rows = xs != null ? xs.length : grid.points;
        if (rows > CsvFiles.MAX_PREDICTION_ROWS) {
            throw new Cli.UserException(inputs.xFile + " has " + rows + " rows; predictions of more than "
                    + CsvFiles.MAX_PREDICTION_ROWS + " rows would make a file larger than Backprop Studio reads back");
        }
        Inputs.Source source = xs != null ? i -> xs[i] : grid::x;
        // every prediction is checked before a row is written, so a refusal leaves no partial output
        forEachChunk(network, source, rows, (x, p, n) -> { });
        if (out != null) {
            AtomicFiles.write(out, stream -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                writeRows(w, network, source, rows);
                w.flush();
            });
        } else {
            PrintWriter o = spec.commandLine().getOut();
            writeRows(o, network, source, rows);
            if (o.checkError()) {
                throw new IOException("could not write the predictions to standard output");
            }
        }
        return 0;
    }

    private static void writeRows(Writer w, Network network, Inputs.Source source, int rows) throws IOException {
        w.write(CsvFiles.PREDICTIONS_HEADER + "\n");
        forEachChunk(network, source, rows, (x, p, n) -> {
            for (int i = 0; i < n; i++) {
                w.write(x[i] + "," + p[i] + "\n");
            }
            if (w instanceof PrintWriter pw && pw.checkError()) {
                // stdout is gone or full: stop at once instead of computing the rest
                throw new IOException("could not write the predictions to standard output");
            }
        });
    }

    /** What is done with each chunk of x and its predictions (the first n entries count). */
    @FunctionalInterface
    private interface ChunkAction {
        void accept(double[] x, double[] predictions, int n) throws IOException;
    }

    /**
     * The predictions for {@code rows} inputs, a chunk at a time.
     *
     * @throws Cli.UserException when a prediction is not a finite number
     */
    private static void forEachChunk(Network network, Inputs.Source source, int rows, ChunkAction action)
            throws IOException {
        double[] x = new double[Math.min(CHUNK, rows)];
        for (int start = 0; start < rows; start += CHUNK) {
            int n = Math.min(CHUNK, rows - start);
            if (n != x.length) {
                x = new double[n];
            }
            for (int i = 0; i < n; i++) {
                x[i] = source.x(start + i);
            }
            double[] p = network.predict(Matrices.column(x)).data;
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(p[i])) {
                    throw new Cli.UserException("the prediction at x = " + x[i] + " is " + p[i]
                            + ", not a finite number: this x is too large for the network");
                }
            }
            action.accept(x, p, n);
        }
    }

    /**
     * A classifier's predictions: for each row of {@code --x-file} (a CSV with columns x1 … xn, or
     * IDX images), its class and the k class probabilities, softmax of the outputs:
     * {@code label,p0,…,p(k−1)}.
     */
    private int classify(Network network) throws Exception {
        if (inputs == null || inputs.xFile == null) {
            throw new Cli.UserException("a classifier predicts for the rows of --x-file (a CSV with columns x1 … xn, or "
                    + "IDX images); " + weights + " holds " + network);
        }
        double[][] rows;
        if (org.backpropstudio.io.IdxFiles.looksLikeIdx(inputs.xFile)) {
            org.backpropstudio.io.IdxFiles.Images images = org.backpropstudio.io.IdxFiles.readImages(inputs.xFile);
            rows = new double[images.count()][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = images.scaled(i);
            }
        } else {
            rows = CsvFiles.readInputs(inputs.xFile);
        }
        if (rows[0].length != network.inputs()) {
            throw new Cli.UserException(inputs.xFile + " has " + rows[0].length + " inputs a row, but " + weights
                    + " takes " + network.inputs());
        }
        int k = network.outputs();
        StringBuilder header = new StringBuilder("label");
        for (int c = 0; c < k; c++) {
            header.append(",p").append(c);
        }
        double[][] all = rows;
        Writing rowsOut = w -> {
            w.write(header + "\n");
            for (int start = 0; start < all.length; start += CHUNK) {
                int n = Math.min(CHUNK, all.length - start);
                double[][] chunk = java.util.Arrays.copyOfRange(all, start, start + n);
                double[] z = network.predict(new org.ejml.data.DMatrixRMaj(chunk)).data;
                for (int r = 0; r < n; r++) {
                    double[] p = softmax(z, r * k, k);
                    StringBuilder line = new StringBuilder();
                    line.append(org.backpropstudio.engine.Dataset.argmax(p, 0, k));
                    for (double v : p) {
                        line.append(',').append(v);
                    }
                    w.write(line.append('\n').toString());
                }
            }
        };
        if (out != null) {
            AtomicFiles.write(out, stream -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                rowsOut.to(w);
                w.flush();
            });
        } else {
            PrintWriter o = spec.commandLine().getOut();
            rowsOut.to(o);
            o.flush();
            if (o.checkError()) {
                throw new IOException("could not write the predictions to standard output");
            }
        }
        return 0;
    }

    /** Rows written to a writer. */
    @FunctionalInterface
    private interface Writing {
        void to(Writer w) throws IOException;
    }

    /** softmax(z) of the k outputs from {@code offset}: exp(zᵢ − max z) / Σ exp(zⱼ − max z). */
    static double[] softmax(double[] z, int offset, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, z[offset + c]);
        }
        double[] p = new double[k];
        double sum = 0;
        for (int c = 0; c < k; c++) {
            p[c] = Math.exp(z[offset + c] - max);
            sum += p[c];
        }
        for (int c = 0; c < k; c++) {
            p[c] /= sum;
        }
        return p;
    }

    private Grid grid() {
        Grid g = inputs != null && inputs.grid != null ? inputs.grid : new Grid();
        if (inputs == null || inputs.grid == null) {
            g.from = -2 * Math.PI;
            g.to = 2 * Math.PI;
            g.points = 200;
        }
        if (g.points < 2 || g.points > CsvFiles.MAX_PREDICTION_ROWS) {
            throw new Cli.UserException("--points must be from 2 to " + CsvFiles.MAX_PREDICTION_ROWS
                    + " (the most rows a predictions file Backprop Studio reads back holds), got " + g.points);
        }
        if (!Double.isFinite(g.from) || !Double.isFinite(g.to) || !(g.from < g.to)) {
            throw new Cli.UserException(String.format(Locale.ROOT,
                    "--from must be less than --to and both finite, got %s and %s", g.from, g.to));
        }
        return g;
    }
}
