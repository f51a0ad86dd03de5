package io.handwritingstudio.model;

import java.io.IOException;

/** A model file that cannot be used: missing, corrupt, truncated, or made for other inputs. */
public class ModelLoadException extends IOException {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
