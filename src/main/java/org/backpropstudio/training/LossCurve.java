package org.backpropstudio.training;

import java.util.Arrays;

/**
 * The loss history for display, in bounded memory however long training runs. Epochs are kept
 * in buckets of {@code stride} consecutive epochs; each bucket holds the minimum and maximum of
 * the train and test loss, so spikes stay visible. When the buckets are full, neighbours merge
 * and the stride doubles.
 */
public final class LossCurve {

    /** Buckets kept at most; memory is a few arrays of this length. */
    public static final int CAPACITY = 2048;

    private final int[] firstEpoch = new int[CAPACITY];
    private final double[] trainMin = new double[CAPACITY];
    private final double[] trainMax = new double[CAPACITY];
    private final double[] testMin = new double[CAPACITY];
    private final double[] testMax = new double[CAPACITY];
    private int size;
    private int stride = 1;
    private int inLastBucket;

    /** Records one epoch (epochs must arrive in order). */
    public void add(int epoch, double train, double test) {
        if (size > 0 && inLastBucket < stride) {
            int b = size - 1;
            trainMin[b] = min(trainMin[b], train);
            trainMax[b] = max(trainMax[b], train);
            testMin[b] = min(testMin[b], test);
            testMax[b] = max(testMax[b], test);
            inLastBucket++;
            return;
        }
        if (size == CAPACITY) {
            mergePairs();
        }
        firstEpoch[size] = epoch;
        trainMin[size] = train;
        trainMax[size] = train;
        testMin[size] = test;
        testMax[size] = test;
        size++;
        inLastBucket = 1;
    }

    /** Called when every bucket is full: halves the buckets, each now twice as wide and full. */
    private void mergePairs() {
        int merged = 0;
        for (int b = 0; b < size; b += 2) {
            firstEpoch[merged] = firstEpoch[b];
            trainMin[merged] = b + 1 < size ? min(trainMin[b], trainMin[b + 1]) : trainMin[b];
            trainMax[merged] = b + 1 < size ? max(trainMax[b], trainMax[b + 1]) : trainMax[b];
            testMin[merged] = b + 1 < size ? min(testMin[b], testMin[b + 1]) : testMin[b];
            testMax[merged] = b + 1 < size ? max(testMax[b], testMax[b + 1]) : testMax[b];
            merged++;
        }
        size = merged;
        stride *= 2;
        inLastBucket = stride;
    }

    // NaN and ±∞ lose to finite values, so one diverged epoch does not hide the rest
    private static double min(double a, double b) {
        return !Double.isFinite(a) ? b : !Double.isFinite(b) ? a : Math.min(a, b);
    }

    private static double max(double a, double b) {
        return !Double.isFinite(a) ? b : !Double.isFinite(b) ? a : Math.max(a, b);
    }

    /**
     * The buckets of a saved curve, to go on adding to: each bucket {@code view.epoch()[i]} wide by
     * the distance to the next, the last one holding the epochs up to {@code lastEpoch}. A curve
     * that is not such a sequence (too long, epochs not rising evenly) is not taken: the curve is
     * left empty, and the run goes on without its past.
     */
    public void restore(View view, int lastEpoch) {
        clear();
        int n = view.size();
        if (n == 0 || n > CAPACITY) {
            return;
        }
        int step = n > 1 ? view.epoch()[1] - view.epoch()[0] : Math.max(1, lastEpoch - view.epoch()[0] + 1);
        for (int i = 1; i < n; i++) {
            if (view.epoch()[i] - view.epoch()[i - 1] != step) {
                return;
            }
        }
        int inLast = lastEpoch - view.epoch()[n - 1] + 1;
        if (step < 1 || inLast < 1 || inLast > step) {
            return;
        }
        System.arraycopy(view.epoch(), 0, firstEpoch, 0, n);
        System.arraycopy(view.trainMin(), 0, trainMin, 0, n);
        System.arraycopy(view.trainMax(), 0, trainMax, 0, n);
        System.arraycopy(view.testMin(), 0, testMin, 0, n);
        System.arraycopy(view.testMax(), 0, testMax, 0, n);
        size = n;
        stride = step;
        inLastBucket = inLast;
    }

    public void clear() {
        size = 0;
        stride = 1;
        inLastBucket = 0;
    }

    /** Number of buckets. */
    public int size() {
        return size;
    }

    /** Epochs per bucket. */
    public int stride() {
        return stride;
    }

    /** An immutable copy for a snapshot. */
    public View view() {
        return new View(Arrays.copyOf(firstEpoch, size), Arrays.copyOf(trainMin, size), Arrays.copyOf(trainMax, size),
                Arrays.copyOf(testMin, size), Arrays.copyOf(testMax, size));
    }

    /**
     * A copy of the buckets: bucket i starts at epoch {@code epoch[i]} and holds the extremes of
     * the train and test loss over its epochs.
     */
    public record View(int[] epoch, double[] trainMin, double[] trainMax, double[] testMin, double[] testMax) {
        public static final View EMPTY = new View(new int[0], new double[0], new double[0], new double[0], new double[0]);

        public int size() {
            return epoch.length;
        }
    }
}
