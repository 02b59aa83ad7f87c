package org.backpropstudio.engine;

/**
 * The one syntax for numbers that people type or files hold: plain decimal and scientific forms
 * ({@code 3}, {@code -0.25}, {@code .5}, {@code 1e-5}, {@code 2.5E8}). Java's own
 * {@code Double.parseDouble} also takes {@code 1d}, {@code 1f}, {@code 0x1p3}, {@code NaN},
 * {@code Infinity} and surrounding control characters, which a CSV cell or an option should not
 * silently mean.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * The double a decimal text denotes, rounded as {@code Double.parseDouble} rounds it. A text
     * beyond the largest double gives ±∞; the caller decides whether that is allowed.
     *
     * @throws NumberFormatException when the text is not {@code [+-]digits[.digits][e[+-]digits]}
     */
    public static double parseDecimal(String text) {
        if (!isDecimal(text)) {
            throw new NumberFormatException("not a decimal number: " + text);
        }
        return Double.parseDouble(text);
    }

    /**
     * The whole number a text of decimal digits denotes, with an optional sign.
     *
     * @throws NumberFormatException when the text is not {@code [+-]digits} or is beyond a long
     */
    public static long parseWhole(String text) {
        int i = text.isEmpty() || text.charAt(0) != '+' && text.charAt(0) != '-' ? 0 : 1;
        if (digits(text, i) != text.length() || i == text.length()) {
            throw new NumberFormatException("not a whole number: " + text);
        }
        return Long.parseLong(text);
    }

    /** Whether the text is {@code [+-](digits[.digits] | .digits)[(e|E)[+-]digits]}, nothing more. */
    public static boolean isDecimal(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int intEnd = digits(text, i);
        boolean intDigits = intEnd > i;
        i = intEnd;
        boolean fracDigits = false;
        if (i < n && text.charAt(i) == '.') {
            int fracEnd = digits(text, i + 1);
            fracDigits = fracEnd > i + 1;
            i = fracEnd;
        }
        if (!intDigits && !fracDigits) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int expEnd = digits(text, i);
            if (expEnd == i) {
                return false;
            }
            i = expEnd;
        }
        return i == n;
    }

    /** The index after the run of ASCII digits that starts at {@code from}. */
    private static int digits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
