package io.handwritingstudio.ui.datasets;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.ui.context.DownloadReporter;
import javafx.concurrent.Task;

import java.util.Locale;

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
        var download = new DownloadReporter(name, this::isCancelled, this::updateProgress, this::updateMessage);
        var images = repository.load(name, split, download);
        download.stopIfCancelled();
        updateMessage("Computing statistics...");
        return LoadedDataset.of(name, split, images);
    }
}
