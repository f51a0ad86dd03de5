package io.handwritingstudio.ui.draw;

import io.handwritingstudio.inference.GrayImage;
import io.handwritingstudio.inference.MnistPreprocessor;
import io.handwritingstudio.ui.kit.GrayImages;
import javafx.scene.image.Image;

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
        return GrayImages.fitted(g.values(), g.width(), g.height(), THUMB, GrayImages.GREY);
    }
}
