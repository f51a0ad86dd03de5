package io.handwritingstudio.inference;

import io.handwritingstudio.model.TrainedModel;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads handwriting in custom images: any size, colour or polarity goes through MNIST's own normalisation
 * ({@link MnistPreprocessor}, framed as the model's training set was), then the model gives every class's probability.
 */
public final class Recognizer {
    private final TrainedModel model;
    private final MnistPreprocessor preprocessor;

    /** Frames custom images as the model's training images were framed ({@link Framing#of}). */
    public Recognizer(TrainedModel model) {
        this(model, Framing.of(model.card()));
    }

    public Recognizer(TrainedModel model, Framing framing) {
        this.model = model;
        this.preprocessor = new MnistPreprocessor(framing);
    }

    /** The preprocessing this recognizer applies to pictures (the pad shows its steps). */
    public MnistPreprocessor preprocessor() {
        return preprocessor;
    }

    public TrainedModel model() {
        return model;
    }

    public Recognition recognize(Path file) throws IOException {
        return recognize(ImageFiles.read(file));
    }

    public Recognition recognize(BufferedImage image) {
        return recognize(preprocessor.preprocess(image));
    }

    /** For inputs that are already 28x28 MNIST-style (dataset samples, the preprocessor's output). */
    public Recognition recognize(Preprocessed input) {
        if (input.empty()) return new Recognition(model.classes(), new float[0], input, input.pixels());
        return new Recognition(model.classes(), model.predictOne(input.pixels()), input, model.networkPixels(input.pixels()));
    }
}
