package io.handwritingstudio.model;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * What training switches on in a network, new, resumed or fine-tuned alike (docs/BENCHMARKS.md, "Training levers that
 * worked"): the faster ReLU gradient ({@link FastReLU}), and DL4J's forward cache. Without the cache a convolution
 * layer computes its forward pass a second time in backprop (oneDNN's log shows two forward convolutions per
 * iteration). {@code MultiLayerNetwork.setCacheMode} only sets the layers; the cache is opened only when the
 * configuration has the mode too, so both are set. The updater takes the network's own gradient as its own
 * ({@link OwnGradientUpdater}). Gradients and updates are unchanged (FastReLUTest, TrainingSpeedupsTest).
 */
public final class TrainingSpeedups {
    private TrainingSpeedups() {
    }

    public static void install(MultiLayerNetwork network) {
        FastReLU.install(network);
        network.getLayerWiseConfigurations().setCacheMode(CacheMode.DEVICE);
        network.setCacheMode(CacheMode.DEVICE);
        OwnGradientUpdater.install(network);
    }
}
