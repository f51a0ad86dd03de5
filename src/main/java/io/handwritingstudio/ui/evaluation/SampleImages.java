package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.data.LabeledImages;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** Dataset images as JavaFX images: dark ink on paper in the light theme, light ink on slate in the dark one. */
final class SampleImages {
    private SampleImages() {
    }

    static Image of(LabeledImages images, int index, boolean dark) {
        int w = images.cols(), h = images.rows();
        WritableImage out = new WritableImage(w, h);
        PixelWriter px = out.getPixelWriter();
        Color paper = dark ? Color.web("#0d1117") : Color.WHITE;
        Color ink = dark ? Color.web("#f0f6fc") : Color.web("#1f2328");
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                px.setColor(c, r, paper.interpolate(ink, images.pixel(index, r, c) / 255.0));
            }
        }
        return out;
    }
}
