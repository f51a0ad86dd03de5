package io.handwritingstudio.model;

import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.training.ModelCards;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HyperparametersTest {
    @Test
    void aResumedRunContinuesWithTheSettingsOnItsCardNotTheDefaults() throws Exception {
        Hyperparameters trained = new Hyperparameters(Architecture.STRONG, 8, 32, 0.0015, 0.7, "nesterovs", 7, false, 3000);
        ModelCard card = ModelCards.forTraining(trained, "mnist", ClassNames.digits(), 1, 0.9, 10, "train ...");
        // through JSON, as a checkpoint's card is read back
        ModelCard read = ModelCardReader.parse(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(card), "card");
        assertEquals(trained, Hyperparameters.fromCard(read, Hyperparameters.defaults(Architecture.STRONG)));
    }

    @Test
    void whatACardLacksComesFromTheFallback() {
        ModelCard bare = new ModelCard(null, "dl4j", "mnist", ClassNames.digits().names(), "strong", null, null, 1,
                null, null, ModelCard.PREPROCESSING, "28x28x1", null, null, null);
        assertEquals(Hyperparameters.defaults(Architecture.STRONG),
                Hyperparameters.fromCard(bare, Hyperparameters.defaults(Architecture.STRONG)));
    }
}
