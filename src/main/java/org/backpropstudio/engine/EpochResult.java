package org.backpropstudio.engine;

/**
 * What one epoch reports.
 *
 * @param epoch     1 for the first epoch
 * @param trainLoss mean of the per-sample losses computed in this epoch's forward passes, each
 *                  before its update
 * @param testLoss  mean per-sample loss over the test set after the epoch (NaN without a test set)
 */
public record EpochResult(int epoch, double trainLoss, double testLoss) {
    // whether an epoch has diverged is Divergence's to say (a loss can explode while finite)
}
