package io.handwritingstudio.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder of already-downloaded files, e.g. Debian's {@code dataset-fashion-mnist} package. Accepts {@code <file>}
 * or {@code <file>.gz} and stores the content uncompressed (Debian recompresses, so only the content can match).
 */
public record LocalFolderSource(Path folder) implements FileSource {
    @Override
    public void fetch(DatasetFile file, Path target, Path workDir, DownloadListener listener) throws IOException {
        Path plain = folder.resolve(file.fileName());
        Path gz = folder.resolve(file.fileName() + ".gz");
        Path src = Files.isRegularFile(plain) ? plain : gz;
        if (!Files.isRegularFile(src)) throw new IOException("not installed (" + plain + "[.gz] not found)");
        listener.onMessage("copying " + src);
        FileCopy.decompressTo(src, target, ImportSource.MAX_FILE_BYTES);
        long size = Files.size(target);
        listener.onProgress(file.fileName(), size, size);
    }

    @Override
    public String describe() {
        return folder.toString();
    }
}
