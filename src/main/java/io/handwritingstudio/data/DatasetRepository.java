package io.handwritingstudio.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads datasets by catalogue name or folder path: fetch if needed, then read, make upright, map labels to classes. */
public final class DatasetRepository {
    private final DatasetFetcher fetcher;

    public DatasetRepository(DatasetFetcher fetcher) {
        this.fetcher = fetcher;
    }

    public static DatasetRepository createDefault() {
        return new DatasetRepository(DatasetFetcher.createDefault());
    }

    public DatasetFetcher fetcher() {
        return fetcher;
    }

    /** A catalogue entry, or, for anything that is not a known name, a folder of IDX files. */
    public DatasetSpec spec(String nameOrDir) throws IOException {
        var known = DatasetCatalog.find(nameOrDir);
        if (known.isPresent()) return known.get();
        Path dir = Path.of(nameOrDir);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("unknown dataset '" + nameOrDir + "': neither a known name ("
                    + String.join(", ", DatasetCatalog.names()) + ") nor a folder");
        }
        return DatasetCatalog.custom(dir);
    }

    /**
     * Whether the dataset is on this computer: in the cache, read in place, or shipped with the application (then
     * the first load unpacks and verifies it, in seconds, with nothing to download).
     */
    public boolean isCached(String nameOrDir) {
        if (CharactersDataset.NAME.equals(nameOrDir)) {
            return isCached(DatasetCatalog.MNIST) && isCached(DatasetCatalog.LETTERS);
        }
        if (folderFormat(nameOrDir).isPresent()) return true;
        try {
            DatasetSpec spec = spec(nameOrDir);
            if (!spec.sources().isEmpty() && spec.sources().stream().allMatch(FileSource::bundled)) return true;
            return fetcher.isCached(spec);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    public void fetch(String nameOrDir, DownloadListener listener) throws IOException {
        if (folderFormat(nameOrDir).isPresent()) return; // read in place
        if (CharactersDataset.NAME.equals(nameOrDir)) {
            fetch(DatasetCatalog.MNIST, listener);
            fetch(DatasetCatalog.LETTERS, listener);
            return;
        }
        fetcher.fetchAll(spec(nameOrDir), listener);
    }

    /**
     * Imports a cached dataset from files the user copied over ({@link ImportSource}) instead of its usual sources:
     * the same verification, the same cache.
     */
    public void fetchFrom(String name, Path from, DownloadListener listener) throws IOException {
        if (CharactersDataset.NAME.equals(name)) {
            throw new IllegalArgumentException("characters is built from mnist and letters: import mnist instead");
        }
        DatasetSpec spec = DatasetCatalog.require(name);
        if (spec.isLocal()) throw new IllegalArgumentException(name + " is read in place and needs no import");
        fetcher.fetchAll(spec.withSources(java.util.List.of(new ImportSource(from))), listener);
    }

    public LabeledImages load(String nameOrDir, Split split, DownloadListener listener) throws IOException {
        if (CharactersDataset.NAME.equals(nameOrDir)) return CharactersDataset.load(this, split, listener);
        var format = folderFormat(nameOrDir);
        if (format.isPresent()) return format.get().load(Path.of(nameOrDir), split, listener);
        return load(spec(nameOrDir), split, listener);
    }

    /** A non-IDX folder layout that reads {@code nameOrDir} (image folders), if it is a folder and one does. */
    private static java.util.Optional<FolderDatasetFormat> folderFormat(String nameOrDir) {
        if (DatasetCatalog.find(nameOrDir).isPresent()) return java.util.Optional.empty();
        Path dir = Path.of(nameOrDir);
        if (!Files.isDirectory(dir)) return java.util.Optional.empty();
        for (FolderDatasetFormat f : java.util.ServiceLoader.load(FolderDatasetFormat.class)) {
            if (f.accepts(dir)) return java.util.Optional.of(f);
        }
        return java.util.Optional.empty();
    }

    public LabeledImages load(DatasetSpec spec, Split split, DownloadListener listener) throws IOException {
        if (!fetcher.isCached(spec)) fetcher.fetchAll(spec, listener);
        IdxImages images = readVerified(spec, spec.images(split), listener, IdxReader::readImages);
        int[] labels = readVerified(spec, spec.labels(split), listener, IdxReader::readLabels);
        Path labelsPath = fetcher.location(spec, spec.labels(split));
        if (labels.length != images.count()) {
            throw new IdxFormatException(labelsPath, "has " + labels.length + " labels but "
                    + spec.images(split).fileName() + " has " + images.count() + " images");
        }
        int k = spec.classes().size(), offset = spec.labelOffset();
        for (int i = 0; i < labels.length; i++) {
            int c = labels[i] - offset;
            if (c < 0 || c >= k) {
                throw new IdxFormatException(labelsPath, "label out of range: label " + labels[i] + " of item " + i
                        + " is outside " + offset + ".." + (offset + k - 1) + " (" + k + " classes)");
            }
            labels[i] = c;
        }
        IdxImages upright = spec.orientation().toUpright(images);
        return new LabeledImages(upright.pixels(), labels, upright.rows(), upright.cols(), spec.classes());
    }

    private interface IdxRead<T> {
        T read(Path file, DatasetFile expected) throws IOException;
    }

    /**
     * Reads a file and checks its SHA-256 in the same pass. A cached file that no longer matches (damaged on disk,
     * edited, replaced) is fetched again once; a dataset read in place has nowhere to fetch from, so it fails.
     */
    private <T> T readVerified(DatasetSpec spec, DatasetFile file, DownloadListener listener, IdxRead<T> reader)
            throws IOException {
        Path path = fetcher.ensure(spec, file, listener);
        try {
            return reader.read(path, file);
        } catch (ChecksumMismatchException e) {
            if (spec.isLocal() || spec.sources().isEmpty()) throw e;
            listener.onMessage(file.fileName() + " changed since it was verified: fetching it again");
            fetcher.discard(spec, file);
            return reader.read(fetcher.ensure(spec, file, listener), file);
        }
    }
}
