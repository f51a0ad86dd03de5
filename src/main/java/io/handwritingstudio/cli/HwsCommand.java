package io.handwritingstudio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code handwriting-studio <command>}. */
@Command(name = "handwriting-studio", mixinStandardHelpOptions = true, version = "Handwriting Studio 0.1.0",
        description = "Train, evaluate and explore convolutional networks that read handwriting.%n"
                + "Run without a command to open the studio.",
        subcommands = {FetchCommand.class, TrainCommand.class, EvaluateCommand.class, PredictCommand.class,
                InfoCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class HwsCommand {

    /** Runs the CLI and returns the exit code: 0 ok, 1 error, 2 usage error. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new HwsCommand());
        cli.setExecutionExceptionHandler(new ErrorHandler(hasDebug(args)));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli.execute(args);
    }

    private static boolean hasDebug(String[] args) {
        for (String a : args) if (a.equals("--debug")) return true;
        return false;
    }

    /** Turns any failure into one clear line on stderr and exit code 1; the stack trace only with --debug. */
    static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
        private final boolean debug;

        ErrorHandler(boolean debug) {
            this.debug = debug;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
            if (debug) ex.printStackTrace();
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            cmd.getErr().println("error: " + message.lines().findFirst().orElse(message));
            return 1;
        }
    }
}
