package org.backpropstudio.ui.editor;

import static org.backpropstudio.i18n.Messages.text;

import java.util.Locale;
import java.util.function.Function;
import org.backpropstudio.engine.Numbers;
import org.backpropstudio.training.TrainingService;

/** Readers for the editor's text fields, each failing with a sentence that names the field. */
public final class Parsers {

    private Parsers() {
    }

    /** A finite number in [min, max]; {@code minExclusive} makes the lower bound open. */
    public static Function<String, Double> number(String name, double min, boolean minExclusive, double max) {
        return text -> {
            double v = parseDouble(name, text);
            if (minExclusive ? !(v > min) : !(v >= min)) {
                throw new IllegalArgumentException(text(minExclusive ? "parse.greaterThan" : "parse.atLeast",
                        ValidatedField.displayName(name), org.backpropstudio.i18n.NumberText.plain(min)));
            }
            if (v > max) {
                throw new IllegalArgumentException(text("parse.atMost", ValidatedField.displayName(name),
                        org.backpropstudio.i18n.NumberText.plain(max)));
            }
            return v;
        };
    }

    /** Like {@link #number}, but an empty text is allowed and stands for NaN ("not given"). */
    public static Function<String, Double> optionalNumber(String name, double min, double max) {
        Function<String, Double> given = number(name, min, false, max);
        return text -> text.isEmpty() ? Double.NaN : given.apply(text);
    }

    /** A whole number in [min, max]. */
    public static Function<String, Integer> integer(String name, int min, int max) {
        return text -> {
            long v = parseLong(name, text);
            if (v < min || v > max) {
                throw new IllegalArgumentException(text("parse.wholeRange", ValidatedField.displayName(name), min, max));
            }
            return (int) v;
        };
    }

    /** Any whole number (a seed). */
    public static Function<String, Long> anyLong(String name) {
        return text -> parseLong(name, text);
    }

    /** A batch size: a whole number from 1 to max, or {@code full} (0). */
    public static Function<String, Integer> batchSize(int max) {
        Function<String, Integer> whole = integer("batch size", 1, max);
        return text -> text.toLowerCase(Locale.ROOT).equals("full") ? 0 : whole.apply(text);
    }

    private static double parseDouble(String name, String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(text("parse.emptyNumber", ValidatedField.displayName(name)));
        }
        double v;
        try {
            v = Numbers.parseDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text("parse.notNumber", ValidatedField.displayName(name), text));
        }
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(text("parse.notFinite", ValidatedField.displayName(name), text));
        }
        return v;
    }

    private static long parseLong(String name, String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(text("parse.emptyWhole", ValidatedField.displayName(name)));
        }
        try {
            return Numbers.parseWhole(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(text("parse.notWhole", ValidatedField.displayName(name), text));
        }
    }
}
