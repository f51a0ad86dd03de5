package io.handwritingstudio.cli;

import java.util.Locale;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.ModelLoadException;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.training.Checkpoints;
import io.handwritingstudio.training.ModelCards;
import io.handwritingstudio.training.Trainer;
import io.handwritingstudio.training.TrainingControl;
import io.handwritingstudio.training.TrainingListener;
import io.handwritingstudio.training.TrainingRequest;
import io.handwritingstudio.training.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code train}: train a network on a dataset and save it with its model card. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a network and save it with a model card.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    DatasetOptions data;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--arch", defaultValue = "classic", description = "classic or strong (default: ${DEFAULT-VALUE}).")
    String arch;
    @Option(names = "--epochs", description = "Number of epochs (default: 5 classic, 12 strong).")
    Integer epochs;
    @Option(names = "--batch", description = "Mini-batch size (default: 64).")
    Integer batch;
    @Option(names = "--lr", description = "Initial learning rate (default: 0.001 classic, 0.002 strong).")
    Double lr;
    @Option(names = "--lr-decay", description = "Learning-rate multiplier per epoch, applied smoothly (default: 1 classic, 0.75 strong).")
    Double lrDecay;
    @Option(names = "--optimizer", description = "adam, nesterovs or sgd (default: adam).")
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

    @Override
    public Integer call() throws Exception {
        Hyperparameters hp = hyperparameters();
        String datasetName = data.displayName("mnist");
        LabeledImages train = DatasetOptions.load(data.nameOrDir("mnist"), Split.TRAIN);
        if (hp.trainLimit() > 0) train = train.limit(hp.trainLimit());
        LabeledImages test = DatasetOptions.load(data.nameOrDir("mnist"), Split.TEST);
        Path checkpoints = checkpointDir != null ? checkpointDir : out.resolveSibling(out.getFileName() + ".checkpoints");
        TrainingRequest request = resumeRequest(hp, datasetName, train, test, checkpoints);

        TrainingControl control = new TrainingControl();
        Thread hook = new Thread(control::cancel);
        Runtime.getRuntime().addShutdownHook(hook);
        TrainingResult result = new Trainer(request).run(new TerminalListener(), control);
        Runtime.getRuntime().removeShutdownHook(hook);
        if (result.cancelled()) {
            System.err.println("Training cancelled; the last finished epoch is in " + checkpoints.resolve(Checkpoints.FILE));
            return 1;
        }
        ModelCard card = ModelCards.forTraining(hp, datasetName, train.classes(), result.epochsCompleted(),
                result.finalTestAccuracy(), result.trainingSeconds(), commandLine())
                .withName(out.getFileName().toString().replaceFirst("\\.zip$", ""));
        ModelStore.save(result.network(), card, out);
        System.out.printf(Locale.ROOT, "Saved %s (test accuracy %.2f%%, %.0f s of training)%n", out,
                100 * result.finalTestAccuracy(), result.trainingSeconds());
        return 0;
    }

    private Hyperparameters hyperparameters() {
        Hyperparameters d = Hyperparameters.defaults(Architecture.parse(arch));
        return new Hyperparameters(d.architecture(), epochs != null ? epochs : d.epochs(),
                batch != null ? batch : d.batchSize(), lr != null ? lr : d.learningRate(),
                lrDecay != null ? lrDecay : d.lrDecayPerEpoch(), optimizer != null ? optimizer : d.optimizer(),
                seed != null ? seed : d.seed(), augment != null ? augment : d.augment(), limit);
    }

    private TrainingRequest resumeRequest(Hyperparameters hp, String dataset, LabeledImages train, LabeledImages test,
                                          Path checkpoints) throws ModelLoadException {
        if (resume == null) {
            return TrainingRequest.fresh(hp, dataset, train, test).withCheckpoints(checkpoints);
        }
        if (!Files.isRegularFile(resume)) throw new ModelLoadException(resume + ": no such checkpoint");
        var network = ModelStore.loadForTraining(resume);
        int done = ModelStore.card(resume).map(ModelCard::epochs)
                .orElseThrow(() -> new ModelLoadException(resume + ": checkpoint has no card saying how many epochs it finished"));
        System.err.printf(Locale.ROOT, "Resuming from %s after epoch %d%n", resume, done);
        return new TrainingRequest(hp, dataset, train, test, checkpoints, network, done);
    }

    private String commandLine() {
        return "java -jar target/handwriting-studio.jar "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    /** Progress bar per epoch, a line per finished epoch. */
    private static final class TerminalListener implements TrainingListener {
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
}
