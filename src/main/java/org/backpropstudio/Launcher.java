package org.backpropstudio;

import org.backpropstudio.cli.Cli;

/**
 * The jar's entry point. Does not extend {@code javafx.application.Application}, so it runs from
 * the class path and from the shaded jar. With arguments it runs the command line.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
