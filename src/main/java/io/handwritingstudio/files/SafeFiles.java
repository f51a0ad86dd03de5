package io.handwritingstudio.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks before touching a user's path, each failure a {@link UserFileException} that says what is wrong in words:
 * a FIFO or device is never opened (reading one can block forever), a folder is not a file, a link loop is named.
 */
public final class SafeFiles {
    private SafeFiles() {
    }

    /** An existing regular file (links followed), or an exception saying what the path is instead. */
    public static Path requireRegularFile(Path path) throws UserFileException {
        if (Files.isRegularFile(path)) {
            if (!Files.isReadable(path)) throw new UserFileException(path, "permission denied (cannot read it)");
            return path;
        }
        throw new UserFileException(path, whatItIs(path));
    }

    /** Where a save may go: nothing there yet, or a regular file to replace; never a folder or a special file. */
    public static void requireWritableTarget(Path target) throws UserFileException {
        if (Files.isSymbolicLink(target) && !Files.exists(target)) {
            throw new UserFileException(target, "is a broken or looping symbolic link");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new UserFileException(target, Files.isDirectory(target) ? "is a folder, not a file"
                    : "is not a regular file (a device, FIFO or socket): refusing to replace it");
        }
        // the nearest folder that exists is where the missing ones would be made (found before, not after, a training)
        Path dir = target.toAbsolutePath().getParent();
        while (dir != null && !Files.exists(dir)) dir = dir.getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new UserFileException(target, dir + " is not a folder");
        }
        if (dir != null && !Files.isWritable(dir)) {
            throw new UserFileException(target, "permission denied (cannot write to " + dir + ")");
        }
    }

    /** The whole file, refused when it is larger than {@code maxBytes} (checked before reading, and while reading). */
    public static byte[] readBounded(Path path, long maxBytes) throws IOException {
        requireRegularFile(path);
        long size = Files.size(path);
        if (size > maxBytes) {
            throw new UserFileException(path, "is " + size + " bytes, more than the limit of " + maxBytes);
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) maxBytes + 1);
            if (bytes.length > maxBytes) throw new UserFileException(path, "grew beyond the limit of " + maxBytes + " bytes");
            return bytes;
        }
    }

    /** Words for a path that is not a readable regular file. */
    public static String whatItIs(Path path) {
        if (Files.isSymbolicLink(path) && !Files.exists(path)) return "is a broken or looping symbolic link";
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) return "no such file or folder";
        if (Files.isDirectory(path)) return "is a folder, not a file";
        if (!Files.isRegularFile(path)) return "is not a regular file (a device, FIFO or socket)";
        return Files.isReadable(path) ? "is a file" : "permission denied (cannot read it)";
    }

    /** Turns the JDK's path-only messages ("/x/y") into words ("/x/y: permission denied"). */
    public static String describe(IOException e) {
        if (e instanceof UserFileException) return e.getMessage();
        if (e instanceof NoSuchFileException n) return n.getFile() + ": no such file or folder";
        if (e instanceof java.nio.file.AccessDeniedException a) return a.getFile() + ": permission denied";
        if (e instanceof java.nio.file.NotDirectoryException d) return d.getFile() + ": not a folder";
        if (e instanceof java.nio.file.FileSystemLoopException l) return l.getFile() + ": symbolic link loop";
        if (e instanceof java.nio.file.FileSystemException f) {
            String reason = f.getReason() == null ? "cannot be used" : f.getReason();
            return f.getFile() + ": " + reason;
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
