package io.handwritingstudio.ui.datasets;

import java.util.Locale;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.Split;
import javafx.concurrent.Task;

/** Loads (fetching first if needed) one split and its statistics off the JavaFX thread, reporting download progress. */
final class DatasetLoadTask extends Task<LoadedDataset> {
    private final DatasetRepository repository;
    private final String name;
    private final Split split;

    DatasetLoadTask(DatasetRepository repository, String name, Split split) {
        this.repository = repository;
        this.name = name;
        this.split = split;
    }

    @Override
    protected LoadedDataset call() throws Exception {
        updateMessage("Loading " + name + " (" + split.name().toLowerCase(Locale.ROOT) + ")...");
        var images = repository.load(name, split, new DownloadListener() {
            @Override
            public void onProgress(String file, long bytes, long total) {
                stopIfCancelled(); // the fetcher deletes its partial file as this unwinds
                if (total > 0) updateProgress(bytes, total);
                else updateProgress(-1, 1);
                updateMessage(String.format(Locale.ROOT, "Downloading %s: %.1f MB", file, bytes / 1e6));
            }

            @Override
            public void onMessage(String message) {
                stopIfCancelled();
                updateMessage(message);
            }
        });
        stopIfCancelled();
        updateMessage("Computing statistics...");
        return LoadedDataset.of(name, split, images);
    }

    private void stopIfCancelled() {
        if (isCancelled()) throw new java.util.concurrent.CancellationException(name + " cancelled");
    }
}
