package io.handwritingstudio.inference;

import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.inference.sketch.HandWriter;
import io.handwritingstudio.inference.sketch.StrokeRenderer;
import io.handwritingstudio.inference.sketch.Symbols;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A folder of class folders without its own train/test split (issue 17): a seeded fifth of each class is held out,
 * the same one on every load and never also trained on; unreadable and blank images are skipped and counted.
 */
class ImageFolderDatasetTest {
    @TempDir
    Path dir;

    @Test
    void aSeededFifthOfEachClassIsHeldOutAndBadImagesAreCounted() throws Exception {
        for (String symbol : List.of("minus", "plus")) {
            Path folder = Files.createDirectories(dir.resolve(symbol));
            for (int i = 0; i < 10; i++) {
                var strokes = HandWriter.number(7, i).draw(Symbols.MATH.get(symbol));
                ImageIO.write(StrokeRenderer.render(strokes, 120, 120, 120 / HandWriter.CANVAS), "png",
                        folder.resolve(String.format(Locale.ROOT, "%02d.png", i)).toFile());
            }
        }
        Files.writeString(dir.resolve("plus").resolve("broken.png"), "not a picture");
        BufferedImage blank = new BufferedImage(60, 60, BufferedImage.TYPE_BYTE_GRAY);
        blank.getGraphics().fillRect(0, 0, 60, 60);
        ImageIO.write(blank, "png", dir.resolve("minus").resolve("blank.png").toFile());

        ImageFolderDataset format = new ImageFolderDataset();
        assertTrue(format.accepts(dir));
        List<String> trainNotes = new ArrayList<>(), testNotes = new ArrayList<>();
        LabeledImages train = format.load(dir, Split.TRAIN, notes(trainNotes));
        LabeledImages test = format.load(dir, Split.TEST, notes(testNotes));
        assertEquals(List.of("minus", "plus"), train.classes().names());
        assertEquals(20, train.size() + test.size(), "every readable drawing, once");
        assertEquals(2, skipped(trainNotes) + skipped(testNotes), "the broken and the blank file, counted");
        // 11 files a class: round(11 x 0.2) = 2 held out each (a skipped file may have been one of them)
        assertEquals(4, test.size() + skipped(testNotes));
        int[] counts = test.classCounts();
        assertTrue(counts[0] >= 1 && counts[1] >= 1, "both classes are held out: " + java.util.Arrays.toString(counts));

        Set<String> trained = fingerprints(train);
        for (String held : fingerprints(test)) assertTrue(!trained.contains(held), "a held-out drawing is not trained on");
        assertEquals(fingerprints(test), fingerprints(format.load(dir, Split.TEST, DownloadListener.SILENT)), "seeded: the same split");
    }

    private static DownloadListener notes(List<String> into) {
        return new DownloadListener() {
            @Override public void onProgress(String file, long bytes, long total) { }
            @Override public void onMessage(String message) { into.add(message); }
        };
    }

    /** Files a load skipped, from its "skipped N unreadable and M blank" note. */
    private static int skipped(List<String> notes) {
        int n = 0;
        for (String note : notes) {
            var m = java.util.regex.Pattern.compile("skipped (\\d+) unreadable and (\\d+) blank").matcher(note);
            if (m.find()) n += Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2));
        }
        return n;
    }

    private static Set<String> fingerprints(LabeledImages images) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < images.size(); i++) out.add(images.label(i) + ":" + java.util.Arrays.hashCode(images.imageBytes(i)));
        return out;
    }
}
