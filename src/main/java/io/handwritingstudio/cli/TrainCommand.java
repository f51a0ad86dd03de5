package io.handwritingstudio.cli;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.MnistFormat;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.ModelLoadException;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.files.SafeFiles;
import io.handwritingstudio.model.design.DesignAnalysis;
import io.handwritingstudio.model.design.DesignException;
import io.handwritingstudio.model.design.Designs;
import io.handwritingstudio.model.design.NetworkDesign;
import io.handwritingstudio.training.Checkpoints;
import io.handwritingstudio.training.FineTuning;
import io.handwritingstudio.training.LearningCheck;
import io.handwritingstudio.training.ModelCards;
import io.handwritingstudio.training.Trainer;
import io.handwritingstudio.training.TrainingControl;
import io.handwritingstudio.training.TrainingObserver;
import io.handwritingstudio.training.TrainingLock;
import io.handwritingstudio.training.TrainingRequest;
import io.handwritingstudio.training.TrainingTimeline;
import io.handwritingstudio.training.TrainingResult;
import io.handwritingstudio.training.UniformPrior;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code train}: train a network on a dataset and save it with its model card. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a network and save it with a model card.")
final class TrainCommand implements Callable<Integer> {
    /** How long Ctrl-C waits for the current batch to finish and the cancel message to print. */
    private static final long CANCEL_GRACE_SECONDS = 20;

    @Mixin
    CommonOptions common;
    @Mixin
    DatasetOptions data;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--arch", description = "A preset: classic, strong, lenet5, tiny, dense (default: classic, or the"
            + " checkpoint's with --resume).")
    String arch;
    @Option(names = "--arch-file", paramLabel = "DESIGN.json", description = "Your own network design (see README,"
            + " \"Design a network\"): its layers are checked before any data is loaded. A model file (.zip) here"
            + " retrains that model's network, rebuilt from its card.")
    Path archFile;
    @Option(names = "--epochs", description = "Number of epochs (default: 5 classic, 12 strong).")
    Integer epochs;
    @Option(names = "--batch", description = "Mini-batch size (default: 64).")
    Integer batch;
    @Option(names = "--lr", description = "Initial learning rate (default: 0.001 classic, 0.002 strong).")
    Double lr;
    @Option(names = "--lr-decay", description = "Learning-rate multiplier per epoch, applied smoothly (default: 1 classic, 0.75 strong).")
    Double lrDecay;
    @Option(names = "--optimizer", description = "${COMPLETION-CANDIDATES} (default: adam).", completionCandidates = OptimizerIds.class)
    String optimizer;
    @Option(names = "--seed", description = "Random seed (default: 42).")
    Long seed;
    @Option(names = "--augment", negatable = true, description = "Random rotation/shift/scale of training images (default: on for strong).")
    Boolean augment;
    @Option(names = "--limit", defaultValue = "0", description = "Train on the first N images only (0 = all).")
    int limit;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to save the model (.zip); its card goes beside it (.json).")
    Path out;
    @Option(names = "--checkpoints", paramLabel = "DIR", description = "Checkpoint folder (default: <out>.checkpoints).")
    Path checkpointDir;
    @Option(names = "--resume", paramLabel = "CHECKPOINT", description = "Continue from a checkpoint.zip written by an earlier run.")
    Path resume;
    @Option(names = "--from", paramLabel = "MODEL", description = "Fine-tune this trained model (a .zip or a bundled name)"
            + " on --data-dir (a folder of class folders of images, or IDX files): transfer learning.")
    String from;
    @Option(names = "--train", paramLabel = "head|all", defaultValue = "head", description = "With --from: train the"
            + " classifier head only (convolutions frozen; default) or all layers with a small learning rate.")
    String trainable;
    @Option(names = "--replay", paramLabel = "DATASET:FRACTION", description = "With --from: mix this share of each"
            + " batch from the original data (e.g. mnist:0.3), so old classes are not forgotten.")
    String replay;
    @Option(names = "--uniform-prior", description = "Save the model treating every class as equally likely: each output"
            + " bias is lowered by the log of its class's share of the training images (the letters' training split"
            + " follows NIST's letter frequencies; people drawing letters do not). The test accuracy is measured after it.")
    boolean uniformPrior;

    @Override
    public Integer call() throws Exception {
        // Everything that can be checked before an hour of training is checked first.
        Usage.require(spec, limit >= 0, "--limit must be 0 (all images) or more");
        ModelStore.requireSaveTarget(out);
        if (from != null) return fineTune();
        Usage.require(spec, replay == null, "--replay mixes original data into fine-tuning: it needs --from");
        ModelCard checkpointCard = resume == null ? null : checkpointCard();
        Hyperparameters hp = hyperparameters(checkpointCard);
        NetworkDesign design = design(checkpointCard, hp);
        Path checkpoints = checkpointDir != null ? checkpointDir : out.resolveSibling(out.getFileName() + ".checkpoints");
        ModelStore.requireSaveTarget(checkpoints.resolve(io.handwritingstudio.training.Checkpoints.FILE));
        try (TrainingLock lock = TrainingLock.acquire(checkpoints, out)) {
            String datasetName = data.displayName("mnist");
            LabeledImages train = DatasetOptions.load(data.nameOrDir("mnist"), Split.TRAIN);
            if (hp.trainLimit() > 0) train = train.limit(hp.trainLimit());
            LabeledImages test = DatasetOptions.load(data.nameOrDir("mnist"), Split.TEST);
            requireUsable(train, test);
            if (uniformPrior) {
                String problem = UniformPrior.problem(train.classCounts(), train.classes());
                if (problem != null) throw new IllegalArgumentException("--uniform-prior: " + problem);
            }
            DesignAnalysis analysis = DesignAnalysis.of(design, train.classes().size());
            if (!analysis.valid()) throw new IllegalArgumentException(design.name() + ": " + analysis.error());
            TrainingRequest request = request(hp, datasetName, train, test, checkpoints, checkpointCard).withDesign(design)
                    .withUniformPrior(uniformPrior);
            TrainingResult result = runCancellably(request, checkpoints);
            if (result == null) return HwsCommand.INPUT_FAILED;
            String problem = LearningCheck.problem(result, train.classes().size(), hp.learningRate());
            if (problem != null) {
                System.err.println("error: " + problem + "; not saved (the last epoch is in "
                        + checkpoints.resolve(Checkpoints.FILE) + ")");
                return HwsCommand.INPUT_FAILED;
            }
            ModelCard card = ModelCards.forTraining(hp, datasetName, train.classes(), result.epochsCompleted(),
                    result.finalTestAccuracy(), result.trainingSeconds(), commandLine(), uniformPrior)
                    .withDesign(design).withName(out.getFileName().toString().replaceFirst("(?i)\\.zip$", ""));
            ModelStore.save(result.network(), card, out,
                    result.timeline() == null ? java.util.Map.of() : result.timeline().asAttachment());
            System.out.printf(Locale.ROOT, "Saved %s (%s, %.0f s of training)%n", out, card.testAccuracy() == null
                    ? "no test images" : String.format(Locale.ROOT, "test accuracy %.2f%%", 100 * card.testAccuracy()),
                    result.trainingSeconds());
            return HwsCommand.OK;
        }
    }

    /** {@code --from}: fine-tuning, through the same trainer, reported as before -> after. */
    private int fineTune() throws Exception {
        Usage.require(spec, !uniformPrior, "--uniform-prior applies to training a model, not to fine-tuning one (--from)");
        Usage.require(spec, arch == null && archFile == null && resume == null,
                "--from fine-tunes an existing model: --arch, --arch-file and --resume do not apply");
        Usage.require(spec, data.dataDir != null || data.dataset != null, "--from needs your data: --data-dir DIR");
        FineTuning.Trainable what;
        try {
            what = FineTuning.Trainable.valueOf(trainable.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--train is head or all, not '" + trainable + "'");
        }
        Usage.require(spec, epochs == null || epochs >= 1, "--epochs must be at least 1");
        // usage errors before the parent, the user's data and the replay set load (MNIST may be downloaded for them)
        Usage.require(spec, batch == null || batch >= 1, "--batch must be at least 1");
        Usage.require(spec, lr == null || (lr > 0 && lr <= 10), "--lr must be above 0 and at most 10");
        if (replay != null) Usage.parse(spec, () -> io.handwritingstudio.training.FineTuneSetup.parseReplay(replay));
        var parent = FineTuneRun.parent(from);
        if (data.dataDir != null) io.handwritingstudio.training.FineTuneData.requireImages(data.dataDir);
        Path checkpoints = checkpointDir != null ? checkpointDir : out.resolveSibling(out.getFileName() + ".checkpoints");
        try (TrainingLock lock = TrainingLock.acquire(checkpoints, out)) {
            String userName = data.displayName("mnist");
            var setup = FineTuneRun.setup(from, parent, data.nameOrDir("mnist"), userName, what, replay,
                    epochs != null ? epochs : 15, batch != null ? batch : 32,
                    lr != null ? lr : FineTuneRun.defaultLearningRate(what), seed != null ? seed : 42,
                    augment == null || augment);
            System.err.printf(Locale.ROOT, "Fine-tuning %s: %s trains (%d layers frozen), %d classes%s%n", from,
                    what == FineTuning.Trainable.HEAD ? "the classifier head" : "every layer",
                    setup.prepared().frozenThrough() + 1, setup.prepared().classes().size(),
                    setup.prepared().newClasses().isEmpty() ? "" : " (new: " + String.join(" ", setup.prepared().newClasses()) + ")");
            TrainingResult result = runCancellably(setup.request().withCheckpoints(checkpoints), checkpoints);
            if (result == null) return HwsCommand.INPUT_FAILED;
            var outcome = setup.finish(result, out.getFileName().toString().replaceFirst("(?i)\\.zip$", ""), commandLine());
            ModelStore.save(result.network(), outcome.card(), out,
                    result.timeline() == null ? java.util.Map.of() : result.timeline().asAttachment());
            FineTuneRun.report(outcome, userName, FineTuneRun.originalName(parent, replay));
            System.out.println("Saved " + out);
            return HwsCommand.OK;
        }
    }

    private static void requireUsable(LabeledImages train, LabeledImages test) {
        if (train.size() == 0) throw new IllegalArgumentException("the training split has no images: nothing to learn from");
        if (train.classes().size() < 2) {
            throw new IllegalArgumentException("the dataset has one class only (" + train.classes().name(0)
                    + "): a classifier needs at least two (to teach a model one new class, fine-tune it with --from)");
        }
        if (test.size() == 0) throw new IllegalArgumentException("the test split has no images: the model's accuracy could not be measured");
        MnistFormat.requireSize(train, "the training split");
        MnistFormat.requireSize(test, "the test split");
        if (!train.classes().equals(test.classes())) {
            throw new IllegalArgumentException("the training and test splits have different classes");
        }
    }

    /**
     * Trains with Ctrl-C / SIGTERM turned into a cancel. The JVM runs shutdown hooks and then halts, so the hook waits
     * (bounded) for the run to stop at the next batch and for the message below to be printed. Null when cancelled.
     */
    private TrainingResult runCancellably(TrainingRequest request, Path checkpoints) throws Exception {
        TrainingControl control = new TrainingControl();
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            control.cancel();
            try {
                reported.await(CANCEL_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "training-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            TrainingResult result = new Trainer(request).run(new TerminalListener(), control);
            if (!result.cancelled()) return result;
            Path checkpoint = checkpoints.resolve(Checkpoints.FILE);
            System.err.println(result.epochsCompleted() > request.epochsDone() || Files.isRegularFile(checkpoint)
                    ? "Training cancelled; the last finished epoch is in " + checkpoint + " (continue with --resume " + checkpoint + ")"
                    : "Training cancelled before the first epoch finished; nothing was saved");
            System.err.flush();
            return null;
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns as soon as it sees the latch
            }
        }
    }

    private ModelCard checkpointCard() throws ModelLoadException {
        try {
            io.handwritingstudio.files.SafeFiles.requireRegularFile(resume); // "no such file", not "not a checkpoint"
        } catch (io.handwritingstudio.files.UserFileException e) {
            throw new ModelLoadException(e.getMessage(), e);
        }
        ModelCard card = ModelStore.card(resume).orElseThrow(() -> new ModelLoadException(resume
                + ": not a checkpoint with a card saying how many epochs it finished"));
        if (card.epochs() == null) throw new ModelLoadException(resume + ": its card does not say how many epochs it finished");
        return card;
    }

    private Hyperparameters hyperparameters(ModelCard checkpoint) throws ModelLoadException {
        Architecture architecture = architecture(checkpoint);
        Hyperparameters d = Hyperparameters.defaults(architecture);
        Hyperparameters asked; // the options over the defaults: a bad option is a usage error
        try {
            asked = new Hyperparameters(d.architecture(), epochs != null ? epochs : d.epochs(),
                    batch != null ? batch : d.batchSize(), lr != null ? lr : d.learningRate(),
                    lrDecay != null ? lrDecay : d.lrDecayPerEpoch(), optimizer != null ? optimizer : d.optimizer(),
                    seed != null ? seed : d.seed(), augment != null ? augment : d.augment(), limit != 0 ? limit : d.trainLimit());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (checkpoint == null) return asked;
        // resuming: the options over the checkpoint's card; a bad value left in the card is the file's problem
        Map<String, Object> given = new java.util.HashMap<>();
        if (epochs != null) given.put("epochs", epochs);
        if (batch != null) given.put("batchSize", batch);
        if (lr != null) given.put("learningRate", lr);
        if (lrDecay != null) given.put("lrDecayPerEpoch", lrDecay);
        if (optimizer != null) given.put("optimizer", optimizer);
        if (seed != null) given.put("seed", seed);
        if (augment != null) given.put("augment", augment);
        if (limit != 0) given.put("trainLimit", limit);
        try {
            return Hyperparameters.fromCard(checkpoint, given, d);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(resume + ": its card's " + e.getMessage() + " (give the value as an option)", e);
        }
    }

    /**
     * What to build: the design file, else the checkpoint's own design when resuming, else the preset. A design file
     * is read and checked here, before any data is loaded; its class count is checked once the data is known.
     */
    private NetworkDesign design(ModelCard checkpoint, Hyperparameters hp) throws IOException {
        Usage.require(spec, archFile == null || arch == null, "--arch and --arch-file name two networks: give one");
        if (archFile != null) {
            Usage.require(spec, checkpoint == null, "--resume continues the checkpoint's own network: drop --arch-file");
            if (archFile.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) return designOf(archFile);
            String json = new String(SafeFiles.readBounded(archFile, 1 << 20), StandardCharsets.UTF_8);
            try {
                NetworkDesign d = NetworkDesign.parse(json);
                return d.name().equals("custom") ? d.withName(archFile.getFileName().toString().replaceFirst("\\.json$", "")) : d;
            } catch (DesignException e) {
                throw new IllegalArgumentException(archFile.getFileName() + ": " + e.getMessage(), e);
            }
        }
        if (checkpoint != null && checkpoint.networkDesign().isPresent()) return checkpoint.networkDesign().get();
        return hp.architecture().design();
    }

    /** A model's own network, rebuilt from its card (its saved design, or the preset its card names) to train anew. */
    private static NetworkDesign designOf(Path model) {
        ModelCard card = ModelStore.card(model).orElseThrow(() -> new IllegalArgumentException(model.getFileName()
                + ": no model card in or beside it to rebuild the network from"));
        return card.networkDesign().orElseThrow(() -> new IllegalArgumentException(model.getFileName()
                + ": its card describes no network design (an imported model): nothing to rebuild"));
    }

    /** The checkpoint's architecture when resuming: --arch may repeat it but not contradict it. */
    private Architecture architecture(ModelCard checkpoint) {
        try {
            Architecture fromCheckpoint = checkpoint == null || checkpoint.architecture() == null
                    || Designs.preset(checkpoint.architecture()).isEmpty() ? null : Architecture.parse(checkpoint.architecture());
            Architecture asked = arch == null ? null : Architecture.parse(arch);
            Usage.require(spec, asked == null || fromCheckpoint == null || asked == fromCheckpoint,
                    "--arch " + arch + " contradicts the checkpoint, which is a " + (fromCheckpoint == null ? "" : fromCheckpoint.id()) + " network");
            return asked != null ? asked : fromCheckpoint != null ? fromCheckpoint : Architecture.CLASSIC;
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private TrainingRequest request(Hyperparameters hp, String dataset, LabeledImages train, LabeledImages test,
                                    Path checkpoints, ModelCard checkpointCard) throws ModelLoadException {
        if (resume == null) return TrainingRequest.fresh(hp, dataset, train, test).withCheckpoints(checkpoints);
        int done = checkpointCard.epochs();
        Usage.require(spec, hp.epochs() > done, "the checkpoint already finished " + done + " epochs: --epochs must be more than "
                + done + " to train further");
        if (!train.classes().names().equals(checkpointCard.classNames())) {
            throw new IllegalArgumentException("the checkpoint was trained on " + checkpointCard.classNames().size()
                    + " classes (" + checkpointCard.dataset() + "), this dataset has " + train.classes().size()
                    + ": resume it on the same dataset");
        }
        var network = ModelStore.loadForTraining(resume);
        System.err.printf(Locale.ROOT, "Resuming from %s after epoch %d%n", resume, done);
        return TrainingRequest.resume(hp, dataset, train, test, TrainingRequest.Start.resume(network, done,
                timelineSoFar())).withCheckpoints(checkpoints);
    }

    /** The timeline the checkpoint's run recorded, continued by this one; none if it has none or it is unreadable. */
    private TrainingTimeline timelineSoFar() {
        try {
            return TrainingTimeline.readFrom(resume).orElse(null);
        } catch (IOException | RuntimeException e) { // a damaged entry costs the timeline, not the run
            System.err.println("The checkpoint's training timeline could not be read (" + e.getMessage()
                    + "): this run records none");
            return null;
        }
    }

    private String commandLine() {
        return "java -jar target/handwriting-studio.jar "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    /** Progress bar per epoch, a line per finished epoch. */
    private static final class TerminalListener implements TrainingObserver {
        private final ProgressBar bar = ProgressBar.stderr();
        private int totalEpochs;
        private int perEpoch;

        @Override
        public void onStart(TrainingPlan plan) {
            totalEpochs = plan.totalEpochs();
            perEpoch = plan.iterationsPerEpoch();
        }

        @Override
        public void onIteration(IterationUpdate u) {
            bar.update(String.format(Locale.ROOT, "Epoch %d/%d", u.epoch(), totalEpochs), u.batchInEpoch() / (double) perEpoch,
                    String.format(Locale.ROOT, "loss %.4f  %.0f img/s  ETA %s", u.loss(), u.imagesPerSecond(),
                            ProgressBar.duration(u.etaSeconds())));
        }

        @Override
        public void onEpochEnd(EpochMetrics m) {
            bar.reset();
        }

        @Override
        public void onLog(String line) {
            System.err.println("\r" + line + "\u001b[K");
        }
    }

    /** The optimizer ids for the help text (one list: {@link io.handwritingstudio.model.Optimizer}). */
    static final class OptimizerIds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return io.handwritingstudio.model.Optimizer.ids().iterator();
        }
    }
}
