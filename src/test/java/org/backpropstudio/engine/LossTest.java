package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LossTest {

    @ParameterizedTest
    @EnumSource(LossKind.class)
    void perSampleLossMatchesTheTextbookFormula(LossKind kind) {
        Random random = new Random(5);
        for (int width : new int[] {1, 2, 5}) {
            double[] p = new double[width];
            double[] y = new double[width];
            for (int k = 0; k < width; k++) {
                p[k] = 2 * random.nextGaussian();
                y[k] = kind == LossKind.SOFTMAX_CROSS_ENTROPY ? (k == 0 ? 1 : 0) : random.nextGaussian();
            }
            assertThat(kind.sample(p, y, 0, width, null)).isCloseTo(Naive.loss(kind, p, y), within(1e-12));
        }
    }

    @ParameterizedTest
    @EnumSource(LossKind.class)
    void gradientMatchesCentralDifferences(LossKind kind) {
        Random random = new Random(9);
        int width = 3;
        double[] p = new double[width];
        double[] y = new double[width];
        for (int k = 0; k < width; k++) {
            p[k] = 2 * random.nextGaussian();
            y[k] = kind == LossKind.SOFTMAX_CROSS_ENTROPY ? random.nextDouble() : random.nextGaussian();
        }
        double[] grad = new double[width];
        kind.sample(p, y, 0, width, grad);
        double h = 1e-6;
        for (int k = 0; k < width; k++) {
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (Naive.loss(kind, plus, y) - Naive.loss(kind, minus, y)) / (2 * h);
            assertThat(grad[k]).as("%s ∂ℓ/∂p%d", kind, k).isCloseTo(numeric, within(1e-7));
        }
    }

    @Test
    void meanReductionDividesTheGradientByTheBatchAndSumDoesNot() {
        DMatrixRMaj p = new DMatrixRMaj(new double[][] {{1.0}, {3.0}, {-2.0}, {0.5}});
        DMatrixRMaj y = new DMatrixRMaj(new double[][] {{0.0}, {1.0}, {1.0}, {0.5}});
        DMatrixRMaj sumGrad = new DMatrixRMaj(1, 1);
        DMatrixRMaj meanGrad = new DMatrixRMaj(1, 1);
        // ℓ = (p − y)²: 1, 4, 9, 0
        double sum = new Loss(LossKind.MSE, Reduction.SUM).forwardBackward(p, y, sumGrad);
        double sum2 = new Loss(LossKind.MSE, Reduction.MEAN).forwardBackward(p, y, meanGrad);
        assertThat(sum).isEqualTo(14.0);
        assertThat(sum2).isEqualTo(14.0);
        assertThat(new Loss(LossKind.MSE, Reduction.MEAN).reduce(sum, 4)).isEqualTo(3.5);
        // ∂/∂p of Σ: 2(p − y) = 2, 4, −6, 0; of the mean: a quarter of that
        assertThat(sumGrad.data).containsExactly(2, 4, -6, 0);
        assertThat(meanGrad.data).containsExactly(0.5, 1, -1.5, 0);
    }

    @Test
    void softmaxCrossEntropyIsStableForHugeLogits() {
        double[] p = {1000, -1000, 999};
        double[] y = {0, 0, 1};
        double[] grad = new double[3];
        double loss = LossKind.SOFTMAX_CROSS_ENTROPY.sample(p, y, 0, 3, grad);
        // log Σ e^p = 1000 + log(1 + e^−1) (the −1000 term vanishes); ℓ = that − 999
        assertThat(loss).isCloseTo(1 + Math.log1p(Math.exp(-1)), within(1e-12));
        assertThat(grad[0] + grad[1] + grad[2]).isCloseTo(0, within(1e-12));
        for (double g : grad) {
            assertThat(Double.isFinite(g)).isTrue();
        }
    }

    @Test
    void maeAndHuberGradientsAreBounded() {
        double[] grad = new double[1];
        LossKind.MAE.sample(new double[] {1e6}, new double[] {0}, 0, 1, grad);
        assertThat(grad[0]).isEqualTo(1.0);
        LossKind.HUBER.sample(new double[] {-1e6}, new double[] {0}, 0, 1, grad);
        assertThat(grad[0]).isEqualTo(-1.0);
        LossKind.MAE.sample(new double[] {2}, new double[] {2}, 0, 1, grad);
        assertThat(grad[0]).isEqualTo(0.0);
    }
}
