package io.handwritingstudio.training;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.evaluation.Evaluator;
import io.handwritingstudio.inference.sketch.HandWriter;
import io.handwritingstudio.inference.sketch.StrokeRenderer;
import io.handwritingstudio.inference.sketch.Symbols;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.testing.Cli;
import io.handwritingstudio.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
            if (perClass[c] < 30) saveSlanted(train, i, data.resolve("train").resolve(String.valueOf(c)).resolve("t" + i + ".png"), perClass[c]++);
        }
        for (int i = 0; i < 500; i++) saveSlanted(test, i, data.resolve("test").resolve(String.valueOf(test.label(i))).resolve("h" + i + ".png"), i);
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

    /** The digit drawn larger, dark on white like a scan, rotated 35 degrees with a bolder pen. */
    private static void saveSlanted(LabeledImages images, int index, Path file, int n) throws Exception {
        Files.createDirectories(file.getParent());
        BufferedImage small = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 28; y++) for (int x = 0; x < 28; x++) {
            int v = 255 - images.pixel(index, y, x);
            small.getRaster().setSample(x, y, 0, v);
        }
        BufferedImage big = new BufferedImage(112, 112, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 112, 112);
        g.rotate(Math.toRadians(35), 56, 56);
        g.drawImage(small, 0, 0, 112, 112, null);
        g.dispose();
        // a bolder pen: each pixel takes the darkest of its 3x3 neighbourhood
        BufferedImage bold = new BufferedImage(112, 112, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 112; y++) for (int x = 0; x < 112; x++) {
            int min = 255;
            for (int dy = -1; dy <= 1; dy++) for (int dx = -1; dx <= 1; dx++) {
                int xx = Math.min(111, Math.max(0, x + dx)), yy = Math.min(111, Math.max(0, y + dy));
                min = Math.min(min, big.getRaster().getSample(xx, yy, 0));
            }
            bold.getRaster().setSample(x, y, 0, min);
        }
        ImageIO.write(bold, "png", file.toFile());
    }
}
