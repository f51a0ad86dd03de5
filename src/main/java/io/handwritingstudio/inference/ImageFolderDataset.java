package io.handwritingstudio.inference;

import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.FolderDatasetFormat;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.MnistFormat;
import io.handwritingstudio.data.Split;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The folder convention users know from other tools: one sub-folder per class holding image files
 * ({@code my-digits/7/a.png}), optionally split into {@code train/} and {@code test/}. Every image goes through the
 * same MNIST-style preprocessing as {@code predict}; without a split, a seeded fifth of each class is held out for
 * testing. Unreadable and blank images are skipped and counted, not fatal.
 */
public final class ImageFolderDataset implements FolderDatasetFormat {
    static final long SPLIT_SEED = 42;
    static final double TEST_FRACTION = 0.2;

    @Override
    public boolean accepts(Path dir) {
        Path root = Files.isDirectory(dir.resolve("train")) ? dir.resolve("train") : dir;
        try (Stream<Path> classes = Files.list(root)) {
            return classes.filter(Files::isDirectory).anyMatch(ImageFolderDataset::holdsImages);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public LabeledImages load(Path dir, Split split, DownloadListener listener) throws IOException {
        boolean presplit = Files.isDirectory(dir.resolve("train")) && Files.isDirectory(dir.resolve("test"));
        ClassNames classes = classNames(dir, presplit);
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            Path folder = (presplit ? dir.resolve(split == Split.TRAIN ? "train" : "test") : dir).resolve(classes.name(c));
            List<Path> images = images(folder);
            if (!presplit) images = splitOf(images, split);
            for (Path p : images) {
                files.add(p);
                labels.add(c);
            }
        }
        return preprocess(dir, files, labels, classes, listener);
    }

    /** Sub-folders holding images, sorted: their names are the class names ("7", "A", "plus"). */
    private static ClassNames classNames(Path dir, boolean presplit) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (Path root : presplit ? List.of(dir.resolve("train"), dir.resolve("test")) : List.of(dir)) {
            try (Stream<Path> sub = Files.list(root)) {
                sub.filter(Files::isDirectory).filter(ImageFolderDataset::holdsImages)
                        .forEach(p -> names.add(p.getFileName().toString()));
            }
        }
        if (names.isEmpty()) {
            throw new IOException(dir + ": no images in class folders (expected " + dir + "/<class>/<image>.png)");
        }
        return new ClassNames(List.copyOf(names));
    }

    private static boolean holdsImages(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(f -> Files.isRegularFile(f) && ImageFiles.hasImageExtension(f));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> images(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> Files.isRegularFile(f) && ImageFiles.hasImageExtension(f)).sorted().toList();
        }
    }

    /** A seeded fifth of each class (at least one image when there are two or more) for testing, the rest for training. */
    static List<Path> splitOf(List<Path> sorted, Split split) {
        List<Path> shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled, new Random(SPLIT_SEED));
        int test = sorted.size() < 2 ? 0 : Math.max(1, (int) Math.round(sorted.size() * TEST_FRACTION));
        return split == Split.TEST ? shuffled.subList(0, test) : shuffled.subList(test, shuffled.size());
    }

    private static LabeledImages preprocess(Path dir, List<Path> files, List<Integer> labels, ClassNames classes,
                                            DownloadListener listener) throws IOException {
        MnistPreprocessor preprocessor = new MnistPreprocessor();
        byte[] pixels = new byte[files.size() * MnistFormat.PIXELS];
        int[] kept = new int[files.size()];
        int n = 0, unreadable = 0, blank = 0;
        String firstProblem = null;
        for (int i = 0; i < files.size(); i++) {
            Preprocessed p;
            try {
                p = preprocessor.preprocess(ImageFiles.read(files.get(i)));
            } catch (ImageReadException e) {
                unreadable++;
                if (firstProblem == null) firstProblem = e.getMessage();
                continue;
            }
            if (p.empty()) {
                blank++;
                continue;
            }
            float[] v = p.pixels();
            for (int k = 0; k < MnistFormat.PIXELS; k++) pixels[n * MnistFormat.PIXELS + k] = (byte) Math.round(v[k] * 255);
            kept[n++] = labels.get(i);
        }
        if (unreadable + blank > 0) {
            listener.onMessage(dir.getFileName() + ": skipped " + unreadable + " unreadable and " + blank
                    + " blank image" + (unreadable + blank == 1 ? "" : "s") + (firstProblem == null ? "" : " (first: " + firstProblem + ")"));
        }
        return new LabeledImages(java.util.Arrays.copyOf(pixels, n * MnistFormat.PIXELS), java.util.Arrays.copyOf(kept, n),
                MnistFormat.SIDE, MnistFormat.SIDE, classes);
    }
}
