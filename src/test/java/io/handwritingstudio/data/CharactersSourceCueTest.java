package io.handwritingstudio.data;

import io.handwritingstudio.evaluation.EvaluationReport;
import io.handwritingstudio.evaluation.Evaluator;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled characters model must tell a digit from a letter by its shape, not by how its dataset made it. Its
 * digits come from MNIST and its letters from EMNIST, each with its own resampling; a network can learn that
 * texture instead of the shapes (one trained with plain final epochs on unframed digits read 14% of MNIST's test
 * digits as letters once they were merely re-framed, 26% of zeros as O, while its test split said 1%). So the same
 * digits, as MNIST ships them and re-framed the letters' way, must be read as letters about equally rarely: the gap
 * between the two is the cue. The share itself is bounded more loosely, since a model that no longer leans on the
 * cue pays for it where a letter and a digit truly look alike (O/0, I/1, L/1, S/5).
 */
class CharactersSourceCueTest {
    /**
     * Measured for the bundled model (ink flattened): 4.7% as shipped, 6.0% re-framed; its predecessor 1.2% and 2.3%;
     * the model described above 1.3% and 14.3%, a gap of 13 points.
     */
    private static final double GAP_AT_MOST = 0.03;
    private static final double AT_MOST = 0.10;

    @Test
    void digitsAreReadAsDigitsWhicheverWayTheyWereFramed() throws Exception {
        TrainedModel characters = ModelStore.load(Path.of("models", "characters.zip"));
        // the shared MNIST loader: skipped offline with one line, fails under CI (data.TestData is another helper)
        LabeledImages digits = io.handwritingstudio.testing.TestData.mnistTest();
        double asShipped = readAsLetters(characters, digits);
        double reframed = readAsLetters(characters, InkLevels.matchTo(MnistFraming.apply(digits), digits));
        assertTrue(asShipped <= AT_MOST, "MNIST digits read as letters: " + asShipped);
        assertTrue(reframed <= AT_MOST, "re-framed MNIST digits read as letters: " + reframed);
        assertTrue(reframed - asShipped <= GAP_AT_MOST,
                "re-framing alone moved " + (reframed - asShipped) + " of the digits to letters");
    }

    /** Share of the digits the model reads as one of its letters. */
    private static double readAsLetters(TrainedModel model, LabeledImages digits) {
        EvaluationReport r = Evaluator.evaluate(model, digits.withLabels(digits.labels(), CharactersDataset.classes()));
        int letters = 0;
        for (int i = 0; i < digits.size(); i++) if (r.predicted(i) >= 10) letters++;
        return letters / (double) digits.size();
    }
}
