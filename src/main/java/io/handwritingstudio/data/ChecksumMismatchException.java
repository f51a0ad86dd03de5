package io.handwritingstudio.data;

import java.nio.file.Path;

/** A file whose content no longer matches its published SHA-256 (damaged or replaced after it was verified). */
public final class ChecksumMismatchException extends IdxFormatException {
    public ChecksumMismatchException(Path file, String expected, String actual) {
        super(file, "content does not match its published SHA-256 " + expected + " (got " + actual + ")");
    }
}
