package io.handwritingstudio.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Gzip detection by content (1f 8b), never by file name: mirrors and users rename files freely. */
final class Gzip {
    private Gzip() {}

    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** A buffered stream of the file's content, gunzipped when it is gzip. */
    static InputStream openContent(Path file) throws IOException {
        boolean gz = isGzip(file);
        InputStream raw = Files.newInputStream(file);
        return gz ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16)
                  : new BufferedInputStream(raw, 1 << 16);
    }
}
