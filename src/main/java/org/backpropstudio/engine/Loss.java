package org.backpropstudio.engine;

import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * A loss: the per-sample loss {@link LossKind} and the {@link Reduction} that turns a batch of
 * per-sample losses into the minimized value {@code L}.
 */
public record Loss(LossKind kind, Reduction reduction) {

    public Loss {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reduction, "reduction");
    }

    /**
     * Computes the per-sample losses of a batch and the gradient of the reduced loss.
     *
     * <pre>
     * ℓᵢ = kind(Pᵢ, Yᵢ)                     per sample i
     * L  = Σᵢ ℓᵢ  or  (1/batch)·Σᵢ ℓᵢ
     * dP = ∂L/∂P                            (batch × out)
     * </pre>
     *
     * @param predictions P (batch × out). Not modified.
     * @param targets     Y (batch × out). Not modified.
     * @param dP          ∂L/∂P, reshaped to (batch × out). Modified.
     * @return Σᵢ ℓᵢ, the sum of the per-sample losses (whatever the reduction)
     */
    public double forwardBackward(DMatrixRMaj predictions, DMatrixRMaj targets, DMatrixRMaj dP) {
        checkSameShape(predictions, targets);
        int batch = predictions.numRows;
        int width = predictions.numCols;
        Matrices.shape(dP, batch, width);
        double[] p = predictions.data;
        double[] y = targets.data;
        double[] g = dP.data;
        double sum = 0;
        for (int i = 0; i < batch; i++) {
            sum += kind.sample(p, y, i * width, width, g);
        }
        if (reduction == Reduction.MEAN && batch > 1) {
            double scale = 1.0 / batch;
            int n = batch * width;
            for (int k = 0; k < n; k++) {
                g[k] *= scale;
            }
        }
        return sum;
    }

    /**
     * Σᵢ ℓᵢ over a batch without the gradient.
     *
     * @param predictions P (batch × out). Not modified.
     * @param targets     Y (batch × out). Not modified.
     */
    public double sumOfSampleLosses(DMatrixRMaj predictions, DMatrixRMaj targets) {
        checkSameShape(predictions, targets);
        int width = predictions.numCols;
        double sum = 0;
        for (int i = 0; i < predictions.numRows; i++) {
            sum += kind.sample(predictions.data, targets.data, i * width, width, null);
        }
        return sum;
    }

    /** The reduced loss L of a batch: the sum, or the mean, of its per-sample losses. */
    public double reduce(double sumOfSampleLosses, int batch) {
        return reduction == Reduction.MEAN ? sumOfSampleLosses / batch : sumOfSampleLosses;
    }

    private static void checkSameShape(DMatrixRMaj predictions, DMatrixRMaj targets) {
        if (predictions.numRows != targets.numRows || predictions.numCols != targets.numCols) {
            throw new IllegalArgumentException("predictions are (" + predictions.numRows + " × "
                    + predictions.numCols + ") but targets are (" + targets.numRows + " × "
                    + targets.numCols + ")");
        }
    }

    @Override
    public String toString() {
        return kind.wireName() + " (" + reduction.wireName() + ")";
    }
}
