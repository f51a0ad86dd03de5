package io.handwritingstudio.model;

import io.handwritingstudio.model.design.Designs;
import io.handwritingstudio.model.design.LayerSpec;
import io.handwritingstudio.model.design.NetworkDesign;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectTrainingTest {
    @Test
    void adamStepsWithDropoutGiveWhatFitGives() {
        assertTrainsAsFitDoes(Designs.classic(), true, 32, 32, 32, 32);
    }

    /** Same padding, no bias, stride 2, average pooling, an activation layer, dropout on a convolution's input. */
    @Test
    void everyLayerItBindsTrainsAsFitDoes() {
        LayerSpec.Activation relu = LayerSpec.Activation.RELU;
        NetworkDesign design = new NetworkDesign("mixed", List.of(
                new LayerSpec.Convolution(8, 3, 1, LayerSpec.Padding.SAME, LayerSpec.Activation.IDENTITY, false),
                new LayerSpec.ActivationLayer(relu),
                new LayerSpec.Pooling(LayerSpec.PoolKind.AVG, 2, 2),
                new LayerSpec.Dropout(0.2),
                new LayerSpec.Convolution(12, 5, 2, LayerSpec.Padding.VALID, relu, true),
                new LayerSpec.Dense(20, relu, false),
                new LayerSpec.Dense(16, LayerSpec.Activation.IDENTITY, true)));
        // an epoch's last, shorter batch gets a chain of its own
        assertTrainsAsFitDoes(design, true, 10, 32, 10, 32);
    }

    @Test
    void aNetworkWithoutConvolutionsTrainsAsFitDoes() {
        assertTrainsAsFitDoes(Designs.denseOnly(), true, 32, 32, 32);
    }

    /** The bundled models' network: batch norm after convolutions and after a dense layer, its running statistics. */
    @Test
    void batchNormTrainsAsFitDoes() {
        assertTrainsAsFitDoes(Designs.strong(), true, 32, 32, 32, 12);
    }

    @Test
    void layersItDoesNotBindTrainThroughFitAndSaySo() {
        DirectTraining training = DirectTraining.of(network(Designs.lenet5()));
        assertTrue(training.describe(32).startsWith("fit() (activation tanh in ConvolutionLayer"), training.describe(32));
        assertTrainsAsFitDoes(Designs.lenet5(), false, 32, 32);
    }

    private static void assertTrainsAsFitDoes(NetworkDesign design, boolean bound, int... batchSizes) {
        MultiLayerNetwork viaFit = network(design);
        MultiLayerNetwork direct = network(design);
        DirectTraining training = DirectTraining.of(direct);
        assertEquals(bound, training.describe(batchSizes[0]).equals("direct ops (channels last)"), training.describe(batchSizes[0]));
        for (int i = 0; i < batchSizes.length; i++) {
            DataSet batch = batch(batchSizes[i], i);
            Nd4j.getRandom().setSeed(100 + i); // the same dropout masks for both
            viaFit.fit(batch);
            Nd4j.getRandom().setSeed(100 + i);
            double loss = training.fit(batch);
            assertEquals(viaFit.score(), loss, 1e-4, "loss of step " + i);
        }
        assertEquals(viaFit.getIterationCount(), direct.getIterationCount());
        double moved = viaFit.params().sub(network(design).params()).amaxNumber().doubleValue();
        double diff = viaFit.params().sub(direct.params()).amaxNumber().doubleValue();
        assertTrue(moved > 1e-3, design.name() + " trained: " + moved);
        assertTrue(diff < 1e-5, design.name() + " parameters differ by " + diff);
    }

    private static DataSet batch(int size, int seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, size, 784);
        INDArray y = Nd4j.eye(10).getRows(IntStream.range(0, size).map(i -> (i * 7 + seed) % 10).toArray()).castTo(DataType.FLOAT);
        return new DataSet(x, y);
    }

    private static MultiLayerNetwork network(NetworkDesign design) {
        MultiLayerNetwork net = NetworkFactory.create(design, new Hyperparameters(Architecture.CLASSIC, 1, 32, 0.001, 1.0,
                "adam", 7, false, 0), 10, 10);
        TrainingSpeedups.install(net);
        return net;
    }
}
