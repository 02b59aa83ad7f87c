package org.backpropstudio.i18n;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words the studio shows, in the chosen language: {@code messages.properties} (English) and
 * {@code messages_zh_CN.properties} (简体中文), read as UTF-8. Plain Java, so the training thread
 * can word its status messages too; the UI's {@code Localized} makes it observable.
 *
 * <p>Placeholders are {@code {0}}, {@code {1}}, …, replaced by the arguments as they are: numbers
 * are formatted by the caller ({@link #number}, {@link #integer}), so no pattern syntax (quotes,
 * choice formats) can surprise a translator. A key missing from the bundle throws: a test walks
 * every key the code uses through both bundles.
 */
public final class Messages {

    /** The languages with a complete bundle. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private static final String BUNDLE = "org.backpropstudio.i18n.messages";

    private static volatile Locale locale = Locale.getDefault();
    private static volatile ResourceBundle bundle = load(locale);

    private Messages() {
    }

    /** The bundle for a locale: its own language if there is one, else English (never the JVM default's). */
    public static ResourceBundle load(Locale l) {
        return ResourceBundle.getBundle(BUNDLE, l,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** Words and numbers from now on follow {@code l}; a language without a bundle gets English words. */
    public static void setLocale(Locale l) {
        bundle = load(l);
        locale = l;
    }

    public static Locale locale() {
        return locale;
    }

    /** The text for {@code key}, its {@code {i}} replaced by {@code args[i]}. */
    public static String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new MissingResourceException("no text '" + key + "' for " + locale, BUNDLE, key);
        }
        return fill(pattern, args);
    }

    /** {@code pattern} with each {@code {i}} replaced by {@code args[i]}. */
    public static String fill(String pattern, Object... args) {
        if (args.length == 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            if (close > i + 1 && close <= i + 3 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                int k = Integer.parseInt(pattern.substring(i + 1, close));
                out.append(k < args.length ? String.valueOf(args[k]) : pattern.substring(i, close + 1));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A text as a message quotes it: whole up to 24 characters, else its start and its length, so
     * a 100 000-digit number in a file or an option never fills the screen.
     */
    public static String excerpt(String text) {
        return text.length() <= 24 ? text : text.substring(0, 20) + "… (" + text.length() + " characters)";
    }

    /** A whole number with the locale's grouping: 2,000 (en, zh), 2.000 (de). */
    public static String integer(long v) {
        return NumberFormat.getIntegerInstance(locale).format(v);
    }
}
