package org.backpropstudio.cli;

import java.io.PrintWriter;
import org.backpropstudio.io.ImportException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code backprop-studio}: the headless command line over the engine and the file formats. */
@Command(name = "backprop-studio",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "Backprop Studio's command line: train the tutorial networks, check their gradients, "
                + "predict with saved weights and measure the engine's speed.",
        subcommands = {TrainCommand.class, GradcheckCommand.class, PredictCommand.class, ExportCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    /** Exit code for bad input: a file that cannot be read or written, a diverged run. */
    public static final int EXIT_INPUT = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line with the process's standard streams; returns the exit code. */
    public static int run(String... args) {
        // the command line's own texts are English, so the reasons the file readers give are too,
        // whatever the system's language (a script's output does not change with it)
        org.backpropstudio.i18n.Messages.setLocale(java.util.Locale.ENGLISH);
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(new Cli());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ImportException || e instanceof java.io.IOException || e instanceof UserException
                    || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return EXIT_INPUT;
            }
            throw e;
        });
        return cmd.execute(args);
    }

    /**
     * Refuses, before any work is done, to overwrite existing output files unless forced.
     *
     * @param outputs the files a command will write (nulls are skipped)
     */
    static void checkOverwrite(boolean force, java.nio.file.Path... outputs) {
        for (java.nio.file.Path out : outputs) {
            if (out != null && java.nio.file.Files.exists(out) && !force) {
                throw new UserException(out + " exists; give --force to overwrite it");
            }
        }
    }

    /** A problem with what the user asked for, reported as its message alone. */
    static final class UserException extends RuntimeException {
        UserException(String message) {
            super(message);
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Backprop Studio " + appVersion(), "Java " + System.getProperty("java.version")};
        }
    }

    /** Backprop Studio's version, or {@code dev} when not run from the packaged jar. */
    public static String appVersion() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
