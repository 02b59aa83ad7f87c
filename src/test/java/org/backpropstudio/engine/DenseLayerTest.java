package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

class DenseLayerTest {

    static Stream<Arguments> shapes() {
        Stream.Builder<Arguments> b = Stream.builder();
        int[][] sizes = {{1, 1, 1}, {1, 1, 10}, {1, 10, 1}, {4, 3, 5}, {16, 7, 2}};
        for (Activation f : Activation.values()) {
            for (int[] s : sizes) {
                b.add(Arguments.of(f, s[0], s[1], s[2], true));
            }
            b.add(Arguments.of(f, 3, 2, 4, false));
        }
        return b.build();
    }

    /** Forward and backward against loops written from the equations, entry by entry. */
    @ParameterizedTest(name = "{0} batch {1}, {2} → {3}, bias {4}")
    @MethodSource("shapes")
    void forwardAndBackwardMatchReferenceLoops(Activation f, int batch, int in, int out, boolean bias) {
        Random random = new Random(batch * 31 + in * 7 + out);
        DenseLayer layer = new DenseLayer(in, out, f, bias);
        layer.weights().setTo(Naive.random(in, out, random));
        if (bias) {
            layer.bias().setTo(Naive.random(1, out, random));
        }
        DMatrixRMaj x = Naive.random(batch, in, random);
        DMatrixRMaj dA = Naive.random(batch, out, random);

        DMatrixRMaj a = layer.forward(x);
        DMatrixRMaj dX = layer.backward(dA, true);

        double[][] z = new double[batch][out];
        for (int r = 0; r < batch; r++) {
            for (int j = 0; j < out; j++) {
                z[r][j] = bias ? layer.bias().get(0, j) : 0;
                for (int i = 0; i < in; i++) {
                    z[r][j] += x.get(r, i) * layer.weights().get(i, j);
                }
                assertThat(a.get(r, j)).isCloseTo(f.value(z[r][j]), org.assertj.core.api.Assertions.within(1e-12));
            }
        }
        double[][] dZ = new double[batch][out];
        for (int r = 0; r < batch; r++) {
            for (int j = 0; j < out; j++) {
                dZ[r][j] = dA.get(r, j) * f.derivative(z[r][j], f.value(z[r][j]));
            }
        }
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                double dW = 0;
                for (int r = 0; r < batch; r++) {
                    dW += x.get(r, i) * dZ[r][j];
                }
                assertThat(layer.weightGradient().get(i, j)).isCloseTo(dW, org.assertj.core.api.Assertions.within(1e-10));
            }
        }
        if (bias) {
            for (int j = 0; j < out; j++) {
                double db = 0;
                for (int r = 0; r < batch; r++) {
                    db += dZ[r][j];
                }
                assertThat(layer.biasGradient().get(0, j)).isCloseTo(db, org.assertj.core.api.Assertions.within(1e-10));
            }
        }
        for (int r = 0; r < batch; r++) {
            for (int i = 0; i < in; i++) {
                double dx = 0;
                for (int j = 0; j < out; j++) {
                    dx += dZ[r][j] * layer.weights().get(i, j);
                }
                assertThat(dX.get(r, i)).isCloseTo(dx, org.assertj.core.api.Assertions.within(1e-10));
            }
        }
    }

    static Stream<Arguments> oneRowShapes() {
        // 64 × 64 is the largest layer a single row runs straight loops for; 65 × 64 takes the kernels
        int[][] sizes = {{1, 10}, {10, 10}, {10, 1}, {3, 17}, {64, 64}, {65, 64}};
        Stream.Builder<Arguments> b = Stream.builder();
        for (int[] s : sizes) {
            b.add(Arguments.of(s[0], s[1], true));
            b.add(Arguments.of(s[0], s[1], false));
        }
        return b.build();
    }

    /**
     * A per-sample step's forward pass gives the bits its row gets in a batch: the one-row loops
     * sum each z in the order the batch kernels do, from the bias or +0, whatever the values
     * (−0, subnormals, huge, infinite, NaN; half the inputs zero, as pixels).
     */
    @ParameterizedTest(name = "{0} → {1}, bias {2}")
    @MethodSource("oneRowShapes")
    void aRowAloneGivesTheBitsItGetsInABatch(int in, int out, boolean bias) {
        Random random = new Random(in * 131 + out);
        double[] awkward = {-0.0, 0.0, Double.MIN_VALUE, -1e300, 1e300, Double.POSITIVE_INFINITY, Double.NaN, 1e-310};
        DenseLayer layer = new DenseLayer(in, out, Activation.IDENTITY, bias);
        layer.weights().setTo(Naive.random(in, out, random));
        double[] w = layer.weights().data;
        for (int i = 0; i < w.length; i += 7) {
            w[i] = awkward[random.nextInt(awkward.length - 3)]; // finite, so batches may leave zeros out
        }
        if (bias) {
            layer.bias().setTo(Naive.random(1, out, random));
            layer.bias().data[0] = -0.0;
        }
        int rows = 12;
        DMatrixRMaj batch = Naive.random(rows, in, random);
        for (int i = 0; i < batch.data.length; i++) {
            if (random.nextBoolean()) {
                batch.data[i] = 0.0;
            } else if (random.nextInt(5) == 0) {
                batch.data[i] = awkward[random.nextInt(awkward.length)];
            }
        }
        DMatrixRMaj inBatch = layer.forward(batch).copy();
        for (int r = 0; r < rows; r++) {
            DMatrixRMaj row = new DMatrixRMaj(1, in);
            System.arraycopy(batch.data, r * in, row.data, 0, in);
            double[] alone = layer.forward(row).data;
            for (int j = 0; j < out; j++) {
                assertThat(Double.doubleToLongBits(alone[j])).as("row %d, unit %d", r, j)
                        .isEqualTo(Double.doubleToLongBits(inBatch.get(r, j)));
            }
        }
    }
}
