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

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3", description = "Untimed runs first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--full", description = {"Time the workloads' full length (W3: 20 epochs, W4: 5 000 steps);",
            "by default W3 runs 2 epochs and W4 1 008 steps per timed run."})
    boolean full;

    @Override
    public Integer call() {
        if (runs < 1 || warmup < 0) {
            throw new Cli.UserException("--runs must be ≥ 1 and --warmup ≥ 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Java %s, %d cores; median of %d runs after %d warm-up runs%nmatrix products: %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), runs, warmup,
                MatrixKernels.kernelName());
        for (Workload w : workloads == null ? List.of(Workload.values()) : workloads) {
            int epochs = w.epochs(full);
            long sampleSteps = Math.min((long) epochs * w.samplesPerEpoch(),
                    w.config().stepLimit() > 0 ? w.config().stepLimit() * (long) w.config().batchSize() : Long.MAX_VALUE);
            for (int i = 0; i < warmup; i++) {
                time(w, epochs);
            }
            double[] seconds = new double[runs];
            double finalLoss = Double.NaN;
            double finalAccuracy = Double.NaN;
            for (int i = 0; i < runs; i++) {
                Trainer t = new Trainer(w.config());
                long start = System.nanoTime();
                EpochResult last = null;
                for (int e = 0; e < epochs && !t.stepLimitReached(); e++) {
                    last = t.runEpoch();
                }
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

    private static void time(Workload w, int epochs) {
        Trainer t = new Trainer(w.config());
        for (int e = 0; e < epochs && !t.stepLimitReached(); e++) {
            t.runEpoch();
        }
    }
}
