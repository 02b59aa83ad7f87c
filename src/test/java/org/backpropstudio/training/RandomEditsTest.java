package org.backpropstudio.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.backpropstudio.engine.Activation;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.Initializer;
import org.backpropstudio.engine.LayerSpec;
import org.backpropstudio.engine.Loss;
import org.backpropstudio.engine.LossKind;
import org.backpropstudio.engine.NetworkSpec;
import org.backpropstudio.engine.OptimizerConfig;
import org.backpropstudio.engine.Presets;
import org.backpropstudio.engine.Reduction;
import org.backpropstudio.engine.TargetFunction;
import org.backpropstudio.engine.TrainingConfig;
import org.backpropstudio.engine.WeightDecay;
import org.junit.jupiter.api.Test;

/**
 * The reliability campaign's random live edits: long seeded sequences of every command, at random
 * moments, into the service running on its real worker thread, with the invariants checked on
 * every snapshot. {@code -Dbps.randomEdits=N} sets the number of commands (20 000 by default) and
 * {@code -Dbps.randomEdits.seed=S} the seed; the figures go to
 * {@code target/reliability/random-edits.txt}.
 */
class RandomEditsTest {

    private static final int COMMANDS = Integer.getInteger("bps.randomEdits", 20_000);
    private static final long SEED = Long.getLong("bps.randomEdits.seed", 20_261_122L);
    private static final long HANDLED_WITHIN_NS = TimeUnit.SECONDS.toNanos(1);

    /** Learning rates from the boundaries of what the editor and the engine accept. */
    private static final double[] LEARNING_RATES = {0, Double.MIN_VALUE, 1e-300, 1e-5, 1e-3, 0.01, 0.1, 0.3, 1, 10,
        1e3, 1e6, 1e308};

    @org.junit.jupiter.api.Tag("campaign") // sized by bps.randomEdits: 2 000 by default, 20 000 with -Psoak
    @Test
    void randomLiveEditsKeepEveryInvariant() throws Exception {
        TrainingService service = new TrainingService(Presets.get("classic-sigmoid"));
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "training");
            t.setDaemon(true);
            return t;
        });
        service.start(thread);
        Random random = new Random(SEED);
        Snapshot last = service.takeLatest();
        check(null, last);
        TreeMap<String, Integer> kinds = new TreeMap<>();
        TreeMap<String, Double> slowest = new TreeMap<>();
        int refused = 0;
        int diverged = 0;
        long restarts = 0;
        long[] latencies = new long[COMMANDS];
        long started = System.nanoTime();
        try {
            for (int n = 0; n < COMMANDS; n++) {
                Command c = next(random, last);
                kinds.merge(c.getClass().getSimpleName(), 1, Integer::sum);
                long t0 = System.nanoTime();
                service.submit(c);
                // every command is applied or refused, and says so in a snapshot, within a second
                while (last.commandsHandled() < n + 1) {
                    Snapshot s = service.takeLatest();
                    if (s != null) {
                        check(last, s);
                        last = s;
                    } else if (System.nanoTime() - t0 > HANDLED_WITHIN_NS) {
                        throw new AssertionError(workerStack() + "command " + (n + 1) + " " + c + " was not handled within 1 s; "
                                + "the last snapshot: epoch " + last.epoch() + ", " + last.config());
                    } else {
                        LockSupport.parkNanos(200_000);
                    }
                }
                latencies[n] = System.nanoTime() - t0;
                slowest.merge(c.getClass().getSimpleName(), Math.round(latencies[n] / 1e5) / 10.0, Math::max);
                if (last.event() instanceof ServiceEvent.Refused) {
                    refused++;
                }
                if (last.state() == TrainingState.DIVERGED) {
                    diverged++;
                }
                restarts = last.generation();
                if (random.nextInt(8) == 0) {
                    Thread.sleep(random.nextInt(4)); // let it train a while
                }
            }
        } finally {
            service.close();
            thread.shutdown();
        }
        assertThat(thread.awaitTermination(5, TimeUnit.SECONDS)).as("the worker stops when closed").isTrue();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        report(String.format(Locale.ROOT, "random live edits: %,d commands, seed %d, %.1f s%n"
                + "refused with a reason: %,d; ended in the diverged state: %,d; restarts: %,d%n"
                + "handled after (ms): median %.3f, p99 %.3f, max %.3f%n"
                + "last: epoch %,d of %s, %s%ncommands: %s%nslowest of each (ms): %s%n", COMMANDS, SEED, (System.nanoTime() - started) / 1e9, refused,
                diverged, restarts, sorted[COMMANDS / 2] / 1e6, sorted[(int) (COMMANDS * 0.99)] / 1e6,
                sorted[COMMANDS - 1] / 1e6, last.epoch(), last.network(), last.state(), kinds, slowest));
        assertThat(refused).as("some commands were impossible").isPositive();
        assertThat(restarts).isPositive();
    }

    /** The invariants of one snapshot, and of it following the one before. */
    static void check(Snapshot before, Snapshot s) {
        NetworkSpec net = s.network();
        assertThat(s.config().network()).isEqualTo(net);
        assertThat(s.weights()).hasSameSizeAs(net.layers());
        assertThat(s.biases()).hasSameSizeAs(net.layers());
        int in = net.inputs();
        for (int k = 0; k < net.layers().size(); k++) {
            LayerSpec l = net.layers().get(k);
            double[][] w = s.weights().get(k);
            assertThat(w.length).as("rows of W%d in %s", k + 1, net).isEqualTo(in);
            for (double[] row : w) {
                assertThat(row.length).as("columns of W%d in %s", k + 1, net).isEqualTo(l.units());
            }
            if (l.bias()) {
                assertThat(s.biases().get(k)).hasSize(l.units());
            } else {
                assertThat(s.biases().get(k)).isNull();
            }
            in = l.units();
        }
        assertThat(s.prediction()).hasSameSizeAs(s.gridX());
        assertThat(s.losses().size()).isLessThanOrEqualTo(LossCurve.CAPACITY);
        boolean flagged = s.state() == TrainingState.DIVERGED;
        if (s.epoch() > 0 && !flagged) {
            assertThat(s.trainLoss()).as("train loss at epoch %d of %s", s.epoch(), net).isFinite();
            assertThat(s.testLoss()).as("test loss at epoch %d of %s", s.epoch(), net).isFinite();
        }
        if (s.inspection() != null) {
            assertThat(s.inspection().stages()).hasSize(3 * net.layers().size() + 2);
        }
        if (s.contributions() != null) {
            assertThat(s.contributions().units()).isEqualTo(net.layers().get(net.layers().size() - 2).units());
        }
        for (HiddenUnit u : s.muted()) {
            assertThat(u.layer()).isLessThan(net.layers().size() - 1);
            assertThat(u.index()).isLessThan(net.layers().get(u.layer()).units());
        }
        if (before != null) {
            assertThat(s.sequence()).isGreaterThan(before.sequence());
            assertThat(s.commandsHandled()).isGreaterThanOrEqualTo(before.commandsHandled());
            assertThat(s.generation()).isGreaterThanOrEqualTo(before.generation());
            if (s.generation() == before.generation()) {
                assertThat(s.epoch()).as("the epoch goes back only after a restart").isGreaterThanOrEqualTo(
                        before.epoch());
            }
        }
    }

    // ---- random commands

    private static Command next(Random r, Snapshot s) {
        TrainingConfig c = s.config();
        int layers = c.network().layers().size();
        switch (r.nextInt(20)) {
            case 0, 1, 19: return new Command.Play();
            case 2: return new Command.Pause();
            case 3: return new Command.Step();
            case 4: return new Command.Reset();
            case 5, 6: return new Command.SetOptimizer(optimizer(r));
            case 7: return new Command.SetBatching(r.nextBoolean() ? r.nextInt(3) : r.nextInt(3000), r.nextBoolean(),
                    r.nextBoolean());
            case 8: return new Command.SetEpochLimit(1 + r.nextInt(r.nextBoolean() ? 50 : 1_000_000));
            case 9, 10: return new Command.ResizeLayer(r.nextInt(layers + 1) - 1, units(r) + (r.nextInt(20) == 0 ? 300 : 0)
                    - (r.nextInt(20) == 0 ? 300 : 0));
            case 11: return new Command.SetActivation(r.nextInt(layers + 1) - (r.nextInt(10) == 0 ? 1 : 0),
                    Activation.values()[r.nextInt(Activation.values().length)]);
            case 12: return new Command.Reconfigure(config(r, c), "a random setup");
            case 13: return load(r, c.network());
            case 14: return new Command.CheckGradients(1 + r.nextInt(16));
            case 15: return new Command.SetSpeed(new double[] {Double.POSITIVE_INFINITY, 1000, 30, 1}[r.nextInt(4)]);
            case 16: return new Command.Inspect(r.nextInt(20) == 0 ? Double.NaN : r.nextGaussian() * 5);
            case 17: return new Command.StopInspecting();
            default: return new Command.SetMuted(new HiddenUnit(r.nextInt(layers) - (r.nextInt(10) == 0 ? 1 : 0),
                    r.nextInt(Math.max(1, c.network().layers().get(0).units() + 2))), r.nextBoolean());
        }
    }

    /** Mostly small, sometimes up to the editor's 256. */
    private static int units(Random r) {
        return r.nextInt(10) == 0 ? 1 + r.nextInt(256) : 1 + r.nextInt(16);
    }

    private static OptimizerConfig optimizer(Random r) {
        double lr = LEARNING_RATES[r.nextInt(LEARNING_RATES.length)];
        WeightDecay decay = switch (r.nextInt(3)) {
            case 0 -> WeightDecay.l2(r.nextDouble() * 0.1);
            case 1 -> WeightDecay.l1(r.nextDouble() * 0.1);
            default -> WeightDecay.NONE;
        };
        return switch (r.nextInt(3)) {
            case 0 -> new OptimizerConfig.Sgd(lr, r.nextBoolean() ? 0 : r.nextDouble() * 0.999, r.nextBoolean(), decay);
            case 1 -> new OptimizerConfig.Adam(lr, 0.9, 0.999, 1e-8, decay);
            default -> new OptimizerConfig.RmsProp(lr, 0.9, 1e-8, decay);
        };
    }

    private static NetworkSpec network(Random r) {
        List<LayerSpec> layers = new ArrayList<>();
        int hidden = r.nextInt(5) == 0 ? r.nextInt(9) : 1 + r.nextInt(3);
        Activation[] all = Activation.values();
        for (int k = 0; k < hidden; k++) {
            layers.add(new LayerSpec(units(r), all[r.nextInt(all.length)], r.nextInt(8) != 0));
        }
        layers.add(new LayerSpec(1, r.nextInt(4) == 0 ? all[r.nextInt(all.length)] : Activation.IDENTITY,
                r.nextBoolean()));
        return new NetworkSpec(1, layers);
    }

    /** Another setup: layers added or removed, another loss, optimizer, data and seed. */
    private static TrainingConfig config(Random r, TrainingConfig c) {
        NetworkSpec net = r.nextBoolean() ? network(r) : c.network();
        LossKind loss = LossKind.values()[r.nextInt(LossKind.values().length)];
        DataSpec data;
        int batch;
        switch (r.nextInt(4)) {
            case 0 -> {
                data = new DataSpec.FunctionData(TargetFunction.values()[r.nextInt(TargetFunction.values().length)],
                        -1 - r.nextDouble() * 10, 1 + r.nextDouble() * 10, 0, 1 + r.nextInt(50), r.nextDouble(),
                        DataSpec.Sampling.RANDOM, true);
                batch = 1 + r.nextInt(64);
            }
            case 1 -> {
                int n = 1 + r.nextInt(12);
                double[] xs = new double[n];
                double[] ys = new double[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = r.nextGaussian() * (r.nextInt(10) == 0 ? 1e6 : 3);
                    ys[i] = r.nextGaussian();
                }
                data = new DataSpec.GivenData(Dataset.of(xs, ys), Dataset.of(new double[] {0.5}, new double[] {0.1}));
                batch = r.nextInt(n + 1);
            }
            default -> {
                data = new DataSpec.FunctionData(TargetFunction.values()[r.nextInt(TargetFunction.values().length)],
                        -Math.PI * (1 + r.nextInt(3)), Math.PI * (1 + r.nextInt(3)),
                        r.nextInt(20) == 0 ? 1 + r.nextInt(5000) : 1 + r.nextInt(100), 1 + r.nextInt(100),
                        r.nextDouble() * 0.2, r.nextBoolean() ? DataSpec.Sampling.RANDOM : DataSpec.Sampling.EVEN, false);
                batch = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(32);
            }
        }
        Initializer weights = r.nextBoolean() ? new Initializer.Normal(0, r.nextDouble() * 2)
                : new Initializer.Constant(r.nextGaussian());
        return new TrainingConfig(net, weights, new Initializer.Constant(0),
                new Loss(loss, r.nextBoolean() ? Reduction.MEAN : Reduction.SUM), optimizer(r), batch, r.nextBoolean(),
                r.nextBoolean(), 1 + r.nextInt(100_000), r.nextLong(), data);
    }

    /** Imported weights: usually for another network that fits the data, sometimes not, sometimes NaN. */
    private static Command load(Random r, NetworkSpec current) {
        NetworkSpec net = r.nextBoolean() ? current : network(r);
        if (r.nextInt(10) == 0) {
            List<LayerSpec> two = new ArrayList<>(net.layers());
            two.set(two.size() - 1, two.get(two.size() - 1).withUnits(2)); // two outputs: does not fit the data
            net = new NetworkSpec(1, two);
        }
        List<double[][]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        int in = net.inputs();
        for (LayerSpec l : net.layers()) {
            double[][] w = new double[in][l.units()];
            for (double[] row : w) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = r.nextInt(200) == 0 ? Double.NaN : r.nextGaussian();
                }
            }
            weights.add(w);
            biases.add(l.bias() ? new double[l.units()] : null);
            in = l.units();
        }
        return new Command.LoadNetwork(net, weights, biases, "random.weights.json");
    }

    /** Where the training thread is, for a failure message. */
    private static String workerStack() {
        StringBuilder b = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().equals("training") || t.getName().contains("ForkJoin")) {
                b.append(t.getName()).append(" ").append(t.getState()).append("\n");
                for (StackTraceElement e : stack) {
                    b.append("  at ").append(e).append('\n');
                }
            }
        });
        return b.toString();
    }

    private static void report(String text) throws IOException {
        Path dir = Path.of("target", "reliability");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("random-edits.txt"), text, StandardCharsets.UTF_8);
    }
}
