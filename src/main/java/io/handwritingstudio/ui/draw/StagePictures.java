package io.handwritingstudio.ui.draw;

import io.handwritingstudio.inference.GrayImage;
import io.handwritingstudio.inference.MnistPreprocessor;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/**
 * Small pictures of the preprocessing steps. Built on the recognizer's thread (JavaFX images may be created
 * off the JavaFX thread while not shown), so big photos never stall the UI.
 *
 * @param scaled null when no ink was found
 */
public record StagePictures(Image luminance, Image ink, Image scaled) {
    static final int THUMB = 96;

    static StagePictures of(MnistPreprocessor.Stages stages) {
        return new StagePictures(picture(stages.luminance()), picture(stages.ink()),
                stages.scaled() == null ? null : picture(stages.scaled()));
    }

    /** Fits the image into THUMB x THUMB by nearest sampling (crisp pixels for the small stages). */
    static Image picture(GrayImage g) {
        double scale = Math.min(1.0, THUMB / (double) Math.max(g.width(), g.height()));
        int w = Math.max(1, (int) Math.round(g.width() * scale));
        int h = Math.max(1, (int) Math.round(g.height() * scale));
        WritableImage img = new WritableImage(w, h);
        PixelWriter out = img.getPixelWriter();
        for (int y = 0; y < h; y++) {
            int sy = Math.min(g.height() - 1, (int) (y / scale));
            for (int x = 0; x < w; x++) {
                int sx = Math.min(g.width() - 1, (int) (x / scale));
                float v = Math.max(0f, Math.min(1f, g.get(sx, sy)));
                int grey = Math.round(v * 255f);
                out.setArgb(x, y, 0xFF000000 | grey << 16 | grey << 8 | grey);
            }
        }
        return img;
    }
}
