package io.handwritingstudio.visual;

/**
 * One layer's output for one input: {@code channels} maps of {@code height x width}, channel-major
 * ({@code values[(c * height + y) * width + x]}). Dense layers are 1x1 maps, one per unit.
 */
public record LayerMap(int index, String name, LayerKind kind, int channels, int height, int width, float[] values) {

    public float value(int channel, int y, int x) {
        return values[(channel * height + y) * width + x];
    }

    /** The channel's {@code height x width} values, row-major. */
    public float[] channel(int channel) {
        int size = height * width;
        float[] out = new float[size];
        System.arraycopy(values, channel * size, out, 0, size);
        return out;
    }

    /** "32 x 26 x 26" or "64 units". */
    public String shapeText() {
        return height == 1 && width == 1 ? channels + " units" : channels + " x " + height + " x " + width;
    }

    public float min() {
        float m = Float.POSITIVE_INFINITY;
        for (float v : values) m = Math.min(m, v);
        return m;
    }

    public float max() {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) m = Math.max(m, v);
        return m;
    }
}
