package io.handwritingstudio.ui.draw;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.model.ModelLocator;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.training.ModelCards;
import io.handwritingstudio.training.Trainer;
import io.handwritingstudio.training.TrainingControl;
import io.handwritingstudio.training.TrainingObserver;
import io.handwritingstudio.training.TrainingRequest;
import io.handwritingstudio.training.TrainingResult;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The digits model for pad tests: the bundled models/mnist.zip (or hws.models.dir's) when present, otherwise a
 * classic model trained once on 12,000 MNIST images for 2 epochs (accurate enough for a clean 1 and 0).
 */
final class TestModels {
    private static TrainedModel digits;
    private static Path digitsFile;

    private TestModels() {
    }

    static synchronized TrainedModel digits() throws Exception {
        if (digits == null) digits = ModelStore.load(digitsFile());
        return digits;
    }

    static synchronized Path digitsFile() throws Exception {
        if (digitsFile != null) return digitsFile;
        try {
            digitsFile = ModelLocator.resolve("mnist");
        } catch (Exception missing) {
            digitsFile = train();
        }
        return digitsFile;
    }

    private static Path train() throws Exception {
        DatasetRepository repo = DatasetRepository.createDefault();
        LabeledImages train = repo.load("mnist", Split.TRAIN, DownloadListener.SILENT).limit(12_000);
        LabeledImages test = repo.load("mnist", Split.TEST, DownloadListener.SILENT).limit(1_000);
        Hyperparameters d = Hyperparameters.defaults(Architecture.CLASSIC);
        Hyperparameters hp = new Hyperparameters(d.architecture(), 2, d.batchSize(), d.learningRate(),
                d.lrDecayPerEpoch(), d.optimizer(), d.seed(), false, 12_000);
        TrainingResult result = new Trainer(TrainingRequest.fresh(hp, "mnist", train, test))
                .run(new TrainingObserver() { }, new TrainingControl());
        Path out = Files.createTempDirectory("hws-draw-model").resolve("mnist.zip");
        ModelStore.save(result.network(), ModelCards.forTraining(hp, "mnist", train.classes(), result.epochsCompleted(),
                result.finalTestAccuracy(), result.trainingSeconds(), "draw pad tests"), out);
        return out;
    }
}
