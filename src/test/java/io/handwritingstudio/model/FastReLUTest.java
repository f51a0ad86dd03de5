package io.handwritingstudio.model;

import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FastReLUTest {
    @TempDir
    Path dir;

    @Test
    void gradientIsDl4jsReluGradient() {
        EngineSetup.init();
        INDArray z = Nd4j.rand(DataType.FLOAT, 8, 4, 6, 6).subi(0.5);
        z.putScalar(0, 0f); // the derivative at exactly 0 is 0 in both
        INDArray epsilon = Nd4j.rand(DataType.FLOAT, 8, 4, 6, 6).subi(0.5);
        INDArray expected = new ActivationReLU().backprop(z.dup(), epsilon.dup()).getFirst();
        INDArray actual = new FastReLU().backprop(z.dup(), epsilon.dup()).getFirst();
        assertEquals(0.0, expected.sub(actual).amaxNumber().doubleValue(), 0.0);
        assertTrue(actual.amaxNumber().doubleValue() > 0.1, "a non-trivial gradient");
    }

    @Test
    void installedForTrainingButSavedAsDl4jsRelu() throws Exception {
        MultiLayerNetwork net = NetworkFactory.create(
                new Hyperparameters(Architecture.STRONG, 1, 16, 0.001, 1.0, "adam", 1, false, 0), 10, 10);
        FastReLU.install(net);
        assertTrue(activations(net).stream().anyMatch(fn -> fn instanceof FastReLU), "installed");
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 784);
        INDArray y = Nd4j.eye(10).getRows(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5}).castTo(DataType.FLOAT);
        net.fit(x, y);
        Path file = dir.resolve("fast.zip");
        ModelStore.save(net, new ModelCard("fast", "dl4j", "mnist", java.util.stream.IntStream.range(0, 10)
                .mapToObj(String::valueOf).toList(), "strong", null, null, null, null, null, null, "28x28x1", null, null, null), file);

        assertTrue(activations(net).stream().anyMatch(fn -> fn instanceof FastReLU), "saving leaves the network as it was");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String json = new String(zip.getInputStream(zip.getEntry("configuration.json")).readAllBytes());
            assertFalse(json.contains("FastReLU"), "model files hold DL4J's own ReLU");
            assertTrue(json.contains("ActivationReLU"));
        }
        TrainedModel loaded = ModelStore.load(file);
        assertFalse(activations(loaded.network()).stream().anyMatch(fn -> fn instanceof FastReLU));
        float[] pixels = x.getRow(3).toFloatVector();
        INDArray expected = net.output(x.getRow(3).reshape(1, 784), false);
        float[] actual = loaded.predictOne(pixels);
        for (int i = 0; i < 10; i++) assertEquals(expected.getFloat(i), actual[i], 1e-5f);
    }

    private static List<IActivation> activations(MultiLayerNetwork net) {
        return net.getLayerWiseConfigurations().getConfs().stream().map(c -> c.getLayer())
                .map(l -> l instanceof BaseLayer b ? b.getActivationFn()
                        : l instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer a ? a.getActivationFn() : null)
                .filter(fn -> fn != null).toList();
    }
}
