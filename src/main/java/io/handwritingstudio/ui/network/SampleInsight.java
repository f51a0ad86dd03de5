package io.handwritingstudio.ui.network;

import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.ui.context.SampleRef;
import io.handwritingstudio.visual.LayerActivations;
import io.handwritingstudio.visual.Saliency;
import io.handwritingstudio.visual.SaliencyMap;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Everything the view shows for one sample under one model, computed off the JavaFX thread in two stages:
 * activations first (the prediction and feature maps appear at once), then the slower saliency map.
 *
 * @param saliency null until the second stage has run
 * @param millis   wall time of the activations stage, for the latency log
 */
public record SampleInsight(SampleRef sample, TrainedModel model, LayerActivations activations, SaliencyMap saliency,
                            long millis) {
    private static final Saliency SALIENCY = new Saliency();

    public static SampleInsight compute(TrainedModel model, SampleRef sample) {
        long start = System.nanoTime();
        LayerActivations acts = LayerActivations.compute(model, sample.pixels());
        return new SampleInsight(sample, model, acts, null, (System.nanoTime() - start) / 1_000_000);
    }

    /** The second stage: this insight with the predicted class's occlusion saliency. */
    public SampleInsight withSaliency() {
        SaliencyMap map = SALIENCY.compute(model, sample.pixels(), predicted());
        return new SampleInsight(sample, model, activations, map, millis);
    }

    public float[] probabilities() {
        return activations.probabilities();
    }

    public int predicted() {
        return top(1).get(0);
    }

    /** The {@code n} most probable classes, most probable first. */
    public List<Integer> top(int n) {
        float[] p = probabilities();
        return IntStream.range(0, p.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> p[i]).reversed()).limit(n).toList();
    }

    @Override
    public String toString() {
        return "SampleInsight[" + sample.source() + ", " + Arrays.toString(top(3).toArray()) + "]";
    }
}
