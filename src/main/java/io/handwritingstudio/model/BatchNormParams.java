package io.handwritingstudio.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/**
 * A batch-norm layer's inference parameters as rank-1 arrays: views of the network's own arrays (so they see training
 * updates) or, where DL4J locks gamma and beta, constants. Read once here for both the unfolded op and the fold.
 */
record BatchNormParams(INDArray mean, INDArray gamma, INDArray beta, double eps, INDArray storedVariance,
                       INDArray log10Std) {

    static BatchNormParams of(Layer layer) {
        BatchNormalization conf = (BatchNormalization) layer.conf().getLayer();
        INDArray mean = NativeStep.vector(layer.getParam("mean"));
        long channels = mean.length();
        INDArray gamma = conf.isLockGammaBeta() ? constant(channels, conf.getGamma()) : NativeStep.vector(layer.getParam("gamma"));
        INDArray beta = conf.isLockGammaBeta() ? constant(channels, conf.getBeta()) : NativeStep.vector(layer.getParam("beta"));
        return conf.isUseLogStd()
                ? new BatchNormParams(mean, gamma, beta, conf.getEps(), null, NativeStep.vector(layer.getParam("log10stdev")))
                : new BatchNormParams(mean, gamma, beta, conf.getEps(), NativeStep.vector(layer.getParam("var")), null);
    }

    /**
     * The variance array. With DL4J's log std it is derived, {@code 100^log10(std)}: the step that computes it is added
     * to {@code steps} (run it before reading the variance), a fresh array per call.
     */
    INDArray variance(List<NativeStep> steps) {
        if (log10Std == null) return storedVariance;
        INDArray variance = Nd4j.create(DataType.FLOAT, mean.length());
        steps.add(NativeStep.of("Pow", new INDArray[]{constant(mean.length(), 100), log10Std}, variance, new long[0]));
        return variance;
    }

    private static INDArray constant(long channels, double value) {
        return Nd4j.valueArrayOf(new long[]{channels}, (float) value);
    }
}
