package io.handwritingstudio.visual;

import io.handwritingstudio.data.MnistFormat;

import io.handwritingstudio.model.TrainedModel;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/** Every layer's output for one 28x28 input, as plain Java data (index 0 is the input itself). */
public final class LayerActivations {
    private final List<LayerMap> layers;

    private LayerActivations(List<LayerMap> layers) {
        this.layers = List.copyOf(layers);
    }

    /** Runs one forward pass (inference mode) and copies every layer's activations. */
    public static LayerActivations compute(TrainedModel model, float[] pixels) {
        MultiLayerNetwork network = model.network();
        List<INDArray> acts;
        // TrainedModel's methods lock on the model: one forward pass at a time per network.
        synchronized (model) {
            acts = model.layerOutputs(pixels);
            List<LayerMap> maps = new ArrayList<>(acts.size());
            maps.add(new LayerMap(0, "input", LayerKind.INPUT, 1, MnistFormat.SIDE, MnistFormat.SIDE,
                    model.networkPixels(pixels).clone()));
            for (int i = 1; i < acts.size(); i++) {
                Layer conf = Layers.conf(network, i - 1);
                LayerKind kind = Layers.kind(conf);
                maps.add(toMap(i, Layers.name(conf, i - 1, kind), kind, acts.get(i), Layers.channelsLast(conf)));
            }
            return new LayerActivations(maps);
        }
    }

    static LayerMap toMap(int index, String name, LayerKind kind, INDArray a, boolean channelsLast) {
        long[] s = a.shape();
        if (a.rank() == 4) {
            INDArray chw = channelsLast ? a.permute(0, 3, 1, 2) : a;
            long[] c = chw.shape();
            return new LayerMap(index, name, kind, (int) c[1], (int) c[2], (int) c[3], chw.dup('c').data().asFloat());
        }
        int units = (int) (a.length() / s[0]);
        return new LayerMap(index, name, kind, units, 1, 1, a.dup('c').reshape(units).toFloatVector());
    }

    /** All layers, input first. */
    public List<LayerMap> layers() {
        return layers;
    }

    public LayerMap layer(int index) {
        return layers.get(index);
    }

    /** The network's class probabilities (the last layer). */
    public float[] probabilities() {
        return layers.get(layers.size() - 1).values().clone();
    }
}
