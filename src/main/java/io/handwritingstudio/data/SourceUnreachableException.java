package io.handwritingstudio.data;

import java.io.IOException;

/** A source that cannot be reached at all (no network, DNS, refused): skip it for the dataset's other files. */
class SourceUnreachableException extends IOException {
    SourceUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
