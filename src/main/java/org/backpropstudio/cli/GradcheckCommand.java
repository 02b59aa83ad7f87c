package org.backpropstudio.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.GradientCheck;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.engine.Trainer;
import org.backpropstudio.engine.TrainingConfig;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gradcheck}: backprop's gradients against central differences, per layer. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares backpropagation's gradients with central differences, per layer.",
                "For every weight and bias of a preset's network, on a batch of its training samples,",
                "the gradient is compared with (L(w+ε) − L(w−ε)) / 2ε.",
                "Exits with 1 if any relative error is 1e-6 or more."})
final class GradcheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--preset", paramLabel = "NAME", defaultValue = Presets.DEFAULT,
            description = "The network to check: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = PresetNames.class)
    String preset;

    @Option(names = "--seed", paramLabel = "N", description = "The seed for data and initial weights (default: the preset's, 0).")
    Long seed;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "8",
            description = "Training samples in the checked batch (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "0",
            description = "Train this many epochs before checking (default: ${DEFAULT-VALUE}: the initial weights).")
    int epochs;

    @Option(names = "--epsilon", paramLabel = "ε", defaultValue = "1e-5",
            description = "The step of the central differences (default: ${DEFAULT-VALUE}).")
    double epsilon;

    @Override
    public Integer call() {
        if (samples < 1) {
            throw new Cli.UserException("--samples must be at least 1, got " + samples);
        }
        if (!(epsilon > 0) || epsilon > 0.1) {
            throw new Cli.UserException("--epsilon must be in (0, 0.1], got " + epsilon);
        }
        TrainingConfig config = org.backpropstudio.io.PresetCatalog.get(preset).config();
        if (seed != null) {
            config = config.withSeed(seed);
        }
        Trainer trainer = new Trainer(config);
        for (int e = 0; e < epochs; e++) {
            trainer.runEpoch();
        }
        Dataset data = config.streaming() ? trainer.testData() : trainer.trainData();
        int n = Math.min(samples, data.size());
        DMatrixRMaj x = CommonOps_DDRM.extract(data.x(), 0, n, 0, data.x().numCols);
        DMatrixRMaj y = CommonOps_DDRM.extract(data.y(), 0, n, 0, data.y().numCols);
        GradientCheck.Result result = GradientCheck.run(trainer.network(), config.loss(), x, y, epsilon);

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "gradient check: %s  %s  loss %s  %d samples  ε = %s%n", preset, trainer.network(),
                config.loss(), n, epsilon);
        out.printf(Locale.ROOT, "%5s  %-9s  %7s  %9s  %13s  %13s%n", "layer", "parameter", "entries", "at a kink",
                "max abs diff", "max rel diff");
        for (GradientCheck.Entry e : result.entries()) {
            out.printf(Locale.ROOT, "%5d  %-9s  %7d  %9d  %13.3e  %13.3e  %s%n", e.layer(), e.parameter(), e.entries(),
                    e.straddled(), e.maxAbsolute(), e.maxRelative(), e.passed() ? "ok" : "FAILED");
        }
        if (result.straddled() > 0) {
            out.printf(Locale.ROOT, "%d of %d entries not compared: their ±ε steps switch a relu unit or an |p − y| "
                    + "on or off, where the derivative is undefined.%n", result.straddled(),
                    result.straddled() + result.compared());
        }
        out.printf(Locale.ROOT, "%s: max relative error %.3e %s %.0e over %d entries "
                        + "(relative to max(|backprop|, |numeric|, %.0e·max(1, |L|, max|p|)), L = %.6g)%n",
                result.passed() ? "passed" : "FAILED", result.maxRelative(), result.maxRelative() < GradientCheck.TOLERANCE
                        ? "<" : "≥", GradientCheck.TOLERANCE, result.compared(), GradientCheck.RELATIVE_FLOOR, result.loss());
        return result.passed() ? 0 : 1;
    }
}
