package io.handwritingstudio.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A mirror folder on the web. With {@code gzipped}, it serves {@code <file>.gz} and the file is stored uncompressed
 * (MNIST mirrors: the published checksums are of the raw files).
 */
public record HttpMirror(String baseUrl, boolean gzipped) implements FileSource {
    @Override
    public void fetch(DatasetFile file, Path target, Path workDir, DownloadListener listener) throws IOException {
        String url = (baseUrl.endsWith("/") ? baseUrl : baseUrl + "/") + file.fileName() + (gzipped ? ".gz" : "");
        if (!gzipped) {
            HttpDownload.get(url, target, file.fileName(), listener, ImportSource.MAX_FILE_BYTES);
            return;
        }
        Path gz = Files.createTempFile(workDir, file.fileName(), ".gz.part");
        try {
            HttpDownload.get(url, gz, file.fileName(), listener, ImportSource.MAX_FILE_BYTES);
            FileCopy.decompressTo(gz, target, ImportSource.MAX_FILE_BYTES);
        } finally {
            Files.deleteIfExists(gz);
        }
    }

    @Override
    public String describe() {
        return baseUrl;
    }
}
