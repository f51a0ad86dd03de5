package io.handwritingstudio.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserSamplesTest {
    @TempDir
    Path dir;

    @Test
    void appendedSamplesLoadAsACustomDatasetWithEveryFifthInTheTestSplit() throws IOException {
        UserSamples samples = new UserSamples(dir.resolve("digits"), ClassNames.digits());
        assertEquals(0, samples.count());
        for (int i = 0; i < 6; i++) assertEquals(i + 1, samples.append(glyph(i), i));

        DatasetRepository repo = DatasetRepository.createDefault();
        LabeledImages train = repo.load(samples.folder().toString(), Split.TRAIN, DownloadListener.SILENT);
        LabeledImages test = repo.load(samples.folder().toString(), Split.TEST, DownloadListener.SILENT);
        assertArrayEquals(new int[] {0, 1, 2, 3, 5}, train.labels());
        assertArrayEquals(new int[] {4}, test.labels());
        assertEquals(ClassNames.digits(), train.classes());
        assertEquals(255, train.pixel(1, 1, 1), "full ink is stored as 255 at the drawn pixel");
        assertEquals(0, train.pixel(1, 0, 0));
        assertEquals(6, samples.count());
    }

    @Test
    void aFolderForOtherClassesIsNotMixedUp() throws IOException {
        new UserSamples(dir, ClassNames.digits()).append(glyph(1), 1);
        UserSamples letters = new UserSamples(dir, ClassNames.of("A", "B"));
        IOException e = assertThrows(IOException.class, () -> letters.append(glyph(1), 0));
        assertTrue(e.getMessage().contains("other classes"), e.getMessage());
        assertTrue(Files.exists(dir.resolve("train-images-idx3-ubyte")));
    }

    /** A labels file lost (moved, deleted) is refused, not taken for an empty split and replaced by one sample. */
    @Test
    void aSplitWithOnlyOneOfItsTwoFilesIsRefusedAndKept() throws IOException {
        UserSamples samples = new UserSamples(dir.resolve("digits"), ClassNames.digits());
        for (int i = 0; i < 4; i++) samples.append(glyph(i), i);
        Path images = samples.folder().resolve("train-images-idx3-ubyte");
        byte[] before = Files.readAllBytes(images);
        Files.delete(samples.folder().resolve("train-labels-idx1-ubyte"));
        IOException e = assertThrows(IOException.class, () -> samples.append(glyph(5), 5));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte is missing"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(images), "the surviving file is untouched");
    }

    /** A crash between an append's two renames leaves one image without a label: dropped, and the folder goes on. */
    @Test
    void anAppendCutBetweenItsTwoFilesLosesOnlyThatSample() throws IOException {
        UserSamples samples = new UserSamples(dir.resolve("digits"), ClassNames.digits());
        for (int i = 0; i < 3; i++) samples.append(glyph(i), i);
        // the images file of a fourth append, written; its labels file, not
        LabeledImages three = DatasetRepository.createDefault().load(samples.folder().toString(), Split.TRAIN, DownloadListener.SILENT);
        byte[] px = java.util.Arrays.copyOf(three.sharedPixels(), three.sharedPixels().length + 784);
        IdxWriter.writeImages(samples.folder().resolve("train-images-idx3-ubyte"), px, 4, 28, 28, false);
        assertEquals(3, samples.count());
        assertEquals(4, samples.append(glyph(7), 7));
        LabeledImages train = DatasetRepository.createDefault().load(samples.folder().toString(), Split.TRAIN, DownloadListener.SILENT);
        assertArrayEquals(new int[] {0, 1, 2, 7}, train.labels());
    }

    @Test
    void eachClassSetHasItsOwnFolder() {
        assertEquals("digits", UserSamples.folderName(ClassNames.digits()));
        assertEquals("letters", UserSamples.folderName(new ClassNames(
                java.util.stream.IntStream.rangeClosed('A', 'Z').mapToObj(c -> String.valueOf((char) c)).toList())));
        assertEquals("2-classes", UserSamples.folderName(ClassNames.of("cat", "dog")));
    }

    /** A blank input with one full-ink pixel at (i, i). */
    private static float[] glyph(int i) {
        float[] px = new float[784];
        px[i * 28 + i] = 1f;
        return px;
    }
}
