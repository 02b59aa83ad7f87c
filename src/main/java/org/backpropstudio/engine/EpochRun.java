package org.backpropstudio.engine;

/** How far the epoch in progress has come. */
final class EpochRun {
    enum Phase { TRAIN, TEST_LOSS, TRAIN_ACCURACY, TEST_ACCURACY }

    int batches;
    Phase phase = Phase.TRAIN;
    int nextBatch;
    double lossSum;
    int samples;
    /** The evaluation phase's next row and running sum (of losses, or of right answers). */
    int nextRow;
    double sum;
    double testLoss = Double.NaN;
    double trainAccuracy = Double.NaN;
    /** The test accuracy pass's counts, confusion[true class][predicted class] (null before that pass). */
    int[][] confusion;

    /** Starts an epoch of {@code n} steps (one object serves every epoch: a step allocates nothing). */
    void begin(int n) {
        batches = n;
        phase = Phase.TRAIN;
        nextBatch = 0;
        lossSum = 0;
        samples = 0;
        nextRow = 0;
        sum = 0;
        testLoss = Double.NaN;
        trainAccuracy = Double.NaN;
        confusion = null;
    }

    void next(Phase p) {
        phase = p;
        nextRow = 0;
        sum = 0;
    }
}
