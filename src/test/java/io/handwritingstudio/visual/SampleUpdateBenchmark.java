package io.handwritingstudio.visual;

import java.util.Locale;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Benchmark (not a test): the per-sample work of the network view (all activations + occlusion saliency) over
 * 300 MNIST test images. Usage: {@code java -cp ... SampleUpdateBenchmark <model file> [patch stride]}.
 * {@code -Dbench.oneThread=true} measures as the studio runs it: native ops of this thread on one core.
 */
public final class SampleUpdateBenchmark {
    public static void main(String[] args) throws Exception {
        TrainedModel model = ModelStore.load(Path.of(args[0]));
        Saliency saliency = args.length > 2
                ? new Saliency(Integer.parseInt(args[1]), Integer.parseInt(args[2])) : new Saliency();
        // on a thread of its own, so the one-core setting stays off the projection below
        Thread samples = new Thread(() -> {
            if (Boolean.getBoolean("bench.oneThread")) io.handwritingstudio.model.EngineSetup.useOneNativeThreadHere();
            try {
                sampleUpdates(model, saliency);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        samples.start();
        samples.join();
        projection(model);
    }

    private static void sampleUpdates(TrainedModel model, Saliency saliency) throws Exception {
        int n = 300;
        long[] acts = new long[n];
        long[] sal = new long[n];
        long[] total = new long[n];
        for (int i = -30; i < n; i++) {
            float[] px = TestModels.image(Math.abs(i));
            long t0 = System.nanoTime();
            LayerActivations.compute(model, px);
            long t1 = System.nanoTime();
            saliency.compute(model, px, -1);
            long t2 = System.nanoTime();
            if (i < 0) continue;
            acts[i] = t1 - t0;
            sal[i] = t2 - t1;
            total[i] = t2 - t0;
        }
        System.out.printf(Locale.ROOT, "%d samples: activations %s | saliency %s | total %s%n", n,
                stats(acts), stats(sal), stats(total));
    }

    private static void projection(TrainedModel model) throws Exception {
        int count = 2000;
        float[] px = new float[count * 784];
        for (int i = 0; i < count; i++) TestModels.mnistTest().copyImage(i, px, i * 784);
        long p0 = System.nanoTime();
        float[][] features = Projection.features(model, px, count, Projection.defaultLayer(model), (d, t) -> { }, () -> false);
        long p1 = System.nanoTime();
        Pca.project(features, 2);
        long p2 = System.nanoTime();
        new Tsne().embed(features, (d, t) -> { }, () -> false);
        long p3 = System.nanoTime();
        System.out.printf(Locale.ROOT, "projection of %d: features %.0f ms, PCA (%d dims) %.0f ms, t-SNE (500 iterations) %.0f ms%n",
                count, (p1 - p0) / 1e6, features[0].length, (p2 - p1) / 1e6, (p3 - p2) / 1e6);
    }

    private static String stats(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "median %.1f ms, p99 %.1f ms", s[s.length / 2] / 1e6, s[(int) (s.length * 0.99)] / 1e6);
    }
}
