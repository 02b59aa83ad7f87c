package org.backpropstudio;

import java.util.Arrays;
import java.util.List;
import javafx.application.Application;
import org.backpropstudio.cli.Cli;
import org.backpropstudio.ui.StudioApp;

/**
 * The jar's entry point. Does not extend {@code javafx.application.Application}, so it runs from
 * the class path and from the shaded jar. Without arguments, or with {@code studio [options]},
 * it opens the studio; otherwise it runs the command line ({@code train}, {@code gradcheck}, ...).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("studio")) {
            System.exit(studio(args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args[0].startsWith("--") && !args[0].equals("--help") && !args[0].equals("-h")
                && !args[0].equals("--version") && !args[0].equals("-V")) {
            // options meant for the studio, as javafx:run -Djavafx.args="--play" passes them
            System.exit(studio(args));
        }
        System.exit(Cli.run(args));
    }

    /** Opens the studio after checking its options; returns the exit code once its window is closed. */
    private static int studio(String[] options) {
        List<String> list = Arrays.asList(options);
        if (StudioOptions.wantsHelp(list)) {
            System.out.println(StudioOptions.USAGE);
            return 0;
        }
        String problem = StudioOptions.problem(list);
        if (problem != null) {
            System.err.println("error: " + problem);
            return 2;
        }
        try {
            Application.launch(StudioApp.class, options);
            return 0;
        } catch (RuntimeException | Error e) {
            // most often no display: JavaFX says "Unable to open DISPLAY" from deep inside the toolkit
            boolean display = String.valueOf(e.getMessage()).contains("DISPLAY")
                    || e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("DISPLAY");
            System.err.println("error: " + (display
                    ? "the studio needs a display, and none could be opened (is DISPLAY set?); "
                    + "the command line works without one: backprop-studio --help"
                    : "the studio could not start (" + e + ")"));
            return 3;
        }
    }
}
