package org.backpropstudio.engine;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;

/** Independent reference computations: textbook loops over get/set, no shared code with the engine. */
final class Naive {

    private Naive() {
    }

    static DMatrixRMaj random(int rows, int cols, Random random) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m.set(i, j, random.nextGaussian());
            }
        }
        return m;
    }

    /** C[i][j] = Σ_p A[i][p]·B[p][j]. */
    static DMatrixRMaj multiply(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj c = new DMatrixRMaj(a.numRows, b.numCols);
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < b.numCols; j++) {
                double s = 0;
                for (int p = 0; p < a.numCols; p++) {
                    s += a.get(i, p) * b.get(p, j);
                }
                c.set(i, j, s);
            }
        }
        return c;
    }

    static DMatrixRMaj transpose(DMatrixRMaj a) {
        DMatrixRMaj t = new DMatrixRMaj(a.numCols, a.numRows);
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                t.set(j, i, a.get(i, j));
            }
        }
        return t;
    }

    /** Largest |a − b| over all entries; fails on a shape mismatch. */
    static double maxDifference(DMatrixRMaj a, DMatrixRMaj b) {
        if (a.numRows != b.numRows || a.numCols != b.numCols) {
            throw new AssertionError("shapes differ: (" + a.numRows + " × " + a.numCols + ") vs (" + b.numRows
                    + " × " + b.numCols + ")");
        }
        double max = 0;
        for (int i = 0; i < a.numRows; i++) {
            for (int j = 0; j < a.numCols; j++) {
                max = Math.max(max, Math.abs(a.get(i, j) - b.get(i, j)));
            }
        }
        return max;
    }

    /** The activation by its textbook formula, written independently of {@link Activation}. */
    static double activation(Activation f, double z) {
        switch (f) {
            case IDENTITY: return z;
            case SIGMOID: return 1 / (1 + Math.exp(-z));
            case TANH: return (Math.exp(z) - Math.exp(-z)) / (Math.exp(z) + Math.exp(-z));
            case RELU: return Math.max(0, z);
            case LEAKY_RELU: return z >= 0 ? z : 0.01 * z;
            case SOFTPLUS: return Math.log(1 + Math.exp(z));
            case SIN: return Math.sin(z);
            case ELU: return z >= 0 ? z : Math.exp(z) - 1;
            default: throw new AssertionError(f);
        }
    }

    /** The per-sample loss by its textbook formula. */
    static double loss(LossKind kind, double[] p, double[] y) {
        double s = 0;
        switch (kind) {
            case MSE:
                for (int k = 0; k < p.length; k++) s += Math.pow(p[k] - y[k], 2);
                return s;
            case HALF_MSE:
                for (int k = 0; k < p.length; k++) s += 0.5 * Math.pow(p[k] - y[k], 2);
                return s;
            case MAE:
                for (int k = 0; k < p.length; k++) s += Math.abs(p[k] - y[k]);
                return s;
            case HUBER:
                for (int k = 0; k < p.length; k++) {
                    double d = Math.abs(p[k] - y[k]);
                    s += d <= 1 ? 0.5 * d * d : d - 0.5;
                }
                return s;
            case SOFTMAX_CROSS_ENTROPY: {
                double total = 0;
                for (double v : p) total += Math.exp(v);
                for (int k = 0; k < p.length; k++) s -= y[k] * Math.log(Math.exp(p[k]) / total);
                return s;
            }
            default:
                throw new AssertionError(kind);
        }
    }
}
