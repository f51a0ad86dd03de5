package io.handwritingstudio.data;

import java.io.IOException;
import java.nio.file.Path;

/** An IDX file that is not what its header (or the dataset) promises; the message names the file and the problem. */
public class IdxFormatException extends IOException {
    public IdxFormatException(Path file, String problem) {
        super(name(file) + ": " + problem);
    }

    public IdxFormatException(Path file, String problem, Throwable cause) {
        super(name(file) + ": " + problem, cause);
    }

    private static String name(Path file) {
        Path n = file.getFileName();
        return n == null ? file.toString() : n.toString();
    }
}
