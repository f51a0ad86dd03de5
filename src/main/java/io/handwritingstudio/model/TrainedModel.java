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
    /**
     * Images per run of the batch path: channels last, batch 64 ran as fast as 256 (8,300 against 8,000 images/s for
     * strong, 2.3x output()) with a quarter of the memory (docs/BENCHMARKS.md).
     */
    static final int BATCH = 64;
    /**
     * Fewer images than this take {@code output()}: the batch path runs all {@link #BATCH} images even for a few, and
     * is 2.3-3x faster per image, so a padded run pays off from about a third of a batch.
     */
    static final int FEWEST_FOR_BATCH = BATCH / 3;
    private final MultiLayerNetwork network;
    private final ModelCard card;
    private final ClassNames classes;
    private final InputLayout layout;
    /** The card asks for {@link InkTexture}: every input is flattened before the network sees it. */
    private final boolean flatInk;
    /** The single-image path: drawing pad, {@code predict} of one file, "Inside the network". */
    private final DirectChain single;
    /** The batch path: evaluation, {@code predict} of many files, whole lines. */
    private final DirectChain batchChain;

    public TrainedModel(MultiLayerNetwork network, ModelCard card, InputLayout layout) {
        this.network = network;
        this.card = card;
        this.classes = new ClassNames(card.classNames());
        this.layout = layout;
        this.flatInk = InkTexture.wanted(card.preprocessing());
        this.single = new DirectChain(network, () -> input(new float[MnistFormat.PIXELS], 1).shape());
        this.batchChain = new DirectChain(network, () -> input(new float[BATCH * MnistFormat.PIXELS], BATCH).shape());
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
     * Class probabilities for {@code count} images, as [count][classes]. From {@link #FEWEST_FOR_BATCH} images on, through the
     * batch's {@link DirectForward} ({@link #BATCH} images per run, the last run padded); fewer, or where that path
     * does not support the network, {@code output()} {@link #CHUNK} images at a time.
     */
    public synchronized float[][] predict(float[] pixels, int count) {
        DirectForward batch = count >= FEWEST_FOR_BATCH ? batchChain.get() : null;
        return batch != null ? predictDirect(batch, pixels, count) : predictWithOutput(pixels, count);
    }

    private float[][] predictDirect(DirectForward batch, float[] pixels, int count) {
        float[][] result = new float[count][];
        int px = MnistFormat.PIXELS;
        float[] chunk = new float[BATCH * px];
        for (int from = 0; from < count; from += BATCH) {
            int n = Math.min(BATCH, count - from);
            System.arraycopy(pixels, from * px, chunk, 0, n * px);
            if (n < BATCH) Arrays.fill(chunk, n * px, chunk.length, 0f);
            float[] flat = batch.run(networkPixels(chunk));
            int k = flat.length / BATCH;
            for (int i = 0; i < n; i++) result[from + i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
        }
        return result;
    }

    /** On 2 cores {@code output()} is fastest at batch 256, where a chunk's activations stay in cache (docs/BENCHMARKS.md). */
    private float[][] predictWithOutput(float[] pixels, int count) {
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
        DirectForward d = single.get();
        return d != null ? d.run(networkPixels(pixels)) : predictWithOutput(pixels, 1)[0];
    }

    /**
     * The input followed by every layer's output for one image (as {@code feedForward}). The arrays may be reused by
     * the next call: read them while holding this model's lock.
     */
    public synchronized List<INDArray> layerOutputs(float[] pixels) {
        DirectForward d = single.get();
        return d != null ? d.activations(networkPixels(pixels)) : network.feedForward(input(pixels, 1), false);
    }

    /** Which path single images take, for benchmarks and diagnostics. */
    public synchronized String singleImagePath() {
        return single.describe();
    }

    /** Which path batches of {@link #FEWEST_FOR_BATCH} images and more take, for benchmarks and diagnostics. */
    public synchronized String batchPath() {
        String path = batchChain.describe();
        return path.startsWith("direct") ? path + ", " + BATCH + " images per run" : path;
    }

    /** How many times the single-image chain was built (once per parameter array; tests check it is not per call). */
    synchronized int directBuilds() {
        return single.builds();
    }
}
