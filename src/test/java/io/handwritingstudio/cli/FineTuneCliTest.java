package io.handwritingstudio.cli;

import io.handwritingstudio.inference.sketch.HandWriter;
import io.handwritingstudio.inference.sketch.StrokeRenderer;
import io.handwritingstudio.inference.sketch.Symbols;
import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.testing.Cli;
import io.handwritingstudio.testing.TestData;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train --from} with the bad input a learner will bring (issue 17): each is refused in one line naming what is
 * wrong, before any training and without writing a model; unreadable images are skipped and counted.
 */
class FineTuneCliTest {
    @TempDir
    Path dir;

    @Test
    void aFolderWithoutImagesIsRefusedInOneLine() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("my-digits").resolve("7"));
        Files.writeString(empty.resolve("notes.txt"), "not an image");
        Cli.Run r = fineTune("mnist", dir.resolve("my-digits"));
        assertRefused(r, "the folder my-digits has no images in class folders (expected my-digits/<class>/<image>.png");
    }

    @Test
    void oneClassOnlyIsRefusedAndUnreadableImagesAreSkippedAndCounted() throws Exception {
        Path plus = draw(dir.resolve("only-plus"), "plus", 6);
        Files.writeString(plus.resolve("broken.png"), "not a picture");
        Cli.Run r = fineTune("mnist", dir.resolve("only-plus"));
        assertRefused(r, "has one class only (plus)");
        assertTrue(r.err().contains("skipped 1 unreadable"), r.err());
    }

    @Test
    void aBaseModelThatCannotBeFineTunedIsRefusedInOneLine() throws Exception {
        Path data = dir.resolve("my-symbols");
        draw(data, "plus", 3);
        draw(data, "minus", 3);
        // the seed's Keras model: inference only
        Path keras = TestData.kerasFixtures().resolve("handwritten_digit_recognition_model.h5");
        assertRefused(fineTune(keras.toString(), data), "imported Keras files are for inference only");

        // a network whose input is not a 28x28 image: 100 numbers in
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new DenseLayer.Builder().nIn(100).nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(16).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build());
        net.init();
        List<String> digits = IntStream.range(0, 10).mapToObj(String::valueOf).toList();
        Path odd = dir.resolve("hundred-inputs.zip");
        ModelStore.save(net, new ModelCard("hundred-inputs", "dl4j", "mnist", digits, "custom", null, null, null,
                null, null, null, "100", null, null, null), odd);
        assertRefused(fineTune(odd.toString(), data), "does not take 28x28 grey images");
    }

    /** n drawings of a symbol by generated writers, in data/NAME/. */
    private static Path draw(Path data, String symbol, int n) throws Exception {
        Path folder = Files.createDirectories(data.resolve(symbol));
        for (int i = 0; i < n; i++) {
            var strokes = HandWriter.number(7, i).draw(Symbols.MATH.get(symbol));
            ImageIO.write(StrokeRenderer.render(strokes, 160, 160, 160 / HandWriter.CANVAS), "png",
                    folder.resolve(String.format(Locale.ROOT, "%03d.png", i)).toFile());
        }
        return folder;
    }

    private Cli.Run fineTune(String from, Path data) {
        return Cli.run("train", "--from", from, "--data-dir", data.toString(), "--train", "head", "--epochs", "1",
                "--out", dir.resolve("tuned.zip").toString());
    }

    private void assertRefused(Cli.Run r, String says) {
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.lastErrorLine().startsWith("error: ") && r.lastErrorLine().contains(says), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        assertFalse(Files.exists(dir.resolve("tuned.zip")), "nothing saved");
    }
}
