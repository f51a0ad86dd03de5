package io.handwritingstudio.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A folder layout, other than IDX files, that reads as a dataset: image files in one folder per class, above all.
 * Implementations live where their decoding does (images need the preprocessing in {@code inference}) and are
 * found with {@link java.util.ServiceLoader}, so this package stays at the bottom of the dependency graph.
 */
public interface FolderDatasetFormat {
    /** Whether {@code dir} is laid out this way; cheap (a directory listing). */
    boolean accepts(Path dir);

    LabeledImages load(Path dir, Split split, DownloadListener listener) throws IOException;
}
