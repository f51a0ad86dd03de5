package io.handwritingstudio.bench;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.EngineSetup;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.model.NetworkFactory;
import io.handwritingstudio.training.BatchSource;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where one training iteration's time goes, and what each in-process lever does to it (issue 16), in one JVM with
 * rounds alternated, on pre-built batches of random images (speed does not depend on pixel values). A benchmark,
 * not a test:
 * <pre>
 * mvn -q -o -DskipTests package && mvn -q -o test-compile
 * java -cp "target/test-classes:target/classes:target/lib/*" io.handwritingstudio.bench.TrainingLeversBenchmark phases [iterations] [arch]
 * java -cp ... TrainingLeversBenchmark levers [rounds] [iterations] [arch]
 * java -cp ... TrainingLeversBenchmark scale [rounds] [unused] [arch]
 * </pre>
 * {@code phases}: batch building, forward, backward and updater per iteration (batch 64). {@code levers}: training
 * img/s per variant: cache mode DEVICE, workspaces off, the oneDNN layer helper removed per layer type, libnd4j's
 * oneDNN platform ops off. {@code scale}: training and {@code output()} img/s at batch 1, 8, 64, 256, 1000 on one
 * OpenMP thread and on the default count. Levers that need a new process (OMP_WAIT_POLICY) are run from the shell.
 */
public final class TrainingLeversBenchmark {
    private static final LabeledImages IMAGES = Benchmarks.syntheticDigits(64 * 200);

    private TrainingLeversBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        EngineSetup.init();
        String mode = args.length > 0 ? args[0] : "levers";
        // phases: iterations; levers and scale: rounds (levers: then iterations per run).
        int a1 = args.length > 1 ? Integer.parseInt(args[1]) : mode.equals("phases") ? 60 : 3;
        int a2 = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        String arch = args.length > 3 ? args[3] : "classic";
        System.out.printf(Locale.ROOT, "OpenMP threads %d, load average %s%n",
                NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(), loadAverage());
        switch (mode) {
            case "phases" -> phases(a1, arch);
            case "levers" -> levers(a1, a2, arch);
            case "scale" -> scale(a1, arch);
            default -> throw new IllegalArgumentException("mode: phases, levers or scale");
        }
    }

    private interface Variant {
        MultiLayerNetwork make() throws Exception;
    }

    static void levers(int rounds, int iterations, String arch) throws Exception {
        Map<String, Variant> variants = new LinkedHashMap<>();
        variants.put("baseline", () -> network(arch, 64));
        variants.put("cache mode DEVICE", () -> {
            MultiLayerNetwork n = network(arch, 64);
            n.setCacheMode(CacheMode.DEVICE); // sets it on every layer, which read it at run time
            return n;
        });
        variants.put("workspaces NONE", () -> {
            MultiLayerNetwork n = network(arch, 64);
            n.getLayerWiseConfigurations().setTrainingWorkspaceMode(WorkspaceMode.NONE);
            return n;
        });
        variants.put("conv helper off", () -> withoutHelper(network(arch, 64), ConvolutionLayer.class));
        variants.put("pool helper off", () -> withoutHelper(network(arch, 64), SubsamplingLayer.class));
        variants.put("bn helper off", () -> withoutHelper(network(arch, 64), BatchNormalization.class));
        variants.put("oneDNN ops off", () -> network(arch, 64));
        List<DataSet> batches = batches(64, 50);
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            List<String> order = new ArrayList<>(variants.keySet());
            if (r % 2 == 1) Collections.reverse(order);
            for (String name : order) {
                // libnd4j's switch is global: on only for the variant that measures it off.
                Nd4j.getEnvironment().allowHelpers(!name.equals("oneDNN ops off"));
                try {
                    double rate = trainRate(variants.get(name).make(), batches, 15, iterations);
                    rates.computeIfAbsent(name, k -> new ArrayList<>()).add(rate);
                    System.out.printf(Locale.ROOT, "round %d %-18s %8.0f img/s%n", r + 1, name, rate);
                } finally {
                    Nd4j.getEnvironment().allowHelpers(true);
                }
            }
        }
        double base = median(rates.get("baseline"));
        for (var e : rates.entrySet()) {
            System.out.printf(Locale.ROOT, "%-18s median %8.0f img/s  x%.2f of baseline  %s%n", e.getKey(),
                    median(e.getValue()), median(e.getValue()) / base, e.getValue());
        }
        System.out.println("load average at the end: " + loadAverage());
    }

    static void phases(int iterations, String arch) {
        MultiLayerNetwork n = network(arch, 64);
        List<DataSet> batches = batches(64, 50);
        trainRate(n, batches, 20, 0);
        BatchSource source = new BatchSource(IMAGES, 64, 42, null);
        int[] order = source.order(1);
        long build = 0, forward = 0, gradient = 0, fit = 0;
        for (int i = 0; i < iterations; i++) {
            DataSet d = batches.get(i % batches.size());
            long t0 = System.nanoTime();
            source.batch(order, 1, i % source.batchesPerEpoch());
            long t1 = System.nanoTime();
            n.output(d.getFeatures(), true);
            long t2 = System.nanoTime();
            n.setInput(d.getFeatures());
            n.setLabels(d.getLabels());
            n.computeGradientAndScore();
            long t3 = System.nanoTime();
            n.fit(d);
            long t4 = System.nanoTime();
            build += t1 - t0;
            forward += t2 - t1;
            gradient += t3 - t2;
            fit += t4 - t3;
        }
        double k = 1e6 * iterations;
        System.out.printf(Locale.ROOT, "%s, batch 64, ms per iteration: batch building %.2f (on the prefetch thread in"
                        + " training), forward %.2f, backward %.2f (forward+backward+score %.2f), updater and the rest %.2f"
                        + " (fit %.2f); load average %s%n", arch, build / k, forward / k, (gradient - forward) / k,
                gradient / k, (fit - gradient) / k, fit / k, loadAverage());
    }

    static void scale(int rounds, String arch) {
        int[] sizes = {1, 8, 64, 256, 1000};
        var ops = NativeOpsHolder.getInstance().getDeviceNativeOps();
        int all = ops.ompGetMaxThreads();
        MultiLayerNetwork inference = network(arch, 64);
        try {
            for (int r = 0; r < rounds; r++) {
                for (int threads : r % 2 == 0 ? new int[]{1, all} : new int[]{all, 1}) {
                    ops.setOmpNumThreads(threads);
                    for (int b : sizes) {
                        List<DataSet> batches = batches(b, Math.max(2, 2000 / b));
                        int iterations = Math.max(3, 3000 / b);
                        double train = trainRate(network(arch, b), batches, Math.max(2, iterations / 5), iterations);
                        var x = batches.get(0).getFeatures();
                        for (int i = 0; i < 3; i++) inference.output(x, false);
                        int calls = Math.max(5, 6000 / b);
                        long t = System.nanoTime();
                        for (int i = 0; i < calls; i++) inference.output(x, false);
                        double infer = calls * (double) b / ((System.nanoTime() - t) / 1e9);
                        System.out.printf(Locale.ROOT, "round %d threads %d batch %4d: train %7.0f img/s (%.3f ms/img),"
                                + " output() %7.0f img/s (%.3f ms/img)%n", r + 1, threads, b, train, 1000 / train, infer, 1000 / infer);
                    }
                }
            }
        } finally {
            ops.setOmpNumThreads(all);
        }
        System.out.println("load average at the end: " + loadAverage());
    }

    static MultiLayerNetwork network(String arch, int batch) {
        Architecture architecture = Architecture.parse(arch);
        Hyperparameters d = Hyperparameters.defaults(architecture);
        return NetworkFactory.create(new Hyperparameters(architecture, 1, batch, d.learningRate(), 1.0, "adam", 42,
                false, 0), 10, 900);
    }

    static List<DataSet> batches(int size, int count) {
        BatchSource source = new BatchSource(IMAGES, size, 42, null);
        int[] order = source.order(1);
        List<DataSet> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(source.batch(order, 1, i % source.batchesPerEpoch()));
        return out;
    }

    /** Removes DL4J's oneDNN helper from every layer of a type: the layer then runs its built-in path. */
    private static MultiLayerNetwork withoutHelper(MultiLayerNetwork n, Class<?> layerType) throws IllegalAccessException {
        for (var layer : n.getLayers()) {
            if (!layerType.isInstance(layer)) continue;
            for (Class<?> c = layer.getClass(); c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getName().equals("helper")) {
                        f.setAccessible(true);
                        f.set(layer, null);
                    }
                }
            }
        }
        return n;
    }

    private static double trainRate(MultiLayerNetwork n, List<DataSet> batches, int warmup, int iterations) {
        for (int i = 0; i < warmup; i++) n.fit(batches.get(i % batches.size()));
        long images = 0;
        long t = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            DataSet d = batches.get(i % batches.size());
            n.fit(d);
            n.score();
            images += d.numExamples();
        }
        return iterations == 0 ? 0 : images / ((System.nanoTime() - t) / 1e9);
    }

    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return String.join(" ", java.util.Arrays.copyOf(fields, Math.min(3, fields.length)));
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
