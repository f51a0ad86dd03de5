package io.handwritingstudio.cli;

import java.util.Locale;
import io.handwritingstudio.bench.Benchmarks;
import io.handwritingstudio.bench.ReadingBenchmark;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.inference.reading.CutTraining;
import io.handwritingstudio.inference.reading.LinePieces;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.EngineSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bench}: training speed, inference latency and throughput for each architecture on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training images/s, single-image latency (median, p99) and batch throughput.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--arch", split = ",", description = "Architectures to measure (default: classic,strong).")
    List<String> architectures;
    @Option(names = "--iterations", defaultValue = "300", description = "Timed training iterations per architecture (default: ${DEFAULT-VALUE}).")
    int iterations;
    @Option(names = "--batch", defaultValue = "64", description = "Training batch size (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--augment", description = "Include on-the-fly augmentation in the training loop.")
    boolean augment;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;
    @Option(names = "--read", description = "Measure reading whole lines instead: accuracy on generated lines of"
            + " test-set characters (bundled mnist and letters models) and the median time per 6-character line.")
    boolean read;
    @Option(names = "--fit-cuts", description = "Fit the line reader's cut weights (CutVerifier) on --lines generated"
            + " lines of MNIST training digits (seed 1000, read with the bundled mnist model) and print them"
            + " (the shipped weights: --lines 900); first trains the whole-character network they use on --lines"
            + " other lines (seed 2000).")
    boolean fitCuts;
    @Option(names = "--line-pieces", paramLabel = "DIR", description = "Write the characters the line reader cuts out of"
            + " --lines generated lines of training characters (seed 3000, bundled mnist model; --letters: words,"
            + " letters model) to DIR as a dataset for train --from MODEL --data-dir DIR (how the bundled mnist model"
            + " learnt to read touching digits: models/mnist.json).")
    Path linePieces;
    @Option(names = "--network-out", paramLabel = "FILE", description = "With --fit-cuts: also write the whole-character"
            + " network (the jar takes it from resources/reading/whole-characters.zip).")
    Path networkOut;
    @Option(names = "--letters", description = "With --line-pieces: letters. With --fit-cuts: train the letters' whole-character network instead, on"
            + " --lines lines of words of the letters training split (seed 2000, bundled letters model), and write it"
            + " to --network-out (the jar's resources/reading/whole-letters.zip); letters use the digits' weights.")
    boolean letters;
    @Option(names = "--lines", defaultValue = "300", description = "With --read: lines per measurement (default: ${DEFAULT-VALUE}).")
    int lines;
    @Option(names = "--timeline", description = "Measure what the training timeline's snapshots cost: classic (or the"
            + " first --arch) on MNIST, --iterations batches per run, runs alternated without/with snapshots.")
    boolean timeline;
    @Option(names = "--rounds", defaultValue = "4", description = "With --timeline: pairs of runs (default: ${DEFAULT-VALUE}).")
    int rounds;
    @Option(names = "--seed", defaultValue = "19", description = "With --read: the generator's seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        Usage.require(spec, iterations >= 1, "--iterations must be at least 1");
        Usage.require(spec, batch >= 1, "--batch must be at least 1");
        EngineSetup.init();
        if (read) return readLines();
        if (fitCuts) return fitCuts();
        if (linePieces != null) return writeLinePieces();
        if (timeline) return timelineOverhead();
        LabeledImages images = trainingImages();
        List<Benchmarks.Result> results = new ArrayList<>();
        List<String> names = architectures == null ? List.of("classic", "strong") : architectures;
        for (String name : names) {
            System.err.println("Measuring " + name + "...");
            results.add(Benchmarks.run(Architecture.parse(name), images, batch, iterations, augment));
        }
        if (json) {
            System.out.println(Json.write(results));
            return 0;
        }
        System.out.println(machine());
        System.out.printf(Locale.ROOT, "%-8s %10s %14s %14s %12s %16s%n", "arch", "params", "train img/s", "latency p50", "latency p99", "batch-1000 img/s");
        for (Benchmarks.Result r : results) {
            System.out.printf(Locale.ROOT, "%-8s %,10d %14.0f %11.2f ms %9.2f ms %16.0f%n", r.architecture(), r.parameters(),
                    r.trainImagesPerSecond(), r.latencyMedianMs(), r.latencyP99Ms(), r.batchImagesPerSecond());
        }
        for (Benchmarks.Result r : results) {
            System.out.printf(Locale.ROOT, "%s single images: %s; read back from a model file: p50 %.2f ms, p99 %.2f ms%n",
                    r.architecture(), r.singleImagePath(), r.loadedLatencyMedianMs(), r.loadedLatencyP99Ms());
            System.out.printf(Locale.ROOT, "%s batches: %s%n", r.architecture(), r.batchPath());
        }
        return 0;
    }

    private int timelineOverhead() throws Exception {
        Usage.require(spec, rounds >= 1, "--rounds must be at least 1");
        DatasetRepository repository = DatasetRepository.createDefault();
        var listener = io.handwritingstudio.data.DownloadListener.SILENT;
        LabeledImages train = repository.load("mnist", Split.TRAIN, listener);
        Usage.require(spec, (long) iterations * batch <= train.size(), "--iterations x --batch must fit in the "
                + train.size() + " MNIST training images");
        // The snapshots' confusion sample and probes come from the test set; 2,000 keep the epoch-end evaluation short.
        LabeledImages test = repository.load("mnist", Split.TEST, listener).limit(2_000);
        Architecture arch = Architecture.parse(architectures == null ? "classic" : architectures.get(0));
        Benchmarks.TimelineResult r = Benchmarks.timeline(arch, train, test, batch, iterations, rounds);
        if (json) {
            System.out.println(Json.write(r));
            return 0;
        }
        System.out.println(machine());
        System.out.printf(Locale.ROOT, "%s, %d iterations of batch %d per run, rounds alternated without/with snapshots%n",
                r.architecture(), r.iterations(), r.batchSize());
        System.out.printf(Locale.ROOT, "%-6s %10s %10s %9s %9s %10s %9s %12s %12s%n", "round", "off img/s", "on img/s",
                "A/B", "in-run", "iter snap", "end snap", "epoch 1", "later epochs");
        double[] inRun = new double[rounds], first = new double[rounds], later = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            inRun[i] = r.inRunOverhead(i);
            first[i] = r.epochOverhead(i, 60_000, true);
            later[i] = r.epochOverhead(i, 60_000, false);
            System.out.printf(Locale.ROOT, "%-6d %10.0f %10.0f %8.2f%% %8.2f%% %7.0f ms %6.0f ms %11.3f%% %11.3f%%%n", i + 1,
                    r.offImagesPerSecond()[i], r.onImagesPerSecond()[i], 100 * r.overhead(i), 100 * inRun[i],
                    1000 * r.secondsPerIterationSnapshot(i), 1000 * r.epochSnapshotSeconds()[i], 100 * first[i], 100 * later[i]);
        }
        System.out.printf(Locale.ROOT, "median: A/B %.2f%% (ratio of median img/s), in-run %.2f%% over %d iterations"
                + " (snapshots at 0, 10, 50, 200 and the end)%n", 100 * r.medianOverhead(), 100 * Benchmarks.median(inRun),
                r.iterations());
        System.out.printf(Locale.ROOT, "60,000-image epoch (analytic, median of rounds): first epoch %.3f%%, later epochs %.3f%%%n",
                100 * Benchmarks.median(first), 100 * Benchmarks.median(later));
        return 0;
    }

    private int writeLinePieces() throws Exception {
        Usage.require(spec, lines >= 1, "--lines must be at least 1");
        String name = letters ? "letters" : "mnist";
        LabeledImages train = DatasetRepository.createDefault().load(name, Split.TRAIN,
                io.handwritingstudio.data.DownloadListener.SILENT);
        LinePieces.Counts counts = LinePieces.write(ModelOption.load(name), train, 3000, lines, letters, linePieces);
        System.out.printf(Locale.ROOT, "%d training and %d test pieces written to %s%n", counts.train(), counts.test(),
                linePieces);
        return 0;
    }

    private int fitCuts() throws Exception {
        Usage.require(spec, lines >= 1, "--lines must be at least 1");
        if (networkOut != null) io.handwritingstudio.model.ModelStore.requireNetworkTarget(networkOut); // before minutes of fitting
        if (letters) {
            Usage.require(spec, networkOut != null, "--letters needs --network-out FILE");
            LabeledImages letterImages = DatasetRepository.createDefault().load("letters", Split.TRAIN,
                    io.handwritingstudio.data.DownloadListener.SILENT);
            CutTraining.fitLettersNetwork(ModelOption.load("letters"), letterImages, 2000, lines, networkOut);
            System.out.println("letters' whole-character network written to " + networkOut);
            return 0;
        }
        LabeledImages train = DatasetRepository.createDefault().load("mnist", Split.TRAIN,
                io.handwritingstudio.data.DownloadListener.SILENT);
        CutTraining.Fitted fitted = CutTraining.fitAll(ModelOption.load("mnist"), train, 1000, lines);
        if (networkOut != null) fitted.saveNetwork(networkOut);
        double[] w = fitted.weights();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < w.length; i++) out.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", w[i]));
        System.out.println(out);
        return 0;
    }

    private int readLines() throws Exception {
        Usage.require(spec, lines >= 1, "--lines must be at least 1");
        DatasetRepository repository = DatasetRepository.createDefault();
        List<ReadingBenchmark.Result> results = new ArrayList<>();
        for (String name : List.of("mnist", "letters")) {
            System.err.println("Reading lines with " + name + "...");
            LabeledImages test = repository.load(name, Split.TEST, io.handwritingstudio.data.DownloadListener.SILENT);
            results.addAll(ReadingBenchmark.run(name, ModelOption.load(name), test, lines, seed, name.equals("letters")));
        }
        if (json) {
            System.out.println(Json.write(results));
            return 0;
        }
        System.out.println(machine());
        System.out.printf(Locale.ROOT, "%-8s %-15s %6s %11s %11s %15s %10s %12s%n", "model", "lines", "count",
                "characters", "whole line", "touching pairs", "median ms", "1 image ms");
        for (ReadingBenchmark.Result r : results) {
            System.out.printf(Locale.ROOT, "%-8s %-15s %6d %11s %10.2f%% %15s %10.1f %12s%n", r.model(), r.set(),
                    r.lines(), Double.isNaN(r.characterAccuracy()) ? "-"
                            : String.format(Locale.ROOT, "%.2f%%", 100 * r.characterAccuracy()),
                    100 * r.lineAccuracy(), r.touchingPairs() == 0 ? "-"
                            : String.format(Locale.ROOT, "%.1f%% of %d", 100 * r.touchingAccuracy(), r.touchingPairs()),
                    r.medianMs(), r.oneImageMs() == 0 ? "-" : String.format(Locale.ROOT, "%.1f", r.oneImageMs()));
        }
        return 0;
    }

    private static LabeledImages trainingImages() {
        try {
            DatasetRepository repository = DatasetRepository.createDefault();
            if (repository.isCached("mnist")) return repository.load("mnist", Split.TRAIN, io.handwritingstudio.data.DownloadListener.SILENT).limit(20_000);
        } catch (Exception e) {
            System.err.println("MNIST not usable (" + e.getMessage() + "); using synthetic images");
        }
        return Benchmarks.syntheticDigits(20_000);
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (Exception ignored) {
            // not Linux: the CPU name is only informative
        }
        return String.format(Locale.ROOT, "Machine: %s, %d cores, Java %s, oneDNN helpers %s", cpu,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                EngineSetup.oneDnnAvailable() ? "on" : "OFF");
    }
}
