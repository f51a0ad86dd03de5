package io.handwritingstudio.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** TEMPORARY until the data branch lands: reads raw MNIST from HWS_TMP_MNIST. */
public final class DatasetRepository {
    public static DatasetRepository createDefault() { return new DatasetRepository(); }

    public void fetch(String name, DownloadListener l) { }

    public LabeledImages load(String name, Split split, DownloadListener l) throws IOException {
        Path dir = Path.of(System.getenv().getOrDefault("HWS_TMP_MNIST", "/tmp/mnist"));
        String p = split == Split.TRAIN ? "train" : "t10k";
        byte[] a = Files.readAllBytes(dir.resolve(p + "-images-idx3-ubyte"));
        byte[] b = Files.readAllBytes(dir.resolve(p + "-labels-idx1-ubyte"));
        int n = b.length - 8;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = b[8 + i];
        return new LabeledImages(java.util.Arrays.copyOfRange(a, 16, a.length), labels, 28, 28, ClassNames.digits());
    }
}
