package io.handwritingstudio.files;

import java.io.IOException;
import java.nio.file.Path;

/** A path the user gave that cannot be used as asked; the message is one line: "PATH: what is wrong". */
public final class UserFileException extends IOException {
    public UserFileException(Path path, String problem) {
        super(path + ": " + problem);
    }
}
