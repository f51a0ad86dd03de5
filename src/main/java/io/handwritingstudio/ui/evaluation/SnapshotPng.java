package io.handwritingstudio.ui.evaluation;

import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * PNG export of a node without javafx-swing: snapshot on the JavaFX thread, then pixels to a BufferedImage and
 * the file write in a background task (temporary file, then an atomic move).
 */
final class SnapshotPng {
    private SnapshotPng() {
    }

    /** Call on the JavaFX thread; run the returned task in the background. */
    static Task<Path> export(Node node, Path target) {
        SnapshotParameters params = new SnapshotParameters();
        WritableImage image = node.snapshot(params, null);
        return new Task<>() {
            @Override
            protected Path call() throws IOException {
                write(toBuffered(image), target);
                return target;
            }
        };
    }

    static BufferedImage toBuffered(WritableImage image) {
        int w = (int) image.getWidth(), h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    private static void write(BufferedImage image, Path target) throws IOException {
        io.handwritingstudio.files.AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer available");
        });
    }
}
