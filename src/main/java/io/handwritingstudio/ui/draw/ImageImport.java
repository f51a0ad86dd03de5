package io.handwritingstudio.ui.draw;

import io.handwritingstudio.inference.ImageFiles;
import javafx.concurrent.Task;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Tasks that turn a file or a clipboard/dropped picture into a {@link LoadedImage}, off the JavaFX thread. */
final class ImageImport {
    /** Previews are at most this big; the recognizer still gets the full picture. */
    private static final int PREVIEW_SIDE = 640;

    private ImageImport() {
    }

    static Task<LoadedImage> fromFile(Path file) {
        return new Task<>() {
            @Override
            protected LoadedImage call() throws Exception {
                BufferedImage image = ImageFiles.read(file);
                return new LoadedImage(file.getFileName().toString(), image, preview(image));
            }
        };
    }

    static Task<LoadedImage> fromFxImage(Image image, String name) {
        return new Task<>() {
            @Override
            protected LoadedImage call() {
                if (image.isError() || image.getPixelReader() == null || image.getWidth() < 1) {
                    throw new IllegalArgumentException("the pasted picture could not be read");
                }
                BufferedImage awt = toAwt(image);
                return new LoadedImage(name, awt, preview(awt));
            }
        };
    }

    /** The line a pad shows when a picture could not be opened (a read error already names its file). */
    static String couldNotOpen(String name, Throwable failure) {
        return failure instanceof io.handwritingstudio.inference.ImageReadException ? "Could not open " + failure.getMessage()
                : "Could not open " + name + ": " + io.handwritingstudio.files.Failures.sentence(failure);
    }

    /**
     * The pixels the recognizer reads, with the limits a file gets: refused above {@link ImageFiles#MAX_PIXELS}, every
     * n-th pixel above {@link ImageFiles#DECODE_PIXELS} (a pasted screenshot of a huge canvas was copied whole).
     */
    static BufferedImage toAwt(Image image) {
        long fullW = (long) image.getWidth(), fullH = (long) image.getHeight();
        if (fullW * fullH > ImageFiles.MAX_PIXELS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the picture is %dx%d pixels, more than"
                    + " the limit of %d megapixels", fullW, fullH, ImageFiles.MAX_PIXELS / 1_000_000));
        }
        int step = (int) Math.max(1, Math.ceil(Math.sqrt(fullW * fullH / (double) ImageFiles.DECODE_PIXELS)));
        int w = (int) Math.max(1, fullW / step);
        int h = (int) Math.max(1, fullH / step);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) row[x] = reader.getArgb(x * step, y * step);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    /** A JavaFX copy for display, shrunk by nearest sampling if large (transparent pixels shown on white). */
    static Image preview(BufferedImage image) {
        double scale = Math.min(1.0, PREVIEW_SIDE / (double) Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        WritableImage out = new WritableImage(w, h);
        PixelWriter writer = out.getPixelWriter();
        for (int y = 0; y < h; y++) {
            int sy = Math.min(image.getHeight() - 1, (int) (y / scale));
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(Math.min(image.getWidth() - 1, (int) (x / scale)), sy);
                writer.setArgb(x, y, onWhite(argb));
            }
        }
        return out;
    }

    private static int onWhite(int argb) {
        int a = argb >>> 24;
        if (a == 255) return argb;
        int r = ((argb >> 16 & 0xFF) * a + 255 * (255 - a)) / 255;
        int g = ((argb >> 8 & 0xFF) * a + 255 * (255 - a)) / 255;
        int b = ((argb & 0xFF) * a + 255 * (255 - a)) / 255;
        return 0xFF000000 | r << 16 | g << 8 | b;
    }
}
