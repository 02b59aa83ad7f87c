package org.backpropstudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backpropstudio.engine.Matrices;
import org.backpropstudio.engine.Network;
import org.backpropstudio.io.CsvFiles;
import org.backpropstudio.io.WeightsJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code predict}: a saved network's predictions as {@code x,prediction} rows. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a saved network's predictions (x,prediction) for evenly spaced x or for the x column of a CSV.")
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

        @Option(names = "--x-file", paramLabel = "FILE", description = "A CSV whose column x holds the inputs.")
        Path xFile;
    }

    static final class Grid {
        @Option(names = "--from", paramLabel = "X", defaultValue = "-6.283185307179586", description = "First x (default: −2π).")
        double from;

        @Option(names = "--to", paramLabel = "X", defaultValue = "6.283185307179586", description = "Last x (default: 2π).")
        double to;

        @Option(names = "--points", paramLabel = "N", defaultValue = "200", description = "Number of evenly spaced x, ≥ 2 (default: 200).")
        int points;
    }

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here (default: stdout).")
    Path out;

    @Option(names = "--force", description = "Overwrite the output file if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Cli.checkOverwrite(force, out);
        Network network = WeightsJson.read(weights).toNetwork();
        if (network.inputs() != 1 || network.outputs() != 1) {
            throw new Cli.UserException("predict handles networks with one input and one output; " + weights
                    + " holds " + network);
        }
        double[] xs = inputs != null && inputs.xFile != null ? CsvFiles.readXColumn(inputs.xFile) : grid();
        double[] predictions = network.predict(Matrices.column(xs)).data.clone();
        if (out != null) {
            CsvFiles.writePredictions(out, xs, predictions);
        } else {
            PrintWriter o = spec.commandLine().getOut();
            o.println("x,prediction");
            for (int i = 0; i < xs.length; i++) {
                o.println(xs[i] + "," + predictions[i]);
            }
            o.flush();
        }
        return 0;
    }

    private double[] grid() {
        Grid g = inputs != null && inputs.grid != null ? inputs.grid : new Grid();
        if (inputs == null || inputs.grid == null) {
            g.from = -2 * Math.PI;
            g.to = 2 * Math.PI;
            g.points = 200;
        }
        if (g.points < 2 || g.points > 10_000_000) {
            throw new Cli.UserException("--points must be from 2 to 10000000, got " + g.points);
        }
        if (!Double.isFinite(g.from) || !Double.isFinite(g.to) || !(g.from < g.to)) {
            throw new Cli.UserException(String.format(Locale.ROOT,
                    "--from must be less than --to and both finite, got %s and %s", g.from, g.to));
        }
        double[] xs = new double[g.points];
        for (int i = 0; i < g.points; i++) {
            xs[i] = g.from + (g.to - g.from) * i / (g.points - 1);
        }
        xs[g.points - 1] = g.to;
        return xs;
    }
}
