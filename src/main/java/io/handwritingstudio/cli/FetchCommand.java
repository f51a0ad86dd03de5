package io.handwritingstudio.cli;

import io.handwritingstudio.data.DatasetRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code fetch <dataset>}: download (or find) a dataset, verify its checksums and cache it. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Download a dataset into the cache and verify every file's SHA-256.")
final class FetchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "DATASET", description = "mnist, fashion-mnist, emnist-letters, emnist-balanced, emnist-digits, letters")
    String dataset;

    @Override
    public Integer call() throws Exception {
        DatasetRepository repository = DatasetRepository.createDefault();
        long start = System.nanoTime();
        repository.fetch(dataset, DatasetOptions.downloadProgress());
        System.out.printf("%s is ready and verified (%.1f s)%n", dataset, (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
