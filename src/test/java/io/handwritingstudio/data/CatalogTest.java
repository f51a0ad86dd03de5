package io.handwritingstudio.data;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {
    @Test
    void balancedMappingHas47Classes() {
        ClassNames b = EmnistResources.classNames("balanced");
        assertEquals(47, b.size());
        assertEquals("0", b.name(0));
        assertEquals("A", b.name(10));
        assertEquals("Z", b.name(35));
        assertEquals("a", b.name(36));
        assertEquals(List.of("a", "b", "d", "e", "f", "g", "h", "n", "q", "r", "t"), b.names().subList(36, 47));
    }

    @Test
    void lettersAndDigitsMappings() {
        ClassNames l = EmnistResources.classNames("letters");
        assertEquals(26, l.size());
        assertEquals("A", l.name(0));
        assertEquals("Z", l.name(25));
        assertEquals(1, EmnistResources.firstLabel("letters"));
        assertEquals(ClassNames.digits(), EmnistResources.classNames("digits"));
        assertEquals(0, EmnistResources.firstLabel("digits"));
    }

    @Test
    void officialChecksumsParsed() {
        var sums = EmnistResources.officialSha256();
        assertEquals(24, sums.size());
        assertEquals("924955c31fe7fd809b7303b5c0141282955f4b8390c74cdfd5d80435e0f4b4cb", sums.get("emnist-letters-test-labels-idx1-ubyte.gz"));
    }

    @Test
    void cacheDirCanBeOverridden() {
        String old = System.getProperty("hws.cache.dir");
        try {
            System.setProperty("hws.cache.dir", "/tmp/hws-elsewhere");
            assertEquals(java.nio.file.Path.of("/tmp/hws-elsewhere"), DatasetFetcher.defaultCacheDir());
        } finally {
            if (old == null) System.clearProperty("hws.cache.dir"); else System.setProperty("hws.cache.dir", old);
        }
    }

    @Test
    void everyCatalogueEntryBuilds() {
        for (String name : DatasetCatalog.names()) {
            DatasetSpec s = DatasetCatalog.require(name);
            assertEquals(name, s.name());
            assertEquals(4, s.files().size());
        }
        DatasetSpec letters = DatasetCatalog.require("emnist-letters");
        assertEquals(Orientation.TRANSPOSED, letters.orientation());
        assertEquals(1, letters.labelOffset());
        assertEquals("emnist-letters-train-images-idx3-ubyte.gz", letters.trainImages().fileName());
        assertEquals(10, DatasetCatalog.require("fashion-mnist").classes().size());
        assertEquals("Ankle boot", DatasetCatalog.require("fashion-mnist").classes().name(9));
        assertEquals(Orientation.UPRIGHT, DatasetCatalog.require("mnist").orientation());
    }
}
