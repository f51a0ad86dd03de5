package io.handwritingstudio.cli;

import java.util.Locale;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** {@code --dataset NAME} or {@code --data-dir DIR}: which images a command works on. */
final class DatasetOptions {
    @Option(names = "--dataset", paramLabel = "NAME",
            description = "A catalogue dataset: mnist, letters, characters (digits + letters), fashion-mnist, emnist-letters, emnist-balanced, emnist-digits.")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "A folder of four IDX files (train/t10k images and labels).")
    Path dataDir;

    String nameOrDir(String defaultName) {
        if (dataDir != null) return dataDir.toString();
        return dataset != null ? dataset : defaultName;
    }

    /** A short name for model cards: the catalogue name or the folder's name. */
    String displayName(String defaultName) {
        return dataDir != null ? dataDir.getFileName().toString() : nameOrDir(defaultName);
    }

    static LabeledImages load(String nameOrDir, Split split) throws IOException {
        return DatasetRepository.createDefault().load(nameOrDir, split, downloadProgress());
    }

    /** Shows downloads as a progress bar on stderr. */
    static DownloadListener downloadProgress() {
        ProgressBar bar = ProgressBar.stderr();
        return new DownloadListener() {
            @Override
            public void onProgress(String file, long bytes, long total) {
                double fraction = total > 0 ? bytes / (double) total : 0;
                bar.update("Downloading " + file, fraction, String.format(Locale.ROOT, "%.1f MB", bytes / 1e6));
            }

            @Override
            public void onMessage(String message) {
                System.err.println(message);
            }
        };
    }
}
