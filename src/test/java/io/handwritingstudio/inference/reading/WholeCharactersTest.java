package io.handwritingstudio.inference.reading;

import io.handwritingstudio.data.CharactersDataset;
import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.model.ModelLocator;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped whole-character networks on pieces of lines of test characters they never saw, and their file. */
class WholeCharactersTest {

    @Test
    void tellsWholeDigitsFromFragmentsAndPairs() throws Exception {
        // Measured 0.86 on these lines (mean chance 0.78 for whole digits, 0.16 for the other pieces).
        assertSeparates("mnist", TestData.mnistTest(), 0.8);
    }

    @Test
    void tellsWholeLettersFromFragmentsAndPairs() throws Exception {
        LabeledImages letters = DatasetRepository.createDefault().load("letters", Split.TEST, DownloadListener.SILENT);
        assertSeparates("letters", letters, 0.8); // measured 0.85
    }

    @Test
    void eachAlphabetHasItsOwnNetworkAndOtherModelsNone() throws Exception {
        assertEquals(WholeCharacters.DIGITS, CutVerifier.networkFor(ClassNames.digits()));
        assertEquals(WholeCharacters.LETTERS, CutVerifier.networkFor(
                ModelStore.load(ModelLocator.resolve("letters")).classes()));
        assertNull(CutVerifier.networkFor(CharactersDataset.classes()));
        boolean charactersUseOne = CutVerifier.networkFor(CharactersDataset.classes()) != null;
        assertEquals(0, CutVerifier.weights(charactersUseOne)[CutVerifier.WEIGHTS.length - 1]);
    }

    private static void assertSeparates(String model, LabeledImages test, double floor) throws Exception {
        LineReader reader = new LineReader(ModelStore.load(ModelLocator.resolve(model)));
        SyntheticLines lines = new SyntheticLines(test, 404);
        int right = 0, count = 0;
        double wholeSum = 0, otherSum = 0;
        int wholeCount = 0;
        for (int i = 0; i < 30; i++) {
            SyntheticLines.Line line = lines.next(SyntheticLines.Options.touching());
            LineReader.Candidates c = reader.candidates(line.image());
            for (int k = 0; k < c.pieces().size(); k++) {
                Piece p = c.pieces().get(k);
                if (p == null) continue;
                boolean whole = spansOneCharacter(p, line.boxes(), c.map().scale());
                float w = c.whole()[k];
                if ((w > 0.5f) == whole) right++;
                count++;
                if (whole) { wholeSum += w; wholeCount++; } else otherSum += w;
            }
        }
        assertTrue(count > 300 && wholeCount > 100, "pieces " + count + ", whole " + wholeCount);
        double accuracy = right / (double) count;
        assertTrue(accuracy > floor, "accuracy " + accuracy);
        assertTrue(wholeSum / wholeCount - otherSum / (count - wholeCount) > 0.4,
                "mean chance, whole " + wholeSum / wholeCount + ", other " + otherSum / (count - wholeCount));
    }

    @Test
    void aSavedNetworkReadsBackTheSame(@TempDir Path dir) throws Exception {
        List<float[]> pieces = new ArrayList<>();
        List<Boolean> whole = new ArrayList<>();
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < WholeCharacters.BATCH; i++) {
            float[] px = new float[784];
            for (int j = 0; j < px.length; j++) px[j] = random.nextFloat();
            pieces.add(px);
            whole.add(i % 2 == 0);
        }
        WholeCharacters net = WholeCharacters.train(pieces, whole, 5);
        Path file = dir.resolve("net.zip");
        net.save(file);
        WholeCharacters back;
        try (InputStream in = Files.newInputStream(file)) {
            back = WholeCharacters.read(in);
        }
        float[] x = new float[2 * 784];
        System.arraycopy(pieces.get(0), 0, x, 0, 784);
        System.arraycopy(pieces.get(1), 0, x, 784, 784);
        assertArrayEquals(net.probabilities(x, 2), back.probabilities(x, 2), 1e-6f);
    }

    private static boolean spansOneCharacter(Piece p, List<int[]> boxes, int scale) {
        for (int[] b : boxes) {
            double l = b[0] / (double) scale, r = (b[0] + b[2]) / (double) scale;
            double inter = Math.min(r, p.right()) - Math.max(l, p.left());
            double union = Math.max(r, p.right()) - Math.min(l, p.left());
            if (inter > 0 && inter / union >= CutTraining.MATCH) return true;
        }
        return false;
    }
}
