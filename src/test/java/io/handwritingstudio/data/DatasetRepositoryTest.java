package io.handwritingstudio.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetRepositoryTest {
    @TempDir Path dir;
    @TempDir Path cache;

    private DatasetRepository repo() {
        return new DatasetRepository(new DatasetFetcher(cache, false));
    }

    @Test
    void customFolderWithNumberedClasses() throws IOException {
        TestData.writeSplit(dir, "train", new int[] {0, 1, 2, 1}, 3, 3, true);
        TestData.writeSplit(dir, "t10k", new int[] {2, 0}, 3, 3, false);
        LabeledImages train = repo().load(dir.toString(), Split.TRAIN, DownloadListener.SILENT);
        assertEquals(4, train.size());
        assertEquals(List.of("0", "1", "2"), train.classes().names());
        assertEquals(3, train.pixel(3, 0, 0));
        LabeledImages test = repo().load(dir.toString(), Split.TEST, DownloadListener.SILENT);
        assertArrayEquals(new int[] {2, 0}, test.labels());
        assertTrue(repo().isCached(dir.toString()));
    }

    @Test
    void customFolderWithClassesFile() throws IOException {
        TestData.writeSplit(dir, "train", new int[] {0, 1}, 2, 2, false);
        TestData.writeSplit(dir, "test", new int[] {1}, 2, 2, false);
        Files.writeString(dir.resolve("classes.txt"), "cat\ndog\nbird\n");
        assertEquals(List.of("cat", "dog", "bird"), repo().spec(dir.toString()).classes().names());
    }

    @Test
    void labelOutOfRangeNamesTheFile() throws IOException {
        TestData.writeSplit(dir, "train", new int[] {0, 5}, 2, 2, false);
        TestData.writeSplit(dir, "test", new int[] {1}, 2, 2, false);
        Files.writeString(dir.resolve("classes.txt"), "a\nb\nc\n");
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> repo().load(dir.toString(), Split.TRAIN, DownloadListener.SILENT));
        assertEquals("train-labels-idx1-ubyte: label out of range: label 5 of item 1 is outside 0..2 (3 classes)", e.getMessage());
    }

    @Test
    void imageLabelCountMismatchNamesTheFiles() throws IOException {
        TestData.writeSplit(dir, "train", new int[] {0, 1, 1}, 2, 2, false);
        TestData.writeSplit(dir, "test", new int[] {1}, 2, 2, false);
        IdxWriter.writeLabels(dir.resolve("train-labels-idx1-ubyte"), new int[] {0, 1}, false);
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> repo().load(dir.toString(), Split.TRAIN, DownloadListener.SILENT));
        assertEquals("train-labels-idx1-ubyte: has 2 labels but train-images-idx3-ubyte has 3 images", e.getMessage());
    }

    @Test
    void missingFilesAndUnknownNamesAreExplained() throws IOException {
        TestData.writeSplit(dir, "train", new int[] {0}, 2, 2, false);
        IOException e = assertThrows(IOException.class, () -> repo().spec(dir.toString()));
        assertTrue(e.getMessage().contains("no test images file"), e.getMessage());
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> repo().spec("no-such-dataset"));
        assertTrue(u.getMessage().contains("mnist, fashion-mnist, emnist-letters"), u.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatasetCatalog.require("nope"));
    }

    /** An "L" stored transposed (as EMNIST does) must load upright: bar down the left, foot along the bottom. */
    @Test
    void transposedImagesLoadUpright() throws IOException {
        int n = 5;
        int[][] upright = new int[n][n];
        for (int r = 0; r < n; r++) upright[r][0] = 255;      // vertical bar, left column
        for (int c = 0; c < n; c++) upright[n - 1][c] = 255;  // foot, bottom row
        byte[] stored = new byte[n * n];
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) stored[r * n + c] = (byte) upright[c][r];
        IdxWriter.writeImages(dir.resolve("train-images-idx3-ubyte"), stored, 1, n, n, false);
        IdxWriter.writeLabels(dir.resolve("train-labels-idx1-ubyte"), new int[] {0}, false);
        IdxWriter.writeImages(dir.resolve("t10k-images-idx3-ubyte"), stored, 1, n, n, false);
        IdxWriter.writeLabels(dir.resolve("t10k-labels-idx1-ubyte"), new int[] {0}, false);
        Files.createFile(dir.resolve("transposed"));
        LabeledImages li = repo().load(dir.toString(), Split.TRAIN, DownloadListener.SILENT);
        for (int r = 0; r < n; r++) assertEquals(255, li.pixel(0, r, 0), "left bar row " + r);
        for (int c = 0; c < n; c++) assertEquals(255, li.pixel(0, n - 1, c), "foot col " + c);
        assertEquals(0, li.pixel(0, 0, n - 1), "top right is empty");
    }

    @Test
    void nonSquareTransposeSwapsDimensions() {
        // stored 2x3: rows "1 2 3" / "4 5 6" -> upright 3x2: "1 4" / "2 5" / "3 6"
        IdxImages stored = new IdxImages(new byte[] {1, 2, 3, 4, 5, 6}, 1, 2, 3);
        IdxImages up = Orientation.TRANSPOSED.toUpright(stored);
        assertEquals(3, up.rows());
        assertEquals(2, up.cols());
        assertArrayEquals(new byte[] {1, 4, 2, 5, 3, 6}, up.pixels());
    }
}
