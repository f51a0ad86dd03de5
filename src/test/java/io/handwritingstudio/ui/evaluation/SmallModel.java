package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.testing.TestData;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.Hyperparameters;
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
 * A deliberately weak digits model (one epoch on 1,000 images), trained once per test JVM, so that an evaluation
 * has plenty of errors to look at.
 */
final class SmallModel {
    private static TrainedModel model;

    private SmallModel() {
    }

    static synchronized TrainedModel get() throws Exception {
        if (model == null) {
            LabeledImages train = TestData.mnistTrain().limit(1_000);
            Hyperparameters hp = new Hyperparameters(Architecture.CLASSIC, 1, 32, 1e-3, 1.0, "adam", 42, false, 1_000);
            TrainingResult result = new Trainer(TrainingRequest.fresh(hp, "mnist", train, null))
                    .run(new TrainingObserver() { }, new TrainingControl());
            Path dir = Files.createTempDirectory("hws-eval-test");
            Path file = dir.resolve("small.zip");
            ModelStore.save(result.network(), ModelCards.forTraining(hp, "mnist", train.classes(), 1, Double.NaN, -1,
                    "test").withName("small"), file);
            model = ModelStore.load(file);
        }
        return model;
    }

    static LabeledImages testImages(int count) throws Exception {
        return TestData.mnistTest().limit(count);
    }
}
