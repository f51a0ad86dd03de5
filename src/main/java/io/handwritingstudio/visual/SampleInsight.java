package io.handwritingstudio.visual;

import io.handwritingstudio.inference.Ranking;
import io.handwritingstudio.model.TrainedModel;

import java.util.Arrays;
import java.util.List;

/**
 * What one 28x28 input does inside one model, in two stages for interactive callers: activations first (the
 * prediction and feature maps can appear at once), then the slower occlusion saliency map.
 *
 * @param pixels   the input, 784 values in [0,1], ink bright (kept, not copied)
 * @param saliency null until the second stage has run
 * @param millis   wall time of the activations stage, for the latency log
 */
public record SampleInsight(float[] pixels, TrainedModel model, LayerActivations activations, SaliencyMap saliency,
                            long millis) {
    private static final Saliency SALIENCY = new Saliency();

    public static SampleInsight compute(TrainedModel model, float[] pixels) {
        long start = System.nanoTime();
        LayerActivations acts = LayerActivations.compute(model, pixels);
        return new SampleInsight(pixels, model, acts, null, (System.nanoTime() - start) / 1_000_000);
    }

    /** The second stage: this insight with the predicted class's occlusion saliency. */
    public SampleInsight withSaliency() {
        SaliencyMap map = SALIENCY.compute(model, pixels, predicted());
        return new SampleInsight(pixels, model, activations, map, millis);
    }

    public float[] probabilities() {
        return activations.probabilities();
    }

    public int predicted() {
        return top(1).get(0);
    }

    /** The {@code n} most probable classes, most probable first. */
    public List<Integer> top(int n) {
        return Arrays.stream(Ranking.top(probabilities(), n)).boxed().toList();
    }

    @Override
    public String toString() {
        return "SampleInsight[top "  + Arrays.toString(top(3).toArray()) + "]";
    }
}
