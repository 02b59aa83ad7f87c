package org.backpropstudio.training;

import static org.backpropstudio.i18n.Messages.text;
import static org.backpropstudio.i18n.NumberText.plain;

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
import org.backpropstudio.engine.MatrixKernels;
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
 * {@link #PUBLISH_INTERVAL_NS} (every epoch at slow speeds) once the last one was read, every
 * {@link #UNREAD_INTERVAL_NS} while it was not. A slow reader never slows training
 * and a fast trainer never floods the reader. Memory stays flat however long it
 * trains: the loss history is a bounded {@link LossCurve}.
 *
 * <p>The thread is injected: {@link #start(Executor)} runs the training loop on an executor's
 * thread; tests instead call {@link #tick()} themselves, which is the loop's body.
 */
public final class TrainingService implements AutoCloseable {

    /** The longest the training thread works on an epoch before it looks at the commands again. */
    static final long WORK_SLICE_NS = 10_000_000L;
    /** Epochs asked for by Step and not yet ended: worked on a slice at a time, as Play's are. */
    private int stepsOwed;
    /** While training, the newest snapshot is rebuilt at most this often (10 ms). */
    public static final long PUBLISH_INTERVAL_NS = 10_000_000L;
    /** While training, a snapshot nobody has read yet is replaced at most this often (50 ms). */
    public static final long UNREAD_INTERVAL_NS = 50_000_000L;
    /** The fit chart's x-range when points were first clicked in (kept until a restart), or null. */
    private double[] clickRange;
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
    /** A classifier's train and test accuracy per epoch, bucketed as the losses are (empty for regression). */
    private final LossCurve accuracies = new LossCurve();
    private final List<Marker> markers = new ArrayList<>();
    /** What just happened, for the view model and the status bar. */
    private ServiceEvent event = ServiceEvent.QUIET;
    private String problem;
    private GradientReport gradients;
    /**
     * Where the inspector looks: an {@link Command.Inspect} (the sample nearest to an x) or an
     * {@link Command.InspectSample}; null when it is closed.
     */
    private Command inspectAt;
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
    /** When a slice of work is over, the clock looked at every few quick units. */
    private final WorkSlice slice;
    private final HealthMonitor health = new HealthMonitor();
    /** The plane's points as drawn, made once per setup (null until asked for, or for other data). */
    private DataSpec.PointSets shownPoints;
    /** An input drawn by the user, read by the network at each snapshot (null: none). */
    private double[] drawing;
    /** The digits' confusion, counted at {@link #confusionAt} (null: to count at the next snapshot). */
    private int[][] confusion;
    private long confusionAt;
    /** The plane's grid and the digits' shown images, kept between snapshots. */
    private final ProbeInputs probeInputs = new ProbeInputs();
    /** {@link #commandsHandled} when the epoch in progress began. */
    private long commandsAtEpochStart = -1;
    /**
     * The divergence rule, from the network and data as they were (re)started; null until the
     * first epoch of a service just made, which works it out first.
     */
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
        this.slice = new WorkSlice(clock);
        this.config = Objects.requireNonNull(config);
        // the first snapshot is made here, on the thread that opens the window, in a JVM that has
        // not compiled the Vector API's code yet: on the plain loops, the same bits (the digits'
        // class probes took 360–480 ms on the vector kernel, 100–120 ms on them)
        MatrixKernels.onPlainLoops(() -> {
            trainer = new Trainer(config);
            publish();
        });
        // the divergence rule's start is worked out on the training thread, before the first epoch
        // (a pass over the data: 0.6 s of a cold JVM for the digits, which held the window back)
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

    /** The newest snapshot if it is unread, leaving it unread (tests). */
    Snapshot peekLatest() {
        return latest.get();
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
            slice.relearn();
        }
        boolean ran = false;
        long now = clock.getAsLong();
        boolean stepping = stepsOwed > 0;
        if (stepping || playing && now >= nextEpochAt) {
            if (applied && lastEpochCost > PUBLISH_INTERVAL_NS) {
                publishChanges(); // a slow epoch is next: show what the commands did first
            }
            if (divergence == null) {
                divergence = Divergence.at(trainer);
            }
            long start = clock.getAsLong();
            if (advanceEpoch(start, stepping) && !stepping) {
                nextEpochAt = Double.isInfinite(speed) ? now : now + (long) (1e9 / speed);
            }
            lastEpochCost = clock.getAsLong() - start;
            ran = true;
        }
        // a large network's snapshot (its prediction curve, its weights, a classifier's maps) costs
        // time of its own: it is rebuilt at most every 10 ms, and no more often than keeps it under a
        // fifth of the time; while the last one is unread, only every 50 ms (a window reads one a
        // frame, 60 a second: rebuilt every 10 ms, 4 in 10 were never read, and the plane's maps
        // are a sixth of the training thread's time)
        long interval = Math.max(latest.get() == null ? PUBLISH_INTERVAL_NS : UNREAD_INTERVAL_NS, 4 * lastPublishCost);
        if (changed || (ran && clock.getAsLong() - lastPublish >= interval)) {
            publishChanges();
        }
        return ran;
    }

    private void publishChanges() {
        if (inspectAt != null && (inspectionDue || state != TrainingState.TRAINING)) {
            // while training the trace stays put until asked again: a table that changes
            // 100 times a second cannot be read
            inspection = NetworkProbes.inspect(trainer, config, inspectAt);
            inspectionDue = false;
        }
        publish();
        changed = false;
    }

    /**
     * Works on the epoch, a step or an evaluation chunk at a time, until it ends or
     * {@link #WORK_SLICE_NS} has passed, so a command waits for at most a slice and a unit
     * however long the epoch is (the digit classifier's is 36 steps of 200 samples and its
     * accuracy passes); quick units are timed a few at a time ({@link WorkSlice}). True when the
     * epoch ended.
     */
    private boolean advanceEpoch(long start, boolean stepping) {
        boolean ended = false;
        slice.begin(start);
        do {
            if (!trainer.epochInProgress()) {
                if (noTrainingPoints()) {
                    return ended;
                }
                commandsAtEpochStart = commandsHandled;
            }
            EpochResult r;
            do {
                r = trainer.advance();
            } while (r == null && !slice.overAfterUnit(WORK_SLICE_NS));
            if (r == null) {
                return ended;
            }
            epochDone(r, stepping);
            ended = true;
            if (stepping) {
                stepsOwed = state == TrainingState.DIVERGED ? 0 : stepsOwed - 1;
            }
            // Steps queued together are taken in the same slice while it lasts
        } while (stepping && stepsOwed > 0 && clock.getAsLong() - start < WORK_SLICE_NS);
        return ended;
    }

    /** With no training samples (all clicked away), pauses and says so. */
    private boolean noTrainingPoints() {
        if (!config.streaming() && trainer.trainData().size() == 0) {
            playing = false;
            stepsOwed = 0;
            state = TrainingState.PAUSED;
            event = new ServiceEvent.NoTrainingPoints();
            changed = true;
            return true;
        }
        return false;
    }

    private void epochDone(EpochResult result, boolean wasStep) {
        last = result;
        if (commandsHandled == commandsAtEpochStart && trainer.testConfusion() != null) {
            // no command since the epoch began: its accuracy pass counted the confusion of the
            // network as it is now, which the digits' report would count again (a pass over the test set)
            confusion = trainer.testConfusion();
            confusionAt = confusionKey();
        }
        curve.add(last.epoch(), last.trainLoss(), last.testLoss());
        if (!Double.isNaN(last.trainAccuracy())) {
            accuracies.add(last.epoch(), last.trainAccuracy(), last.testAccuracy());
        }
        health.recordEpoch(last.epoch(), trainer.network());
        rate.count(clock.getAsLong());
        Divergence.Verdict diverged = divergence.check(last, trainer.testData().size() > 0);
        if (diverged != null) {
            playing = false;
            state = TrainingState.DIVERGED;
            problem = divergedProblem(diverged);
            event = new ServiceEvent.Diverged(diverged.notANumber() ? Double.NaN : diverged.worst(), diverged.start());
            changed = true;
        } else if ((trainer.epoch() >= config.epochs() || trainer.stepLimitReached()) && !wasStep) {
            playing = false;
            state = TrainingState.FINISHED;
            // short of the epochs asked for, the steps are why (Fashion-MNIST's 5 000 end in epoch 17)
            event = trainer.epoch() < config.epochs() ? new ServiceEvent.StepLimitReached(config.stepLimit())
                    : new ServiceEvent.Finished(trainer.epoch());
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
            } else if (trainer.stepLimitReached()) {
                // a run of a given number of steps (the digit tutorial's 5 000) has taken them
                state = TrainingState.FINISHED;
                event = new ServiceEvent.StepLimitReached(config.stepLimit());
            } else {
                playing = true;
                stepsOwed = 0;
                state = TrainingState.TRAINING;
                nextEpochAt = clock.getAsLong();
                event = ServiceEvent.QUIET;
            }
        } else if (c instanceof Command.Pause) {
            playing = false;
            stepsOwed = 0; // obeyed within the epoch a Step began, too
            if (state == TrainingState.TRAINING) {
                state = TrainingState.PAUSED;
            }
        } else if (c instanceof Command.Step) {
            if (state == TrainingState.DIVERGED) {
                event = new ServiceEvent.StillDiverged();
            } else if (trainer.stepLimitReached()) {
                state = TrainingState.FINISHED;
                event = new ServiceEvent.StepLimitReached(config.stepLimit());
            } else {
                // the epoch is worked on after the commands, a slice at a time, as Play's are
                playing = false;
                stepsOwed++;
            }
        } else if (c instanceof Command.Reset) {
            restart(config, text("service.reset", config.seed()));
            playing = false;
            state = TrainingState.PAUSED;
        } else if (c instanceof Command.Reconfigure r) {
            StudioBudget.check(r.config());
            // a newer setup wins: making this one's data stops when one is queued
            restart(r.config(), text("service.reinitialized", r.config().seed(), r.reason()),
                    new Trainer(r.config(), null, () -> setupsSubmitted.get() > setupsTaken));
        } else if (c instanceof Command.SetOptimizer o) {
            String label = MarkerLabels.optimizer(config.optimizer(), o.optimizer());
            trainer.setOptimizer(o.optimizer());
            config = config.withOptimizer(o.optimizer());
            mark(label);
        } else if (c instanceof Command.SetBatching b) {
            StudioBudget.check(config.withBatching(b.batchSize(), b.shuffle(), b.dropLast()));
            String label = MarkerLabels.batching(config, b);
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
        } else if (c instanceof Command.TrainMore m) {
            apply(new Command.SetEpochLimit((int) Math.min(Integer.MAX_VALUE, (long) trainer.epoch() + m.epochs())));
            long needed = trainer.steps() + (long) m.epochs() * trainer.stepsPerEpoch();
            if (config.stepLimit() > 0 && config.stepLimit() < needed) {
                config = config.withStepLimit(needed);
                trainer.setStepLimit(needed);
            }
            apply(new Command.Play());
        } else if (c instanceof Command.ResizeLayer r) {
            int old = trainer.network().layers().get(r.index()).units();
            if (old != r.units()) {
                if (r.index() >= 0 && r.index() < config.network().layers().size() - 1 && r.units() >= 1) {
                    StudioBudget.check(config.withNetwork(config.network().withLayer(r.index(),
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
            StudioBudget.check(loaded);
            Trainer fresh = new Trainer(loaded, Network.fromParameters(l.network(), l.weights(), l.biases()));
            trainer.network().unmuteAll(); // a loaded file is used as it is
            restart(loaded, "", fresh);
            playing = false;
            state = TrainingState.PAUSED;
            event = new ServiceEvent.Loaded(l.source(), l.network().toString());
        } else if (c instanceof Command.RestoreProgress p) {
            trainer.continueFrom(p.epoch());
            curve.restore(p.history(), p.epoch());
            accuracies.clear(); // experiments keep the losses' history only
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
            gradients = NetworkProbes.checkGradients(trainer, config, g.samples());
            event = new ServiceEvent.GradientsChecked(gradients.passed());
        } else if (c instanceof Command.Inspect i) {
            if (!Double.isFinite(i.x())) {
                throw new IllegalArgumentException("the inspector needs a number for x, got " + i.x());
            }
            inspectAt = i;
            inspectionDue = true;
        } else if (c instanceof Command.InspectSample i) {
            if (i.index() < 0) {
                throw new IllegalArgumentException("the inspector needs a sample number from 0, got " + i.index());
            }
            inspectAt = i;
            inspectionDue = true;
        } else if (c instanceof Command.StopInspecting) {
            inspectAt = null;
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
            Dataset train = a.test() ? trainer.trainData() : SampleEdits.append(trainer.trainData(), a.x(), a.y());
            Dataset test = a.test() ? SampleEdits.append(trainer.testData(), a.x(), a.y()) : trainer.testData();
            editSamples(train, test, text(a.test() ? "marker.addTest" : "marker.addTrain", plain(a.x())));
        } else if (c instanceof Command.RemoveSample r) {
            removeNearest(r.x(), r.y());
        } else if (c instanceof Command.AddPlanePoint a) {
            addPlanePoint(a);
        } else if (c instanceof Command.RemovePlanePoint r) {
            removePlanePoint(r.x1(), r.x2());
        } else if (c instanceof Command.ReadDrawing d) {
            if (d.input() != null && d.input().length != config.network().inputs()) {
                throw new IllegalArgumentException("a drawing of " + d.input().length + " pixels does not fit the network's "
                        + config.network().inputs() + " inputs");
            }
            drawing = d.input() == null ? null : d.input().clone();
        } else if (c instanceof Command.ClearSamples) {
            if (config.data() instanceof DataSpec.Plane p) {
                DataSpec.Points none = new DataSpec.Points(new double[0][], new int[0]);
                editPoints(new DataSpec.PlanePoints(none, none, p.classes(), java.util.Set.copyOf(p.inputs())),
                        text("marker.cleared"));
                return;
            }
            Dataset none = Dataset.of(new double[0], new double[0]);
            editSamples(none, none, text("marker.cleared"));
        } else if (c instanceof Command.SetSpeed s) {
            speed = s.epochsPerSecond();
            nextEpochAt = clock.getAsLong();
        } else {
            throw new AssertionError(c);
        }
    }


    /** Removes the sample nearest to (x, y), training or test. */
    private void removeNearest(double x, double y) {
        SampleEdits.Removal r = SampleEdits.removeNearest(trainer.trainData(), trainer.testData(), x, y);
        if (r == null) {
            event = new ServiceEvent.NoPointsToRemove();
            return;
        }
        editSamples(r.train(), r.test(), text(r.fromTraining() ? "marker.removeTrain" : "marker.removeTest",
                plain(r.removedX())));
    }

    /** Adds a clicked point of the plane with its class. */
    private void addPlanePoint(Command.AddPlanePoint a) {
        if (!(config.data() instanceof DataSpec.Plane p)) {
            throw new IllegalArgumentException("points of the plane are for a classifier of the plane's data");
        }
        if (!Double.isFinite(a.x1()) || !Double.isFinite(a.x2()) || a.label() < 0 || a.label() >= p.classes()) {
            throw new IllegalArgumentException("a point needs finite (x₁, x₂) and a class from 0 to " + (p.classes() - 1));
        }
        DataSpec.PointSets sets = planePoints();
        DataSpec.PlanePoints edited = new DataSpec.PlanePoints(
                a.test() ? sets.train() : sets.train().plus(a.x1(), a.x2(), a.label()),
                a.test() ? sets.test().plus(a.x1(), a.x2(), a.label()) : sets.test(), p.classes(),
                java.util.Set.copyOf(p.inputs()));
        editPoints(edited, text(a.test() ? "marker.addTestClass" : "marker.addTrainClass", a.label()));
    }

    /** Removes the point of the plane nearest to (x₁, x₂). */
    private void removePlanePoint(double x1, double x2) {
        if (!(config.data() instanceof DataSpec.Plane p)) {
            throw new IllegalArgumentException("points of the plane are for a classifier of the plane's data");
        }
        DataSpec.PointSets sets = planePoints();
        SampleEdits.PlaneRemoval r = SampleEdits.removeNearest(new DataSpec.PlanePoints(sets.train(), sets.test(),
                p.classes(), java.util.Set.copyOf(p.inputs())), x1, x2);
        if (r == null) {
            event = new ServiceEvent.NoPointsToRemove();
            return;
        }
        editPoints(r.points(), text(r.fromTraining() ? "marker.removeTrainClass" : "marker.removeTestClass",
                r.label()));
    }

    /** Trains on from here with other points of the plane; marks the change on the loss chart. */
    private void editPoints(DataSpec.PlanePoints points, String what) {
        trainer.setPoints(points);
        config = trainer.config();
        shownPoints = points.pointSets(null);
        divergence = Divergence.at(trainer);
        inspectionDue = true;
        mark(what);
        event = new ServiceEvent.SamplesEdited(what, points.trainCount(), points.testCount());
    }

    /** The points of the plane being trained on, as drawn (made from the seed once per setup). */
    private DataSpec.PointSets planePoints() {
        if (shownPoints == null && config.data() instanceof DataSpec.Plane p) {
            shownPoints = p.pointSets(Trainer.dataStream(config.seed()));
        }
        return shownPoints;
    }

    /** Trains on from here with other samples; marks the change on the loss chart. */
    private void editSamples(Dataset train, Dataset test, String what) {
        if (clickRange == null) {
            double[] xs = PredictionGrid.over(config, trainer.trainData(), trainer.testData(), clickRange);
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
            case NOT_FINITE_AT_START -> text("service.divergedAtStart", v.epoch(), plain(v.largest()));
            case DATA_TOO_LARGE -> text("service.divergedData", v.epoch(), plain(v.largest()));
            case WEIGHTS_TOO_LARGE -> text("service.divergedWeights", v.epoch(), plain(v.largest()));
            case LEARNING_RATE -> text("service.diverged", v.epoch(), plain(config.optimizer().learningRate()));
        };
    }




    private void restart(TrainingConfig newConfig, String why) {
        restart(newConfig, why, new Trainer(newConfig)); // the trainer may refuse the config: nothing changes
    }

    private void restart(TrainingConfig newConfig, String why, Trainer fresh) {
        stepsOwed = 0;
        shownPoints = null;
        confusion = null;
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
        accuracies.clear();
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
        // a curve over x for regression; a classifier's class maps come with its views
        boolean curve1d = config.data().task() instanceof org.backpropstudio.engine.Task.Regression
                && config.network().inputs() == 1;
        double[] gridX = curve1d ? PredictionGrid.over(config, trainer.trainData(), trainer.testData(), clickRange)
                : new double[0];
        double[] prediction = curve1d ? trainer.predict(gridX) : new double[0];
        List<double[]> biases = new ArrayList<>();
        for (DenseLayer layer : trainer.network().layers()) {
            biases.add(layer.hasBias() ? layer.bias().data.clone() : null);
        }
        double eps = state == TrainingState.TRAINING ? rate.perSecond(clock.getAsLong()) : 0;
        return new Snapshot(++sequence, state, trainer.epoch(), last == null ? Double.NaN : last.trainLoss(),
                last == null ? Double.NaN : last.testLoss(), last == null ? Double.NaN : last.trainAccuracy(),
                last == null ? Double.NaN : last.testAccuracy(), eps, config, trainer.network().spec(),
                WeightRows.of(trainer.network().layers()),
                java.util.Collections.unmodifiableList(biases), gridX, prediction, trainer.trainData(), trainer.testData(),
                curve.view(), accuracies.view(), List.copyOf(markers), event, problem, gradients, flow, inspection,
                curve1d ? NetworkProbes.contributions(trainer, gridX) : null, classReport(), mutedUnits(), commandsHandled,
                generation);
    }

    /** What a classifier's views draw; null for regression. */
    private ClassReport classReport() {
        if (config.data() instanceof DataSpec.Plane p) {
            return ClassProbes.plane(trainer.network(), p, planePoints(), probeInputs.grid(p.inputs()));
        }
        int side = (int) Math.round(Math.sqrt(config.network().inputs()));
        if (config.data().task() instanceof org.backpropstudio.engine.Task.Classification && side >= 8
                && side * side == config.network().inputs() && trainer.testData().size() > 0) {
            // images (the digits): the confusion is counted again when an epoch ended or a command
            // changed something, not at every snapshot within an epoch
            long now = confusionKey();
            if (confusion == null || confusionAt != now) {
                confusion = ClassProbes.confusion(trainer.network(), trainer.testData());
                confusionAt = now;
            }
            boolean fits = drawing != null && drawing.length == config.network().inputs();
            return ClassProbes.images(trainer.network(), trainer.testData(), probeInputs.firstImages(trainer.testData()),
                    side, confusion, trainer.epoch(), fits ? drawing : null);
        }
        return null;
    }

    /** The state a confusion is counted at: the epoch, and the commands applied so far. */
    private long confusionKey() {
        return trainer.epoch() * 1_000_003L + commandsHandled;
    }

    private List<HiddenUnit> mutedUnits() {
        List<HiddenUnit> units = new ArrayList<>();
        for (Network.Unit u : trainer.network().mutedUnits()) {
            units.add(new HiddenUnit(u.layer(), u.index()));
        }
        return List.copyOf(units);
    }





}
