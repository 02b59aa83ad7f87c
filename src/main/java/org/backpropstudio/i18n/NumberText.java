package org.backpropstudio.i18n;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.text.DecimalFormatSymbols;

/**
 * The studio's two ways of writing a number, in one place: {@link #plain} for a value a person
 * typed or chose (a learning rate 0.1, 1e-5; the status bar and the markers echo it so), and
 * {@link #significant} for a computed one (4 significant digits).
 */
public final class NumberText {

    private NumberText() {
    }

    /** A number as a person would write it: 0.1, 0.003, 1000000, 1e-5, 2.5e8. */
    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + "e" + Integer.parseInt(s.substring(e + 1));
    }

    /** {@link #significant(double)} with the locale's decimal separator: 0.01914 (en), 0,01914 (de). */
    public static String significant(double v, Locale locale) {
        char point = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return point == '.' ? significant(v) : significant(v).replace('.', point);
    }

    /**
     * A value as the studio shows a computed number (the inspector's cells, the loss read-outs,
     * the diagram's tooltips): 4 significant digits, in plain notation from 0.001 to
     * 99 990 and with an exponent outside ({@code 1.235e-5}); exact zero as {@code 0}.
     */
    public static String significant(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = roundTo4(v);
        int exponent = rounded.precision() - rounded.scale() - 1; // of the leading digit
        String text;
        if (exponent >= -3 && exponent <= 4) {
            text = rounded.setScale(Math.max(0, 3 - exponent)).toPlainString();
        } else {
            BigDecimal mantissa = rounded.movePointLeft(exponent).setScale(3);
            text = mantissa.toPlainString() + "e" + exponent;
        }
        return text.replace('-', '−');
    }

    private static final MathContext FOUR = new MathContext(4, RoundingMode.HALF_UP);
    private static final MathContext FOUR_DOWN = new MathContext(4, RoundingMode.DOWN);

    /**
     * The double's exact value rounded half-up to 4 significant digits. The exact expansion of a
     * double like 1e-300 has hundreds of digits and took the UI thread ~0.1 ms per cell; its short
     * decimal form (at most 17 digits, within half an ulp of it) rounds the same way unless it sits
     * within a few ulps of a tie, and only then is the exact value used.
     */
    public static BigDecimal roundTo4(double v) {
        BigDecimal shortForm = BigDecimal.valueOf(v);
        BigDecimal dropped = shortForm.subtract(shortForm.round(FOUR_DOWN)).abs();
        int lead = shortForm.precision() - shortForm.scale() - 1; // exponent of the leading digit
        BigDecimal half = BigDecimal.valueOf(5, 4 - lead); // half a unit of the 4th digit
        BigDecimal fromTie = dropped.subtract(half).abs();
        if (fromTie.compareTo(BigDecimal.valueOf(Math.ulp(v)).multiply(BigDecimal.valueOf(4))) <= 0) {
            return new BigDecimal(v).round(FOUR);
        }
        return shortForm.round(FOUR);
    }
}
