package io.handwritingstudio.model;

import io.handwritingstudio.data.InkTexture;
import io.handwritingstudio.data.MnistFormat;

import io.handwritingstudio.data.ClassNames;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;

/**
 * A network ready for inference, with its card (class names, provenance) and input layout.
 * Inputs are 28x28 images scaled to [0,1], ink bright, row-major; {@link #predict} returns class probabilities.
 * Not thread-safe: DL4J networks must not run two forward passes at once, so callers serialise access.
 */
public final class TrainedModel {
    /** Images per {@code output()} call in {@link #predict}. */
    static final int CHUNK = Integer.getInteger("hws.predictChunk", 256);
    private final MultiLayerNetwork network;
    private final ModelCard card;
    private final ClassNames classes;
    private final InputLayout layout;
    /** The card asks for {@link InkTexture}: every input is flattened before the network sees it. */
    private final boolean flatInk;
    /** The single-image path, built on first use; null when unsupported (then {@link #directNote} says why). */
    private DirectForward direct;
    private String directNote;
    private int directBuilds;

    public TrainedModel(MultiLayerNetwork network, ModelCard card, InputLayout layout) {
        this.network = network;
        this.card = card;
        this.classes = new ClassNames(card.classNames());
        this.layout = layout;
        this.flatInk = InkTexture.wanted(card.preprocessing());
    }

    public MultiLayerNetwork network() { return network; }
    public ModelCard card() { return card; }
    public ClassNames classes() { return classes; }
    public InputLayout layout() { return layout; }

    /** A display name: the card's name or the architecture. */
    public String displayName() {
        return card.name() != null ? card.name() : String.valueOf(card.architecture());
    }

    /**
     * What the network is given for images in the usual [0,1] form: the same pixels, or flattened where the card asks
     * ({@link InkTexture}). Every inference path goes through it; the studio shows it as the network's input.
     */
    public float[] networkPixels(float[] pixels) {
        return flatInk ? InkTexture.flatten(pixels, MnistFormat.SIDE) : pixels;
    }

    /** The network input for {@code count} images packed in {@code pixels} (784 floats each). */
    public INDArray input(float[] pixels, int count) {
        INDArray flat = Nd4j.create(networkPixels(pixels), new long[]{count, MnistFormat.PIXELS}, 'c');
        return layout.shape(flat, count);
    }

    /**
     * Class probabilities for {@code count} images, as [count][classes], computed {@link #CHUNK} images at a time: on
     * 2 cores {@code output()} is fastest at batch 256, where a chunk's activations stay in cache (docs/BENCHMARKS.md,
     * "Batch inference in chunks").
     */
    public synchronized float[][] predict(float[] pixels, int count) {
        float[][] result = new float[count][];
        int px = MnistFormat.PIXELS;
        for (int from = 0; from < count; from += CHUNK) {
            int n = Math.min(CHUNK, count - from);
            float[] chunk = from == 0 && n == count ? pixels : Arrays.copyOfRange(pixels, from * px, (from + n) * px);
            INDArray out = network.output(input(chunk, n), false);
            // One copy out of native memory per chunk: a getRow() per image costs a JNI round trip each.
            float[] flat = out.dup('c').data().asFloat();
            int k = (int) out.size(1);
            for (int i = 0; i < n; i++) result[from + i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
        }
        return result;
    }

    /**
     * Class probabilities for one image: through {@link DirectForward} (pre-bound native ops, about half the time of
     * {@code output()}), or {@code output()} where that path does not support the network.
     */
    public synchronized float[] predictOne(float[] pixels) {
        DirectForward d = direct();
        return d != null ? d.run(networkPixels(pixels)) : predict(pixels, 1)[0];
    }

    /**
     * The input followed by every layer's output for one image (as {@code feedForward}). The arrays may be reused by
     * the next call: read them while holding this model's lock.
     */
    public synchronized List<INDArray> layerOutputs(float[] pixels) {
        DirectForward d = direct();
        return d != null ? d.activations(networkPixels(pixels)) : network.feedForward(input(pixels, 1), false);
    }

    /** Which path single images take, for benchmarks and diagnostics. */
    public synchronized String singleImagePath() {
        return direct() != null ? "direct ops" : "output() (" + directNote + ")";
    }

    /** How many times the single-image chain was built (once per parameter array; tests check it is not per call). */
    synchronized int directBuilds() {
        return directBuilds;
    }

    private DirectForward direct() {
        if (direct != null && direct.current()) return direct;
        if (direct == null && directNote != null) return null;
        direct = null;
        directBuilds++;
        try {
            direct = DirectForward.build(network, input(new float[MnistFormat.PIXELS], 1).shape());
        } catch (DirectForward.Unsupported e) {
            directNote = e.getMessage();
        }
        return direct;
    }
}
