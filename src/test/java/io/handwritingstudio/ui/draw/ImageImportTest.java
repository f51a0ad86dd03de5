package io.handwritingstudio.ui.draw;

import io.handwritingstudio.testing.FxThread;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A pasted picture gets a file's limits: a large one is read every n-th pixel, as a large file is decoded. */
class ImageImportTest {
    @BeforeAll
    static void start() {
        FxThread.start();
    }

    @Test
    void aLargePastedPictureIsSubsampledLikeALargeFile() throws Exception {
        BufferedImage read = FxThread.call(() -> {
            WritableImage big = new WritableImage(3000, 3000); // 9 megapixels, above the 4 read in full
            big.getPixelWriter().setArgb(2, 4, 0xff000000);
            return ImageImport.toAwt(big);
        });
        assertEquals(1500, read.getWidth());
        assertEquals(1500, read.getHeight());
        assertEquals(0xff000000, read.getRGB(1, 2), "pixel (2, 4) is (1, 2) at every second pixel");
        BufferedImage small = FxThread.call(() -> ImageImport.toAwt(new WritableImage(640, 480)));
        assertEquals(640, small.getWidth(), "a small one is read whole");
    }
}
