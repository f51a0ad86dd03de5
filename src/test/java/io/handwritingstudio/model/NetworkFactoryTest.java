package io.handwritingstudio.model;

import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationReLU;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkFactoryTest {

    private static List<Layer> layers(MultiLayerNetwork net) {
        return net.getLayerWiseConfigurations().getConfs().stream().map(c -> c.getLayer()).toList();
    }

    @Test
    void classicIsTheSeedNetwork() {
        MultiLayerNetwork net = NetworkFactory.create(Hyperparameters.defaults(Architecture.CLASSIC), 10, 100);
        assertEquals(93_322, net.numParams(), "same parameter count as the seed's Keras network");
    }

    @Test
    void everyBatchNormInStrongIsFollowedByAReLU() {
        // DL4J's BatchNormalization ignores an activation set on it; without these layers the net is nearly linear.
        MultiLayerNetwork net = NetworkFactory.create(Hyperparameters.defaults(Architecture.STRONG), 26, 100);
        List<Layer> layers = layers(net);
        int norms = 0;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof BatchNormalization) {
                norms++;
                Layer next = layers.get(i + 1);
                assertTrue(next instanceof ActivationLayer a && a.getActivationFn() instanceof ActivationReLU,
                        "layer after batch norm " + i + ": " + next);
            }
        }
        assertEquals(5, norms);
        assertEquals(26, net.layerSize(layers.size() - 1));
    }
}
