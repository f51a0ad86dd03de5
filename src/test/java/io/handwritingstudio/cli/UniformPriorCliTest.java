package io.handwritingstudio.cli;

import io.handwritingstudio.data.IdxWriter;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.evaluation.ClassMetrics;
import io.handwritingstudio.evaluation.EvaluationReport;
import io.handwritingstudio.evaluation.Evaluator;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.testing.Cli;
import io.handwritingstudio.testing.TestData;
import io.handwritingstudio.training.Checkpoints;
import io.handwritingstudio.training.UniformPrior;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train --uniform-prior} on a split where digits 5-9 are five times rarer than 0-4: the saved model is the
 * checkpoint's network with only the output bias moved, by exactly −log(share), and it finds the rare digits at
 * least as often on a balanced test split.
 */
class UniformPriorCliTest {
    @TempDir
    Path dir;

    @Test
    void theSavedModelIsTheTrainedOneWithItsBiasShiftedByTheLogOfEachClassShare() throws Exception {
        LabeledImages all = TestData.mnistTrain().limit(4_000);
        int[] skewed = IntStream.range(0, all.size()).filter(i -> all.label(i) < 5 || i % 5 == 0).toArray();
        LabeledImages train = all.select(skewed);
        Path data = dir.resolve("data");
        IdxWriter.writeDataset(data, "train", train, false);
        IdxWriter.writeDataset(data, "t10k", TestData.mnistTest().limit(1_000), false);
        Path out = dir.resolve("even.zip");

        Cli.Run r = Cli.run("train", "--data-dir", data.toString(), "--arch", "tiny", "--epochs", "1", "--uniform-prior",
                "--out", out.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("Every class treated as equally likely: test accuracy"), r.err());
        TrainedModel saved = ModelStore.load(out);
        TrainedModel plain = ModelStore.load(dir.resolve("even.zip.checkpoints").resolve(Checkpoints.FILE));
        assertEquals(UniformPrior.CARD_VALUE, saved.card().hyperparameters().get("classPrior"));
        int[] counts = train.classCounts();
        INDArray savedBias = outputBias(saved), plainBias = outputBias(plain);
        for (int c = 0; c < counts.length; c++) {
            double share = counts[c] / (double) train.size();
            assertEquals(plainBias.getDouble(c) - Math.log(share), savedBias.getDouble(c), 1e-5, "class " + c);
        }
        int last = saved.network().getnLayers() - 1;
        for (int layer = 0; layer < last; layer++) {
            if (plain.network().getLayer(layer).numParams() == 0) continue;
            assertArrayEquals(plain.network().getLayer(layer).params().toFloatVector(),
                    saved.network().getLayer(layer).params().toFloatVector(), "only the output bias moves: layer " + layer);
        }
        assertArrayEquals(plain.network().getLayer(last).getParam("W").dup().data().asFloat(),
                saved.network().getLayer(last).getParam("W").dup().data().asFloat(), "only the output bias moves: weights");

        LabeledImages test = TestData.mnistTest().limit(1_000);
        EvaluationReport before = Evaluator.evaluate(plain, test), after = Evaluator.evaluate(saved, test);
        assertEquals(after.accuracy(), saved.card().testAccuracy(), 1e-9, "the card holds the corrected model's accuracy");
        assertTrue(rareRecall(after) >= rareRecall(before), rareRecall(before) + " -> " + rareRecall(after));
    }

    @Test
    void aClassWithoutTrainingImagesIsRefusedBeforeTraining() throws Exception {
        LabeledImages all = TestData.mnistTrain().limit(2_000);
        Path data = dir.resolve("data");
        IdxWriter.writeDataset(data, "train", all.select(IntStream.range(0, all.size()).filter(i -> all.label(i) != 3).toArray()), false);
        IdxWriter.writeDataset(data, "t10k", TestData.mnistTest().limit(200), false);

        Cli.Run r = Cli.run("train", "--data-dir", data.toString(), "--arch", "tiny", "--epochs", "1", "--uniform-prior",
                "--out", dir.resolve("never.zip").toString());

        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.lastErrorLine().contains("class 3 has no training images"), r.err());
        assertFalse(r.err().contains("Epoch 1/1"), "refused before any training: " + r.err());
    }

    @Test
    void withLimitTheSharesAreThoseOfTheImagesTrainedOn() throws Exception {
        Path data = dir.resolve("all");
        TestData.mnistFolder(data, 2_000, 200);
        Path out = dir.resolve("part.zip");

        Cli.Run part = Cli.run("train", "--data-dir", data.toString(), "--arch", "classic", "--epochs", "1", "--limit", "1500",
                "--uniform-prior", "--out", out.toString());

        assertEquals(0, part.exitCode(), part.err());
        TrainedModel saved = ModelStore.load(out);
        TrainedModel plain = ModelStore.load(dir.resolve("part.zip.checkpoints").resolve(Checkpoints.FILE));
        int[] counts = TestData.mnistTrain().limit(1_500).classCounts();
        for (int c = 0; c < counts.length; c++) {
            assertEquals(outputBias(plain).getDouble(c) - Math.log(counts[c] / 1_500.0), outputBias(saved).getDouble(c), 1e-5);
        }
    }

    private static INDArray outputBias(TrainedModel model) {
        return model.network().getLayer(model.network().getnLayers() - 1).getParam("b");
    }

    /** Recall over the digits 5-9 together. */
    private static double rareRecall(EvaluationReport report) {
        double right = 0, total = 0;
        for (ClassMetrics m : report.perClass()) {
            if (m.classIndex() >= 5) {
                right += m.recall() * m.support();
                total += m.support();
            }
        }
        return right / total;
    }
}
