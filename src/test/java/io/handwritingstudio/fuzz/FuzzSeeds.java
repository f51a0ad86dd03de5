package io.handwritingstudio.fuzz;

import io.handwritingstudio.data.IdxWriter;
import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.ModelStore;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the fuzzers' starting corpus into {@code src/test/resources/fuzz/}: small valid examples of each format,
 * so mutation starts from the structure that matters. Run once by hand; the output is committed.
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) io.handwritingstudio.fuzz.FuzzSeeds src/test/resources/fuzz}
 */
public final class FuzzSeeds {
    private FuzzSeeds() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path idx = Files.createDirectories(root.resolve("idx"));
        byte[] px = new byte[2 * 4 * 4];
        for (int i = 0; i < px.length; i++) px[i] = (byte) (i * 8);
        IdxWriter.writeImages(idx.resolve("images-raw"), px, 2, 4, 4, false);
        IdxWriter.writeImages(idx.resolve("images-gz"), px, 2, 4, 4, true);
        IdxWriter.writeLabels(idx.resolve("labels-raw"), new int[]{3, 7, 1}, false);
        IdxWriter.writeLabels(idx.resolve("labels-gz"), new int[]{0, 9}, true);

        Path model = Files.createDirectories(root.resolve("model"));
        MultiLayerNetwork tiny = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(2).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(2).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .build());
        tiny.init();
        ModelCard card = new ModelCard("tiny", "dl4j", "mnist", List.of("0", "1", "2"), null, null, 1L, 1, 0.5, null,
                null, "28x28x1", null, null, null);
        Path tmp = Files.createTempDirectory("seed").resolve("tiny.zip");
        ModelStore.save(tiny, card, tmp);
        Files.copy(tmp, model.resolve("tiny-zip"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(ModelStore.cardPath(tmp), model.resolve("card-json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Path keras = Files.createDirectories(root.resolve("keras"));
        Files.writeString(keras.resolve("sequential-config"), kerasConfig(Path.of(args[1])), StandardCharsets.UTF_8);

        Path image = Files.createDirectories(root.resolve("image"));
        BufferedImage img = new BufferedImage(6, 5, BufferedImage.TYPE_INT_RGB);
        img.setRGB(2, 2, 0xffffff);
        img.setRGB(3, 2, 0x808080);
        for (String format : List.of("png", "jpg", "gif", "bmp")) {
            ImageIO.write(img, format, image.resolve("tiny." + format).toFile());
        }
    }

    /** The model_config JSON as the seed's .h5 stores it (a plain string attribute). */
    private static String kerasConfig(Path h5) throws Exception {
        String text = new String(Files.readAllBytes(h5), StandardCharsets.ISO_8859_1);
        int start = text.indexOf("{\"class_name\": \"Sequential\"");
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') depth++;
            if (c == '}' && --depth == 0) return text.substring(start, i + 1);
        }
        throw new IllegalStateException("no model_config in " + h5);
    }
}
