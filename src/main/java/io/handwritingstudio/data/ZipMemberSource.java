package io.handwritingstudio.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A file inside a big zip (NIST's EMNIST {@code gzip.zip}, ~536 MB). The zip is downloaded once into the work folder
 * and only the members a dataset needs are copied out (random access via the zip's central directory).
 */
public record ZipMemberSource(String zipUrl, String memberFolder) implements FileSource {
    /** NIST's EMNIST gzip.zip is 562 MB: room to grow, not room for an endless stream. */
    static final long MAX_ZIP_BYTES = 2L << 30;

    @Override
    public void fetch(DatasetFile file, Path target, Path workDir, DownloadListener listener) throws IOException {
        Path zip = zipPath(workDir);
        if (!Files.isRegularFile(zip)) {
            Files.createDirectories(workDir);
            Path part = Files.createTempFile(workDir, zip.getFileName().toString(), ".part");
            try {
                listener.onMessage("downloading " + zipUrl + " (only the needed members are kept)");
                HttpDownload.get(zipUrl, part, zip.getFileName().toString(), listener, MAX_ZIP_BYTES);
                io.handwritingstudio.files.AtomicFiles.moveIntoPlace(part, zip);
            } finally {
                Files.deleteIfExists(part);
            }
        }
        String member = memberFolder + file.fileName();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            ZipEntry entry = zf.getEntry(member);
            if (entry == null) throw new IOException(zip.getFileName() + " has no member " + member);
            try (InputStream in = zf.getInputStream(entry)) {
                FileCopy.copyAll(in, target, ImportSource.MAX_FILE_BYTES, member);
            }
            long size = Files.size(target);
            listener.onProgress(file.fileName(), size, size);
        } catch (ZipException e) {
            Files.deleteIfExists(zip); // a damaged download must not be reused next time
            throw new IOException("corrupt zip " + zip.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private Path zipPath(Path workDir) {
        String name = zipUrl.substring(zipUrl.lastIndexOf('/') + 1);
        return workDir.resolve("zip-" + Integer.toHexString(zipUrl.hashCode()) + "-" + (name.isEmpty() ? "archive.zip" : name));
    }

    @Override
    public String describe() {
        return zipUrl + " (member " + memberFolder + "...)";
    }

    @Override
    public void cleanup(Path workDir) throws IOException {
        Files.deleteIfExists(zipPath(workDir));
    }
}
