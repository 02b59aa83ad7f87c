package org.backpropstudio;

import org.backpropstudio.cli.Cli;

/**
 * The jar's entry point. Does not extend {@code javafx.application.Application}, so it runs from
 * the class path and from the shaded jar. It runs the command line; without arguments it says
 * that the studio window is not there yet and prints the command line's help.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.out.println("The Backprop Studio window is not there yet; the engine and the command line are.");
            System.out.println();
        }
        System.exit(Cli.run(args));
    }
}
