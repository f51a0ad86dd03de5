package io.handwritingstudio.model;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.testing.TestData;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LocalResponseNormalization;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The single-image path gives what DL4J's own output() gives, or is not used. */
class DirectForwardTest {
    /** The fast path: pre-bound ops, convolutions on channels-last arrays. */
    private static final String FAST = "direct ops (channels last)";

    @ParameterizedTest
    @ValueSource(strings = {"mnist", "letters", "characters"})
    void bundledModelsMatchOutputOnRealImages(String name) throws Exception {
        TrainedModel model = ModelStore.load(Path.of("models", name + ".zip"));
        assertEquals(FAST, model.singleImagePath());
        LabeledImages images = TestData.mnistTest();
        float[] pixels = new float[784];
        for (int i = 0; i < 30; i++) {
            images.copyImage(i * 311 % images.size(), pixels, 0);
            assertMatchesOutput(model, pixels);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mnist", "characters"})
    void batchesMatchOutputOnRealImages(String name) throws Exception {
        TrainedModel model = ModelStore.load(Path.of("models", name + ".zip"));
        assertEquals("direct ops (channels last), 64 images per run", model.batchPath());
        LabeledImages images = TestData.mnistTest();
        int count = 150; // two full runs and one padded
        float[] pixels = new float[count * 784];
        for (int i = 0; i < count; i++) images.copyImage(i * 37 % images.size(), pixels, i * 784);
        assertBatchMatchesOutput(model, pixels, count);
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void freshNetworksMatchOutputAndFeedForward(Architecture arch) {
        TrainedModel model = untrained(arch);
        assertEquals(FAST, model.singleImagePath());
        float[] pixels = noise(3);
        assertMatchesOutput(model, pixels);
        List<INDArray> expected = model.network().feedForward(model.input(pixels, 1), false);
        synchronized (model) {
            List<INDArray> actual = model.layerOutputs(pixels);
            assertEquals(expected.size(), actual.size());
            for (int i = 1; i < expected.size(); i++) {
                double diff = expected.get(i).sub(actual.get(i).reshape(expected.get(i).shape())).amaxNumber().doubleValue();
                assertTrue(diff < 1e-4, arch + " layer " + i + " differs by " + diff);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"CLASSIC", "STRONG"})
    void seesParameterChangesMadeInPlace(Architecture arch) {
        TrainedModel model = untrained(arch);
        float[] pixels = noise(5);
        float[] before = model.predictOne(pixels);
        float[] batch = new float[40 * 784];
        for (int i = 0; i < 40; i++) System.arraycopy(noise(40 + i), 0, batch, i * 784, 784);
        float[] batchBefore = model.predict(batch, 40)[0];
        // training updates the flat parameter array in place (BN statistics included); the folded and channels-last
        // copies of the weights follow it
        INDArray features = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 32, 784);
        INDArray labels = Nd4j.eye(10).getRows(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1}).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        INDArray params = model.network().params();
        for (int i = 0; i < 5; i++) model.network().fit(new org.nd4j.linalg.dataset.DataSet(features, labels));
        assertTrue(model.network().params() == params, "fit() keeps the parameter array");
        float[] after = model.predictOne(pixels);
        assertEquals(FAST, model.singleImagePath());
        assertTrue(maxDiff(before, after) > 1e-3, "the change must move the output");
        assertMatchesOutput(model, pixels);
        assertTrue(maxDiff(batchBefore, model.predict(batch, 40)[0]) > 1e-3, "the batch path must see it too");
        assertBatchMatchesOutput(model, batch, 40);
    }

    @Test
    void aModelLoadedFromAFileBuildsItsChainOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        TrainedModel trained = untrained(Architecture.STRONG);
        java.nio.file.Path file = dir.resolve("strong.zip");
        ModelStore.save(trained.network(), card(), file);
        TrainedModel loaded = ModelStore.load(file);
        for (int i = 0; i < 5; i++) loaded.predictOne(noise(20 + i));
        assertEquals(FAST, loaded.singleImagePath());
        assertEquals(1, loaded.directBuilds(), "built once, not per image");
        assertMatchesOutput(loaded, noise(30));
    }

    @Test
    void unsupportedLayerFallsBackToOutput() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new org.deeplearning4j.nn.conf.layers.ConvolutionLayer.Builder(3, 3).nOut(4).build())
                .layer(new LocalResponseNormalization.Builder().build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(28, 28, 1)).build());
        net.init();
        TrainedModel model = new TrainedModel(net, card(), InputLayout.FLAT);
        assertTrue(model.singleImagePath().startsWith("output() (layer type in LocalResponseNormalization"),
                model.singleImagePath());
        assertMatchesOutput(model, noise(7));
    }

    @Test
    void kerasImportGivesOutputsEitherWay() throws Exception {
        TrainedModel model = ModelStore.load(TestData.kerasFixtures().resolve("handwritten_digit_recognition_model.h5"));
        String path = model.singleImagePath();
        assertTrue(path.startsWith("direct ops (") || path.startsWith("output() ("), path);
        assertMatchesOutput(model, noise(9));
    }

    @Test
    void channelsFirstOnRequestGivesTheSameOutputs() {
        withProperty(DirectForward.CHANNELS_LAST, "false", () -> {
            TrainedModel model = untrained(Architecture.STRONG);
            assertEquals("direct ops (channels first)", model.singleImagePath());
            assertMatchesOutput(model, noise(13));
        });
    }

    @Test
    void propertyTurnsItOff() {
        withProperty(DirectForward.PROPERTY, "false", () -> {
            TrainedModel model = untrained(Architecture.CLASSIC);
            assertTrue(model.singleImagePath().startsWith("output() (turned off"), model.singleImagePath());
            assertMatchesOutput(model, noise(11));
        });
    }

    private static void withProperty(String name, String value, Runnable body) {
        String old = System.getProperty(name);
        System.setProperty(name, value);
        try {
            body.run();
        } finally {
            if (old == null) System.clearProperty(name);
            else System.setProperty(name, old);
        }
    }

    private static void assertMatchesOutput(TrainedModel model, float[] pixels) {
        float[] expected = model.network().output(model.input(pixels, 1), false).toFloatVector();
        float[] actual = model.predictOne(pixels);
        assertEquals(expected.length, actual.length);
        double diff = maxDiff(expected, actual);
        assertTrue(diff < DirectForward.TOLERANCE, model.displayName() + " differs from output() by " + diff);
    }

    private static void assertBatchMatchesOutput(TrainedModel model, float[] pixels, int count) {
        float[] expected = model.network().output(model.input(pixels, count), false).dup('c').data().asFloat();
        float[][] actual = model.predict(pixels, count);
        int k = expected.length / count;
        for (int i = 0; i < count; i++) {
            double diff = maxDiff(java.util.Arrays.copyOfRange(expected, i * k, (i + 1) * k), actual[i]);
            assertTrue(diff < DirectForward.TOLERANCE, model.displayName() + " image " + i + " differs from output() by " + diff);
        }
    }

    private static double maxDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
        return max;
    }

    private static float[] noise(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] pixels = new float[784];
        for (int i = 0; i < pixels.length; i++) pixels[i] = rng.nextInt(3) == 0 ? (float) rng.nextDouble() : 0f;
        return pixels;
    }

    private static TrainedModel untrained(Architecture arch) {
        return new TrainedModel(NetworkFactory.create(Hyperparameters.defaults(arch), 10, 1), card(), InputLayout.FLAT);
    }

    private static ModelCard card() {
        List<String> names = IntStream.range(0, 10).mapToObj(String::valueOf).toList();
        return new ModelCard("test", "dl4j", "mnist", names, "test", null, null, null, null, null, null, "28x28x1",
                null, null, null);
    }
}
