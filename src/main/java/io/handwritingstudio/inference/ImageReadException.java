package io.handwritingstudio.inference;

import java.io.IOException;
import java.nio.file.Path;

/** A file that cannot be turned into an image; the message is one line that starts with the file name. */
public class ImageReadException extends IOException {
    private final transient Path path;

    public ImageReadException(Path path, String reason) {
        this(path, reason, null);
    }

    public ImageReadException(Path path, String reason, Throwable cause) {
        super(nameOf(path) + ": " + reason, cause);
        this.path = path;
    }

    /** The file that failed (the message shows only its name, to stay short). */
    public Path path() {
        return path;
    }

    private static String nameOf(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
