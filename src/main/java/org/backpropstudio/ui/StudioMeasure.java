package org.backpropstudio.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.StringJoiner;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;
import org.backpropstudio.engine.TrainingConfig;
import org.backpropstudio.training.Command;
import org.backpropstudio.training.HeadlessRate;

/**
 * The measure mode ({@code studio --measure=SECONDS}): the studio's training speed while it draws
 * every frame, against the headless engine's in the same JVM, then the frame times.
 *
 * <p>These shared machines change speed by half from one stretch of seconds to the next (the
 * headless engine alone: 13 700 to 27 900 epochs/s of {@code classic-sigmoid} in consecutive 4 s
 * runs of one JVM), so the two sides take turns: rounds of {@link #ROUND} seconds, the studio
 * training at max speed, then paused while the engine runs alone on a thread of its own, and the
 * ratio is taken round by round. Both sides are warmed up first ({@link #WARM_UP}). The engine
 * alone trains a twin of the studio's network, brought to the studio's epoch (untimed) before each
 * of its rounds: an epoch's cost changes as a network trains ({@link HeadlessRate.Twin}).
 */
final class StudioMeasure {

    /**
     * Warm-up before the rounds, seconds, on each side. The engine's code is small and compiled
     * within a second; the studio's drawing code is large and runs 60 times a second, so the JIT is
     * still compiling it for the first seconds at max speed (a compiler thread busy 20-30 % of a
     * core, measured). Steady state is what is compared.
     */
    static final double WARM_UP = 5;
    /** The longest round, seconds: each side's time is split into rounds this long or shorter. */
    static final double ROUND = 2;
    /** After the studio starts again, before its round is timed: its first frame has been drawn. */
    static final double SETTLE = 0.25;

    private final StudioApp.Studio studio;
    private final TrainingConfig config;
    /** The engine alone, kept at the studio's epoch before each of its rounds. */
    private final HeadlessRate.Twin twin;
    private final int rounds;
    private final double roundSeconds;
    private final double[] studioRates;
    private final double[] headlessRates;
    /** The training thread's CPU time in each studio round ÷ the round's time. */
    private final double[] onCpu;
    private double warmUpRate;
    private double headlessWarmUpRate;

    private StudioMeasure(StudioApp.Studio studio, double seconds) {
        this.studio = studio;
        this.config = studio.viewModel().editor().applied();
        this.twin = new HeadlessRate.Twin(config);
        this.rounds = Math.max(1, (int) Math.ceil(seconds / ROUND - 1e-9));
        this.roundSeconds = seconds / rounds;
        this.studioRates = new double[rounds];
        this.headlessRates = new double[rounds];
        this.onCpu = new double[rounds];
    }

    /** Starts measuring the studio for the given seconds a side; prints and quits at the end. */
    static void start(StudioApp.Studio studio, double seconds) {
        StudioMeasure m = new StudioMeasure(studio, seconds);
        if (m.config.stepLimit() > 0) {
            // the digit tutorial's 5 000 steps end within the warm-up: the studio goes on past them,
            // as the headless engine does (HeadlessRate)
            studio.service().submit(new Command.Reconfigure(m.config.withStepLimit(0), "measure"));
        }
        m.offTheUiThread(() -> m.headlessWarmUpRate = HeadlessRate.epochsPerSecond(m.config, WARM_UP), m::warmUpStudio);
    }

    private void warmUpStudio() {
        studio.service().submit(new Command.SetSpeed(Double.POSITIVE_INFINITY)); // the studio starts at a watchable pace
        studio.service().submit(new Command.SetEpochLimit(1_000_000_000));
        studio.service().submit(new Command.Play());
        long start = System.nanoTime();
        after(WARM_UP, () -> {
            warmUpRate = studio.viewModel().epochProperty().get() / ((System.nanoTime() - start) / 1e9);
            studio.frames().record(100_000);
            studioRound(0);
        });
    }

    /** Times the studio for a round (it is training), then pauses it and times the engine alone. */
    private void studioRound(int round) {
        int startEpoch = studio.viewModel().epochProperty().get();
        long start = System.nanoTime();
        long startCpu = trainingThreadCpu();
        after(roundSeconds, () -> {
            // the epoch shown lags the trainer by a snapshot at both ends alike
            long elapsed = System.nanoTime() - start;
            studioRates[round] = (studio.viewModel().epochProperty().get() - startEpoch) / (elapsed / 1e9);
            onCpu[round] = (trainingThreadCpu() - startCpu) / (double) elapsed;
            studio.frames().hold();
            studio.service().submit(new Command.Pause());
            int reached = studio.viewModel().epochProperty().get();
            offTheUiThread(() -> {
                twin.catchUp(reached);
                headlessRates[round] = twin.epochsPerSecond(roundSeconds);
            }, () -> {
                if (round + 1 < rounds) {
                    studio.service().submit(new Command.Play());
                    after(SETTLE, () -> {
                        studio.frames().resume();
                        studioRound(round + 1);
                    });
                } else {
                    report();
                    Platform.exit();
                }
            });
        });
    }

    private void report() {
        double[] ratios = new double[rounds];
        StringJoiner each = new StringJoiner(", ");
        for (int i = 0; i < rounds; i++) {
            ratios[i] = studioRates[i] / headlessRates[i];
            each.add(String.format(Locale.ROOT, "%.0f", 100 * ratios[i]));
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        double median = rounds % 2 == 1 ? sorted[rounds / 2] : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
        double studioMean = Arrays.stream(studioRates).average().orElse(0);
        double headlessMean = Arrays.stream(headlessRates).average().orElse(0);
        System.out.printf(Locale.ROOT, "headless engine: %.1f epochs/s (rounds %s), warm-up %.1f%n", headlessMean,
                joined(headlessRates), headlessWarmUpRate);
        System.out.printf(Locale.ROOT, "studio: %.1f epochs/s while drawing every frame (rounds %s), warm-up %.1f (%.0f %%)%n",
                studioMean, joined(studioRates), warmUpRate, 100 * warmUpRate / headlessWarmUpRate);
        System.out.printf(Locale.ROOT, "studio ÷ headless: median %.0f %% over %d alternating rounds of %.1f s (%s %%), "
                + "means %.0f %% (after %.0f s warm-ups)%n", 100 * median, rounds, roundSeconds, each, 100 * studioMean / headlessMean,
                WARM_UP);
        System.out.printf(Locale.ROOT, "the training thread was on a CPU for %s %% of the studio's rounds%n",
                joined(Arrays.stream(onCpu).map(f -> 100 * f).toArray()));
        long[] frames = studio.frames().recorded();
        long[] intervals = studio.frames().intervals();
        long[] pulses = studio.frames().pulses();
        print("UI-thread work per frame (snapshot in, charts drawn)", frames);
        print("UI-thread time per pulse (that work, then CSS and layout)", pulses);
        print("time between frames (whole pulse: layout, CSS, rendering)", intervals);
    }

    private static String joined(double[] rates) {
        StringJoiner j = new StringJoiner(", ");
        for (double r : rates) {
            j.add(String.format(Locale.ROOT, "%.0f", r));
        }
        return j.toString();
    }

    private static void print(String what, long[] nanos) {
        if (nanos.length > 0) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d frames%n", what,
                    sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                    sorted[sorted.length - 1] / 1e6, sorted.length);
        }
    }

    /** CPU time of the studio's worker threads, ns: the training thread's (the other one writes files). */
    private static long trainingThreadCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(StudioApp.WORKER_THREAD)) {
                sum += Math.max(0, mx.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    /** Runs the work on a thread of its own, then the next step on the UI thread. */
    private static void offTheUiThread(Runnable work, Runnable then) {
        Thread t = new Thread(() -> {
            work.run();
            Platform.runLater(then);
        }, "measure");
        t.setDaemon(true);
        t.start();
    }

    private static void after(double seconds, Runnable then) {
        PauseTransition wait = new PauseTransition(Duration.seconds(seconds));
        wait.setOnFinished(e -> then.run());
        wait.play();
    }
}
