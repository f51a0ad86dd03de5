package io.handwritingstudio.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stream copies used by the sources: gunzip a download, copy a member out of an archive. */
final class FileCopy {
    private FileCopy() {}

    /** Copies the content of {@code src} (gunzipped if it is gzip) to {@code target}. */
    static void decompressTo(Path src, Path target) throws IOException {
        try (InputStream in = Gzip.openContent(src)) {
            copy(in, target, -1);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException("corrupt gzip download: " + e.getMessage(), e);
        }
    }

    /** Copies exactly {@code length} bytes (or all, if -1) of {@code in} to {@code target}. */
    static void copy(InputStream in, Path target, long length) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buf = new byte[1 << 16];
            long left = length < 0 ? Long.MAX_VALUE : length;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    if (length >= 0) throw new IOException("archive member cut short: " + left + " bytes missing");
                    break;
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }
}
