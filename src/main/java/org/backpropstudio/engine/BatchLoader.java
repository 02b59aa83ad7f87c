package org.backpropstudio.engine;

import java.util.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;

/**
 * Splits a dataset into batches: in order or shuffled (a fresh seeded permutation every epoch),
 * with the last, smaller batch kept or dropped; or draws every batch with replacement from the
 * whole set, ⌊n / batch⌋ batches an epoch.
 */
public final class BatchLoader {

    private final int size;
    private int batchSize;
    private boolean shuffle;
    private boolean dropLast;
    private boolean replacement;
    private final RandomGenerator random;
    private final int[] order;

    /**
     * @param size      number of samples
     * @param batchSize samples per batch, 1..size; 0 or anything ≥ size means the full batch
     * @param random    the shuffle stream
     */
    public BatchLoader(int size, int batchSize, boolean shuffle, boolean dropLast, RandomGenerator random) {
        this.size = size;
        this.random = random;
        this.order = new int[size];
        configure(batchSize, shuffle, dropLast);
        resetOrder();
    }

    /** Changes the batching; takes effect at the next epoch. */
    public void configure(int newBatchSize, boolean newShuffle, boolean newDropLast) {
        if (newBatchSize < 0) {
            throw new IllegalArgumentException("batch size must be ≥ 1 (or 0 for the full batch), got " + newBatchSize);
        }
        this.batchSize = newBatchSize == 0 || newBatchSize > size ? size : newBatchSize;
        this.shuffle = newShuffle;
        this.dropLast = newDropLast;
    }

    /**
     * Draws every batch with replacement from now on (or not); takes effect at the next epoch.
     * Each index of an epoch is then {@code random.nextInt(n)}, as {@code np.random.choice(n, batch)}
     * draws them step after step.
     */
    public void setReplacement(boolean on) {
        this.replacement = on;
    }

    /**
     * Starts an epoch: n indices drawn with replacement; or a new permutation when shuffling
     * (Fisher–Yates), else 0, 1, ..., n−1.
     */
    public void startEpoch() {
        if (replacement) {
            for (int i = 0; i < size; i++) {
                order[i] = random.nextInt(size);
            }
            return;
        }
        resetOrder();
        if (shuffle) {
            for (int i = size - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
    }

    private void resetOrder() {
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
    }

    /** Batches in one epoch. */
    public int batchCount() {
        return dropLast || replacement ? size / batchSize : (size + batchSize - 1) / batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    /**
     * Copies batch {@code b} of the current epoch.
     *
     * @param data the samples. Not modified.
     * @param x    reshaped to (rows × in). Modified.
     * @param y    reshaped to (rows × out). Modified.
     */
    public void fill(int b, Dataset data, DMatrixRMaj x, DMatrixRMaj y) {
        int start = b * batchSize;
        int rows = Math.min(batchSize, size - start);
        copyRows(data.x(), start, rows, x);
        copyRows(data.y(), start, rows, y);
    }

    /**
     * As {@link #fill}, but X as its nonzeros: {@code into} gathers them from the data's, and stands
     * for x, which is shaped but not written ({@link SparseRows#gather}).
     *
     * @param of the data's nonzeros ({@link SparseRows#ofInputs}). Not modified.
     */
    void fill(int b, Dataset data, SparseRows of, DMatrixRMaj x, DMatrixRMaj y, SparseRows into) {
        int start = b * batchSize;
        int rows = Math.min(batchSize, size - start);
        Matrices.shape(x, rows, data.x().numCols);
        into.gather(of, order, start, rows, x.data, x.numCols);
        copyRows(data.y(), start, rows, y);
    }

    private void copyRows(DMatrixRMaj from, int start, int rows, DMatrixRMaj to) {
        int cols = from.numCols;
        Matrices.shape(to, rows, cols);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(from.data, order[start + r] * cols, to.data, r * cols, cols);
        }
    }
}
