package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class InitializerTest {

    private static double[] moments(Initializer init, int fanIn, int fanOut) {
        DMatrixRMaj m = new DMatrixRMaj(200, 250);
        init.fill(m, fanIn, fanOut, new SplittableRandom(3));
        double mean = 0;
        for (double v : m.data) {
            mean += v;
        }
        mean /= m.data.length;
        double var = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : m.data) {
            var += (v - mean) * (v - mean);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {mean, Math.sqrt(var / m.data.length), min, max};
    }

    @Test
    void distributionsHaveTheirMeanAndSpread() {
        double[] n = moments(new Initializer.Normal(1, 2), 1, 1);
        assertThat(n[0]).isCloseTo(1, within(0.02));
        assertThat(n[1]).isCloseTo(2, within(0.02));
        double[] u = moments(new Initializer.Uniform(-3, 1), 1, 1);
        assertThat(u[2]).isGreaterThanOrEqualTo(-3);
        assertThat(u[3]).isLessThan(1);
        assertThat(u[1]).isCloseTo(4 / Math.sqrt(12), within(0.01));
        assertThat(moments(new Initializer.XavierNormal(), 30, 70)[1]).isCloseTo(Math.sqrt(2.0 / 100), within(0.002));
        assertThat(moments(new Initializer.XavierUniform(), 30, 70)[3]).isLessThan(Math.sqrt(6.0 / 100));
        assertThat(moments(new Initializer.He(), 50, 10)[1]).isCloseTo(Math.sqrt(2.0 / 50), within(0.002));
        assertThat(moments(new Initializer.Constant(0.25), 3, 3)).containsExactly(0.25, 0, 0.25, 0.25);
    }

    @Test
    void textFormRoundTrips() {
        for (Initializer i : new Initializer[] {new Initializer.Normal(0, 0.01), new Initializer.Uniform(-1, 1),
                new Initializer.XavierNormal(), new Initializer.XavierUniform(), new Initializer.He(),
                new Initializer.Constant(0)}) {
            assertThat(Initializer.parse(i.text())).isEqualTo(i);
        }
        assertThat(Initializer.parse(" Normal( 0 , 1 ) ")).isEqualTo(new Initializer.Normal(0, 1));
        assertThatThrownBy(() -> Initializer.parse("normal(0,abc)")).hasMessageContaining("'abc' is not a number");
        assertThatThrownBy(() -> Initializer.parse("gaussian")).hasMessageContaining("unknown initializer");
        assertThatThrownBy(() -> Initializer.parse("normal(0,-1)")).hasMessageContaining("std");
    }
}
