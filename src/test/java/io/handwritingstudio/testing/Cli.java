package io.handwritingstudio.testing;

import io.handwritingstudio.cli.HwsCommand;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the command line in this JVM as a user would type it, capturing what it prints. */
public final class Cli {
    private Cli() {
    }

    public record Run(int exitCode, String out, String err) {
        /** The last line on stderr: where the one-line error is. */
        public String lastErrorLine() {
            String[] lines = err.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    public static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = HwsCommand.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
