package io.handwritingstudio.cli;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.MnistFormat;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.model.ModelLocator;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.training.FineTuneSetup;
import io.handwritingstudio.training.FineTuning;
import io.handwritingstudio.training.TrainingResult;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** {@code train --from MODEL}: fine-tuning a trained model on the user's data, reported as before -> after. */
final class FineTuneRun {
    private FineTuneRun() {
    }

    /** The parent model, refused in words when it cannot be fine-tuned here. */
    static TrainedModel parent(String from) throws Exception {
        Path file = ModelLocator.resolve(from);
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new IllegalArgumentException(file.getFileName() + ": fine-tuning starts from a Handwriting Studio model"
                    + " (.zip); imported Keras files are for inference only");
        }
        TrainedModel model = ModelStore.load(file);
        try {
            model.network().output(Nd4j.zeros(1, MnistFormat.PIXELS), false);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file.getFileName() + ": the model does not take 28x28 grey images, the"
                    + " only input fine-tuning can give it", e);
        }
        return model;
    }

    static FineTuneSetup setup(String parentName, TrainedModel parent, String userData, String userName,
                               FineTuning.Trainable trainable, String replay, int epochs, int batch, double lr, long seed,
                               boolean augment) throws Exception {
        LabeledImages train = DatasetOptions.load(userData, Split.TRAIN);
        LabeledImages test = DatasetOptions.load(userData, Split.TEST);
        LabeledImages replayTrain = null;
        double fraction = 0;
        String replayName = null;
        if (replay != null) {
            Map.Entry<String, Double> r = FineTuneSetup.parseReplay(replay);
            if (!DatasetOptions.isCatalogued(r.getKey())) {
                throw new IllegalArgumentException("--replay names a catalogue dataset (mnist, letters, characters...), not '" + r.getKey() + "'");
            }
            replayName = r.getKey();
            fraction = r.getValue();
            replayTrain = DatasetOptions.load(replayName, Split.TRAIN);
        }
        String original = parent.card().dataset() != null && DatasetOptions.isCatalogued(parent.card().dataset())
                ? parent.card().dataset() : replayName;
        if (original == null) {
            throw new IllegalArgumentException("the parent model's dataset is not a catalogue dataset: give --replay"
                    + " DATASET:FRACTION so forgetting can be measured on its test set");
        }
        LabeledImages originalTest = DatasetOptions.load(original, Split.TEST);
        var spec = new FineTuneSetup.Spec(parentName, parent.card(), userName, trainable, replayName, fraction, epochs,
                batch, lr, seed, augment);
        return new FineTuneSetup(spec, parent.network(), train, test, replayTrain, originalTest);
    }

    static void report(FineTuneSetup.Outcome o, String userName, String original) {
        System.out.printf(Locale.ROOT, "Your samples (%s, %d held out): %.1f%% -> %.1f%% (%+.1f points)%n", userName,
                o.userAfter().images(), 100 * o.userBefore().accuracy(), 100 * o.userAfter().accuracy(),
                100 * (o.userAfter().accuracy() - o.userBefore().accuracy()));
        System.out.printf(Locale.ROOT, "Original test set (%s, %,d images): %.2f%% -> %.2f%% (forgot %.2f points)%n",
                original, o.originalAfter().images(), 100 * o.originalBefore().accuracy(), 100 * o.originalAfter().accuracy(),
                o.forgettingPoints());
    }

    static double defaultLearningRate(FineTuning.Trainable t) {
        return t == FineTuning.Trainable.HEAD ? 1e-3 : 1e-4;
    }

    static String originalName(TrainedModel parent, String replay) {
        if (parent.card().dataset() != null && DatasetOptions.isCatalogued(parent.card().dataset())) return parent.card().dataset();
        return replay == null ? "?" : FineTuneSetup.parseReplay(replay).getKey();
    }

    static boolean ok(TrainingResult r) {
        return r != null;
    }
}
