package io.handwritingstudio.visual;

import io.handwritingstudio.model.TrainedModel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A 2-D map of how a hidden layer sees many samples: the layer's activations for each sample, reduced with PCA.
 * Samples the network finds alike land close together.
 */
public final class Projection {
    // Small batches release the model lock often, so sample updates stay quick while a projection runs.
    private static final int BATCH = 100;

    private Projection() {
    }

    /** Progress of a long computation: called with samples done and the total. */
    public interface Progress {
        void update(int done, int total);
    }

    /** Thrown when the caller cancelled the computation. */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("cancelled");
        }
    }

    /** The layer shown by default: the last hidden layer before the output (the one the classifier reads). */
    public static int defaultLayer(TrainedModel model) {
        int n = model.network().getnLayers();
        for (int i = n - 2; i >= 0; i--) {
            if (Layers.kind(Layers.conf(model.network(), i)) != LayerKind.OTHER) return i + 1;
        }
        return Math.max(1, n - 1);
    }

    /** The display name of {@code layer} (1-based like {@link LayerActivations}). */
    public static String layerName(TrainedModel model, int layer) {
        var conf = Layers.conf(model.network(), layer - 1);
        return Layers.name(conf, layer - 1, Layers.kind(conf));
    }

    /** Activations of {@code layer} (1-based like {@link LayerActivations}) for {@code count} images, flattened. */
    public static float[][] features(TrainedModel model, float[] pixels, int count, int layer,
                                     Progress progress, BooleanSupplier cancelled) {
        float[][] out = new float[count][];
        for (int start = 0; start < count; start += BATCH) {
            if (cancelled.getAsBoolean()) throw new CancelledException();
            int n = Math.min(BATCH, count - start);
            float[] chunk = new float[n * 784];
            System.arraycopy(pixels, start * 784, chunk, 0, n * 784);
            synchronized (model) {
                List<INDArray> acts = model.network().feedForwardToLayer(layer - 1, model.input(chunk, n), false);
                INDArray a = acts.get(layer).reshape(n, -1);
                for (int i = 0; i < n; i++) out[start + i] = a.getRow(i).dup().toFloatVector();
            }
            progress.update(start + n, count);
        }
        return out;
    }

    /** The 2-D PCA projection of {@code count} images at {@code layer}: [count][2]. */
    public static float[][] pca(TrainedModel model, float[] pixels, int count, int layer,
                                Progress progress, BooleanSupplier cancelled) {
        float[][] features = features(model, pixels, count, layer, progress, cancelled);
        if (cancelled.getAsBoolean()) throw new CancelledException();
        return Pca.project(features, 2);
    }
}
