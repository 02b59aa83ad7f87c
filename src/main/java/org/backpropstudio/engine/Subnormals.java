package org.backpropstudio.engine;

/**
 * Arithmetic on subnormal numbers (below 2⁻¹⁰²², down to 2⁻¹⁰⁷⁴) that gives the bits the CPU's
 * floating point gives, without its floating point on them: x86 CPUs take a slow microcode path
 * (about a hundred cycles) for every multiply or divide that reads or makes a subnormal, and Java
 * has no flush-to-zero mode. An optimizer's moments decay into that range when a parameter's
 * gradient stays exactly zero (a dead relu unit, a saturated softmax): {@code spiral-relu}'s Adam
 * ran half as fast at epoch 40 000 as at epoch 0, with a fifth of its moments subnormal.
 *
 * <p>A subnormal number is an integer M below 2⁵² times 2⁻¹⁰⁷⁴, its bits are M's, and a product
 * b·x with 0 ≤ b &lt; 1 stays in that range: its correctly rounded value is round(b·M)·2⁻¹⁰⁷⁴, half
 * to even. b·M is worked out in normal numbers, exactly as a sum hi + lo ({@link Math#fma}).
 */
final class Subnormals {

    private static final long SIGN = Long.MIN_VALUE;
    private static final long FRACTION = 0x000F_FFFF_FFFF_FFFFL;

    private Subnormals() {
    }

    /** True for a subnormal number or a zero of either sign. */
    static boolean tiny(double x) {
        return (Double.doubleToRawLongBits(x) & ~SIGN) <= FRACTION;
    }

    /**
     * {@code b * x}, bit for bit, for a subnormal or zero x and 0 ≤ b &lt; 1, without floating point
     * on a subnormal number.
     */
    static double times(double b, double x) {
        long bits = Double.doubleToRawLongBits(x);
        long m = bits & FRACTION; // x = ±m·2⁻¹⁰⁷⁴
        double hi = b * m; // below 2⁵², a multiple of 2⁻⁵⁴ at least
        double lo = Math.fma(b, m, -hi); // b·m = hi + lo exactly, |lo| ≤ ulp(hi)/2
        double r = Math.rint(hi);
        // hi − r is exact; only when hi lies halfway between two integers can lo move the
        // rounding away from rint's choice (which is the even one, right for lo = 0)
        double off = hi - r;
        if (off == 0.5 && lo > 0) {
            r += 1;
        } else if (off == -0.5 && lo < 0) {
            r -= 1;
        }
        // r ≤ 2⁵² fits the fraction field, and 2⁵² itself is the bits of 2⁻¹⁰²²; the sign is x's
        return Double.longBitsToDouble((bits & SIGN) | (long) r);
    }

    /** {@code x + zero} for a zero of either sign, bit for bit, without adding to a subnormal x. */
    static double plusZero(double x, double zero) {
        return x != 0 ? x : x + zero;
    }
}
