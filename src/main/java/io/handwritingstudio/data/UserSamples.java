package io.handwritingstudio.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The user's own labelled 28x28 samples (e.g. drawn in the studio), kept as an MNIST-style custom dataset folder
 * that {@link DatasetRepository#load(String, Split, DownloadListener)} opens like any other: four IDX files plus
 * {@code classes.txt}. Every fifth sample goes to the test split so the folder can also be evaluated on.
 * One folder per class set ({@code digits}, {@code letters}, ...), so digits and letters never mix.
 * Each append rewrites the files atomically ({@link IdxWriter}), images before labels, under a lock that other
 * processes (a second studio) respect too; callers run it off the UI thread. A crash between the two renames leaves
 * one image more than labels: that unfinished sample is dropped when the folder is next read.
 */
public final class UserSamples {
    private static final java.util.concurrent.ConcurrentHashMap<Path, Object> LOCKS = new java.util.concurrent.ConcurrentHashMap<>();
    /** Overrides the user data folder (default {@code ~/.local/share/handwriting-studio}). */
    public static final String DATA_DIR_PROPERTY = "hws.user.data.dir";
    private static final int SIDE = MnistFormat.SIDE;
    private static final int TEST_EVERY = 5;

    private final Path dir;
    private final ClassNames classes;

    public UserSamples(Path dir, ClassNames classes) {
        this.dir = dir.toAbsolutePath().normalize();
        this.classes = classes;
    }

    /** The samples folder for this class set under the user's data folder. */
    public static UserSamples forClasses(ClassNames classes) {
        return new UserSamples(root().resolve(folderName(classes)), classes);
    }

    /** {@code ~/.local/share/handwriting-studio/my-samples}, or {@code <hws.user.data.dir>/my-samples}. */
    public static Path root() {
        String override = System.getProperty(DATA_DIR_PROPERTY);
        Path data = override != null ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".local", "share", "handwriting-studio");
        return data.resolve("my-samples");
    }

    static String folderName(ClassNames classes) {
        if (classes.equals(ClassNames.digits())) return "digits";
        List<String> az = IntStream.rangeClosed('A', 'Z').mapToObj(c -> String.valueOf((char) c)).toList();
        if (classes.names().equals(az)) return "letters";
        return classes.size() + "-classes";
    }

    public Path folder() {
        return dir;
    }

    /** Samples saved so far (both splits); 0 when the folder does not exist yet. */
    public int count() throws IOException {
        return read("train").size() + read("t10k").size();
    }

    /**
     * Appends one sample and returns the new total.
     *
     * @param pixels 784 values in [0,1], ink bright (MNIST polarity, upright)
     */
    public int append(float[] pixels, int label) throws IOException {
        // one writer per folder, whichever UserSamples instance asks (the pad and line mode each make their own)
        synchronized (LOCKS.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new Object())) {
            Files.createDirectories(dir);
            Path lockFile = dir.resolve(".lock");
            io.handwritingstudio.files.SafeFiles.requireWritableTarget(lockFile); // a FIFO there would block the open
            try (var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.WRITE); var held = channel.lock()) {
                return appendLocked(pixels, label);
            }
        }
    }

    private int appendLocked(float[] pixels, int label) throws IOException {
        if (pixels.length != SIDE * SIDE) throw new IllegalArgumentException("need 784 pixels, got " + pixels.length);
        if (label < 0 || label >= classes.size()) {
            throw new IllegalArgumentException("label " + label + " is outside 0.." + (classes.size() - 1));
        }
        checkClasses();
        LabeledImages train = read("train");
        LabeledImages test = read("t10k");
        int total = train.size() + test.size();
        boolean toTest = total % TEST_EVERY == TEST_EVERY - 1;
        LabeledImages grown = appended(toTest ? test : train, toBytes(pixels), label);
        io.handwritingstudio.files.AtomicFiles.writeString(dir.resolve("classes.txt"), String.join("\n", classes.names()) + "\n");
        IdxWriter.writeDataset(dir, toTest ? "t10k" : "train", grown, false);
        // a fresh folder needs the other split too, even if empty, to be a loadable dataset
        String other = toTest ? "train" : "t10k";
        if (!Files.exists(imagesFile(other))) IdxWriter.writeDataset(dir, other, toTest ? train : test, false);
        return total + 1;
    }

    /** A folder made for another class set must not silently get relabelled samples. */
    private void checkClasses() throws IOException {
        Path file = dir.resolve("classes.txt");
        if (!Files.isRegularFile(file)) return;
        List<String> stored = Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (!stored.equals(classes.names())) {
            throw new IOException(dir + " holds samples for other classes (" + String.join(" ", stored) + ")");
        }
    }

    private LabeledImages read(String prefix) throws IOException {
        Path images = imagesFile(prefix);
        Path labels = dir.resolve(prefix + "-labels-idx1-ubyte");
        if (!Files.exists(images) && !Files.exists(labels)) return new LabeledImages(new byte[0], new int[0], SIDE, SIDE, classes);
        if (!Files.exists(images) || !Files.exists(labels)) { // an append would replace the other with one sample
            Path missing = Files.exists(images) ? labels : images;
            throw new IOException(dir + ": " + missing.getFileName() + " is missing beside "
                    + (missing == images ? labels : images).getFileName() + "; put it back (or move the folder away) before"
                    + " saving more samples");
        }
        IdxImages img = IdxReader.readImages(images);
        int[] read = IdxReader.readLabels(labels);
        if (img.count() == read.length + 1) { // an append stopped between its two renames: its image has no label yet
            return new LabeledImages(Arrays.copyOf(img.pixels(), read.length * img.rows() * img.cols()), read, img.rows(),
                    img.cols(), classes);
        }
        return new LabeledImages(img.pixels(), read, img.rows(), img.cols(), classes);
    }

    private Path imagesFile(String prefix) {
        return dir.resolve(prefix + "-images-idx3-ubyte");
    }

    private LabeledImages appended(LabeledImages data, byte[] image, int label) {
        byte[] px = Arrays.copyOf(data.sharedPixels(), data.sharedPixels().length + image.length);
        System.arraycopy(image, 0, px, data.sharedPixels().length, image.length);
        int[] labels = Arrays.copyOf(data.labels(), data.size() + 1);
        labels[data.size()] = label;
        return new LabeledImages(px, labels, SIDE, SIDE, classes);
    }

    private static byte[] toBytes(float[] pixels) {
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) out[i] = (byte) Math.round(Math.max(0f, Math.min(1f, pixels[i])) * 255f);
        return out;
    }
}
