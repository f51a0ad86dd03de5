package io.handwritingstudio.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files, and the small stamps that let a verified file skip re-hashing until its size or mtime changes. */
final class Checksums {
    private Checksums() {}

    static String sha256(Path file, boolean ofContent) throws IOException {
        MessageDigest md = newDigest();
        try (InputStream in = ofContent ? Gzip.openContent(file) : Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** True when the stamp says this exact file (same size and mtime) already matched {@code sha256}. */
    static boolean stampValid(Path stamp, Path file, String sha256) {
        try {
            return Files.isRegularFile(stamp) && Files.readString(stamp).strip().equals(stampText(file, sha256));
        } catch (IOException e) {
            return false;
        }
    }

    static void writeStamp(Path stamp, Path file, String sha256) throws IOException {
        io.handwritingstudio.files.AtomicFiles.writeString(stamp, stampText(file, sha256) + "\n");
    }

    private static String stampText(Path file, String sha256) throws IOException {
        return "size=" + Files.size(file) + " mtime=" + Files.getLastModifiedTime(file).toMillis() + " sha256=" + sha256;
    }
}
