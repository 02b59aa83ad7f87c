package org.backpropstudio.engine;

import java.util.Objects;

/**
 * Everything that determines a training run, as one value: with the same config a run is the
 * same, bit for bit.
 *
 * @param network    the architecture
 * @param weightInit how weights start
 * @param biasInit   how biases start
 * @param loss       the loss and its reduction
 * @param optimizer  the optimizer's hyperparameters
 * @param batchSize  samples per step, ≥ 1; 0 means the full training set
 * @param shuffle    a new sample order every epoch
 * @param dropLast   skip an epoch's last, smaller batch
 * @param epochs     how many epochs (in streaming mode: steps) a full run has
 * @param seed       the one seed for data, initial weights and shuffling
 * @param data       where the samples come from
 * @param replacement every batch drawn with replacement from the whole training set (the digit
 *                   tutorial's {@code np.random.choice}), ⌊n / batch⌋ of them an epoch; shuffle and
 *                   drop-last then have no say
 * @param stepLimit  the run ends after this many steps, in the middle of its last epoch if need be
 *                   (the digit tutorial's 5 000 steps are 138 epochs and 32 steps); 0: whole epochs
 */
public record TrainingConfig(NetworkSpec network, Initializer weightInit, Initializer biasInit, Loss loss,
                             OptimizerConfig optimizer, int batchSize, boolean shuffle, boolean dropLast,
                             int epochs, long seed, DataSpec data, boolean replacement, long stepLimit) {

    /** Batches without replacement: in order or shuffled. */
    public TrainingConfig(NetworkSpec network, Initializer weightInit, Initializer biasInit, Loss loss,
                          OptimizerConfig optimizer, int batchSize, boolean shuffle, boolean dropLast, int epochs,
                          long seed, DataSpec data) {
        this(network, weightInit, biasInit, loss, optimizer, batchSize, shuffle, dropLast, epochs, seed, data, false, 0);
    }

    public TrainingConfig {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(weightInit, "weightInit");
        Objects.requireNonNull(biasInit, "biasInit");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(data, "data");
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size must be ≥ 1 (or 0 for the full batch), got " + batchSize);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be ≥ 0, got " + epochs);
        }
        if (stepLimit < 0) {
            throw new IllegalArgumentException("the step limit must be ≥ 0, got " + stepLimit);
        }
        if (data instanceof DataSpec.FunctionData f && f.streaming() && batchSize < 1) {
            throw new IllegalArgumentException("streaming data needs a batch size ≥ 1");
        }
    }

    public TrainingConfig withNetwork(NetworkSpec n) {
        return new TrainingConfig(n, weightInit, biasInit, loss, optimizer, batchSize, shuffle, dropLast, epochs,
                seed, data, replacement, stepLimit);
    }

    public TrainingConfig withOptimizer(OptimizerConfig o) {
        return new TrainingConfig(network, weightInit, biasInit, loss, o, batchSize, shuffle, dropLast, epochs, seed,
                data, replacement, stepLimit);
    }

    public TrainingConfig withBatching(int newBatchSize, boolean newShuffle, boolean newDropLast) {
        return new TrainingConfig(network, weightInit, biasInit, loss, optimizer, newBatchSize, newShuffle, newDropLast,
                epochs, seed, data, replacement, stepLimit);
    }

    public TrainingConfig withEpochs(int e) {
        return new TrainingConfig(network, weightInit, biasInit, loss, optimizer, batchSize, shuffle, dropLast, e,
                seed, data, replacement, stepLimit);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(network, weightInit, biasInit, loss, optimizer, batchSize, shuffle, dropLast,
                epochs, s, data, replacement, stepLimit);
    }

    public TrainingConfig withData(DataSpec d) {
        return new TrainingConfig(network, weightInit, biasInit, loss, optimizer, batchSize, shuffle, dropLast,
                epochs, seed, d, replacement, stepLimit);
    }

    public TrainingConfig withLoss(Loss l) {
        return new TrainingConfig(network, weightInit, biasInit, l, optimizer, batchSize, shuffle, dropLast, epochs,
                seed, data, replacement, stepLimit);
    }

    /** The same setup with its batches drawn with replacement, or not. */
    public TrainingConfig withReplacement(boolean r) {
        return new TrainingConfig(network, weightInit, biasInit, loss, optimizer, batchSize, shuffle, dropLast,
                epochs, seed,
                data, r, stepLimit);
    }

    /** The same setup ending after {@code steps} steps (0: after its epochs). */
    public TrainingConfig withStepLimit(long steps) {
        return new TrainingConfig(network, weightInit, biasInit, loss, optimizer, batchSize, shuffle, dropLast, epochs, seed,
                data, replacement, steps);
    }

    /** True when every step draws a fresh batch (one step per epoch). */
    public boolean streaming() {
        return data instanceof DataSpec.FunctionData f && f.streaming();
    }
}
