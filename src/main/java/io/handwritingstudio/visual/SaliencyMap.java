package io.handwritingstudio.visual;

import io.handwritingstudio.data.MnistFormat;

/**
 * How much each pixel matters to one class: {@code values[y * MnistFormat.SIDE + x]} is the mean drop in that class's
 * probability when a patch covering the pixel is blanked (negative where blanking helps the class).
 */
public record SaliencyMap(int classIndex, float baseProbability, float[] values) {

    public float value(int y, int x) {
        return values[y * MnistFormat.SIDE + x];
    }

    /** The largest drop, for scaling a colour map. */
    public float max() {
        float m = 0;
        for (float v : values) m = Math.max(m, v);
        return m;
    }
}
