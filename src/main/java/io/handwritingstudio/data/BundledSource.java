package io.handwritingstudio.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Dataset files that ship inside the application (the letters, under {@code resources/datasets/}): copied into the
 * cache and verified by SHA-256 like a download, so a damaged jar or checkout is caught the same way a bad mirror is.
 */
public record BundledSource(String resourceDir) implements FileSource {

    @Override
    public void fetch(DatasetFile file, Path target, Path workDir, DownloadListener listener) throws IOException {
        String resource = resourceDir + file.fileName();
        try (InputStream in = BundledSource.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing from this installation (" + resource + ")");
            listener.onMessage("unpacking bundled " + file.fileName());
            FileCopy.copyAll(in, target, ImportSource.MAX_FILE_BYTES, resource);
        }
        long size = Files.size(target);
        listener.onProgress(file.fileName(), size, size);
    }

    @Override
    public boolean bundled() {
        return true;
    }

    @Override
    public String describe() {
        return "bundled " + resourceDir;
    }
}
