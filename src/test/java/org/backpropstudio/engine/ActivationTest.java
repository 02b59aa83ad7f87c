package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ActivationTest {

    private static final double[] POINTS = {-7.5, -3, -1.25, -0.3, -1e-3, 1e-3, 0.2, 0.9, 2.5, 6};

    @ParameterizedTest
    @EnumSource(Activation.class)
    void valueMatchesTheTextbookFormula(Activation f) {
        for (double z : POINTS) {
            assertThat(f.value(z)).as("%s(%s)", f, z).isCloseTo(Naive.activation(f, z), within(1e-12));
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeMatchesCentralDifferencesOfTheValue(Activation f) {
        double h = 1e-6;
        for (double z : POINTS) {
            double numeric = (Naive.activation(f, z + h) - Naive.activation(f, z - h)) / (2 * h);
            assertThat(f.derivative(z, f.value(z))).as("%s′(%s)", f, z).isCloseTo(numeric, within(1e-8));
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void bulkLoopsAgreeWithTheScalarDefinitionBitForBit(Activation f) {
        Random random = new Random(11);
        int n = 37;
        double[] z = new double[n];
        double[] dA = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = 4 * random.nextGaussian();
            dA[i] = random.nextGaussian();
        }
        double[] a = new double[n];
        double[] dZ = new double[n];
        f.forward(z, a, n);
        f.backward(z, a, dA, dZ, n);
        for (int i = 0; i < n; i++) {
            assertThat(a[i]).isEqualTo(f.value(z[i]));
            assertThat(dZ[i]).isEqualTo(dA[i] * f.derivative(z[i], a[i]));
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void staysFiniteForHugeInputs(Activation f) {
        for (double z : new double[] {-1e6, -1e4, -745, 710, 1e4, 1e6}) {
            double a = f.value(z);
            assertThat(Double.isFinite(a)).as("%s(%s) = %s", f, z, a).isTrue();
            assertThat(Double.isFinite(f.derivative(z, a))).as("%s′(%s)", f, z).isTrue();
        }
    }

    @Test
    void sigmoidAndSoftplusSaturateCorrectly() {
        assertThat(Activation.SIGMOID.value(1e4)).isEqualTo(1.0);
        assertThat(Activation.SIGMOID.value(-1e4)).isEqualTo(0.0);
        assertThat(Activation.SOFTPLUS.value(1e4)).isEqualTo(1e4);
        assertThat(Activation.SOFTPLUS.value(-1e4)).isEqualTo(0.0);
        assertThat(Activation.SOFTPLUS.value(0)).isCloseTo(Math.log(2), within(1e-15));
    }

    @Test
    void namesRoundTripAndUnknownNamesAreExplained() {
        for (Activation f : Activation.values()) {
            assertThat(Activation.fromWireName(f.wireName())).isSameAs(f);
        }
        assertThatThrownBy(() -> Activation.fromWireName("swish"))
                .hasMessageContaining("unknown activation 'swish'").hasMessageContaining("leaky_relu");
    }

    /**
     * ReLU's arrays go without a branch ({@link Activation#positive}); they must give what
     * {@code z > 0 ? x : 0.0} gives, bit for bit, on the values where bit tricks go wrong: both
     * zeros, both infinities, NaNs of either sign, the smallest and largest magnitudes.
     */
    @Test
    void reluWithoutABranchGivesTheComparisonsBitsOnEveryKindOfValue() {
        double[] z = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
            Double.longBitsToDouble(0xfff8000000000000L), Double.longBitsToDouble(0x7ff0000000000001L), 1.5, -2.5,
            Math.nextDown(Double.POSITIVE_INFINITY), Math.nextUp(0.0)};
        double[] dA = new Random(3).doubles(z.length, -4, 4).toArray();
        dA[1] = -0.0;
        dA[2] = Double.NaN;
        double[] a = new double[z.length];
        double[] dZ = new double[z.length];
        Activation.RELU.forward(z, a, z.length);
        Activation.RELU.backward(z, a, dA, dZ, z.length);
        for (int i = 0; i < z.length; i++) {
            assertThat(Double.doubleToRawLongBits(a[i])).as("relu(%s)", z[i])
                    .isEqualTo(Double.doubleToRawLongBits(z[i] > 0 ? z[i] : 0.0));
            assertThat(Double.doubleToRawLongBits(dZ[i])).as("relu'(%s)·%s", z[i], dA[i])
                    .isEqualTo(Double.doubleToRawLongBits(z[i] > 0 ? dA[i] : 0.0));
        }
    }
}
