package io.handwritingstudio.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingSpeedupsTest {
    @Test
    void trainingStepsGiveTheSameParametersWithAndWithout() {
        for (Architecture arch : new Architecture[]{Architecture.CLASSIC, Architecture.STRONG}) {
            MultiLayerNetwork plain = network(arch);
            MultiLayerNetwork fast = network(arch);
            TrainingSpeedups.install(fast);
            assertEquals(0.0, plain.params().sub(fast.params()).amaxNumber().doubleValue(), 0.0, "same start");
            INDArray x = Nd4j.rand(DataType.FLOAT, 32, 784);
            INDArray y = Nd4j.eye(10).getRows(java.util.stream.IntStream.range(0, 32).map(i -> (i * 7) % 10).toArray())
                    .castTo(DataType.FLOAT);
            for (int i = 0; i < 4; i++) {
                Nd4j.getRandom().setSeed(100 + i); // the same dropout masks for both
                plain.fit(x, y);
                Nd4j.getRandom().setSeed(100 + i);
                fast.fit(x, y);
            }
            double moved = plain.params().sub(network(arch).params()).amaxNumber().doubleValue();
            double diff = plain.params().sub(fast.params()).amaxNumber().doubleValue();
            assertTrue(moved > 1e-3, arch + " trained: " + moved);
            assertTrue(diff < 1e-5, arch + " parameters differ by " + diff);
        }
    }

    @Test
    void theUpdaterKeepsItsOptimizerStateAndStaysInPlaceWhileTraining() {
        MultiLayerNetwork net = network(Architecture.CLASSIC);
        INDArray x = Nd4j.rand(DataType.FLOAT, 32, 784);
        INDArray y = Nd4j.eye(10).getRows(java.util.stream.IntStream.range(0, 32).map(i -> i % 10).toArray())
                .castTo(DataType.FLOAT);
        net.fit(x, y); // Adam's moments are no longer zero
        INDArray state = net.getUpdater().getStateViewArray().dup();
        TrainingSpeedups.install(net);
        assertTrue(net.getUpdater() instanceof OwnGradientUpdater);
        assertEquals(0.0, net.getUpdater().getStateViewArray().sub(state).amaxNumber().doubleValue(), 0.0,
                "a resumed run continues with the moments it saved");
        net.fit(x, y);
        net.fit(x, y);
        assertTrue(net.getUpdater() instanceof OwnGradientUpdater, "fit keeps the installed updater");
    }

    private static MultiLayerNetwork network(Architecture arch) {
        return NetworkFactory.create(new Hyperparameters(arch, 1, 32, 0.001, 1.0, "adam", 7, false, 0), 10, 10);
    }
}
