package org.backpropstudio.cli;

import java.io.PrintWriter;
import org.backpropstudio.engine.Numbers;
import org.backpropstudio.io.ImportException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.backpropstudio.i18n.Messages;

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
    /** Exit code for a defect of ours: an error no check foresaw (reported, never a stack trace). */
    public static final int EXIT_INTERNAL = 4;

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
        registerNumberConverters(cmd);
        cmd.setParameterExceptionHandler((e, arguments) -> {
            // one line and where to look, not the whole usage after every typo
            CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
            PrintWriter stderr = e.getCommandLine().getErr();
            stderr.println("error: " + e.getMessage() + " (see: " + spec.qualifiedName() + " --help)");
            return spec.exitCodeOnInvalidInput();
        });
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ImportException || e instanceof java.io.IOException || e instanceof UserException
                    || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return EXIT_INPUT;
            }
            // rethrown, picocli would print the stack trace and exit 1, which means "gradient check failed"
            commandLine.getErr().println(internalError(e));
            return EXIT_INTERNAL;
        });
        int exit;
        try {
            exit = cmd.execute(args);
        } catch (OutOfMemoryError e) {
            // the checks before work should have refused this; say what to do rather than dying in a trace
            err.println("error: Java ran out of memory (" + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB at most); give it more with java -Xmx..., or make the work smaller");
            return EXIT_INPUT;
        } catch (RuntimeException | Error e) {
            err.println(internalError(e));
            return EXIT_INTERNAL;
        }
        if (exit == 0 && out.checkError()) {
            // stdout closed or full (a pipe that was closed, /dev/full): the output is incomplete
            err.println("error: could not write to standard output; the output is incomplete");
            return EXIT_INPUT;
        }
        return exit;
    }

    /** The one line an error no check foresaw gets (a defect of ours). */
    static String internalError(Throwable e) {
        String m = String.valueOf(e.getMessage());
        return "error: an internal error stopped the command (" + e.getClass().getSimpleName() + ": "
                + (m.length() > 200 ? m.substring(0, 200) + "…" : m) + "); please report it";
    }

    /**
     * Options take numbers in the one syntax files use ({@link Numbers}): plain decimal and
     * scientific forms; not {@code 1d}, {@code 0x1p3}, {@code NaN} as Java's own parsers would.
     */
    private static void registerNumberConverters(CommandLine cmd) {
        CommandLine.ITypeConverter<Double> decimal = text -> {
            try {
                return Numbers.parseDecimal(text.trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + Messages.excerpt(text) + "' is not a number");
            }
        };
        CommandLine.ITypeConverter<Long> whole = text -> {
            try {
                return Numbers.parseWhole(text.trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + Messages.excerpt(text) + "' is not a whole number");
            }
        };
        CommandLine.ITypeConverter<Integer> integer = text -> {
            long v = whole.convert(text);
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw new CommandLine.TypeConversionException("'" + Messages.excerpt(text) + "' is beyond " + Integer.MAX_VALUE);
            }
            return (int) v;
        };
        cmd.registerConverter(Double.class, decimal);
        cmd.registerConverter(double.class, decimal);
        cmd.registerConverter(Long.class, whole);
        cmd.registerConverter(long.class, whole);
        cmd.registerConverter(Integer.class, integer);
        cmd.registerConverter(int.class, integer);
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
