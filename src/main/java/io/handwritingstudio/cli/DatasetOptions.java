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

    @Option(names = "--data-dir", paramLabel = "DIR", description = "A folder of four IDX files (train/t10k images and labels), or of one subfolder per class holding images (DIR/7/a.png; split 80/20 when it has no train/test folders).")
    Path dataDir;

    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * The dataset to load: a catalogue name, or a folder given with --data-dir (never through --dataset, where a typo
     * such as ../../etc would be read as a folder). Both at once is a usage error: neither silently wins.
     */
    String nameOrDir(String defaultName) {
        Usage.require(spec, dataset == null || dataDir == null, "--dataset and --data-dir name two datasets: give one");
        if (dataDir != null) return dataDir.toString();
        if (dataset == null) return defaultName;
        Usage.require(spec, isCatalogued(dataset), "unknown dataset '" + dataset + "' (known: "
                + String.join(", ", catalogued()) + "); for a folder (IDX files or class subfolders of images) use --data-dir DIR");
        return dataset;
    }

    static boolean isCatalogued(String name) {
        return catalogued().contains(name);
    }

    static java.util.List<String> catalogued() {
        var names = new java.util.ArrayList<>(io.handwritingstudio.data.DatasetCatalog.names());
        names.add(io.handwritingstudio.data.CharactersDataset.NAME);
        return names;
    }

    /** A short name for model cards: the catalogue name or the folder's name. */
    String displayName(String defaultName) {
        if (dataDir == null) return nameOrDir(defaultName);
        Path name = dataDir.toAbsolutePath().normalize().getFileName(); // null for the root folder
        return name == null ? dataDir.toString() : name.toString();
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
