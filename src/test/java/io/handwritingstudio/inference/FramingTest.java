package io.handwritingstudio.inference;

import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static io.handwritingstudio.inference.Drawings.*;
import static org.junit.jupiter.api.Assertions.*;

/** MNIST's framing and EMNIST's place the same drawing differently, and a model's card picks which it gets. */
class FramingTest {
    /** A 7: its ink is heavy at the top, so its centre of mass is well above the middle of its box. */
    private static final BufferedImage SEVEN = onWhite(300, 300, seven(60, 30, 150, 230), 14);

    @Test
    void mnistFramingFitsTwentyPixelsAndCentresTheMass() {
        Preprocessed p = new MnistPreprocessor(Framing.MNIST).preprocess(SEVEN);
        int[] box = inkBox(p.pixels(), 0.05f);
        assertEquals(20, Math.max(box[2], box[3]), 1, "longer side");
        double[] com = centreOfMass(p.pixels());
        assertEquals(14, com[0], 0.6);
        assertEquals(14, com[1], 0.6);
        // the mass is centred, so the box is not: the top-heavy 7 moves down, more room above it than below
        int top = box[1], bottom = 28 - box[1] - box[3];
        assertTrue(top - bottom >= 4, "box pushed down: " + java.util.Arrays.toString(box));
    }

    @Test
    void emnistFramingFitsTwentyFourPixelsAndCentresTheBox() {
        Preprocessed p = new MnistPreprocessor(Framing.EMNIST).preprocess(SEVEN);
        int[] box = inkBox(p.pixels(), 0.05f);
        assertEquals(24, Math.max(box[2], box[3]), 1, "longer side");
        int left = box[0], right = 28 - box[0] - box[2], top = box[1], bottom = 28 - box[1] - box[3];
        assertTrue(Math.abs(left - right) <= 1 && Math.abs(top - bottom) <= 1,
                "box in the middle: " + java.util.Arrays.toString(box));
        assertTrue(centreOfMass(p.pixels())[1] < 13, "the 7's mass stays high: " + centreOfMass(p.pixels())[1]);
        assertEquals(1f, max(p.pixels()), 1e-4f);
    }

    @Test
    void theCardChoosesTheFramingAndTheRecognizerFollows() throws Exception {
        TrainedModel letters = ModelStore.load(Path.of("models", "letters.zip"));
        assertEquals(Framing.MNIST, Framing.of(letters.card()), "bundled cards keep MNIST's framing");
        assertEquals(Framing.MNIST, new Recognizer(letters).preprocessor().framing());

        ModelCard c = letters.card();
        ModelCard emnist = new ModelCard(c.name(), c.format(), c.dataset(), c.classNames(), c.architecture(),
                c.hyperparameters(), c.seed(), c.epochs(), c.testAccuracy(), c.trainingSeconds(),
                "28x28 grey; custom images: " + Framing.EMNIST.description(), c.inputShape(), c.created(), c.command(),
                c.notes(), c.design());
        Recognizer recognizer = new Recognizer(new TrainedModel(letters.network(), emnist, letters.layout()));
        assertEquals(Framing.EMNIST, recognizer.preprocessor().framing());
        float[] seen = recognizer.recognize(SEVEN).input().pixels();
        assertArrayEquals(new MnistPreprocessor(Framing.EMNIST).preprocess(SEVEN).pixels(), seen);
        assertFalse(java.util.Arrays.equals(new MnistPreprocessor().preprocess(SEVEN).pixels(), seen));
        assertEquals(List.of(Framing.MNIST, Framing.EMNIST), List.of(Framing.parse("mnist"), Framing.parse("EMNIST")));
    }
}
