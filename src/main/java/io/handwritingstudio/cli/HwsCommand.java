package io.handwritingstudio.cli;

import io.handwritingstudio.files.Failures;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: {@code handwriting-studio <command>}. */
@Command(name = "handwriting-studio", mixinStandardHelpOptions = true, version = "Handwriting Studio 0.1.0",
        description = "Train, evaluate and explore convolutional networks that read handwriting.%n"
                + "Run without a command to open the studio.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:all good", "1:some input failed (one line per problem on stderr)", "2:usage error"},
        subcommands = {FetchCommand.class, TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ReadCommand.class,
                InfoCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class HwsCommand {
    public static final int OK = 0;
    public static final int INPUT_FAILED = 1;
    public static final int USAGE = 2;

    /** Runs the CLI and returns the exit code: 0 ok, 1 some input failed, 2 usage error. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new HwsCommand());
        boolean debug = hasDebug(args);
        cli.setExecutionExceptionHandler(new ErrorHandler(debug));
        cli.setParameterExceptionHandler(HwsCommand::usageError);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            if (debug) e.printStackTrace();
            cli.getErr().println("error: out of memory (" + e.getMessage() + "); try a smaller batch or input");
            return INPUT_FAILED;
        }
    }

    private static boolean hasDebug(String[] args) {
        for (String a : args) if (a.equals("--debug")) return true;
        return false;
    }

    /** One line naming the problem and where help is, instead of picocli's full usage text. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println("error: " + firstLine(ex.getMessage()) + " (see '" + name + " --help')");
        return USAGE;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse(s);
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
            cmd.getErr().println("error: " + Failures.sentence(ex));
            return INPUT_FAILED;
        }
    }
}
