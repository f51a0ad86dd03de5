package io.handwritingstudio.files;

import java.io.IOException;

/**
 * What went wrong, in one line a user can read, for the CLI's "error:" line and every message the studio shows.
 * Also tells expected failures (a user's file or choice that cannot be used) from defects, which need a stack trace.
 */
public final class Failures {
    private Failures() { }

    /**
     * The sentence: a file-system exception's path with its reason ("/x/y: permission denied", not "/x/y"), the
     * first line of an exception's own message, or, for a wrapper with nothing to add, its cause's sentence.
     */
    public static String sentence(Throwable failure) {
        if (failure == null) return "unknown error";
        Throwable cause = failure.getCause();
        if (isWrapper(failure) && cause != null && cause != failure) return sentence(cause);
        if (failure instanceof IOException io) return firstLine(SafeFiles.describe(io));
        if (failure instanceof OutOfMemoryError) return "out of memory";
        String own = failure.getMessage();
        if (own != null && !own.isBlank()) return firstLine(own);
        return cause != null && cause != failure ? sentence(cause) : failure.getClass().getSimpleName();
    }

    /**
     * Whether this is the user's input rather than a defect: a file that cannot be read or written, a model, image or
     * dataset that is not what it should be (all {@link IOException}s), or a refused choice (this project's
     * {@link IllegalArgumentException}s, and checked exceptions marked {@link Expected}).
     */
    public static boolean expected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof IllegalArgumentException || t instanceof Expected
                    || t instanceof java.util.concurrent.CancellationException) return true;
        }
        return false;
    }

    /** Marks an exception type whose every instance is a refusal of the user's input, never a defect. */
    public interface Expected { }

    /** Exceptions that only carry another: their message is the cause's {@code toString()} (as the JDK's one-argument
     *  constructors make it, UncheckedIOException's and ExecutionException's among them) or nothing. */
    private static boolean isWrapper(Throwable t) {
        Throwable cause = t.getCause();
        return cause != null && (t.getMessage() == null || t.getMessage().equals(cause.toString()));
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse(s);
    }
}
