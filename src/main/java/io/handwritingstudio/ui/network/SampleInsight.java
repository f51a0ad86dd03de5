package io.handwritingstudio.ui.network;

import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.ui.SampleRef;
import io.handwritingstudio.visual.LayerActivations;
import io.handwritingstudio.visual.Saliency;
import io.handwritingstudio.visual.SaliencyMap;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Everything the view shows for one sample under one model, computed off the JavaFX thread.
 *
 * @param millis wall time of the computation (activations + saliency), for the latency log
 */
public record SampleInsight(SampleRef sample, TrainedModel model, LayerActivations activations, SaliencyMap saliency,
                            long millis) {
    private static final Saliency SALIENCY = new Saliency();

    public static SampleInsight compute(TrainedModel model, SampleRef sample) {
        long start = System.nanoTime();
        LayerActivations acts = LayerActivations.compute(model, sample.pixels());
        SaliencyMap saliency = SALIENCY.compute(model, sample.pixels(), -1);
        return new SampleInsight(sample, model, acts, saliency, (System.nanoTime() - start) / 1_000_000);
    }

    public float[] probabilities() {
        return activations.probabilities();
    }

    public int predicted() {
        return saliency.classIndex();
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
