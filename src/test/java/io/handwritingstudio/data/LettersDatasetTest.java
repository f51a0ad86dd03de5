package io.handwritingstudio.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled letters, unpacked into an empty cache and verified as on a first start. */
class LettersDatasetTest {
    @TempDir Path cache;

    @Test
    void testSplitLoadsUprightWithLetterNames() throws IOException {
        DatasetRepository repo = new DatasetRepository(new DatasetFetcher(cache, false));
        assertTrue(repo.isCached("letters"), "shipped with the application: on this computer before any download");
        assertFalse(repo.fetcher().isCached(DatasetCatalog.require("letters")), "not yet unpacked");
        LabeledImages test = repo.load("letters", Split.TEST, DownloadListener.SILENT);
        assertEquals(6190, test.size());
        assertEquals(28, test.rows());
        assertEquals(IntStream.rangeClosed('A', 'Z').mapToObj(Character::toString).toList(), test.classes().names());

        // Upright "L": the stem is on the left, so the mean image has more ink in the left band than the right
        // (measured ratio ~1.47; read without the transpose the stem would lie along the top instead).
        int l = test.classes().indexOf("L");
        double left = 0, right = 0;
        int count = 0;
        for (int i = 0; i < test.size(); i++) {
            if (test.label(i) != l) continue;
            count++;
            for (int r = 0; r < 28; r++) {
                for (int c = 4; c < 11; c++) left += test.pixel(i, r, c);
                for (int c = 17; c < 24; c++) right += test.pixel(i, r, c);
            }
        }
        assertEquals(177, count);
        assertTrue(left > 1.2 * right, "left band ink " + left + " vs right " + right);
        assertTrue(repo.fetcher().isCached(DatasetCatalog.require("letters")), "unpacked, verified, stamped in the cache");
    }
}
