package io.handwritingstudio.training;

import io.handwritingstudio.data.CharactersDataset;
import io.handwritingstudio.data.InkTexture;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.evaluation.Evaluator;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.model.InputLayout;
import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.testing.TestData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A characters run trains on flattened ink ({@link InkTexture}) and its model flattens every input by itself, so the
 * trainer's test accuracy is what the saved model then reads on the raw test images, and a fine-tuned child is fed
 * as its parent was.
 */
class FlatInkTest {
    private static final Hyperparameters HP = new Hyperparameters(Architecture.CLASSIC, 1, 64, 2e-3, 1.0, "adam", 5, false, 0);

    @Test
    void whatTheTrainerMeasuredIsWhatTheSavedModelReads() throws Exception {
        LabeledImages train = TestData.mnistTrain().limit(2_000);
        LabeledImages test = TestData.mnistTest().limit(500);
        TrainingResult result = new Trainer(TrainingRequest.fresh(HP, CharactersDataset.NAME, train, test))
                .run(new TrainingObserver() { }, new TrainingControl());
        ModelCard card = ModelCards.forTraining(HP, CharactersDataset.NAME, train.classes(), 1, result.finalTestAccuracy(), 1, null);
        assertTrue(InkTexture.wanted(card.preprocessing()), card.preprocessing());

        TrainedModel saved = new TrainedModel(result.network(), card, InputLayout.FLAT);
        assertEquals(result.finalTestAccuracy(), Evaluator.evaluate(saved, test).accuracy(), 0.0,
                "raw test images through the model's own input step");
        TrainedModel plain = new TrainedModel(result.network(), card.withPreprocessing(ModelCard.PREPROCESSING), InputLayout.FLAT);
        assertEquals(result.finalTestAccuracy(), Evaluator.evaluate(plain, InkTexture.flatten(test)).accuracy(), 0.0);

        float[] pixels = new float[784];
        test.copyImage(0, pixels, 0);
        float[] flat = InkTexture.flatten(pixels, 28);
        assertArrayEquals(plain.predictOne(flat), saved.predictOne(pixels), 1e-6f, "single-image path flattens too");
        assertArrayEquals(plain.predict(flat, 1)[0], saved.predict(pixels, 1)[0], 1e-6f);
        assertArrayEquals(flat, saved.networkPixels(pixels), 0f);
        assertFalse(Arrays.equals(plain.predictOne(pixels), saved.predictOne(pixels)), "the step changes what the network sees");
    }

    @Test
    void aFineTunedChildIsTrainedAndFedAsItsParentWas() throws Exception {
        LabeledImages parentTrain = TestData.mnistTrain().limit(640);
        TrainingResult parent = new Trainer(TrainingRequest.fresh(HP, CharactersDataset.NAME, parentTrain, null))
                .run(new TrainingObserver() { }, new TrainingControl());
        ModelCard parentCard = ModelCards.forTraining(HP, CharactersDataset.NAME, parentTrain.classes(), 1, Double.NaN, 1, null);
        LabeledImages userTrain = TestData.mnistTest().limit(200);
        LabeledImages userTest = TestData.mnistTest().select(java.util.stream.IntStream.range(200, 300).toArray());
        var spec = new FineTuneSetup.Spec("parent", parentCard, "my-digits", FineTuning.Trainable.HEAD, null, 0, 1, 32,
                1e-3, 5, false);
        FineTuneSetup setup = new FineTuneSetup(spec, parent.network(), userTrain, userTest, null, userTest);
        assertTrue(setup.request().flattensInk(), "trained on flattened ink: the trainer flattens train, test and replay");
        assertArrayEquals(userTrain.sharedPixels(), setup.request().train().sharedPixels(),
                "the data comes raw: the trainer flattens it once, not the setup and then the trainer again");
        java.nio.file.Path checkpoints = java.nio.file.Files.createTempDirectory("flat-ink");
        TrainingResult child = new Trainer(setup.request().withCheckpoints(checkpoints))
                .run(new TrainingObserver() { }, new TrainingControl());
        ModelCard childCard = setup.finish(child, "child", null).card();
        assertEquals(parentCard.preprocessing(), childCard.preprocessing());
        assertEquals(parentCard.preprocessing(), io.handwritingstudio.model.ModelStore.card(
                checkpoints.resolve(Checkpoints.FILE)).orElseThrow().preprocessing(), "its checkpoints read as it does");

        // A plain parent fine-tuned on a set named "characters" stays plain: its name is not what the network reads.
        ModelCard plainCard = parentCard.withPreprocessing(ModelCard.PREPROCESSING);
        var named = new FineTuneSetup.Spec("parent", plainCard, CharactersDataset.NAME, FineTuning.Trainable.HEAD, null, 0,
                1, 32, 1e-3, 5, false);
        FineTuneSetup plainSetup = new FineTuneSetup(named, parent.network(), userTrain, userTest, null, userTest);
        assertFalse(plainSetup.request().flattensInk());
        assertArrayEquals(userTrain.sharedPixels(), plainSetup.request().train().sharedPixels());
        assertFalse(InkTexture.wanted(plainSetup.request().preprocessing()));
    }
}
