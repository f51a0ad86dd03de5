package io.handwritingstudio.ui.draw;

import javafx.scene.image.Image;

import java.awt.image.BufferedImage;

/** An opened or pasted picture: the pixels the recognizer reads and a preview for the pad. */
record LoadedImage(String name, BufferedImage pixels, Image preview) {
}
