package org.backpropstudio;

import java.util.List;
import java.util.Locale;
import org.backpropstudio.engine.Numbers;
import org.backpropstudio.i18n.Messages;

/**
 * The studio's command-line options, checked before JavaFX starts: {@code --help} needs no
 * display, and a wrong option is a one-line error, not a stack trace from inside the toolkit.
 */
final class StudioOptions {

    /** What {@code studio --help} prints. */
    static final String USAGE = String.join("\n",
            "Usage: backprop-studio [studio] [OPTION]...",
            "Opens Backprop Studio's window (it needs a display).",
            "  --preset=NAME       start with this preset: " + String.join(", ", org.backpropstudio.io.PresetCatalog.names()),
            "  --play              start training at once",
            "  --lang=TAG          the language: en or zh-CN",
            "  --screenshot=FILE   write the window as a PNG after --after=SECONDS (default 3), then quit",
            "  --measure=SECONDS   train at max speed while drawing, print the speed against the headless",
            "                      engine (taking turns, in rounds of 2 s) and the frame times, then quit",
            "  -h, --help          show this help",
            "The command line (train, gradcheck, predict, export, bench) is listed by: backprop-studio --help");

    private StudioOptions() {
    }

    /**
     * Checks the options.
     *
     * @return null when they are fine, else the one-line reason
     */
    static String problem(List<String> args) {
        for (String a : args) {
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
            String quoted = value == null ? "" : Messages.excerpt(value);
            switch (name) {
                case "--play" -> {
                    if (value != null) {
                        return "--play takes no value";
                    }
                }
                case "--preset" -> {
                    if (value == null || !org.backpropstudio.io.PresetCatalog.names().contains(value)) {
                        return "unknown preset '" + quoted + "' (known: " + String.join(", ", org.backpropstudio.io.PresetCatalog.names()) + ")";
                    }
                }
                case "--lang" -> {
                    String tag = value == null ? "" : value.toLowerCase(Locale.ROOT);
                    if (!tag.equals("en") && !tag.equals("zh-cn")) {
                        return "--lang must be en or zh-CN, got '" + quoted + "'";
                    }
                }
                case "--screenshot" -> {
                    if (value == null || value.isBlank()) {
                        return "--screenshot needs a file: --screenshot=FILE";
                    }
                }
                case "--after", "--measure" -> {
                    if (value == null || !Numbers.isDecimal(value) || !(Numbers.parseDecimal(value) > 0)
                            || !(Numbers.parseDecimal(value) <= 86_400)) {
                        return name + " needs seconds, a number from 0 to 86400: " + name + "=SECONDS, got '"
                                + quoted + "'";
                    }
                }
                default -> {
                    return "unknown option '" + Messages.excerpt(a) + "' for the studio (see: backprop-studio studio --help)";
                }
            }
        }
        return null;
    }

    static boolean wantsHelp(List<String> args) {
        return args.contains("--help") || args.contains("-h");
    }

}
