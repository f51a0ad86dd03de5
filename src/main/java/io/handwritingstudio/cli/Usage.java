package io.handwritingstudio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Option values that parse but make no sense (--top -1, --iterations 0): usage errors, exit code 2. */
final class Usage {
    private Usage() {
    }

    static void require(CommandSpec spec, boolean ok, String message) {
        if (!ok) throw new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** A value read by its own parser ({@code Split.parse}, ...), whose IllegalArgumentException is a usage error. */
    static <T> T parse(CommandSpec spec, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
