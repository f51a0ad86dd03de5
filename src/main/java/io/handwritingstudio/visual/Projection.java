package io.handwritingstudio.visual;

import io.handwritingstudio.data.MnistFormat;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.model.TrainedModel;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A 2-D map of how a hidden layer sees many samples: the layer's activations for each sample, reduced with PCA or t-SNE.
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

    /** Layers with more features per image than this are not offered: PCA over them would take minutes. */
    static final long MAX_FEATURES = 4096;

    /**
     * The layers a map can be made of (1-based like {@link LayerActivations}): hidden layers small enough to
     * project in seconds (read from the configuration, nothing runs), always including {@link #defaultLayer}.
     */
    public static java.util.List<Integer> layers(TrainedModel model) {
        int fallback = defaultLayer(model);
        java.util.List<org.deeplearning4j.nn.conf.inputs.InputType> types;
        try {
            types = model.network().getLayerWiseConfigurations().getLayerActivationTypes(
                    org.deeplearning4j.nn.conf.inputs.InputType.convolutionalFlat(MnistFormat.SIDE, MnistFormat.SIDE, 1));
        } catch (RuntimeException unknownLayout) {
            return java.util.List.of(fallback);
        }
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>(java.util.Set.of(fallback));
        int n = model.network().getnLayers();
        for (int i = 0; i < n - 1 && i < types.size(); i++) {
            if (Layers.kind(Layers.conf(model.network(), i)) != LayerKind.OTHER
                    && types.get(i).arrayElementsPerExample() <= MAX_FEATURES) out.add(i + 1);
        }
        return java.util.List.copyOf(out);
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
            float[] chunk = new float[n * MnistFormat.PIXELS];
            System.arraycopy(pixels, start * MnistFormat.PIXELS, chunk, 0, n * MnistFormat.PIXELS);
            synchronized (model) {
                List<INDArray> acts = model.network().feedForwardToLayer(layer - 1, model.input(chunk, n), false);
                INDArray a = acts.get(layer).reshape(n, -1);
                for (int i = 0; i < n; i++) out[start + i] = a.getRow(i).dup().toFloatVector();
            }
            progress.update(start + n, count);
        }
        return out;
    }

    /** How the layer's features are brought down to two dimensions. */
    public enum Method { PCA, TSNE }

    /** A finished map: point {@code i} is image {@code indices[i]} of the dataset, of class {@code labels[i]}. */
    public record Result(String layerName, float[][] xy, int[] labels, int[] indices) {
    }

    /**
     * The whole pipeline the studio runs: the first {@code limit} images of {@code images} through the model, the
     * default layer's activations reduced with {@code method}. {@code stage} hears a one-line description of each
     * step; progress runs from 0 to 1 over all of them.
     *
     * @throws IllegalArgumentException when the model and the images have different class counts
     */
    public static Result map(TrainedModel model, LabeledImages images, int limit, Method method,
                             Consumer<String> stage, Progress progress, BooleanSupplier cancelled) {
        return map(model, images, limit, defaultLayer(model), method, stage, progress, cancelled);
    }

    /** As above, for a chosen {@code layer} (1-based, one of {@link #layers}). */
    public static Result map(TrainedModel model, LabeledImages images, int limit, int layer, Method method,
                             Consumer<String> stage, Progress progress, BooleanSupplier cancelled) {
        if (images.classes().size() != model.classes().size()) {
            throw new IllegalArgumentException("The model has " + model.classes().size() + " classes but the dataset has "
                    + images.classes().size() + ": choose a matching dataset.");
        }
        int n = Math.min(limit, images.size());
        float[] px = new float[n * MnistFormat.PIXELS];
        int[] labels = new int[n];
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            images.copyImage(i, px, i * MnistFormat.PIXELS);
            labels[i] = images.label(i);
            indices[i] = i;
        }
        stage.accept("Running " + n + " images through the network...");
        // t-SNE takes most of the time when chosen: weigh the progress accordingly
        boolean tsne = method == Method.TSNE;
        double share = tsne ? 0.3 : 0.9;
        int steps = 1000;
        Progress scaled = (done, total) -> progress.update((int) Math.round(steps * share * done / total), steps);
        float[][] features = features(model, px, n, layer, scaled, cancelled);
        float[][] xy;
        if (tsne) {
            stage.accept("Running t-SNE on " + n + " points...");
            xy = new Tsne().embed(features, (done, total) ->
                    progress.update((int) Math.round(steps * (share + (1 - share) * done / total)), steps), cancelled);
        } else {
            stage.accept("Projecting with PCA...");
            if (cancelled.getAsBoolean()) throw new CancelledException();
            xy = Pca.project(features, 2);
        }
        return new Result(layerName(model, layer), xy, labels, indices);
    }
}
