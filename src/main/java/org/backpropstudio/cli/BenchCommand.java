package org.backpropstudio.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backpropstudio.bench.Workload;
import org.backpropstudio.engine.EpochResult;
import org.backpropstudio.engine.MatrixKernels;
import org.backpropstudio.engine.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bench}: training throughput of the engine on the standard workloads. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures the engine's training throughput on the standard workloads.",
                "Reports sample-steps per second (one sample through forward, backward and update)",
                "and GFLOP/s of the matrix products, after warm-up, as the median of several runs.",
                "Start Java with --add-modules jdk.incubator.vector for the Vector API's products,",
                "about three times as fast on wide layers; the first lines say which are in use."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--workload", paramLabel = "W", split = ",",
            description = "Which workloads: ${COMPLETION-CANDIDATES} (default: all).")
    List<Workload> workloads;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Timed runs per workload (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3", description =
            "Least untimed runs first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "2", description =
            "Least seconds of untimed runs (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--full", description = {"Time the workloads' full length (W3: 20 epochs, W4: 5 000 steps);",
            "by default W3 runs 2 epochs and W4 1 008 steps per timed run."})
    boolean full;

    @Override
    public Integer call() {
        if (runs < 1 || warmup < 0 || !(warmupSeconds >= 0) || warmupSeconds > 3600) {
            throw new Cli.UserException("--runs must be ≥ 1, --warmup ≥ 0 and --warmup-seconds from 0 to 3600");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Java %s, %d cores; median of %d runs after at least %d warm-up runs and %s s"
                        + "%nmatrix products: %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), runs, warmup,
                org.backpropstudio.i18n.NumberText.plain(warmupSeconds), MatrixKernels.kernelName());
        for (Workload w : workloads == null ? List.of(Workload.values()) : workloads) {
            int epochs = w.epochs(full);
            long sampleSteps = Math.min((long) epochs * w.samplesPerEpoch(),
                    w.config().stepLimit() > 0 ? w.config().stepLimit() * (long) w.config().batchSize() : Long.MAX_VALUE);
            // until the JIT has compiled the workload's code: the per-sample W1 took about 8 runs of
            // 0.07 s (0.15 s at first), so 3 runs alone timed some JVMs while they still compiled
            long warmStart = System.nanoTime();
            for (int i = 0; i < warmup || (System.nanoTime() - warmStart) / 1e9 < warmupSeconds; i++) {
                train(new Trainer(w.config()), epochs);
            }
            double[] seconds = new double[runs];
            double finalLoss = Double.NaN;
            double finalAccuracy = Double.NaN;
            for (int i = 0; i < runs; i++) {
                Trainer t = new Trainer(w.config());
                long start = System.nanoTime();
                EpochResult last = train(t, epochs);
                seconds[i] = (System.nanoTime() - start) / 1e9;
                finalLoss = last.trainLoss();
                finalAccuracy = last.testAccuracy();
            }
            Arrays.sort(seconds);
            double median = seconds[runs / 2];
            double stepsPerSecond = sampleSteps / median;
            out.printf(Locale.ROOT, "%s  %-46s  %,10d sample-steps in %7.3f s (min %.3f, max %.3f)  "
                            + "%9.3f M sample-steps/s  %6.2f GFLOP/s  final train loss %.4g%s%n",
                    w, w.description(), sampleSteps, median, seconds[0], seconds[runs - 1], stepsPerSecond / 1e6,
                    stepsPerSecond * w.flopsPerSampleStep() / 1e9, finalLoss,
                    Double.isNaN(finalAccuracy) ? "" : String.format(Locale.ROOT, "  validation accuracy %.4f",
                            finalAccuracy));
            out.flush();
        }
        return 0;
    }

    /**
     * Trains the epochs (fewer at a step limit); returns the last one's result. The warm-up and the
     * timed runs call this same method, so the runs time the code the warm-up compiled, not a loop
     * of {@link #call}'s compiled apart while it runs (on-stack replacement).
     */
    private static EpochResult train(Trainer t, int epochs) {
        EpochResult last = null;
        for (int e = 0; e < epochs && !t.stepLimitReached(); e++) {
            last = t.runEpoch();
        }
        return last;
    }
}
