package org.backpropstudio.engine;

/**
 * What one epoch reports.
 *
 * @param epoch         1 for the first epoch
 * @param trainLoss     mean of the per-sample losses computed in this epoch's forward passes, each
 *                      before its update
 * @param testLoss      mean per-sample loss over the test set after the epoch (NaN without a test set)
 * @param trainAccuracy for a classifier, the share of the whole training set classified right after
 *                      the epoch (as the digit tutorial measures it); NaN for regression
 * @param testAccuracy  for a classifier, the share of the test set classified right after the
 *                      epoch; NaN for regression or without a test set
 */
public record EpochResult(int epoch, double trainLoss, double testLoss, double trainAccuracy, double testAccuracy) {
    // whether an epoch has diverged is Divergence's to say (a loss can explode while finite)

    /** A regression epoch: no accuracies. */
    public EpochResult(int epoch, double trainLoss, double testLoss) {
        this(epoch, trainLoss, testLoss, Double.NaN, Double.NaN);
    }
}
