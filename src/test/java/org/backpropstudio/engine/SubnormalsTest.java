package org.backpropstudio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SubnormalsTest {

    private static double subnormal(long fraction, boolean negative) {
        return Double.longBitsToDouble((negative ? Long.MIN_VALUE : 0) | fraction);
    }

    private static void sameBits(double b, double x) {
        assertThat(Double.doubleToRawLongBits(Subnormals.times(b, x)))
                .as("%s · %s", b, x).isEqualTo(Double.doubleToRawLongBits(b * x));
    }

    @Property(tries = 20_000)
    void aProductIsTheCpusBitForBit(@ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double b,
            @ForAll @LongRange(min = 0, max = 0x000F_FFFF_FFFF_FFFFL) long fraction, @ForAll boolean negative) {
        sameBits(b, subnormal(fraction, negative));
    }

    /** Adam's and RMSProp's usual rates, and β = 0.75, whose products of even fractions end in halves (ties). */
    @Test
    void theUsualRatesAndTiesToEven() {
        SplittableRandom random = new SplittableRandom(7);
        for (double b : new double[] {0.9, 0.999, 0.99, 0.75, 0.5, 0.0, 0x1p-60, Math.nextDown(1.0)}) {
            for (int i = 0; i < 100_000; i++) {
                long fraction = random.nextLong(1L << 52);
                sameBits(b, subnormal(fraction, random.nextBoolean()));
                sameBits(b, subnormal(fraction & 0xFFF, false)); // small fractions: round to few bits
            }
            for (long fraction : new long[] {0, 1, 2, 3, 6, (1L << 52) - 1, (1L << 52) - 2}) {
                sameBits(b, subnormal(fraction, false));
                sameBits(b, subnormal(fraction, true));
            }
        }
        // 0.75 · 2 = 1.5 and 0.75 · 6 = 4.5: halves, rounded to the even 2 and 4
        assertThat(Subnormals.times(0.75, Double.MIN_VALUE * 2)).isEqualTo(Double.MIN_VALUE * 2);
        assertThat(Subnormals.times(0.75, Double.MIN_VALUE * 6)).isEqualTo(Double.MIN_VALUE * 4);
    }

    @Test
    void tinyMeansSubnormalOrZero() {
        assertThat(Subnormals.tiny(0.0)).isTrue();
        assertThat(Subnormals.tiny(-0.0)).isTrue();
        assertThat(Subnormals.tiny(Double.MIN_VALUE)).isTrue();
        assertThat(Subnormals.tiny(-Math.nextDown(Double.MIN_NORMAL))).isTrue();
        assertThat(Subnormals.tiny(Double.MIN_NORMAL)).isFalse();
        assertThat(Subnormals.tiny(-1e-300)).isFalse();
        assertThat(Subnormals.tiny(Double.NaN)).isFalse();
        assertThat(Subnormals.tiny(Double.NEGATIVE_INFINITY)).isFalse();
    }

    @Test
    void addingAZeroKeepsTheSignsTheCpuGives() {
        for (double x : new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE}) {
            for (double z : new double[] {0.0, -0.0}) {
                assertThat(Double.doubleToRawLongBits(Subnormals.plusZero(x, z)))
                        .as("%s + %s", x, z).isEqualTo(Double.doubleToRawLongBits(x + z));
            }
        }
    }
}
