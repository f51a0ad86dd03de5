package io.handwritingstudio.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A user's folder of four IDX files, found by name: train vs t10k/test, images/idx3 vs labels/idx1, optional .gz.
 * Optional {@code classes.txt} (one name per line) names the classes; an empty file named {@code transposed}
 * marks EMNIST-style storage. Labels are used as-is (offset 0).
 */
final class CustomFolder {
    private CustomFolder() {}

    static DatasetSpec spec(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException("dataset folder not found: " + dir.toAbsolutePath());
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            // special files are matched too: reading one then says what it is, instead of "not found"
            names = s.filter(p -> !Files.isDirectory(p)).map(p -> p.getFileName().toString()).sorted().toList();
        }
        DatasetFile trainImages = pick(dir, names, true, true);
        DatasetFile trainLabels = pick(dir, names, true, false);
        DatasetFile testImages = pick(dir, names, false, true);
        DatasetFile testLabels = pick(dir, names, false, false);
        ClassNames classes = Files.exists(dir.resolve("classes.txt")) ? namedClasses(dir.resolve("classes.txt"))
                : numbered(dir, trainLabels, testLabels);
        Orientation orientation = Files.exists(dir.resolve("transposed")) ? Orientation.TRANSPOSED : Orientation.UPRIGHT;
        String name = dir.toAbsolutePath().normalize().toString();
        return new DatasetSpec(name, "Folder " + dir.getFileName(), trainImages, trainLabels, testImages, testLabels,
                List.of(), classes, orientation, 0, dir.toAbsolutePath().normalize());
    }

    /** A few of the names, not a listing of whatever folder a typo pointed at. */
    private static String found(List<String> names) {
        if (names.isEmpty()) return "the folder has no files";
        List<String> shown = names.stream().limit(6).toList();
        return "found " + names.size() + " file" + (names.size() == 1 ? "" : "s") + ": " + String.join(", ", shown)
                + (names.size() > shown.size() ? ", ..." : "");
    }

    /** The matching IDX file; among several (e.g. letters' extra label files) the shortest name, the plain one, wins. */
    private static DatasetFile pick(Path dir, List<String> names, boolean train, boolean images) throws IOException {
        List<String> hits = names.stream().filter(n -> matches(n, train, images))
                .sorted(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())).toList();
        String what = (train ? "train" : "test") + " " + (images ? "images" : "labels");
        if (hits.isEmpty()) {
            throw new IOException(dir + ": no " + what + " file (expected a name like "
                    + (train ? "train" : "t10k") + "-" + (images ? "images-idx3" : "labels-idx1") + "-ubyte[.gz]); "
                    + found(names));
        }
        if (hits.size() > 1 && hits.get(0).length() == hits.get(1).length()) {
            throw new IOException(dir + ": ambiguous " + what + " files: " + hits);
        }
        return new DatasetFile(hits.get(0), null, true);
    }

    private static boolean matches(String fileName, boolean train, boolean images) {
        String n = fileName.toLowerCase(Locale.ROOT);
        String base = n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
        if (!(base.endsWith("ubyte") || base.endsWith(".idx") || base.contains("idx1") || base.contains("idx3"))) return false;
        boolean isTrain = n.contains("train");
        boolean isTest = n.contains("t10k") || n.contains("test");
        boolean isImages = n.contains("images") || n.contains("idx3");
        boolean isLabels = n.contains("labels") || n.contains("idx1");
        return (train ? isTrain && !isTest : isTest && !isTrain) && (images ? isImages && !isLabels : isLabels && !isImages);
    }

    /** One class name per line; duplicates or an oversized file are refused in words. */
    private static ClassNames namedClasses(Path file) throws IOException {
        String text = new String(io.handwritingstudio.files.SafeFiles.readBounded(file, 1 << 20),
                java.nio.charset.StandardCharsets.UTF_8);
        try {
            return new ClassNames(text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** "0".."k-1" where k-1 is the largest label in either split. */
    private static ClassNames numbered(Path dir, DatasetFile train, DatasetFile test) throws IOException {
        int max = 0;
        for (DatasetFile f : List.of(train, test)) {
            for (int l : IdxReader.readLabels(dir.resolve(f.fileName()))) max = Math.max(max, l);
        }
        return new ClassNames(IntStream.rangeClosed(0, max).mapToObj(String::valueOf).toList());
    }
}
