package org.backpropstudio.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * A network's loss and accuracy over a dataset, in chunks of {@link #CHUNK} rows: the work
 * matrices stay small, and an epoch's evaluation can be taken a chunk at a time.
 */
final class Evaluator {

    /** Rows per forward pass. */
    static final int CHUNK = 256;

    /** A chunk's inputs (≤ 256 × in) and targets (≤ 256 × out). */
    private final DMatrixRMaj x = new DMatrixRMaj(1, 1);
    private final DMatrixRMaj y = new DMatrixRMaj(1, 1);

    /** The rows of the chunk of {@code data} that begins at {@code start}. */
    static int rows(Dataset data, int start) {
        return Math.min(CHUNK, data.size() - start);
    }

    /** The chunk's nonzeros, when the data's are known. */
    private final SparseRows xNonzeros = new SparseRows();

    /**
     * Per layer Z and A (rows × units) of this evaluator's own, or null when it runs the chunks
     * through the layers' own matrices ({@link Network#forward}).
     */
    private DMatrixRMaj[] z;
    private DMatrixRMaj[] a;

    /** An evaluator that runs its chunks through the layers' own matrices. */
    Evaluator() {
    }

    /**
     * An evaluator with matrices of its own, which leaves the layers' alone: one of several that
     * take chunks on several threads at once ({@link EvaluationTeam}).
     */
    static Evaluator withOwnMatrices() {
        Evaluator e = new Evaluator();
        e.z = new DMatrixRMaj[0];
        e.a = new DMatrixRMaj[0];
        return e;
    }

    /**
     * Σ ℓᵢ over the {@code rows} samples from {@code start}.
     *
     * @param nonzeros the data's inputs' nonzeros ({@link SparseRows#ofInputs}), or null
     */
    double lossSum(Network network, Loss loss, Dataset data, SparseRows nonzeros, int start, int rows) {
        copyInputs(data, nonzeros, start, rows);
        copyRows(data.y(), start, rows, y);
        return loss.sumOfSampleLosses(forward(network, nonzeros), y);
    }

    /**
     * How many of the {@code rows} samples from {@code start} have their largest output at their class.
     *
     * @param nonzeros the data's inputs' nonzeros ({@link SparseRows#ofInputs}), or null
     */
    int right(Network network, Dataset data, SparseRows nonzeros, int start, int rows) {
        return right(network, data, nonzeros, start, rows, null);
    }

    /**
     * As {@link #right(Network, Dataset, SparseRows, int, int)}, also counting each sample into
     * {@code confusion[true class][predicted class]} when it is not null.
     */
    int right(Network network, Dataset data, SparseRows nonzeros, int start, int rows, int[][] confusion) {
        copyInputs(data, nonzeros, start, rows);
        DMatrixRMaj p = forward(network, nonzeros);
        int classes = data.y().numCols;
        int right = 0;
        for (int r = 0; r < rows; r++) {
            int predicted = Dataset.argmax(p.data, r * classes, classes);
            int label = data.label(start + r);
            if (predicted == label) {
                right++;
            }
            if (confusion != null) {
                confusion[label][predicted]++;
            }
        }
        return right;
    }

    /** Mean per-sample loss over {@code data}; NaN for no samples. */
    double meanLoss(Network network, Loss loss, Dataset data) {
        if (data.size() == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int start = 0; start < data.size(); start += CHUNK) {
            sum += lossSum(network, loss, data, null, start, rows(data, start));
        }
        return sum / data.size();
    }

    /** The share of {@code data} classified right; NaN for no samples. */
    double accuracy(Network network, Dataset data) {
        if (data.size() == 0) {
            return Double.NaN;
        }
        int right = 0;
        for (int start = 0; start < data.size(); start += CHUNK) {
            right += right(network, data, null, start, rows(data, start));
        }
        return (double) right / data.size();
    }

    /**
     * The chunk's inputs into x: copied; or, when the data's nonzeros are known, as theirs, x
     * shaped but not written ({@link SparseRows#gather}).
     */
    private void copyInputs(Dataset data, SparseRows nonzeros, int start, int rows) {
        if (nonzeros == null) {
            copyRows(data.x(), start, rows, x);
        } else {
            Matrices.shape(x, rows, data.x().numCols);
            xNonzeros.gather(nonzeros, null, start, rows, x.data, x.numCols);
        }
    }

    /** The network's output for the chunk in x. */
    private DMatrixRMaj forward(Network network, SparseRows nonzeros) {
        SparseRows given = nonzeros == null ? null : xNonzeros;
        if (z == null) {
            return network.forward(x, given);
        }
        int layers = network.layers().size();
        if (z.length != layers) {
            z = new DMatrixRMaj[layers];
            a = new DMatrixRMaj[layers];
            for (int k = 0; k < layers; k++) {
                z[k] = new DMatrixRMaj(1, 1);
                a[k] = new DMatrixRMaj(1, 1);
            }
        }
        return network.forwardInto(x, given, z, a);
    }

    private static void copyRows(DMatrixRMaj from, int start, int rows, DMatrixRMaj to) {
        Matrices.shape(to, rows, from.numCols);
        System.arraycopy(from.data, start * from.numCols, to.data, 0, rows * from.numCols);
    }
}
