package io.handwritingstudio.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.bytedeco.javacpp.Pointer;

/**
 * One libnd4j op bound once to fixed input and output arrays and arguments. Running it is a single native call
 * (no shape inference, no allocation, no Java op objects): the op's context is built here and reused.
 */
final class NativeStep {
    private static final NativeOps NATIVE = NativeOpsHolder.getInstance().getDeviceNativeOps();
    private final CustomOp op;
    private final OpContext context;
    private final long hash;
    private final Pointer contextPointer;

    private NativeStep(String name, INDArray[] inputs, INDArray[] outputs, long[] ints, double[] doubles) {
        op = DynamicCustomOp.builder(name).build();
        context = Nd4j.getExecutioner().buildContext();
        context.setInputArrays(inputs);
        context.setOutputArrays(outputs);
        if (ints.length > 0) context.setIArguments(ints);
        if (doubles.length > 0) context.setTArguments(doubles);
        hash = op.opHash();
        contextPointer = context.contextPointer();
    }

    static NativeStep of(String name, INDArray[] inputs, INDArray output, long[] ints, double... doubles) {
        return new NativeStep(name, inputs, new INDArray[]{output}, ints, doubles);
    }

    static NativeStep of(String name, INDArray input, INDArray output, double... doubles) {
        return new NativeStep(name, new INDArray[]{input}, new INDArray[]{output}, new long[0], doubles);
    }

    /** An op with several outputs (a gradient op writes the input's, the weights' and the bias's). */
    static NativeStep of(String name, INDArray[] inputs, INDArray[] outputs, long[] ints) {
        return new NativeStep(name, inputs, outputs, ints, new double[0]);
    }

    /** A rank-1 view of a [1, n] parameter (the ops want vectors; a view keeps seeing the network's values). */
    static INDArray vector(INDArray param) {
        return param.reshape(param.length());
    }

    /** Whether platform helpers (oneDNN) may run this op; libnd4j's own kernels otherwise. */
    NativeStep helpers(boolean allow) {
        context.allowHelpers(allow);
        return this;
    }

    String name() {
        return op.opName();
    }

    /**
     * Straight to libnd4j's entry point: the executioner's {@code exec(op, context)} adds profiling hooks, a global
     * oneDNN switch read and written over JNI and an output list per call, several microseconds on ops that take 2-10
     * (a single image of {@code classic} runs 12 ops; docs/BENCHMARKS.md).
     */
    void run() {
        int status = NATIVE.execCustomOp2(null, hash, contextPointer);
        if (status != 0) throw new IllegalStateException("op " + op.opName() + " failed: " + NATIVE.lastErrorMessage());
    }
}
