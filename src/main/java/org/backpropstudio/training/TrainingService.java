package org.backpropstudio.training;

import static org.backpropstudio.i18n.Messages.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.backpropstudio.i18n.Messages;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.backpropstudio.engine.Activation;
import org.backpropstudio.engine.BackpropTrace;
import org.backpropstudio.engine.DataSpec;
import org.backpropstudio.engine.Dataset;
import org.backpropstudio.engine.DenseLayer;
import org.backpropstudio.engine.Divergence;
import org.backpropstudio.engine.EpochResult;
import org.backpropstudio.engine.GradientCheck;
import org.backpropstudio.engine.Matrices;
import org.backpropstudio.engine.Network;
import org.backpropstudio.engine.OptimizerConfig;
import org.backpropstudio.engine.Trainer;
import org.backpropstudio.engine.TrainingConfig;

/**
 * Owns the engine on one training thread. Others {@link #submit} commands, which are applied
 * between epochs in order, and {@link #takeLatest} the newest snapshot.
 *
 * <p>Snapshots coalesce: the service keeps only the newest unread one, replacing it whenever
 * something other than an epoch changes and, while training, at most every
 * {@link #PUBLISH_INTERVAL_NS} (every epoch at slow speeds). A slow reader never slows training
 * and a fast trainer never floods the reader. Memory stays flat however long it
 * trains: the loss history is a bounded {@link LossCurve}.
 *
 * <p>The thread is injected: {@link #start(Executor)} runs the training loop on an executor's
 * thread; tests instead call {@link #tick()} themselves, which is the loop's body.
 */
public final class TrainingService implements AutoCloseable {

    /** Points of the prediction curve. */
    public static final int GRID_POINTS = 200;
    /** While training, the newest snapshot is rebuilt at most this often (10 ms). */
    public static final long PUBLISH_INTERVAL_NS = 10_000_000L;
    /** The fit chart's x-range when points were first clicked in (kept until a restart), or null. */
    private double[] clickRange;
    /**
     * Multiply-adds one epoch may cost in the studio (about 3 per parameter and training sample,
     * plus the test set and the prediction curve): about 0.1 to 0.2 s on a laptop core. A setup
     * beyond it is refused with the reason, so no command waits long behind an epoch; the command
     * line has no such limit.
     */
    public static final double EPOCH_BUDGET = 1.5e8;
    /**
     * What making a setup's data may cost, in {@link org.backpropstudio.engine.Target#evaluationCost()}
     * units (about 5 ns each: 0.15 s), so a long typed target on many samples is refused at once.
     */
    public static final double DATA_BUDGET = 3e7;
    /** Multiply-adds a gradient check from the studio may cost. */
    static final double GRADIENT_CHECK_BUDGET = 5e7;
    /** Markers kept at most (the oldest go first). */
    public static final int MAX_MARKERS = 100;

    /** Nanoseconds, for pacing: {@link System#nanoTime()} but in tests. */
    private final LongSupplier clock;
    private final Queue<Command> commands = new ConcurrentLinkedQueue<>();
    /** Setups (Reconfigure) submitted, and taken from the queue: more submitted means a newer one waits. */
    private final java.util.concurrent.atomic.AtomicLong setupsSubmitted = new java.util.concurrent.atomic.AtomicLong();
    private long setupsTaken;
    private final AtomicReference<Snapshot> latest = new AtomicReference<>();
    private volatile Thread worker;
    private volatile boolean closed;

    // ---- state owned by the training thread
    /** The setup as applied; the one authority (the trainer's copy may lag in fields it ignores). */
    private TrainingConfig config;
    private Trainer trainer;
    private boolean playing;
    private TrainingState state = TrainingState.PAUSED;
    private double speed = Double.POSITIVE_INFINITY;
    private long nextEpochAt;
    private EpochResult last;
    private final LossCurve curve = new LossCurve();
    private final List<Marker> markers = new ArrayList<>();
    /** What just happened, for the view model and the status bar. */
    private ServiceEvent event = ServiceEvent.QUIET;
    private String problem;
    private GradientReport gradients;
    /** Where the inspector looks (the sample nearest to this x), or null when it is closed. */
    private Double inspectX;
    private Inspection inspection;
    /** True when the inspection must be recomputed at the next publish even while training. */
    private boolean inspectionDue;
    private long sequence;
    private long commandsHandled;
    private long generation;
    private long lastPublish;
    private long lastPublishCost;
    private long lastEpochCost;
    private boolean changed = true;
    private final RateMeter rate = new RateMeter();
    private final HealthMonitor health = new HealthMonitor();
    /** The divergence rule, from the network and data as they were (re)started. */
    private Divergence divergence;

    /** A service paused at epoch 0 of the config; the first snapshot is ready at once. */
    public TrainingService(TrainingConfig config) {
        this(config, System::nanoTime);
    }

    /**
     * As {@link #TrainingService(TrainingConfig)}, with the clock it paces epochs and snapshots by
     * (nanoseconds, as {@link System#nanoTime()}): tests step it instead of sleeping.
     */
    public TrainingService(TrainingConfig config, LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock);
        this.config = Objects.requireNonNull(config);
        this.trainer = new Trainer(config);
        divergence = Divergence.at(trainer);
        publish();
        changed = false;
    }

    /** Queues a command; it is applied on the training thread before the next epoch. Thread-safe. */
    public void submit(Command command) {
        if (command instanceof Command.Reconfigure) {
            setupsSubmitted.incrementAndGet();
        }
        commands.add(Objects.requireNonNull(command));
        Thread w = worker;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /** The newest snapshot not yet taken, or null. Thread-safe. */
    public Snapshot takeLatest() {
        return latest.getAndSet(null);
    }

    /** Runs the training loop on the executor's thread until {@link #close()}. */
    public void start(Executor executor) {
        executor.execute(this::runLoop);
    }

    private void runLoop() {
        worker = Thread.currentThread();
        while (!closed) {
            try {
                tick();
            } catch (RuntimeException e) {
                // never let the training thread die silently: stop, and say why
                playing = false;
                state = TrainingState.PAUSED;
                event = new ServiceEvent.InternalError(String.valueOf(e));
                latest.set(snapshotNow());
            }
            if (closed) {
                break;
            }
            if (commands.isEmpty()) {
                if (playing) {
                    long wait = nextEpochAt - clock.getAsLong();
                    if (wait > 0) {
                        LockSupport.parkNanos(this, wait);
                    }
                } else {
                    LockSupport.parkNanos(this, 50_000_000L);
                }
            }
        }
    }

    /** Stops the training loop after the current epoch. Thread-safe. */
    @Override
    public void close() {
        closed = true;
        Thread w = worker;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /**
     * The loop's body, on the training thread: applies every queued command in order (a Step runs
     * its epoch when it is applied), runs one epoch if playing and its time has come at the
     * current speed, and publishes a snapshot if something changed or the last one is old.
     *
     * @return true if an epoch ran
     */
    public boolean tick() {
        boolean applied = false;
        for (Command c = commands.poll(); c != null; c = commands.poll()) {
            if (c instanceof Command.Reconfigure) {
                setupsTaken++;
            }
            try {
                apply(c);
            } catch (RuntimeException e) {
                // an impossible request is refused, never fatal to the training thread
                event = new ServiceEvent.Refused(e.getMessage());
            }
            commandsHandled++;
            changed = true;
            applied = true;
        }
        boolean ran = false;
        long now = clock.getAsLong();
        if (playing && now >= nextEpochAt) {
            if (applied && lastEpochCost > PUBLISH_INTERVAL_NS) {
                publishChanges(); // a slow epoch is next: show what the commands did first
            }
            long start = clock.getAsLong();
            runEpoch(false);
            lastEpochCost = clock.getAsLong() - start;
            ran = true;
            nextEpochAt = Double.isInfinite(speed) ? now : now + (long) (1e9 / speed);
        }
        // a large network's snapshot (its prediction curve, its weights) costs time of its own: it is
        // rebuilt at most every 10 ms, and no more often than keeps it under a fifth of the time
        long interval = Math.max(PUBLISH_INTERVAL_NS, 4 * lastPublishCost);
        if (changed || (ran && clock.getAsLong() - lastPublish >= interval)) {
            publishChanges();
        }
        return ran;
    }

    private void publishChanges() {
        if (inspectX != null && (inspectionDue || state != TrainingState.TRAINING)) {
            // while training the trace stays put until asked again: a table that changes
            // 100 times a second cannot be read
            inspection = inspect(inspectX);
            inspectionDue = false;
        }
        publish();
        changed = false;
    }

    private void runEpoch(boolean wasStep) {
        if (!config.streaming() && trainer.trainData().size() == 0) {
            playing = false;
            state = TrainingState.PAUSED;
            event = new ServiceEvent.NoTrainingPoints();
            changed = true;
            return;
        }
        last = trainer.runEpoch();
        curve.add(last.epoch(), last.trainLoss(), last.testLoss());
        health.recordEpoch(last.epoch(), trainer.network());
        rate.count(clock.getAsLong());
        Divergence.Verdict diverged = divergence.check(last, trainer.testData().size() > 0);
        if (diverged != null) {
            playing = false;
            state = TrainingState.DIVERGED;
            problem = divergedProblem(diverged);
            event = new ServiceEvent.Diverged(diverged.notANumber() ? Double.NaN : diverged.worst(), diverged.start());
            changed = true;
        } else if (trainer.epoch() >= config.epochs() && !wasStep) {
            playing = false;
            state = TrainingState.FINISHED;
            event = new ServiceEvent.Finished(config.epochs());
            changed = true;
        } else if (wasStep) {
            state = TrainingState.PAUSED;
            changed = true;
        }
    }

    private void apply(Command c) {
        if (c instanceof Command.Play) {
            if (state == TrainingState.DIVERGED) {
                event = new ServiceEvent.StillDiverged();
            } else if (trainer.epoch() >= config.epochs()) {
                state = TrainingState.FINISHED;
                event = new ServiceEvent.LimitReached(config.epochs());
            } else {
                playing = true;
                state = TrainingState.TRAINING;
                nextEpochAt = clock.getAsLong();
                event = ServiceEvent.QUIET;
            }
        } else if (c instanceof Command.Pause) {
            playing = false;
            if (state == TrainingState.TRAINING) {
                state = TrainingState.PAUSED;
            }
        } else if (c instanceof Command.Step) {
            if (state == TrainingState.DIVERGED) {
                event = new ServiceEvent.StillDiverged();
            } else {
                playing = false;
                runEpoch(true);
            }
        } else if (c instanceof Command.Reset) {
            restart(config, text("service.reset", config.seed()));
            playing = false;
            state = TrainingState.PAUSED;
        } else if (c instanceof Command.Reconfigure r) {
            checkBudget(r.config());
            // a newer setup wins: making this one's data stops when one is queued
            restart(r.config(), text("service.reinitialized", r.config().seed(), r.reason()),
                    new Trainer(r.config(), null, () -> setupsSubmitted.get() > setupsTaken));
        } else if (c instanceof Command.SetOptimizer o) {
            String label = describeChange(config.optimizer(), o.optimizer());
            trainer.setOptimizer(o.optimizer());
            config = config.withOptimizer(o.optimizer());
            mark(label);
        } else if (c instanceof Command.SetBatching b) {
            checkBudget(config.withBatching(b.batchSize(), b.shuffle(), b.dropLast()));
            String label = describeBatching(b);
            trainer.setBatching(b.batchSize(), b.shuffle(), b.dropLast());
            config = config.withBatching(b.batchSize(), b.shuffle(), b.dropLast());
            mark(label);
        } else if (c instanceof Command.SetEpochLimit e) {
            int before = config.epochs();
            config = config.withEpochs(e.epochs());
            if (state == TrainingState.FINISHED && trainer.epoch() < e.epochs()) {
                state = TrainingState.PAUSED;
            }
            if (before != e.epochs()) {
                mark(text("marker.epochLimit", Messages.integer(before), Messages.integer(e.epochs())));
            }
        } else if (c instanceof Command.ResizeLayer r) {
            int old = trainer.network().layers().get(r.index()).units();
            if (old != r.units()) {
                if (r.index() >= 0 && r.index() < config.network().layers().size() - 1 && r.units() >= 1) {
                    checkBudget(config.withNetwork(config.network().withLayer(r.index(),
                            config.network().layers().get(r.index()).withUnits(r.units()))));
                }
                trainer.resizeHidden(r.index(), r.units());
                inspectionDue = true;
                config = config.withNetwork(trainer.network().spec());
                mark(text("marker.units", r.index() + 1, old, r.units()));
            }
        } else if (c instanceof Command.SetActivation a) {
            Activation old = trainer.network().layers().get(a.index()).activation();
            if (old != a.activation()) {
                trainer.setActivation(a.index(), a.activation());
                inspectionDue = true;
                config = config.withNetwork(trainer.network().spec());
                mark(text("marker.activation", a.index() + 1, old.wireName(), a.activation().wireName()));
            }
        } else if (c instanceof Command.LoadNetwork l) {
            TrainingConfig loaded = config.withNetwork(l.network());
            checkBudget(loaded);
            Trainer fresh = new Trainer(loaded, Network.fromParameters(l.network(), l.weights(), l.biases()));
            trainer.network().unmuteAll(); // a loaded file is used as it is
            restart(loaded, "", fresh);
            playing = false;
            state = TrainingState.PAUSED;
            event = new ServiceEvent.Loaded(l.source(), l.network().toString());
        } else if (c instanceof Command.RestoreProgress p) {
            trainer.continueFrom(p.epoch());
            curve.restore(p.history(), p.epoch());
            markers.clear();
            markers.addAll(p.markers().subList(Math.max(0, p.markers().size() - MAX_MARKERS), p.markers().size()));
            last = p.epoch() > 0 ? new EpochResult(p.epoch(), p.trainLoss(), p.testLoss()) : null;
            playing = false;
            state = trainer.epoch() >= config.epochs() ? TrainingState.FINISHED : TrainingState.PAUSED;
            event = new ServiceEvent.Restored(p.epoch());
        } else if (c instanceof Command.CheckGradients g) {
            if (trainer.trainData().size() == 0 && trainer.testData().size() == 0) {
                event = new ServiceEvent.NoSamplesToCheck();
                return;
            }
            gradients = checkGradients(g.samples());
            event = new ServiceEvent.GradientsChecked(gradients.passed());
        } else if (c instanceof Command.Inspect i) {
            if (!Double.isFinite(i.x())) {
                throw new IllegalArgumentException("the inspector needs a number for x, got " + i.x());
            }
            inspectX = i.x();
            inspectionDue = true;
        } else if (c instanceof Command.StopInspecting) {
            inspectX = null;
            inspection = null;
        } else if (c instanceof Command.SetMuted m) {
            Network.Unit unit = new Network.Unit(m.unit().layer(), m.unit().index());
            if (trainer.network().isMuted(unit) != m.muted()) {
                trainer.setMuted(unit, m.muted());
                inspectionDue = true;
                mark(text(m.muted() ? "marker.muted" : "marker.unmuted", m.unit()));
            }
        } else if (c instanceof Command.AddSample a) {
            if (!Double.isFinite(a.x()) || !Double.isFinite(a.y())) {
                throw new IllegalArgumentException("a point needs finite x and y, got (" + a.x() + ", " + a.y() + ")");
            }
            Dataset train = a.test() ? trainer.trainData() : append(trainer.trainData(), a.x(), a.y());
            Dataset test = a.test() ? append(trainer.testData(), a.x(), a.y()) : trainer.testData();
            editSamples(train, test, text(a.test() ? "marker.addTest" : "marker.addTrain", number(a.x())));
        } else if (c instanceof Command.RemoveSample r) {
            removeNearest(r.x(), r.y());
        } else if (c instanceof Command.ClearSamples) {
            Dataset none = Dataset.of(new double[0], new double[0]);
            editSamples(none, none, text("marker.cleared"));
        } else if (c instanceof Command.SetSpeed s) {
            speed = s.epochsPerSecond();
            nextEpochAt = clock.getAsLong();
        } else {
            throw new AssertionError(c);
        }
    }

    private static Dataset append(Dataset d, double x, double y) {
        double[] xs = java.util.Arrays.copyOf(d.xColumn(), d.size() + 1);
        double[] ys = java.util.Arrays.copyOf(d.yColumn(), d.size() + 1);
        xs[d.size()] = x;
        ys[d.size()] = y;
        return Dataset.of(xs, ys);
    }

    /** Removes the sample nearest to (x, y), training or test. */
    private void removeNearest(double x, double y) {
        Dataset[] sets = {trainer.trainData(), trainer.testData()};
        int bestSet = -1;
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < sets[k].size(); i++) {
                double d = Math.hypot(sets[k].x().get(i, 0) - x, sets[k].y().get(i, 0) - y);
                if (d < bestDistance) {
                    bestDistance = d;
                    bestSet = k;
                    best = i;
                }
            }
        }
        if (bestSet < 0) {
            event = new ServiceEvent.NoPointsToRemove();
            return;
        }
        Dataset from = sets[bestSet];
        double removedX = from.x().get(best, 0);
        double[] xs = new double[from.size() - 1];
        double[] ys = new double[from.size() - 1];
        for (int i = 0, j = 0; i < from.size(); i++) {
            if (i != best) {
                xs[j] = from.x().get(i, 0);
                ys[j++] = from.y().get(i, 0);
            }
        }
        sets[bestSet] = Dataset.of(xs, ys);
        editSamples(sets[0], sets[1], text(bestSet == 0 ? "marker.removeTrain" : "marker.removeTest", number(removedX)));
    }

    /** Trains on from here with other samples; marks the change on the loss chart. */
    private void editSamples(Dataset train, Dataset test, String what) {
        if (clickRange == null) {
            double[] xs = grid();
            clickRange = new double[] {xs[0], xs[xs.length - 1]};
        }
        trainer.setSamples(train, test);
        config = trainer.config();
        divergence = Divergence.at(trainer);
        inspectionDue = true;
        mark(what);
        event = new ServiceEvent.SamplesEdited(what, train.size(), test.size());
    }

    /** The banner of a diverged run: what went wrong, blaming the input when the input is at fault. */
    private String divergedProblem(Divergence.Verdict v) {
        return switch (v.cause()) {
            case NOT_FINITE_AT_START -> text("service.divergedAtStart", v.epoch(), number(v.largest()));
            case DATA_TOO_LARGE -> text("service.divergedData", v.epoch(), number(v.largest()));
            case WEIGHTS_TOO_LARGE -> text("service.divergedWeights", v.epoch(), number(v.largest()));
            case LEARNING_RATE -> text("service.diverged", v.epoch(), number(config.optimizer().learningRate()));
        };
    }

    /**
     * Refuses a setup whose epoch would cost more than {@link #EPOCH_BUDGET} multiply-adds.
     *
     * @throws IllegalArgumentException saying what it would cost and what to do
     */
    static void checkBudget(TrainingConfig c) {
        long params = c.network().parameterCount();
        long samples = samplesPerEpoch(c);
        double cost = params * (3.0 * samples + testSamples(c) + GRID_POINTS);
        if (cost > EPOCH_BUDGET) {
            throw new IllegalArgumentException(text("service.budget", Messages.integer(params),
                    Messages.integer(samples), number(cost), number(EPOCH_BUDGET)));
        }
        if (c.data() instanceof DataSpec.FunctionData f) {
            // a streamed setup makes a batch every step, a fixed one its sets once
            double data = f.streaming() ? c.batchSize() * f.target().evaluationCost() : f.generationCost();
            if (data > DATA_BUDGET) {
                throw new IllegalArgumentException(text("service.dataBudget", Messages.integer(samples + testSamples(c)),
                        Messages.integer((long) f.target().evaluationCost()), number(data), number(DATA_BUDGET)));
            }
        }
    }

    private static long samplesPerEpoch(TrainingConfig c) {
        if (c.streaming()) {
            return c.batchSize();
        }
        if (c.data() instanceof DataSpec.FunctionData f) {
            return f.trainCount();
        }
        return ((DataSpec.GivenData) c.data()).train().size();
    }

    private static long testSamples(TrainingConfig c) {
        return c.data() instanceof DataSpec.FunctionData f ? f.testCount() : ((DataSpec.GivenData) c.data()).test().size();
    }

    private void restart(TrainingConfig newConfig, String why) {
        restart(newConfig, why, new Trainer(newConfig)); // the trainer may refuse the config: nothing changes
    }

    private void restart(TrainingConfig newConfig, String why, Trainer fresh) {
        generation++;
        clickRange = null;
        inspectionDue = true; // a trace of the old network must not outlive it
        // muted units stay muted (until un-muted) where the new network still has them
        fresh.network().muteWhereTheyExist(trainer.network().mutedUnits());
        trainer = fresh;
        divergence = Divergence.at(fresh);
        config = newConfig;
        last = null;
        curve.clear();
        markers.clear();
        problem = null;
        gradients = null; // it was about the old network
        health.clear();
        event = new ServiceEvent.Restarted(why);
        if (state == TrainingState.DIVERGED || state == TrainingState.FINISHED) {
            state = playing ? TrainingState.TRAINING : TrainingState.PAUSED;
        }
    }

    private void mark(String label) {
        if (label.isEmpty()) {
            return;
        }
        markers.add(new Marker(trainer.epoch(), label));
        if (markers.size() > MAX_MARKERS) {
            markers.remove(0);
        }
        event = new ServiceEvent.Marked(label);
    }

    private static String describeChange(OptimizerConfig from, OptimizerConfig to) {
        List<String> parts = new ArrayList<>();
        if (!from.name().equals(to.name())) {
            parts.add(text("marker.optimizer", from.name(), to.name()));
        }
        if (from.learningRate() != to.learningRate()) {
            parts.add("lr " + number(from.learningRate()) + " → " + number(to.learningRate()));
        }
        if (from instanceof OptimizerConfig.ReboundSgd a && to instanceof OptimizerConfig.ReboundSgd b
                && a.momentum() != b.momentum()) {
            parts.add(text("marker.momentum", number(a.momentum()), number(b.momentum())));
        }
        if (from instanceof OptimizerConfig.Sgd a && to instanceof OptimizerConfig.Sgd b) {
            if (a.momentum() != b.momentum()) {
                parts.add(text("marker.momentum", number(a.momentum()), number(b.momentum())));
            }
            if (a.nesterov() != b.nesterov()) {
                parts.add(text(b.nesterov() ? "marker.nesterovOn" : "marker.nesterovOff"));
            }
        }
        if (!from.decay().equals(to.decay())) {
            parts.add(text("marker.decay", from.decay(), to.decay()));
        }
        return String.join(", ", parts);
    }

    private String describeBatching(Command.SetBatching b) {
        List<String> parts = new ArrayList<>();
        if (b.batchSize() != config.batchSize()) {
            parts.add(text("marker.batch", batchText(config.batchSize()), batchText(b.batchSize())));
        }
        if (b.shuffle() != config.shuffle()) {
            parts.add(text(b.shuffle() ? "marker.shuffleOn" : "marker.shuffleOff"));
        }
        if (b.dropLast() != config.dropLast()) {
            parts.add(text(b.dropLast() ? "marker.dropLastOn" : "marker.dropLastOff"));
        }
        return String.join(", ", parts);
    }

    private static String batchText(int batchSize) {
        return batchSize == 0 ? text("editor.batch.full") : Integer.toString(batchSize);
    }

    /** A number as a person would write it: 0.1, 0.003, 1000000, 1e-5, 2.5e8. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }

    private void publish() {
        long start = clock.getAsLong();
        latest.set(snapshotNow());
        lastPublish = clock.getAsLong();
        // the typical cost: falls at once, rises slowly, so one cold or unlucky snapshot does not
        // hold the next ones back
        long cost = lastPublish - start;
        lastPublishCost = cost < lastPublishCost ? cost : (7 * lastPublishCost + cost) / 8;
    }

    /**
     * A snapshot of the state right now. On the training thread only (or in tests driving
     * {@link #tick()}); others take published snapshots with {@link #takeLatest()}.
     */
    public Snapshot snapshotNow() {
        Dataset healthData = trainer.trainData().size() > 0 ? trainer.trainData() : trainer.testData();
        // the shares are recomputed when the state is not changing fast (paused, a command applied)
        GradientHealth flow = health.snapshot(trainer.network(), healthData, state != TrainingState.TRAINING);
        double[] gridX = grid();
        double[] prediction = trainer.predict(gridX);
        List<double[][]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        for (DenseLayer layer : trainer.network().layers()) {
            weights.add(Matrices.toRows(layer.weights()));
            biases.add(layer.hasBias() ? layer.bias().data.clone() : null);
        }
        double eps = state == TrainingState.TRAINING ? rate.perSecond(clock.getAsLong()) : 0;
        return new Snapshot(++sequence, state, trainer.epoch(), last == null ? Double.NaN : last.trainLoss(),
                last == null ? Double.NaN : last.testLoss(), eps, config, trainer.network().spec(), List.copyOf(weights),
                java.util.Collections.unmodifiableList(biases), gridX, prediction, trainer.trainData(), trainer.testData(),
                curve.view(), List.copyOf(markers), event, problem, gradients, flow, inspection,
                contributions(gridX), mutedUnits(), commandsHandled, generation);
    }

    private List<HiddenUnit> mutedUnits() {
        List<HiddenUnit> units = new ArrayList<>();
        for (Network.Unit u : trainer.network().mutedUnits()) {
            units.add(new HiddenUnit(u.layer(), u.index()));
        }
        return List.copyOf(units);
    }

    /** Each last-hidden-layer unit's share of the output at the grid's x, when there are few enough. */
    private Contributions contributions(double[] gridX) {
        Network net = trainer.network();
        List<DenseLayer> layers = net.layers();
        if (layers.size() < 2 || net.outputs() != 1 || net.inputs() != 1
                || layers.get(layers.size() - 2).units() > Contributions.MAX_UNITS) {
            return null;
        }
        DenseLayer out = layers.get(layers.size() - 1);
        return new Contributions(layers.size() - 2, Matrices.toRows(net.contributions(Matrices.column(gridX))),
                out.hasBias() ? out.bias().get(0, 0) : 0, out.activation() == Activation.IDENTITY);
    }

    /** The trace of the sample nearest to x through the current network and optimizer state. */
    private Inspection inspect(double x) {
        boolean useTrain = trainer.trainData().size() > 0;
        Dataset data = useTrain ? trainer.trainData() : trainer.testData();
        if (data.size() == 0) {
            return null;
        }
        int best = 0;
        for (int i = 1; i < data.size(); i++) {
            if (Math.abs(data.x().get(i, 0) - x) < Math.abs(data.x().get(best, 0) - x)) {
                best = i;
            }
        }
        double[] xi = new double[data.x().numCols];
        double[] yi = new double[data.y().numCols];
        for (int c = 0; c < xi.length; c++) {
            xi[c] = data.x().get(best, c);
        }
        for (int c = 0; c < yi.length; c++) {
            yi[c] = data.y().get(best, c);
        }
        BackpropTrace trace = BackpropTrace.of(trainer.network(), config.loss(), trainer.optimizer(), xi, yi);
        return Inspection.of(trace, config.loss().kind(), config.optimizer(), trainer.epoch(), best,
                useTrain ? text("inspector.set.training") : text("inspector.set.test"));
    }

    /** The engine's check on the running network, between epochs (the weights are restored exactly). */
    private GradientReport checkGradients(int samples) {
        Dataset data = trainer.trainData().size() > 0 ? trainer.trainData() : trainer.testData();
        // a network too large for a sample of its entries in the budget is checked on one sample
        long size = trainer.network().spec().parameterCount() * trainer.network().parameters().size();
        int n = Math.max(1, Math.min(size * 2L * 4 * samples > GRADIENT_CHECK_BUDGET ? 1 : samples, data.size()));
        org.ejml.data.DMatrixRMaj x = org.ejml.dense.row.CommonOps_DDRM.extract(data.x(), 0, n, 0, data.x().numCols);
        org.ejml.data.DMatrixRMaj y = org.ejml.dense.row.CommonOps_DDRM.extract(data.y(), 0, n, 0, data.y().numCols);
        // each checked entry costs two forward passes of the batch: a large network is checked on an
        // even spread of its entries, so the check ends in well under a second
        long params = trainer.network().spec().parameterCount();
        int tensors = trainer.network().parameters().size();
        int perParameter = (int) Math.max(4, Math.min(Integer.MAX_VALUE,
                GRADIENT_CHECK_BUDGET / (2.0 * n * params * tensors)));
        GradientCheck.Result r = GradientCheck.run(trainer.network(), config.loss(), x, y, GradientCheck.DEFAULT_EPSILON,
                perParameter);
        List<GradientReport.Row> rows = new ArrayList<>();
        for (GradientCheck.Entry e : r.entries()) {
            rows.add(new GradientReport.Row(e.parameter(), e.layer(), e.entries(), e.straddled(), e.maxAbsolute(),
                    e.maxRelative()));
        }
        return new GradientReport(trainer.epoch(), n, r.epsilon(), rows, GradientCheck.TOLERANCE);
    }

    /** Evenly spaced x over the data's range. */
    private double[] grid() {
        double lo;
        double hi;
        if (config.data() instanceof DataSpec.FunctionData f) {
            lo = f.span()[0];
            hi = f.span()[1];
        } else {
            // while points are clicked in, the chart keeps the range it had, widened to take them in
            lo = clickRange == null ? Double.POSITIVE_INFINITY : clickRange[0];
            hi = clickRange == null ? Double.NEGATIVE_INFINITY : clickRange[1];
            for (Dataset d : new Dataset[] {trainer.trainData(), trainer.testData()}) {
                for (int i = 0; i < d.size(); i++) {
                    lo = Math.min(lo, d.x().get(i, 0));
                    hi = Math.max(hi, d.x().get(i, 0));
                }
            }
            if (!(lo <= hi)) {
                lo = -1; // no samples at all
                hi = 1;
            }
            double pad = clickRange != null ? 0 : hi > lo ? 0.05 * (hi - lo) : 1;
            lo -= pad;
            hi += pad;
        }
        double[] xs = new double[GRID_POINTS];
        for (int i = 0; i < GRID_POINTS; i++) {
            xs[i] = lo + (hi - lo) * i / (GRID_POINTS - 1);
        }
        return xs;
    }

    /** Epochs per second over about the last second. */
    private static final class RateMeter {
        private long windowStart;
        private int inWindow;
        private double lastRate;

        void count(long now) {
            if (inWindow == 0) {
                windowStart = now;
            }
            inWindow++;
            long span = now - windowStart;
            if (span >= 500_000_000L) {
                lastRate = (inWindow - 1) * 1e9 / span;
                windowStart = now;
                inWindow = 1;
            }
        }

        double perSecond(long now) {
            if (inWindow > 1 && lastRate == 0) {
                long span = now - windowStart;
                return span > 0 ? (inWindow - 1) * 1e9 / span : 0;
            }
            return lastRate;
        }
    }
}
