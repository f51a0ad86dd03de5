package io.handwritingstudio.inference.reading;

import io.handwritingstudio.data.MnistFormat;
import io.handwritingstudio.files.AtomicFiles;
import io.handwritingstudio.model.EngineSetup;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A small network that tells a whole character from a fragment of one or two touching ones, from the candidate piece
 * as framed for the reading model. The reading model was never shown such pieces and is as sure of half a 2 (a
 * confident 6) as of a whole digit; this one was trained on nothing else ({@link CutTraining#wholeCharacters}), and
 * its log-odds is one of {@link CutVerifier}'s features. One is trained on pieces of generated lines of MNIST
 * <em>training</em> digits, one on lines of the letters' training split; both files ship in the jar.
 */
final class WholeCharacters {
    /** For digit models (trained on MNIST digits' pieces) and for letter models (EMNIST letters' pieces). */
    static final String DIGITS = "/reading/whole-characters.zip";
    static final String LETTERS = "/reading/whole-letters.zip";
    static final int EPOCHS = 6;
    static final int BATCH = 128;
    private static final int SIDE = MnistFormat.SIDE;
    private static final java.util.Map<String, WholeCharacters> BUNDLED = new java.util.HashMap<>();

    private final MultiLayerNetwork network;

    private WholeCharacters(MultiLayerNetwork network) {
        this.network = network;
    }

    /** A shipped network ({@link #DIGITS} or {@link #LETTERS}), read from the jar once. */
    static synchronized WholeCharacters bundled(String resource) {
        WholeCharacters net = BUNDLED.get(resource);
        if (net == null) {
            try (InputStream in = WholeCharacters.class.getResourceAsStream(resource)) {
                if (in == null) throw new IllegalStateException(resource + " is missing from the build");
                net = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            BUNDLED.put(resource, net);
        }
        return net;
    }

    /** A network as {@link #save} wrote it. */
    static WholeCharacters read(InputStream in) throws IOException {
        EngineSetup.init();
        return new WholeCharacters(ModelSerializer.restoreMultiLayerNetwork(in, false));
    }

    /** For each of {@code count} framed pieces packed in {@code pixels}, the probability that it is one whole character. */
    synchronized float[] probabilities(float[] pixels, int count) {
        INDArray out = network.output(Nd4j.create(pixels, new long[] {count, 1, SIDE, SIDE}, 'c'), false);
        // One copy out of native memory: a getFloat() per piece costs a JNI round trip each (as in TrainedModel).
        float[] flat = out.dup('c').data().asFloat();
        float[] whole = new float[count];
        for (int i = 0; i < count; i++) whole[i] = flat[i * 2 + 1];
        return whole;
    }

    /**
     * Trains a fresh network on framed pieces (784 floats each) and whether each is a whole character: {@link #EPOCHS}
     * passes in a seeded order; the same pieces and seed give the same network on the same machine.
     */
    static WholeCharacters train(List<float[]> pieces, List<Boolean> whole, long seed) {
        EngineSetup.init();
        MultiLayerNetwork net = new MultiLayerNetwork(design(seed));
        net.init();
        int px = SIDE * SIDE;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) order.add(i);
        Random random = new Random(seed);
        float[] x = new float[BATCH * px];
        float[] y = new float[BATCH * 2];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            for (int from = 0; from + BATCH <= order.size(); from += BATCH) {
                java.util.Arrays.fill(y, 0);
                for (int i = 0; i < BATCH; i++) {
                    int j = order.get(from + i);
                    System.arraycopy(pieces.get(j), 0, x, i * px, px);
                    y[i * 2 + (whole.get(j) ? 1 : 0)] = 1;
                }
                net.fit(new DataSet(Nd4j.create(x, new long[] {BATCH, 1, SIDE, SIDE}, 'c'),
                        Nd4j.create(y, new long[] {BATCH, 2}, 'c')));
            }
        }
        return new WholeCharacters(net);
    }

    /** Written whole or not at all. */
    void save(Path file) throws IOException {
        AtomicFiles.write(file, out -> ModelSerializer.writeModel(network, out, false));
    }

    /** Two convolutions and a small dense layer: 56,450 weights, a fraction of the reading model's cost. */
    private static MultiLayerConfiguration design(long seed) {
        return new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(1e-3)).weightInit(WeightInit.RELU)
                .list()
                .layer(new ConvolutionLayer.Builder(5, 5).nOut(16).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(SIDE, SIDE, 1))
                .build();
    }
}
