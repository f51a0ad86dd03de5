package io.handwritingstudio.visual;

/**
 * A conv layer's kernels: {@code weights[((out * inChannels + in) * height + y) * width + x]} (DL4J's
 * [out, in, kh, kw] order whatever the source), with the extreme values for a symmetric diverging colour scale.
 */
public record FilterBank(int layerIndex, String layerName, int outChannels, int inChannels, int height, int width,
                         float[] weights, float min, float max) {

    public float weight(int out, int in, int y, int x) {
        return weights[((out * inChannels + in) * height + y) * width + x];
    }

    /** The kernel that output channel {@code out} applies to input channel {@code in}, row-major. */
    public float[] kernel(int out, int in) {
        int size = height * width;
        float[] k = new float[size];
        System.arraycopy(weights, (out * inChannels + in) * size, k, 0, size);
        return k;
    }

    /** The largest magnitude: a colour scale from -limit to +limit keeps zero in the middle. */
    public float limit() {
        return Math.max(Math.abs(min), Math.abs(max));
    }
}
