package io.handwritingstudio.visual;

import io.handwritingstudio.data.MnistFormat;

import io.handwritingstudio.inference.Ranking;
import io.handwritingstudio.model.TrainedModel;

/**
 * Occlusion sensitivity: slides a blank patch over the image and measures how much the class probability drops.
 * Chosen over input gradients because it needs only forward passes, so it works the same for every model
 * (Keras imports, dropout, batch norm) and reads directly as "the network needs these pixels".
 * All occluded variants go through the network in one batch.
 */
public final class Saliency {
    public static final int SIDE = MnistFormat.SIDE;
    private final int patch;
    private final int stride;

    /** Defaults measured to keep a classic-model update well under 100 ms on two cores: 8 px patch, stride 3. */
    public Saliency() {
        this(8, 3);
    }

    public Saliency(int patch, int stride) {
        if (patch < 1 || patch > SIDE || stride < 1) throw new IllegalArgumentException("bad patch/stride");
        this.patch = patch;
        this.stride = stride;
    }

    /** Saliency for {@code classIndex}, or for the predicted class when it is negative. */
    public SaliencyMap compute(TrainedModel model, float[] pixels, int classIndex) {
        int[] starts = starts();
        int variants = starts.length * starts.length;
        float[] batch = new float[(variants + 1) * SIDE * SIDE];
        System.arraycopy(pixels, 0, batch, 0, SIDE * SIDE);
        int v = 1;
        for (int top : starts) {
            for (int left : starts) {
                int off = v++ * SIDE * SIDE;
                System.arraycopy(pixels, 0, batch, off, SIDE * SIDE);
                for (int y = top; y < top + patch; y++) {
                    java.util.Arrays.fill(batch, off + y * SIDE + left, off + y * SIDE + left + patch, 0f);
                }
            }
        }
        float[][] probs = model.predict(batch, variants + 1);
        int target = classIndex >= 0 ? classIndex : Ranking.argmax(probs[0]);
        float base = probs[0][target];
        float[] sum = new float[SIDE * SIDE];
        int[] hits = new int[SIDE * SIDE];
        v = 1;
        for (int top : starts) {
            for (int left : starts) {
                float drop = base - probs[v++][target];
                for (int y = top; y < top + patch; y++) {
                    for (int x = left; x < left + patch; x++) {
                        sum[y * SIDE + x] += drop;
                        hits[y * SIDE + x]++;
                    }
                }
            }
        }
        for (int i = 0; i < sum.length; i++) sum[i] = hits[i] == 0 ? 0 : sum[i] / hits[i];
        return new SaliencyMap(target, base, sum);
    }

    /** Patch positions that cover the whole image, the last one flush with the edge. */
    int[] starts() {
        int last = SIDE - patch;
        int n = last / stride + 1 + (last % stride == 0 ? 0 : 1);
        int[] s = new int[n];
        for (int i = 0; i < n; i++) s[i] = Math.min(i * stride, last);
        return s;
    }

}
