package org.backpropstudio.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * When training has diverged, and why: one rule for the studio and the command line.
 *
 * <p>An epoch has diverged when its train or test loss is no longer a finite number, or when it is
 * {@link #FACTOR} times the loss the network started from (at least 1): only an exploding step
 * does that, and a huge learning rate with |p − y| or a linear neuron stays finite for many epochs
 * while it explodes.
 *
 * <p>The cause is judged from the start, so the message blames what is wrong: data or initial
 * weights of magnitude beyond {@link #LARGEST_SAFE_VALUE} overflow the loss or its gradients
 * whatever the learning rate; a loss that is not a number before any step is the input's fault
 * too; otherwise the learning rate is too large.
 */
public final class Divergence {

    /** A loss this many times the starting loss (or 1, if larger) counts as diverged. */
    public static final double FACTOR = 1e6;
    /**
     * Inputs, targets and weights beyond this magnitude overflow a squared error (its square root of
     * the largest double is 1.3e154), so a run on them diverges whatever its learning rate.
     */
    public static final double LARGEST_SAFE_VALUE = 1e150;

    /** Why a run diverged. */
    public enum Cause {
        /** The loss was not a finite number before any training step. */
        NOT_FINITE_AT_START,
        /** The data holds values beyond {@link #LARGEST_SAFE_VALUE}. */
        DATA_TOO_LARGE,
        /** The initial weights hold values beyond {@link #LARGEST_SAFE_VALUE}. */
        WEIGHTS_TOO_LARGE,
        /** The steps were too large for this network and data. */
        LEARNING_RATE
    }

    /**
     * A diverged epoch.
     *
     * @param notANumber true when a loss is NaN or infinite, false when it exploded past the factor
     * @param worst      the larger of the epoch's train and test loss
     * @param start      the starting loss the factor applies to
     * @param largest    the largest magnitude in the data or the initial weights, whichever the cause names
     */
    public record Verdict(int epoch, boolean notANumber, double worst, double start, Cause cause, double largest) {
    }

    private final double startingLoss;
    private final boolean finiteAtStart;
    private final double largestData;
    private final double largestWeight;

    private Divergence(double startingLoss, boolean finiteAtStart, double largestData, double largestWeight) {
        this.startingLoss = startingLoss;
        this.finiteAtStart = finiteAtStart;
        this.largestData = largestData;
        this.largestWeight = largestWeight;
    }

    /** The rule for a trainer as it is now, before its next step: its losses and values are the start. */
    public static Divergence at(Trainer trainer) {
        double start = 1;
        boolean finite = true;
        double largestData = 0;
        for (Dataset d : new Dataset[] {trainer.trainData(), trainer.testData()}) {
            if (d.size() == 0) {
                continue;
            }
            double loss = trainer.evaluate(d);
            if (Double.isFinite(loss)) {
                start = Math.max(start, loss);
            } else {
                finite = false;
            }
            largestData = Math.max(largestData, Math.max(largest(d.x()), largest(d.y())));
        }
        double largestWeight = 0;
        for (DenseLayer layer : trainer.network().layers()) {
            largestWeight = Math.max(largestWeight, largest(layer.weights()));
            if (layer.hasBias()) {
                largestWeight = Math.max(largestWeight, largest(layer.bias()));
            }
        }
        return new Divergence(start, finite, largestData, largestWeight);
    }

    /** max(1, the train and test loss) at the start: the scale the factor applies to. */
    public double startingLoss() {
        return startingLoss;
    }

    /**
     * The verdict on an epoch, or null when it has not diverged.
     *
     * @param hasTest whether the test loss counts (there is a test set)
     */
    public Verdict check(EpochResult r, boolean hasTest) {
        boolean notANumber = !Double.isFinite(r.trainLoss()) || hasTest && !Double.isFinite(r.testLoss());
        double worst = Math.max(r.trainLoss(), hasTest ? r.testLoss() : 0);
        if (!notANumber && !(worst > FACTOR * startingLoss)) {
            return null;
        }
        Cause cause;
        double largest = 0;
        if (largestData > LARGEST_SAFE_VALUE) {
            cause = Cause.DATA_TOO_LARGE;
            largest = largestData;
        } else if (largestWeight > LARGEST_SAFE_VALUE) {
            cause = Cause.WEIGHTS_TOO_LARGE;
            largest = largestWeight;
        } else if (!finiteAtStart) {
            cause = Cause.NOT_FINITE_AT_START;
            largest = Math.max(largestData, largestWeight);
        } else {
            cause = Cause.LEARNING_RATE;
        }
        return new Verdict(r.epoch(), notANumber, worst, startingLoss, cause, largest);
    }

    private static double largest(DMatrixRMaj m) {
        double max = 0;
        for (int i = 0; i < m.getNumElements(); i++) {
            max = Math.max(max, Math.abs(m.data[i]));
        }
        return max;
    }
}
