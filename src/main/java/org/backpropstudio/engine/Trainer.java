package org.backpropstudio.engine;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * Trains a network on a config's data, one epoch at a time. Owns the network, the optimizer
 * state, the data and every work matrix; after the first epoch a training step allocates nothing.
 *
 * <p>One seed determines everything random: it is split into three streams, in this order, for
 * the data, the initial weights (and units added later by resizing) and the shuffling.
 *
 * <p>Not thread-safe: one thread drives a trainer (the training service's worker, or the CLI).
 */
public final class Trainer {

    /** Test samples evaluated per forward pass, bounding the work matrices' size. */

    private TrainingConfig config;
    private Network network;
    private Optimizer optimizer;
    private Dataset train;
    private Dataset test;
    private final RandomGenerator dataRandom;
    private final RandomGenerator weightRandom;
    private BatchLoader loader;
    private final RandomGenerator shuffleRandom;
    private int epoch;
    /** Steps taken since the start (for the config's step limit). */
    private long steps;
    /** The epoch in progress (begun by {@link #advance}), or null between epochs; {@link #run} reused. */
    private EpochRun current;
    /** The last epoch's test accuracy pass's counts (null before a classifier's first epoch). */
    private int[][] testConfusion;
    private final EpochRun run = new EpochRun();
    /** Batching asked for during an epoch: it takes effect when the epoch ends. */
    private TrainingConfig pendingBatching;

    /** X (batch × in) and Y (batch × out) of the current step. */
    private final DMatrixRMaj batchX = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj batchY = new DMatrixRMaj(1, 1);
    /**
     * The nonzeros of the training and test inputs, gathered once when enough of them are zero
     * ({@link SparseRows#MIN_ZERO_SHARE}: a digit's pixels), else null; and the current batch's, taken from the training
     * inputs' ({@link SparseRows}).
     */
    private SparseRows trainNonzeros;
    private SparseRows testNonzeros;
    private final SparseRows batchNonzeros = new SparseRows();
    /** {@link #batchNonzeros} when they are the current batch's, else null. */
    private SparseRows batchInputs;
    /** ∂L/∂prediction (batch × out). */
    private final DMatrixRMaj predictionGradient = new DMatrixRMaj(1, 1);
    /** The loss and accuracy passes, in chunks of 256 rows, one per core at a time when they pay for it. */
    private final EvaluationTeam evaluation = new EvaluationTeam();

    /** Data and initial weights from the config's seed. */
    public Trainer(TrainingConfig config) {
        this(config, null);
    }

    /**
     * Data from the config's seed; initial weights from {@code initial} (copied) if given, else
     * from the seed. The weight stream is drawn from in both cases, so the shuffle order is the
     * same whichever way the weights came.
     */
    public Trainer(TrainingConfig config, Network initial) {
        this(config, initial, () -> false);
    }

    /**
     * As {@link #Trainer(TrainingConfig, Network)}, but making the data stops as soon as
     * {@code abandon} says so (a newer setup has come).
     *
     * @throws java.util.concurrent.CancellationException when abandoned
     */
    public Trainer(TrainingConfig config, Network initial, java.util.function.BooleanSupplier abandon) {
        this.config = config;
        SplittableRandom root = new SplittableRandom(config.seed());
        this.dataRandom = root.split(); // as dataStream(seed)
        this.weightRandom = root.split();
        this.shuffleRandom = root.split();
        DataSpec.Samples samples = config.data().make(dataRandom, abandon);
        this.train = samples.train();
        this.test = samples.test();
        this.trainNonzeros = SparseRows.ofInputs(train.x());
        this.testNonzeros = SparseRows.ofInputs(test.x());
        checkFits(config.network());
        Network seeded = Network.create(config.network(), config.weightInit(), config.biasInit(), weightRandom);
        if (initial != null) {
            checkFits(initial.spec());
            this.network = initial.copy();
        } else {
            this.network = seeded;
        }
        this.optimizer = new Optimizer(config.optimizer(), network.parameters());
        this.loader = new BatchLoader(Math.max(train.size(), 1), config.batchSize(), config.shuffle(),
                config.dropLast(), shuffleRandom);
        loader.setReplacement(config.replacement());
    }

    /**
     * Bytes a training step's work matrices take for a batch of {@code rows} samples, and the
     * parameters with their gradients and optimizer state: the batch X (rows × in), Y and ∂L/∂P
     * (rows × out), and per layer Z, A, ∂L/∂Z (rows × units) and ∂L/∂X (rows × in). What a run
     * needs beyond its data, for refusing one that cannot fit before it starts.
     */
    public static long stepBytes(NetworkSpec spec, long rows) {
        long perRow = spec.inputs() + 2L * spec.outputs();
        int in = spec.inputs();
        for (LayerSpec layer : spec.layers()) {
            perRow += 3L * layer.units() + in;
            in = layer.units();
        }
        return Double.BYTES * (rows * perRow + 4 * spec.parameterCount());
    }

    private void checkFits(NetworkSpec spec) {
        if (spec.inputs() != train.x().numCols || spec.outputs() != train.y().numCols) {
            throw new IllegalArgumentException("the network " + spec + " has " + spec.inputs()
                    + " inputs and " + spec.outputs() + " outputs, but the data has " + train.x().numCols
                    + " and " + train.y().numCols);
        }
    }

    /**
     * Runs one epoch (in streaming mode: one step on a freshly drawn batch) and evaluates the
     * test set; finishes the epoch in progress if {@link #advance} began one.
     */
    public EpochResult runEpoch() {
        EpochResult r;
        do {
            r = advance();
        } while (r == null);
        return r;
    }

    /** True when the config's step limit has been reached (never without a limit). */
    public boolean stepLimitReached() {
        return config.stepLimit() > 0 && steps >= config.stepLimit() && current == null;
    }

    /** True between the first unit of an epoch's work ({@link #advance}) and its result. */
    public boolean epochInProgress() {
        return current != null;
    }

    /**
     * Does the next unit of the current epoch's work, beginning an epoch if none is in progress:
     * one training step, or one chunk of at most 256 rows of the evaluation after the last step
     * (the test loss, then a classifier's training and test accuracy; a chunk per core when the
     * network is wide enough, {@link EvaluationTeam}). Returns the epoch's result
     * after its last unit, else null. Whatever changes between two units (the learning rate, a
     * resized layer) holds from the next one, so a long epoch never keeps a command waiting for
     * more than one unit; the result is the same, bit for bit, as one {@link #runEpoch} call's.
     */
    public EpochResult advance() {
        if (current == null) {
            current = beginEpoch();
        }
        EpochRun e = current;
        switch (e.phase) {
            case TRAIN:
                batchInputs = null;
                if (config.streaming()) {
                    drawStreamingBatch();
                } else {
                    if (trainNonzeros != null) {
                        loader.fill(e.nextBatch, train, trainNonzeros, batchX, batchY, batchNonzeros);
                        batchInputs = batchNonzeros;
                    } else {
                        loader.fill(e.nextBatch, train, batchX, batchY);
                    }
                }
                e.lossSum += step();
                e.samples += batchX.numRows;
                if (++e.nextBatch == e.batches) {
                    e.next(EpochRun.Phase.TEST_LOSS);
                }
                break;
            case TEST_LOSS:
                if (e.nextRow < test.size()) {
                    evaluation.addLossSums(network, config.loss(), test, testNonzeros, e);
                }
                if (e.nextRow >= test.size()) {
                    e.testLoss = test.size() == 0 ? Double.NaN : e.sum / test.size();
                    if (!(config.data().task() instanceof Task.Classification)) {
                        return finish(new EpochResult(epoch + 1, e.lossSum / e.samples, e.testLoss));
                    }
                    e.next(EpochRun.Phase.TRAIN_ACCURACY);
                }
                break;
            case TRAIN_ACCURACY:
            case TEST_ACCURACY:
                Dataset data = e.phase == EpochRun.Phase.TRAIN_ACCURACY ? train : test;
                SparseRows nonzeros = e.phase == EpochRun.Phase.TRAIN_ACCURACY ? trainNonzeros : testNonzeros;
                if (e.phase == EpochRun.Phase.TEST_ACCURACY && e.confusion == null) {
                    e.confusion = new int[data.y().numCols][data.y().numCols];
                }
                if (e.nextRow < data.size()) {
                    evaluation.addRight(network, data, nonzeros, e,
                            e.phase == EpochRun.Phase.TEST_ACCURACY ? e.confusion : null);
                }
                if (e.nextRow >= data.size()) {
                    double share = data.size() == 0 ? Double.NaN : e.sum / data.size();
                    if (e.phase == EpochRun.Phase.TRAIN_ACCURACY) {
                        e.trainAccuracy = share;
                        e.next(EpochRun.Phase.TEST_ACCURACY);
                    } else {
                        testConfusion = e.confusion;
                        return finish(new EpochResult(epoch + 1, e.lossSum / e.samples, e.testLoss, e.trainAccuracy,
                                share));
                    }
                }
                break;
            default:
                throw new AssertionError(e.phase);
        }
        return null;
    }

    /** Ends the epoch in progress: it counts from now on (a snapshot between its units shows the one before). */
    private EpochResult finish(EpochResult r) {
        epoch = r.epoch();
        current = null;
        if (pendingBatching != null) {
            TrainingConfig b = pendingBatching;
            pendingBatching = null;
            loader.configure(b.batchSize(), b.shuffle(), b.dropLast());
        }
        return r;
    }

    private EpochRun beginEpoch() {
        if (!config.streaming() && train.size() == 0) {
            throw new IllegalStateException("there are no training samples to train on");
        }
        int batches = 1;
        if (!config.streaming()) {
            loader.startEpoch();
            batches = loader.batchCount();
            if (config.stepLimit() > 0) {
                batches = (int) Math.max(0, Math.min(batches, config.stepLimit() - steps));
                if (batches == 0) {
                    throw new IllegalStateException("the run has taken its " + config.stepLimit() + " steps");
                }
            }
        }
        run.begin(batches);
        return run;
    }

    /**
     * The share of {@code data}'s samples whose largest output is at their class (their one-hot
     * target's 1); NaN for no samples. The forward passes go in chunks of 256 rows.
     */
    public double accuracy(Dataset data) {
        return evaluation.first().accuracy(network, data);
    }

    /** forward, loss, backward, update on the current batch; returns Σ per-sample losses. */
    private double step() {
        steps++;
        DMatrixRMaj prediction = network.forward(batchX, batchInputs);
        double lossSum = config.loss().forwardBackward(prediction, batchY, predictionGradient);
        network.backward(predictionGradient);
        network.step(optimizer); // muted units' outgoing weights stay at zero
        return lossSum;
    }

    private void drawStreamingBatch() {
        DataSpec.FunctionData f = (DataSpec.FunctionData) config.data();
        int rows = config.batchSize();
        Matrices.shape(batchX, rows, 1);
        Matrices.shape(batchY, rows, 1);
        for (int r = 0; r < rows; r++) {
            batchX.data[r] = f.drawX(dataRandom);
        }
        for (int r = 0; r < rows; r++) {
            batchY.data[r] = f.label(batchX.data[r], dataRandom);
        }
    }

    /**
     * The stream a trainer of this seed draws its data from, before it draws anything: with it,
     * {@link DataSpec.Plane#pointSets} gives the points the trainer trains on.
     */
    public static java.util.random.RandomGenerator dataStream(long seed) {
        return new SplittableRandom(seed).split();
    }

    /**
     * Replaces the samples with points of the plane clicked in or out, as {@link #setSamples}
     * does, the config's data becoming {@code points}.
     */
    public void setPoints(DataSpec.PlanePoints points) {
        DataSpec.Samples s = points.make(dataRandom, () -> false); // draws nothing: the points are given
        setSamples(s.train(), s.test());
        config = config.withData(points);
    }

    /**
     * Replaces the samples (points clicked in or out), keeping the network, the optimizer's state,
     * the epoch count and the batching; the config's data becomes these samples.
     *
     * @throws IllegalArgumentException for streamed data (it has no fixed samples) or samples of
     *                                  another shape than the network's
     */
    public void setSamples(Dataset newTrain, Dataset newTest) {
        if (config.streaming()) {
            throw new IllegalArgumentException("streamed data has no fixed samples to edit");
        }
        for (Dataset d : new Dataset[] {newTrain, newTest}) {
            if (d.x().numCols != train.x().numCols || d.y().numCols != train.y().numCols) {
                throw new IllegalArgumentException("samples of " + d.x().numCols + " → " + d.y().numCols
                        + " values do not fit the network's " + train.x().numCols + " → " + train.y().numCols);
            }
        }
        config = config.withData(new DataSpec.GivenData(newTrain, newTest));
        train = newTrain;
        test = newTest;
        trainNonzeros = SparseRows.ofInputs(train.x());
        testNonzeros = SparseRows.ofInputs(test.x());
        loader = new BatchLoader(Math.max(train.size(), 1), config.batchSize(), config.shuffle(), config.dropLast(),
                shuffleRandom);
        loader.setReplacement(config.replacement());
        // an epoch in progress was over the old samples: it is dropped (its batching is the config's)
        current = null;
        pendingBatching = null;
    }

    /** Mean per-sample loss of the current network over a dataset; NaN for an empty one. */
    public double evaluate(Dataset data) {
        return evaluation.first().meanLoss(network, config.loss(), data);
    }

    /** The network's predictions for single inputs, as a new array. */
    public double[] predict(double[] xs) {
        return network.predict(Matrices.column(xs)).data.clone();
    }

    /** Replaces the optimizer's hyperparameters from the next step on; its state is kept. */
    public void setOptimizer(OptimizerConfig newConfig) {
        optimizer.setConfig(newConfig);
        config = config.withOptimizer(newConfig);
    }

    /** Changes the learning rate from the next step on; the optimizer state is kept. */
    public void setLearningRate(double learningRate) {
        setOptimizer(config.optimizer().withLearningRate(learningRate));
    }

    /** Steps taken so far. */
    public long steps() {
        return steps;
    }

    /** Steps in an epoch with the current batching (one in streaming mode). */
    public int stepsPerEpoch() {
        return config.streaming() ? 1 : loader.batchCount();
    }

    /**
     * A new step limit (0: none); the run ends when it has taken that many steps.
     *
     * @throws IllegalArgumentException if {@code limit} is negative
     */
    public void setStepLimit(long limit) {
        config = config.withStepLimit(limit);
    }

    /** Changes batching from the next epoch on. */
    public void setBatching(int batchSize, boolean shuffle, boolean dropLast) {
        TrainingConfig changed = config.withBatching(batchSize, shuffle, dropLast);
        if (current != null) {
            pendingBatching = changed; // the epoch in progress keeps its batches
        } else {
            loader.configure(batchSize, shuffle, dropLast);
        }
        config = changed;
    }

    /**
     * Resizes hidden layer {@code index} keeping every learned weight and the optimizer state of
     * the units that stay (see {@link Network#resizeHidden}); the prediction does not change when
     * growing.
     */
    public void resizeHidden(int index, int units) {
        // resize the unmuted weights, then mute again the units that are still there
        List<Network.Unit> mutes = network.mutedUnits();
        network.unmuteAll();
        Network resized = network.resizeHidden(index, units, config.weightInit(), config.biasInit(), weightRandom);
        resized.muteWhereTheyExist(mutes);
        optimizer = optimizer.rebind(resized.parameters());
        network = resized;
        config = config.withNetwork(resized.spec());
    }

    /**
     * Mutes or un-mutes a hidden unit (see {@link Network#mute}); the optimizer state is kept.
     *
     * @throws IllegalArgumentException if there is no such hidden unit
     */
    public void setMuted(Network.Unit unit, boolean mute) {
        if (mute) {
            network.mute(unit);
        } else {
            network.unmute(unit);
        }
    }

    /** Changes a layer's activation keeping the weights. */
    public void setActivation(int index, Activation activation) {
        network.setActivation(index, activation);
        config = config.withNetwork(network.spec());
    }

    public TrainingConfig config() {
        return config;
    }

    /** The live network (read it between epochs only, from the training thread). */
    public Network network() {
        return network;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public Dataset trainData() {
        return train;
    }

    public Dataset testData() {
        return test;
    }

    /**
     * Counts {@code epochs} as already trained, as when a saved run is reopened with its weights:
     * the next epoch is epoch + 1. Nothing else changes.
     */
    public void continueFrom(int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs trained must be 0 or more, got " + epochs);
        }
        epoch = epochs;
        steps = (long) epochs * loader.batchCount();
        current = null;
    }

    /**
     * The test set's confusion, counts[true class][predicted class], as the last finished epoch's
     * accuracy pass counted it: of the network as that epoch ended, unless something changed it
     * between that pass's chunks or since (which the caller knows). Null before a classifier's
     * first epoch. A new array each epoch: the caller may keep it.
     */
    public int[][] testConfusion() {
        return testConfusion;
    }

    /** Epochs run so far. */
    public int epoch() {
        return epoch;
    }
}
