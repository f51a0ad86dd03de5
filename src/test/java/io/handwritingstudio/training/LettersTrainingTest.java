package io.handwritingstudio.training;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.Hyperparameters;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real EMNIST letters (bundled): a few hundred iterations already read letters far above chance. */
class LettersTrainingTest {

    @Test
    void threeHundredIterationsOnLettersLearn() throws Exception {
        DatasetRepository repository = DatasetRepository.createDefault();
        LabeledImages train = repository.load("letters", Split.TRAIN, DownloadListener.SILENT);
        LabeledImages test = repository.load("letters", Split.TEST, DownloadListener.SILENT);
        assertEquals(26, train.classes().size());
        assertEquals("A", train.classes().name(0));

        Hyperparameters hp = new Hyperparameters(Architecture.CLASSIC, 1, 32, 2e-3, 1.0, "adam", 11, false, 9_600);
        // The files are ordered as EMNIST published them; shuffle by taking a seeded sample across the whole set.
        LabeledImages sample = train.select(new BatchSource(train, 1, 5, null).order(1)).limit(9_600);
        TrainingResult result = new Trainer(TrainingRequest.fresh(hp, "letters", sample, test.limit(2_000)))
                .run(new TrainingObserver() { }, new TrainingControl());

        double chance = 1.0 / 26;
        assertTrue(result.finalTestAccuracy() > 10 * chance,
                "letters test accuracy after 300 iterations: " + result.finalTestAccuracy());
    }
}
