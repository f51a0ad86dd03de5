package io.handwritingstudio.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a file whole or not at all: the bytes go to a temp file beside the target ({@code .saving-<name>-*}), are
 * flushed to disk, get the permissions a normal new file would have (or the replaced file's), and are then renamed over the target in one step.
 * A crash at any point leaves either the old file or the new one, never a mix; leftovers of crashed saves are
 * removed by the next save of the same name.
 */
public final class AtomicFiles {
    private static final String PREFIX = ".saving-";
    /** A live save takes seconds; a temp file this old belongs to a save that crashed. */
    private static final Duration STALE = Duration.ofMinutes(10);
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private AtomicFiles() {
    }

    /** Something that writes a file's content. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Body body) throws IOException {
        SafeFiles.requireWritableTarget(target);
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        removeStaleLeftovers(dir, target.getFileName().toString());
        // Not Files.createTempFile: that makes the file owner-only (rw-------); a plain create gets the umask's mode.
        Path tmp = dir.resolve(PREFIX + target.getFileName() + "-" + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16)) {
                body.writeTo(closeShielded(out)); // bodies may close what they wrap (gzip): the file is synced first
                out.flush();
                channel.force(true);
            }
            copyPermissions(target, tmp);
            moveIntoPlace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static OutputStream closeShielded(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /**
     * Renames a finished temp file over {@code target}; where the file system cannot rename atomically (some network
     * and FUSE mounts) a plain replace is the best there is.
     */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A replaced file keeps its permissions; a new one has what the umask gives any new file (rw-r--r-- usually). */
    private static void copyPermissions(Path target, Path tmp) {
        try {
            if (!Files.isRegularFile(target)) return;
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(target);
            Files.setPosixFilePermissions(tmp, perms);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system: the platform's defaults apply
        }
    }

    private static void removeStaleLeftovers(Path dir, String name) {
        Instant cutoff = Instant.now().minus(STALE);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(PREFIX + name + "-")).toList()) {
                FileTime modified = Files.getLastModifiedTime(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                if (modified.toInstant().isBefore(cutoff)) Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // cleaning up is a courtesy; the save itself does not depend on it
        }
    }
}
