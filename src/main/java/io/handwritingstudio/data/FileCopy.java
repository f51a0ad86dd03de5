package io.handwritingstudio.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stream copies used by the sources: gunzip a download, copy a member out of an archive. */
final class FileCopy {
    private FileCopy() {}

    /**
     * Copies the content of {@code src} (gunzipped if it is gzip) to {@code target}, refusing content larger than
     * {@code maxBytes}: a 2 MB .gz can inflate to gigabytes.
     */
    static void decompressTo(Path src, Path target, long maxBytes) throws IOException {
        try (InputStream in = Gzip.openContent(src)) {
            long copied = copyUpTo(in, target, maxBytes + 1);
            if (copied > maxBytes) {
                Files.deleteIfExists(target);
                throw new IOException(src.getFileName() + " unpacks to more than " + maxBytes
                        + " bytes, larger than any dataset file");
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException("corrupt gzip data in " + src.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Copies exactly {@code length} bytes of {@code in} to {@code target}. */
    static void copy(InputStream in, Path target, long length) throws IOException {
        long copied = copyUpTo(in, target, length);
        if (copied < length) throw new IOException("archive member cut short: " + (length - copied) + " bytes missing");
    }

    /** Copies the whole stream, refusing more than {@code maxBytes}. */
    static void copyAll(InputStream in, Path target, long maxBytes, String what) throws IOException {
        if (copyUpTo(in, target, maxBytes + 1) > maxBytes) {
            Files.deleteIfExists(target);
            throw new IOException(what + " is larger than the limit of " + maxBytes + " bytes");
        }
    }

    /** Copies until the stream ends or {@code limit} bytes are written; returns the bytes written. */
    private static long copyUpTo(InputStream in, Path target, long limit) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buf = new byte[1 << 16];
            long left = limit;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) break;
                out.write(buf, 0, n);
                left -= n;
            }
            return limit - left;
        }
    }
}
