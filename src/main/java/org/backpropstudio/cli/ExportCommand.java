package org.backpropstudio.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backpropstudio.io.CsvFiles;
import org.backpropstudio.io.NpzFile;
import org.backpropstudio.io.WeightsFile;
import org.backpropstudio.io.WeightsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code export}: a weights file in another format, chosen by the output's extension. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a saved network in another format, chosen by the output file's extension:",
                ".npz (NumPy: W1, b1, ... as float64 arrays plus architecture.json), .weights.json,",
                "or .csv (every parameter as a table row: parameter,row,column,value)."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--weights", required = true, paramLabel = "FILE", description = "The network, a .weights.json file.")
    Path weights;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write: a .npz, .weights.json or .csv file.")
    Path out;

    @Option(names = "--force", description = "Overwrite the output file if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        checkFormat(out);
        new Outputs().add("--out", out).check(force);
        WeightsFile w = WeightsJson.read(weights);
        write(w, out);
        spec.commandLine().getOut().println("wrote " + out + " (" + w.network() + ")");
        return 0;
    }

    private static void checkFormat(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".npz") && !name.endsWith(".json") && !name.endsWith(".csv")) {
            throw new Cli.UserException("cannot tell the format of " + out + ": name it .npz, .weights.json or .csv");
        }
    }

    /** Writes in the format the file name asks for (checked before any work). */
    static void write(WeightsFile w, Path out) throws Exception {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npz")) {
            NpzFile.write(out, w);
        } else if (name.endsWith(".csv")) {
            CsvFiles.writeParameters(out, w);
        } else {
            WeightsJson.write(out, w);
        }
    }
}
