package io.handwritingstudio.bench;

import io.handwritingstudio.model.EngineSetup;
import io.handwritingstudio.model.TrainingSpeedups;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.weightinit.impl.XavierInitScheme;
import org.nd4j.weightinit.impl.ZeroInitScheme;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 16's "SameDiff for the same network" and "NHWC" levers: {@code classic} (conv32-pool-conv64-pool-conv64-
 * dense64-softmax, Adam 1e-3, batch 64) trained as the engine trains it (a {@link MultiLayerNetwork} with
 * {@link TrainingSpeedups}) and as the same graph in SameDiff, channels first and channels last, on the same
 * pre-built batches, rounds alternated. A benchmark, not a test:
 * <pre>
 * mvn -q -o -DskipTests package && mvn -q -o test-compile
 * java -cp "target/test-classes:target/classes:target/lib/*" io.handwritingstudio.bench.SameDiffLeverBenchmark [rounds] [iterations]
 * </pre>
 */
public final class SameDiffLeverBenchmark {
    private static final int BATCH = 64;

    private SameDiffLeverBenchmark() {
    }

    private interface Trainer {
        void fit(int i);
    }

    public static void main(String[] args) {
        EngineSetup.init();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<DataSet> flat = TrainingLeversBenchmark.batches(BATCH, 60);
        Map<String, java.util.function.Supplier<Trainer>> variants = new LinkedHashMap<>();
        variants.put("MultiLayerNetwork (shipped)", () -> {
            MultiLayerNetwork n = TrainingLeversBenchmark.network("classic", BATCH);
            TrainingSpeedups.install(n);
            return i -> n.fit(flat.get(i % flat.size()));
        });
        variants.put("SameDiff NCHW", () -> sameDiff(false, reshaped(flat, false)));
        variants.put("SameDiff NHWC", () -> sameDiff(true, reshaped(flat, true)));
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            List<String> order = new ArrayList<>(variants.keySet());
            if (r % 2 == 1) Collections.reverse(order);
            for (String name : order) {
                Trainer t = variants.get(name).get();
                for (int i = 0; i < 15; i++) t.fit(i);
                long start = System.nanoTime();
                for (int i = 0; i < iterations; i++) t.fit(i);
                double rate = iterations * (double) BATCH / ((System.nanoTime() - start) / 1e9);
                rates.computeIfAbsent(name, k -> new ArrayList<>()).add(rate);
                System.out.printf(Locale.ROOT, "round %d %-28s %7.0f img/s%n", r + 1, name, rate);
            }
        }
        double base = TrainingLeversBenchmark.median(rates.get("MultiLayerNetwork (shipped)"));
        for (var e : rates.entrySet()) {
            System.out.printf(Locale.ROOT, "%-28s median %7.0f img/s  x%.2f  %s%n", e.getKey(), TrainingLeversBenchmark.median(e.getValue()),
                    TrainingLeversBenchmark.median(e.getValue()) / base, e.getValue());
        }
    }

    private static Trainer sameDiff(boolean nhwc, List<DataSet> batches) {
        SameDiff sd = classic(nhwc);
        return i -> sd.fit(batches.get(i % batches.size()));
    }

    /** The classic network as a SameDiff graph; weights [kH, kW, in, out]. */
    static SameDiff classic(boolean nhwc) {
        SameDiff sd = SameDiff.create();
        String format = nhwc ? "NHWC" : "NCHW";
        SDVariable in = nhwc ? sd.placeHolder("input", DataType.FLOAT, -1, 28, 28, 1)
                : sd.placeHolder("input", DataType.FLOAT, -1, 1, 28, 28);
        SDVariable label = sd.placeHolder("label", DataType.FLOAT, -1, 10);
        SDVariable x = conv(sd, in, 1, 32, format, "c1");
        x = pool(sd, x, nhwc);
        x = conv(sd, x, 32, 64, format, "c2");
        x = pool(sd, x, nhwc);
        x = conv(sd, x, 64, 64, format, "c3");
        x = sd.reshape(x, -1, 576);
        x = sd.nn().relu(dense(sd, x, 576, 64, "d1"), 0);
        // No dropout: libnd4j's dropout ops have no gradient in SameDiff 1.0.0-M2.1 (one elementwise op on 64x64 in
        // the MultiLayerNetwork, a negligible share of an iteration).
        SDVariable logits = dense(sd, x, 64, 10, "out");
        sd.loss().softmaxCrossEntropy("loss", label, logits, null);
        sd.setLossVariables("loss");
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(1e-3)).dataSetFeatureMapping("input")
                .dataSetLabelMapping("label").build());
        return sd;
    }

    private static SDVariable conv(SameDiff sd, SDVariable x, int in, int out, String format, String name) {
        SDVariable w = sd.var(name + "_W", new XavierInitScheme('c', in * 9, out * 9), DataType.FLOAT, 3, 3, in, out);
        SDVariable b = sd.var(name + "_b", new ZeroInitScheme(), DataType.FLOAT, out);
        Conv2DConfig c = Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).paddingMode(PaddingMode.VALID)
                .dataFormat(format).build();
        return sd.nn().relu(sd.cnn().conv2d(x, w, b, c), 0);
    }

    private static SDVariable pool(SameDiff sd, SDVariable x, boolean nhwc) {
        return sd.cnn().maxPooling2d(x, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2)
                .type(Pooling2D.Pooling2DType.MAX).paddingMode(PaddingMode.VALID).isNHWC(nhwc).build());
    }

    private static SDVariable dense(SameDiff sd, SDVariable x, int in, int out, String name) {
        SDVariable w = sd.var(name + "_W", new XavierInitScheme('c', in, out), DataType.FLOAT, in, out);
        SDVariable b = sd.var(name + "_b", new ZeroInitScheme(), DataType.FLOAT, out);
        return x.mmul(w).add(b);
    }

    private static List<DataSet> reshaped(List<DataSet> flat, boolean nhwc) {
        List<DataSet> out = new ArrayList<>();
        for (DataSet d : flat) {
            long n = d.getFeatures().size(0);
            var f = nhwc ? d.getFeatures().reshape('c', n, 28, 28, 1) : d.getFeatures().reshape('c', n, 1, 28, 28);
            out.add(new DataSet(f.dup('c'), d.getLabels()));
        }
        return out;
    }
}
