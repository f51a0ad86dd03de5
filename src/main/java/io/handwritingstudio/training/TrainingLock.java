package io.handwritingstudio.training;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One training at a time per output: two runs writing the same model would also write the same checkpoints, and
 * the last to finish would silently replace the other. Held for the whole run; released by the OS if we crash.
 */
public final class TrainingLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private TrainingLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code dir/.lock}; fails at once, naming {@code output}, when another run holds it. */
    public static TrainingLock acquire(Path dir, Path output) throws IOException {
        Files.createDirectories(dir);
        Path lockFile = dir.resolve(".lock");
        // a FIFO (or any special file) there would block the open below until someone reads it: refused, as saves are
        io.handwritingstudio.files.SafeFiles.requireWritableTarget(lockFile);
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException(output + ": another training is already writing this model; wait for it or choose"
                    + " another --out");
        }
        return new TrainingLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
