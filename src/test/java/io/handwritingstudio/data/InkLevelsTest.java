package io.handwritingstudio.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InkLevelsTest {
    @Test
    void softLettersTakeTheCrispDigitsLevels() throws Exception {
        DatasetRepository repository = DatasetRepository.createDefault();
        LabeledImages letters = repository.load(DatasetCatalog.LETTERS, Split.TEST, DownloadListener.SILENT).limit(2000);
        // a crisp reference: most ink at full strength, as MNIST's anti-aliased digits are
        byte[] crisp = new byte[2000 * 784];
        for (int i = 0; i < crisp.length; i++) crisp[i] = (byte) (i % 10 == 0 ? 255 : i % 50 == 1 ? 128 : 0);
        LabeledImages reference = new LabeledImages(crisp, new int[2000], 28, 28, letters.classes());

        LabeledImages matched = InkLevels.matchTo(letters, reference);

        double[] want = InkLevels.cdf(crisp);
        double[] got = InkLevels.cdf(matched.sharedPixels());
        for (int v : new int[]{0, 127, 128, 254}) assertEquals(want[v], got[v], 0.02, "share of pixels at or below " + v);
        assertEquals(letters.label(7), matched.label(7));
    }

    @Test
    void theMappingKeepsTheOrderOfGreyLevels() {
        double[] source = new double[256];
        double[] reference = new double[256];
        for (int v = 0; v < 256; v++) {
            source[v] = Math.sqrt(v / 255.0);
            reference[v] = v / 255.0;
        }
        int[] map = InkLevels.mapping(source, reference);
        for (int v = 1; v < 256; v++) assertTrue(map[v] >= map[v - 1]);
        assertEquals(0, map[0]);
        assertTrue(map[64] > 64, "a source that is brighter in its quantiles maps upwards");
    }
}
