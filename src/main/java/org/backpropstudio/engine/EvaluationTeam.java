package org.backpropstudio.engine;

/**
 * An epoch's evaluation passes (the test loss, a classifier's training and test accuracy), several
 * chunks at once, one per core, when a chunk's products are large enough to pay for handing it to
 * another thread (the digits: 256 rows through 784 → 64 → 32 → 10, 13 million multiply-adds);
 * else one chunk at a time on the calling thread.
 *
 * <h2>Why the bits stay the same</h2>
 * Each chunk is run as one {@link Evaluator} runs it: every row's prediction is its own, whichever
 * thread makes it and whichever matrices hold it ({@link Network#forwardInto}). The chunks' loss
 * sums are added to the pass's sum one by one in the chunks' order, as one chunk per unit adds them;
 * right answers and the confusion matrix are counts.
 */
final class EvaluationTeam {

    /** Multiply-adds of a chunk from which it goes to a core of its own. */
    static final long CHUNK_WORK = MatrixKernels.PARALLEL_WORK;

    /** The most bytes of matrices an evaluator of the team may have of its own. */
    static final long MAX_OWN_BYTES = 32L << 20;

    /** The first chunk's evaluator, on the calling thread, through the layers' own matrices. */
    private final Evaluator first = new Evaluator();
    /** The other chunks' (one per core but the caller's), with matrices of their own. */
    private final Evaluator[] others = new Evaluator[Math.max(0, RowTasks.cores() - 1)];
    /** Each chunk's result in a unit: its loss sum, or its right answers. */
    private final double[] results = new double[RowTasks.cores()];
    /**
     * The helpers' chunks' confusion counts, [chunk][true class][predicted class]; the first chunk
     * counts into the pass's own.
     */
    private int[][][] confusions = new int[0][][];

    EvaluationTeam() {
        for (int i = 0; i < others.length; i++) {
            others[i] = Evaluator.withOwnMatrices(); // its matrices grow at its first chunk
        }
    }

    /** The evaluator for whole-set passes outside an epoch ({@link Evaluator#meanLoss}, accuracy). */
    Evaluator first() {
        return first;
    }

    /**
     * Adds the loss sums of the next chunks of {@code data} from {@code e.nextRow} to {@code e.sum},
     * in order, and moves {@code e.nextRow} past them.
     *
     * @param nonzeros the data's inputs' nonzeros ({@link SparseRows#ofInputs}), or null
     */
    void addLossSums(Network network, Loss loss, Dataset data, SparseRows nonzeros, EpochRun e) {
        int chunks = chunks(network, data, e.nextRow);
        int start = e.nextRow;
        if (chunks == 1) { // on this thread, allocating nothing
            e.sum += first.lossSum(network, loss, data, nonzeros, start, Evaluator.rows(data, start));
            e.nextRow = start + Evaluator.rows(data, start);
            return;
        }
        RowTasks.run(chunks, (from, to) -> {
            for (int c = from; c < to; c++) {
                int at = start + c * Evaluator.CHUNK;
                results[c] = evaluator(c).lossSum(network, loss, data, nonzeros, at, Evaluator.rows(data, at));
            }
        });
        for (int c = 0; c < chunks; c++) {
            e.sum += results[c];
        }
        e.nextRow = Math.min(data.size(), start + chunks * Evaluator.CHUNK);
    }

    /**
     * Adds the right answers of the next chunks of {@code data} from {@code e.nextRow} to
     * {@code e.sum}, and each sample to {@code confusion[true class][predicted class]} when it is
     * not null; moves {@code e.nextRow} past them.
     *
     * @param nonzeros the data's inputs' nonzeros ({@link SparseRows#ofInputs}), or null
     */
    void addRight(Network network, Dataset data, SparseRows nonzeros, EpochRun e, int[][] confusion) {
        int chunks = chunks(network, data, e.nextRow);
        int start = e.nextRow;
        if (chunks == 1) { // on this thread, allocating nothing
            e.sum += first.right(network, data, nonzeros, start, Evaluator.rows(data, start), confusion);
            e.nextRow = start + Evaluator.rows(data, start);
            return;
        }
        if (confusion != null) {
            zeroConfusions(chunks, confusion.length);
        }
        RowTasks.run(chunks, (from, to) -> {
            for (int c = from; c < to; c++) {
                int at = start + c * Evaluator.CHUNK;
                int[][] counts = confusion == null ? null : c == 0 ? confusion : confusions[c];
                results[c] = evaluator(c).right(network, data, nonzeros, at, Evaluator.rows(data, at), counts);
            }
        });
        for (int c = 0; c < chunks; c++) {
            e.sum += results[c];
            if (confusion != null && c > 0) {
                add(confusions[c], confusion);
            }
        }
        e.nextRow = Math.min(data.size(), start + chunks * Evaluator.CHUNK);
    }

    /** How many chunks from {@code start} go at once: one per core when they pay for it, else one. */
    private int chunks(Network network, Dataset data, int start) {
        int left = (data.size() - start + Evaluator.CHUNK - 1) / Evaluator.CHUNK;
        int cores = RowTasks.cores();
        if (left <= 1 || cores <= 1) {
            return Math.min(left, 1);
        }
        long work = 0;
        long ownDoubles = (long) network.inputs() + network.outputs();
        for (DenseLayer layer : network.layers()) {
            work += (long) layer.inputs() * layer.units();
            ownDoubles += 2L * layer.units();
        }
        boolean pays = Evaluator.CHUNK * work >= CHUNK_WORK
                && (long) Double.BYTES * Evaluator.CHUNK * ownDoubles <= MAX_OWN_BYTES;
        return pays ? Math.min(left, cores) : 1;
    }

    private Evaluator evaluator(int chunk) {
        return chunk == 0 ? first : others[chunk - 1];
    }

    private void zeroConfusions(int chunks, int classes) {
        if (confusions.length < chunks || (chunks > 1 && confusions[1].length != classes)) {
            confusions = new int[Math.max(chunks, results.length)][classes][classes];
        }
        for (int c = 1; c < chunks; c++) {
            for (int[] row : confusions[c]) {
                java.util.Arrays.fill(row, 0);
            }
        }
    }

    private static void add(int[][] counts, int[][] into) {
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts[i].length; j++) {
                into[i][j] += counts[i][j];
            }
        }
    }
}
