package io.handwritingstudio.visual;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Reads a layer's kind, name and data format from a network's configuration. */
final class Layers {
    private Layers() {
    }

    /**
     * The layer's own configuration. Fine-tuning the classifier head freezes the layers before it, and DL4J wraps a
     * frozen layer's configuration: unwrapped here, a frozen convolution is still shown as the convolution it is.
     */
    static Layer conf(MultiLayerNetwork network, int layer) {
        Layer conf = network.getLayerWiseConfigurations().getConf(layer).getLayer();
        while (true) {
            if (conf instanceof FrozenLayer frozen) conf = frozen.getLayer();
            else if (conf instanceof FrozenLayerWithBackprop frozen) conf = frozen.getUnderlying();
            else return conf;
        }
    }

    static LayerKind kind(Layer conf) {
        if (conf instanceof ConvolutionLayer) return LayerKind.CONVOLUTION;
        if (conf instanceof SubsamplingLayer) return LayerKind.POOLING;
        if (conf instanceof BatchNormalization) return LayerKind.BATCH_NORM;
        if (conf instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer) return LayerKind.ACTIVATION;
        if (conf instanceof BaseOutputLayer || conf instanceof LossLayer) return LayerKind.OUTPUT;
        if (conf instanceof DenseLayer) return LayerKind.DENSE;
        return LayerKind.OTHER;
    }

    /** Keras imports keep channels last (NHWC); our own networks are NCHW. */
    static boolean channelsLast(Layer conf) {
        CNN2DFormat format = null;
        if (conf instanceof ConvolutionLayer c) format = c.getCnn2dDataFormat();
        else if (conf instanceof SubsamplingLayer s) format = s.getCnn2dDataFormat();
        else if (conf instanceof BatchNormalization b) format = b.getCnn2DFormat();
        return format == CNN2DFormat.NHWC;
    }

    static String name(Layer conf, int index, LayerKind kind) {
        String given = conf.getLayerName();
        boolean generic = given == null || given.isBlank() || given.matches("layer\\d+");
        return generic ? kind.label() + " " + (index + 1) : given;
    }
}
