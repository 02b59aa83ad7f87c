package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MatrixKernelsTest {

    /** m, k, n: 1×1, batch 1, odd sizes, and sizes past the multi-threaded crossover. */
    @ParameterizedTest
    @CsvSource({"1,1,1", "1,10,10", "1,1,10", "10,1,1", "7,3,5", "32,64,64", "33,17,65", "256,256,256", "300,129,70"})
    void productsAgreeWithNaiveLoops(int m, int k, int n) {
        Random random = new Random(m * 1000L + k * 10L + n);
        DMatrixRMaj a = Naive.random(m, k, random);
        DMatrixRMaj b = Naive.random(k, n, random);
        DMatrixRMaj bias = Naive.random(1, n, random);
        DMatrixRMaj c = new DMatrixRMaj(1, 1);
        double tolerance = 1e-12 * k;

        MatrixKernels.multiplyAddRow(a, b, null, c);
        assertThat(Naive.maxDifference(c, Naive.multiply(a, b))).isLessThan(tolerance);

        MatrixKernels.multiplyAddRow(a, b, bias, c);
        DMatrixRMaj expected = Naive.multiply(a, b);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                expected.set(i, j, expected.get(i, j) + bias.get(0, j));
            }
        }
        assertThat(Naive.maxDifference(c, expected)).isLessThan(tolerance);

        // Aᵀ·B with A (m × k), B (m × n)
        DMatrixRMaj b2 = Naive.random(m, n, random);
        MatrixKernels.multiplyTransA(a, b2, c);
        assertThat(Naive.maxDifference(c, Naive.multiply(Naive.transpose(a), b2))).isLessThan(1e-12 * m);

        // A·Bᵀ with A (m × k), B (n × k)
        DMatrixRMaj b3 = Naive.random(n, k, random);
        MatrixKernels.multiplyTransB(a, b3, c);
        assertThat(Naive.maxDifference(c, Naive.multiply(a, Naive.transpose(b3)))).isLessThan(tolerance);
        DMatrixRMaj viaTranspose = new DMatrixRMaj(1, 1);
        MatrixKernels.multiplyTransB(a, b3, viaTranspose, new DMatrixRMaj(1, 1));
        // the transposed route accumulates in the same order: identical to the last bit
        assertThat(viaTranspose.numRows).isEqualTo(c.numRows);
        assertThat(viaTranspose.numCols).isEqualTo(c.numCols);
        assertThat(Arrays.copyOf(viaTranspose.data, m * n)).containsExactly(Arrays.copyOf(c.data, m * n));
    }

    @Test
    void sumRowsAddsEveryRow() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        DMatrixRMaj s = new DMatrixRMaj(1, 1);
        MatrixKernels.sumRows(a, s);
        assertThat(s.numRows).isEqualTo(1);
        assertThat(s.data).startsWith(9, 12);
    }

    @Test
    void mismatchedShapesAreNamed() {
        assertThatThrownBy(() -> MatrixKernels.multiplyAddRow(new DMatrixRMaj(2, 3), new DMatrixRMaj(4, 5), null,
                new DMatrixRMaj(1, 1))).hasMessageContaining("A is (2 × 3), B is (4 × 5)");
    }
}
