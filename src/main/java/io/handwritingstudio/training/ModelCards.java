package io.handwritingstudio.training;

import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.data.InkTexture;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.model.ModelCard;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the card that describes a trained model, its design included (the preset unless replaced). */
public final class ModelCards {
    private ModelCards() {
    }

    public static ModelCard forTraining(Hyperparameters hp, String dataset, ClassNames classes, int epochs,
                                        double testAccuracy, double trainingSeconds, String command) {
        return forTraining(hp, dataset, classes, epochs, testAccuracy, trainingSeconds, command, false);
    }

    /** With {@code uniformPrior}: the output biases were shifted by {@link UniformPrior} after training. */
    public static ModelCard forTraining(Hyperparameters hp, String dataset, ClassNames classes, int epochs,
                                        double testAccuracy, double trainingSeconds, String command, boolean uniformPrior) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("epochs", hp.epochs());
        params.put("batchSize", hp.batchSize());
        params.put("learningRate", hp.learningRate());
        params.put("lrDecayPerEpoch", hp.lrDecayPerEpoch());
        params.put("optimizer", hp.optimizer());
        params.put("augment", hp.augment());
        if (hp.augment()) params.put("augmentation", Augmenter.forDataset(dataset).describe());
        params.put("trainLimit", hp.trainLimit());
        if (uniformPrior) params.put("classPrior", UniformPrior.CARD_VALUE);
        return new ModelCard(null, "dl4j", dataset, classes.names(), hp.architecture().id(), params, hp.seed(), epochs,
                Double.isNaN(testAccuracy) ? null : testAccuracy, trainingSeconds < 0 ? null : trainingSeconds,
                preprocessing(dataset), "28x28x1",
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString(), command, null)
                .withDesign(hp.architecture().design());
    }

    /** What a model trained on {@code dataset} is fed: flattened ink where the trainer flattens that dataset. */
    static String preprocessing(String dataset) {
        return InkTexture.forDataset(dataset) ? ModelCard.PREPROCESSING + "; " + InkTexture.DESCRIPTION : ModelCard.PREPROCESSING;
    }
}
