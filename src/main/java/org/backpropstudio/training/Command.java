package org.backpropstudio.training;

import java.util.List;
import org.backpropstudio.engine.Activation;
import org.backpropstudio.engine.NetworkSpec;
import org.backpropstudio.engine.OptimizerConfig;
import org.backpropstudio.engine.TrainingConfig;

/**
 * What the UI (or a test, or the CLI) asks the training service to do. Commands are queued and
 * applied on the training thread between epochs, in the order given.
 */
public sealed interface Command {

    /** Start (or continue) training at the current speed. */
    record Play() implements Command { }

    /** Stop after the current epoch. */
    record Pause() implements Command { }

    /** Run exactly one epoch, then pause. */
    record Step() implements Command { }

    /** Re-initialize data and weights from the seed; the history starts again. */
    record Reset() implements Command { }

    /** New hyperparameters for the optimizer, from the next step on; its state is kept. */
    record SetOptimizer(OptimizerConfig optimizer) implements Command { }

    /** New batching from the next epoch on. */
    record SetBatching(int batchSize, boolean shuffle, boolean dropLast) implements Command { }

    /** A new limit of epochs; training stops there (and may continue when it is raised). */
    record SetEpochLimit(int epochs) implements Command { }

    /**
     * After a finished run: {@code epochs} more, at once. A step limit that would end them sooner
     * (the digit tutorial's 5 000 steps) moves with them.
     */
    record TrainMore(int epochs) implements Command { }

    /** Hidden layer {@code index} gets {@code units} units, keeping every learned weight. */
    record ResizeLayer(int index, int units) implements Command { }

    /** Layer {@code index} gets another activation, keeping its weights. */
    record SetActivation(int index, Activation activation) implements Command { }

    /**
     * A setup that cannot be applied to the running network (layers added or removed, another
     * loss, data or seed, a preset): training restarts from the seed with it.
     *
     * @param reason what changed, in the user's words, shown in the status bar
     */
    record Reconfigure(TrainingConfig config, String reason) implements Command { }

    /**
     * Replaces the network with given parameters (an imported weights file): training restarts
     * at epoch 0 from these weights, on the same data. Refused, with the reason, when the
     * parameters do not fit the architecture or the data.
     *
     * @param weights weights[k] is layer k's W as rows (in × out)
     * @param biases  biases[k] is layer k's b, or null for a layer without bias
     * @param source  where they came from, for the status bar ("net.weights.json")
     */
    record LoadNetwork(NetworkSpec network, List<double[][]> weights, List<double[]> biases, String source)
            implements Command { }

    /**
     * Goes on from where a saved run was (sent after the saved weights were loaded): the epoch
     * count, the loss history and the change markers as they were, paused. The optimizer's state
     * (velocities, moments) and the shuffling stream are not saved, so the epochs that follow are
     * those of a run resumed from these weights, not bit for bit the ones the saved run would have
     * trained next.
     *
     * @param epoch     epochs the saved run had trained
     * @param trainLoss its last epoch's train loss (NaN if unknown)
     * @param testLoss  its last epoch's test loss (NaN if unknown)
     * @param history   its loss curve as saved
     * @param markers   its change markers, oldest first
     */
    record RestoreProgress(int epoch, double trainLoss, double testLoss, LossCurve.View history, List<Marker> markers)
            implements Command { }

    /**
     * Compares backprop's gradients with central differences on the current weights and the
     * first {@code samples} training samples; the report arrives in the next snapshot.
     */
    record CheckGradients(int samples) implements Command { }

    /** Epochs per second; {@link Double#POSITIVE_INFINITY} for as fast as possible. */
    record SetSpeed(double epochsPerSecond) implements Command { }

    /**
     * Opens the backprop inspector on the training sample nearest to {@code x} (a test sample when
     * training data is streamed): the trace arrives in the next snapshot and is recomputed after
     * every step and every change while paused; while training it stays as it was until asked
     * again.
     */
    record Inspect(double x) implements Command { }

    /**
     * Opens (or moves, or refreshes) the backprop inspector on sample {@code index} of the training
     * set, or of the test set if {@code test}: a classifier's samples are picked by index (a digit,
     * a point of the plane), not by x.
     */
    record InspectSample(int index, boolean test) implements Command { }

    /** Closes the inspector: no more traces. */
    record StopInspecting() implements Command { }

    /**
     * Adds a sample where the user clicked, to the test set if {@code test}, else to the training
     * set; training goes on from the weights it has (the data becomes a table of samples).
     */
    record AddSample(double x, double y, boolean test) implements Command { }

    /** Removes the training or test sample nearest to (x, y). */
    record RemoveSample(double x, double y) implements Command { }

    /**
     * Adds a point of class {@code label} where the user clicked in the plane, to the test set if
     * {@code test}; training goes on from the weights it has (the data becomes the points as they are).
     */
    record AddPlanePoint(double x1, double x2, int label, boolean test) implements Command { }

    /** Removes the training or test point of the plane nearest to (x₁, x₂). */
    record RemovePlanePoint(double x1, double x2) implements Command { }

    /**
     * Reads an input drawn by the user (the drawing pad's 28 × 28 digit) with the live network:
     * each snapshot then carries its class probabilities, until another or null replaces it.
     */
    record ReadDrawing(double[] input) implements Command { }

    /** Removes every sample: training waits until points are clicked in. */
    record ClearSamples() implements Command { }

    /** Mutes a hidden unit (its outgoing weights held at zero) or gives them back. */
    record SetMuted(HiddenUnit unit, boolean muted) implements Command { }
}
