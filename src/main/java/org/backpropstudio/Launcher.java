package org.backpropstudio;

import java.util.Arrays;
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
            String[] options = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
            Application.launch(StudioApp.class, options);
            return;
        }
        if (args[0].startsWith("--") && !args[0].equals("--help") && !args[0].equals("-h")
                && !args[0].equals("--version") && !args[0].equals("-V")) {
            // options meant for the studio, as javafx:run -Djavafx.args="--play" passes them
            Application.launch(StudioApp.class, args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
