package io.handwritingstudio.training;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.evaluation.Evaluator;
import io.handwritingstudio.inference.sketch.HandWriter;
import io.handwritingstudio.inference.sketch.SlantedHand;
import io.handwritingstudio.inference.sketch.StrokeRenderer;
import io.handwritingstudio.inference.sketch.Symbols;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.testing.Cli;
import io.handwritingstudio.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Teaching the bundled digits model a learner's handwriting and new symbols, end to end through the CLI. */
class FineTuneTest {
    @TempDir
    Path dir;

    /**
     * The target: 20 drawings of each of 4 new symbols (drawn by a seeded population of writers) teach the
     * model plus, minus, times and equals: at least 90% on 30 held-out drawings of each by other writers, while the
     * digits stay at 99.0% or more on MNIST test.
     */
    @Test
    void fourNewSymbolsFromTwentyDrawingsEach() throws Exception {
        Path data = dir.resolve("symbols");
        int writer = 0;
        for (var symbol : Symbols.MATH.entrySet()) {
            for (int i = 0; i < 20; i++) drawSymbol(data.resolve("train").resolve(symbol.getKey()), i, symbol.getValue(), writer++);
            for (int i = 0; i < 30; i++) drawSymbol(data.resolve("test").resolve(symbol.getKey()), i, symbol.getValue(), 1000 + writer++);
        }
        Path out = dir.resolve("digits-and-symbols.zip");
        Cli.Run r = Cli.run("train", "--from", "mnist", "--data-dir", data.toString(), "--train", "head",
                "--replay", "mnist:0.5", "--epochs", "25", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        TrainedModel tuned = ModelStore.load(out);
        assertEquals(14, tuned.classes().size());
        assertEquals(java.util.List.of("equals", "minus", "plus", "times"), tuned.card().lineage().get("newClasses"));

        LabeledImages heldOut = DatasetRepository.createDefault().load(data.toString(), Split.TEST, DownloadListener.SILENT);
        double symbols = Evaluator.evaluate(tuned, heldOut).accuracy();
        double digits = Evaluator.evaluate(tuned, TestData.mnistTest()).accuracy();
        System.out.printf(Locale.ROOT, "new symbols held out %.2f%%, MNIST test %.2f%%%n%s", 100 * symbols, 100 * digits, r.out());
        assertTrue(symbols >= 0.90, "held-out new symbols: " + symbols);
        assertTrue(digits >= 0.990, "MNIST test after learning the symbols: " + digits);
    }

    /**
     * A learner who writes every digit turned 35 degrees and in a thick pen: the bundled model reads fewer of them;
     * 30 samples a digit, fine-tuned (all layers, gently, with replay), raise its accuracy on held-out samples of
     * that hand by a clear margin while MNIST barely moves.
     */
    @Test
    void aLearnersSlantedHandIsLearned() throws Exception {
        Path data = dir.resolve("my-digits");
        LabeledImages train = TestData.mnistTrain(), test = TestData.mnistTest();
        int[] perClass = new int[10];
        for (int i = 0; i < train.size() && java.util.Arrays.stream(perClass).sum() < 300; i++) {
            int c = train.label(i);
            if (perClass[c] < 30) { perClass[c]++; SlantedHand.save(train, i, data.resolve("train").resolve(String.valueOf(c)).resolve("t" + i + ".png")); }
        }
        for (int i = 0; i < 500; i++) SlantedHand.save(test, i, data.resolve("test").resolve(String.valueOf(test.label(i))).resolve("h" + i + ".png"));
        Path out = dir.resolve("mine.zip");
        Cli.Run r = Cli.run("train", "--from", "mnist", "--data-dir", data.toString(), "--train", "all",
                "--replay", "mnist:0.3", "--epochs", "8", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        Map<String, Object> lineage = ModelStore.load(out).card().lineage();
        double before = ((Number) lineage.get("userAccuracyBefore")).doubleValue();
        double after = ((Number) lineage.get("userAccuracyAfter")).doubleValue();
        double forgot = ((Number) lineage.get("originalAccuracyBefore")).doubleValue()
                - ((Number) lineage.get("originalAccuracyAfter")).doubleValue();
        System.out.printf(Locale.ROOT, "slanted hand: %.1f%% -> %.1f%%, MNIST forgot %.2f points%n", 100 * before, 100 * after, 100 * forgot);
        assertTrue(after > before + 0.05, "held-out accuracy " + before + " -> " + after);
        assertTrue(forgot < 0.01, "MNIST forgot " + forgot);
        assertTrue(r.out().contains("Your samples (my-digits, 500 held out): "), r.out());
    }

    private static void drawSymbol(Path folder, int i, java.util.List<double[][]> template, int writer) throws Exception {
        Files.createDirectories(folder);
        var strokes = HandWriter.number(7, writer).draw(template);
        BufferedImage image = StrokeRenderer.render(strokes, 160, 160, 160 / HandWriter.CANVAS);
        ImageIO.write(image, "png", folder.resolve(String.format(Locale.ROOT, "%03d.png", i)).toFile());
    }
}
