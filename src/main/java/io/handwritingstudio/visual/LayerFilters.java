package io.handwritingstudio.visual;

import io.handwritingstudio.model.TrainedModel;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/** The learned kernels of every convolution layer, first layer first. */
public final class LayerFilters {
    private LayerFilters() {
    }

    public static List<FilterBank> of(TrainedModel model) {
        MultiLayerNetwork network = model.network();
        List<FilterBank> banks = new ArrayList<>();
        synchronized (model) {
            for (int i = 0; i < network.getnLayers(); i++) {
                if (!(Layers.conf(network, i) instanceof ConvolutionLayer)) continue;
                INDArray w = network.getLayer(i).getParam("W");
                // DL4J keeps conv weights as [out, in, kh, kw] for NCHW and NHWC layers alike (Keras import permutes).
                long[] s = w.shape();
                float[] values = w.dup('c').data().asFloat();
                banks.add(new FilterBank(i + 1, Layers.name(Layers.conf(network, i), i, LayerKind.CONVOLUTION),
                        (int) s[0], (int) s[1], (int) s[2], (int) s[3], values, min(values), max(values)));
            }
        }
        return banks;
    }

    private static float min(float[] v) {
        float m = Float.POSITIVE_INFINITY;
        for (float x : v) m = Math.min(m, x);
        return m;
    }

    private static float max(float[] v) {
        float m = Float.NEGATIVE_INFINITY;
        for (float x : v) m = Math.max(m, x);
        return m;
    }
}
