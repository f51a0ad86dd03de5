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

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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

    /**
     * Dropout before pooling, batch norm or an activation layer: DL4J's fit ignores dropout set on those, so the
     * network gets a dropout layer there, which fit applies, and the bound step must too.
     */
    @Test
    void dropoutBeforeLayersWithoutWeightsIsAppliedAndTrainsAsFitDoes() {
        LayerSpec.Activation identity = LayerSpec.Activation.IDENTITY;
        NetworkDesign design = new NetworkDesign("dropouts", List.of(
                new LayerSpec.Convolution(8, 3, 1, LayerSpec.Padding.VALID, LayerSpec.Activation.RELU, true),
                new LayerSpec.Dropout(0.3), new LayerSpec.Pooling(LayerSpec.PoolKind.AVG, 2, 2),
                new LayerSpec.Dense(16, identity, false), new LayerSpec.Dropout(0.2), new LayerSpec.BatchNorm(),
                new LayerSpec.Dropout(0.1), new LayerSpec.ActivationLayer(LayerSpec.Activation.RELU)));
        MultiLayerNetwork net = network(design);
        List<Double> dropoutLayers = IntStream.range(0, net.getnLayers()).mapToObj(i -> net.getLayer(i).conf().getLayer())
                .filter(l -> l instanceof org.deeplearning4j.nn.conf.layers.DropoutLayer)
                .map(l -> ((org.deeplearning4j.nn.conf.dropout.Dropout) l.getIDropout()).getP()).toList();
        assertEquals(3, dropoutLayers.size(), "a dropout layer before each: " + dropoutLayers);
        double[] retain = {0.7, 0.8, 0.9};
        for (int i = 0; i < retain.length; i++) assertEquals(retain[i], dropoutLayers.get(i), 1e-9);
        assertTrainsAsFitDoes(design, "adam", 1e-4, 32, 32, 32);
    }

    /** DL4J's own listeners hear fit's calls; a network that has them trains through fit, so they keep hearing them. */
    @Test
    void dl4jListenersStillHearEveryIteration() {
        MultiLayerNetwork net = network(Designs.classic());
        int[] heard = {0};
        net.setListeners(new org.deeplearning4j.optimize.api.BaseTrainingListener() {
            @Override
            public void iterationDone(org.deeplearning4j.nn.api.Model model, int iteration, int epoch) {
                heard[0]++;
            }
        });
        DirectTraining training = DirectTraining.of(net);
        training.fit(batch(32, 0));
        training.fit(batch(32, 1));
        assertEquals(2, heard[0]);
        assertEquals(2, net.getIterationCount());
    }

    @Test
    void aNetworkWithoutConvolutionsTrainsAsFitDoes() {
        assertTrainsAsFitDoes(Designs.denseOnly(), true, 32, 32, 32);
    }

    /**
     * The bundled models' network: batch norm after convolutions and after a dense layer, and its running statistics,
     * through SGD steps. Looser than the others: both ways round float sums differently, and where a max-pooling window
     * holds near-equal values the two pick different winners, so a gradient here and there differs by a few percent
     * (the finite difference agrees with either within that); the exact comparison is the test below.
     */
    @Test
    void batchNormTrainsAsFitDoes() {
        assertTrainsAsFitDoes(Designs.strong(), "sgd", 2e-3, 32, 32, 32, 12);
    }

    /** Batch norm's gradients, and the rest's, equal DL4J's own where no pooling picks between near-equal values. */
    @Test
    void batchNormGradientsAreDl4jsOwn() {
        LayerSpec.Activation identity = LayerSpec.Activation.IDENTITY;
        NetworkDesign design = new NetworkDesign("norms", List.of(
                new LayerSpec.Convolution(8, 3, 1, LayerSpec.Padding.SAME, identity, false), new LayerSpec.BatchNorm(),
                new LayerSpec.ActivationLayer(LayerSpec.Activation.RELU),
                new LayerSpec.Convolution(8, 3, 2, LayerSpec.Padding.VALID, identity, false), new LayerSpec.BatchNorm(),
                new LayerSpec.ActivationLayer(LayerSpec.Activation.RELU),
                new LayerSpec.Dense(32, identity, false), new LayerSpec.BatchNorm(),
                new LayerSpec.ActivationLayer(LayerSpec.Activation.RELU)));
        MultiLayerNetwork reference = network(design, "adam");
        MultiLayerNetwork direct = network(design, "adam");
        DataSet batch = batch(32, 3);
        reference.setInput(batch.getFeatures());
        reference.setLabels(batch.getLabels());
        reference.computeGradientAndScore();
        TrainingChain chain = assertDoesNotThrow(() -> TrainingChain.bind(direct, 32));
        assertEquals(reference.score(), chain.computeGradient(batch.getFeatures(), batch.getLabels()), 1e-5);
        assertEquals(17, reference.gradient().gradientForVariable().size()); // 3 x (W; gamma, beta, mean, log std), output W, b
        reference.gradient().gradientForVariable().forEach((name, expected) -> {
            double largest = expected.amaxNumber().doubleValue();
            double diff = expected.sub(chain.gradient().getGradientFor(name)).amaxNumber().doubleValue();
            assertTrue(diff <= 1e-4 * Math.max(largest, 1e-3), name + " differs by " + diff + " of " + largest);
        });
    }

    @Test
    void layersItDoesNotBindTrainThroughFitAndSaySo() {
        DirectTraining training = DirectTraining.of(network(Designs.lenet5()));
        assertTrue(training.describe(32).startsWith("fit() (activation tanh in ConvolutionLayer"), training.describe(32));
        assertTrainsAsFitDoes(Designs.lenet5(), false, 32, 32);
    }

    /**
     * Adam steps within 1e-4: Adam divides each step by the root of its squared gradients, so where a gradient is near
     * zero the two ways' different rounding (sums split over OpenMP threads) moves a weight by up to a few 1e-5 (one CI
     * run in several saw 1.8e-5 on dense at 1e-5). The trained weights move by more than 1e-3.
     */
    private static void assertTrainsAsFitDoes(NetworkDesign design, boolean bound, int... batchSizes) {
        assertTrainsAsFitDoes(design, "adam", bound, 1e-4, batchSizes);
    }

    private static void assertTrainsAsFitDoes(NetworkDesign design, String optimizer, double tolerance, int... batchSizes) {
        assertTrainsAsFitDoes(design, optimizer, true, tolerance, batchSizes);
    }

    private static void assertTrainsAsFitDoes(NetworkDesign design, String optimizer, boolean bound, double tolerance,
                                              int... batchSizes) {
        MultiLayerNetwork viaFit = network(design, optimizer);
        MultiLayerNetwork direct = network(design, optimizer);
        DirectTraining training = DirectTraining.of(direct);
        assertEquals(bound, training.describe(batchSizes[0]).equals("direct ops (channels last)"), training.describe(batchSizes[0]));
        for (int i = 0; i < batchSizes.length; i++) {
            DataSet batch = batch(batchSizes[i], i);
            Nd4j.getRandom().setSeed(100 + i); // the same dropout masks for both
            viaFit.fit(batch);
            Nd4j.getRandom().setSeed(100 + i);
            double loss = training.fit(batch);
            assertEquals(viaFit.score(), loss, 10 * tolerance, "loss of step " + i);
        }
        assertEquals(viaFit.getIterationCount(), direct.getIterationCount());
        double moved = viaFit.params().sub(network(design, optimizer).params()).amaxNumber().doubleValue();
        double diff = viaFit.params().sub(direct.params()).amaxNumber().doubleValue();
        assertTrue(moved > 1e-3, design.name() + " trained: " + moved);
        assertTrue(diff < tolerance, design.name() + " parameters differ by " + diff);
    }

    private static DataSet batch(int size, int seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, size, 784);
        INDArray y = Nd4j.eye(10).getRows(IntStream.range(0, size).map(i -> (i * 7 + seed) % 10).toArray()).castTo(DataType.FLOAT);
        return new DataSet(x, y);
    }

    private static MultiLayerNetwork network(NetworkDesign design) {
        return network(design, "adam");
    }

    private static MultiLayerNetwork network(NetworkDesign design, String optimizer) {
        MultiLayerNetwork net = NetworkFactory.create(design, new Hyperparameters(Architecture.CLASSIC, 1, 32,
                "sgd".equals(optimizer) ? 0.01 : 0.001, 1.0, optimizer, 7, false, 0), 10, 10);
        TrainingSpeedups.install(net);
        return net;
    }
}
