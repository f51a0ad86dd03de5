package io.handwritingstudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handwritingstudio.data.IdxWriter;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.testing.Cli;
import io.handwritingstudio.testing.Cli.Run;
import io.handwritingstudio.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user runs it: output, exit codes and one-line errors on bad input. */
class CliTest {
    @TempDir
    static Path dir;
    private static Path model;

    @BeforeAll
    static void saveQuickModel() throws Exception {
        model = dir.resolve("quick.zip");
        ModelStore.save(TestData.quickModel().network(), TestData.quickModel().card(), model);
    }

    static Run run(String... args) {
        return Cli.run(args);
    }

    /** The pad keeps every saved drawing for training: evaluating its folder's empty test split says where they are. */
    @Test
    void anEmptyTestSplitIsRefusedWithTheWayOut() throws Exception {
        Path samples = dir.resolve("pad-samples");
        var folder = new io.handwritingstudio.data.UserSamples(samples, io.handwritingstudio.data.ClassNames.digits());
        folder.append(new float[784], 3);
        folder.append(new float[784], 7);
        Run r = run("evaluate", "--model", "mnist", "--data-dir", samples.toString());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.err().contains("the test split of " + samples + " has no images (its train split has 2): evaluate them with"
                + " --split train"), r.err());
        assertFalse(r.out().contains("NaN"), r.out());
        assertEquals(0, run("evaluate", "--model", "mnist", "--data-dir", samples.toString(), "--split", "train").exitCode());

        folder.append(new float[784], 3);
        folder.append(new float[784], 7);
        Run trained = run("train", "--data-dir", samples.toString(), "--epochs", "1", "--batch", "2",
                "--out", dir.resolve("mine.zip").toString());
        assertEquals(1, trained.exitCode(), "train refuses a dataset whose accuracy it could not measure");
        assertTrue(trained.err().contains("the test split has no images"), trained.err());
        assertFalse((trained.out() + trained.err()).contains("NaN"), trained.out() + trained.err());
    }

    private static Path smallDataset(String name) throws Exception {
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        TestData.mnistFolder(d, 200, 300);
        return d;
    }

    private static void assertOneLineError(Run r, String expectedFragment) {
        assertTrue(r.exitCode() != 0, "non-zero exit");
        String[] lines = r.err().strip().split("\n");
        String last = lines[lines.length - 1];
        assertTrue(last.startsWith("error: ") && last.contains(expectedFragment), "stderr: " + r.err());
        assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void infoReadsAsLinesAndItsJsonParses() throws Exception {
        Run r = run("info", "--model", "mnist");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("mnist: dl4j model, 10 classes: 0 1 2 3 4 5 6 7 8 9"), r.out());
        assertTrue(r.out().contains("Trained on: mnist, test accuracy 99.65%"), r.out());
        // the layer column fits its widest row: every row's output shape starts in the header's column
        String[] lines = r.out().lines().toArray(String[]::new);
        String header = java.util.Arrays.stream(lines).filter(l -> l.contains("multiply-adds") && l.contains("#")).findFirst().orElseThrow();
        int column = header.indexOf("output");
        String wide = java.util.Arrays.stream(lines).filter(l -> l.contains("conv 32 3x3 same identity no-bias")).findFirst().orElseThrow();
        assertEquals("28x28x32", wide.substring(column, column + 8), r.out());
        Run json = run("info", "--model", "mnist", "--json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode card = new ObjectMapper().readTree(json.out());
        assertEquals("strong", card.get("architecture").asText());
        assertEquals(10, card.get("classNames").size());
    }

    @Test
    void evaluateJsonHasAccuracyPerClassAndConfusionMatrix() throws Exception {
        Run r = run("evaluate", "--model", model.toString(), "--data-dir", smallDataset("ok").toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(300, json.get("samples").asInt());
        assertTrue(json.get("accuracy").asDouble() > 0.9);
        assertEquals(10, json.get("perClass").size());
        assertTrue(json.get("perClass").get("7").has("f1"));
        int total = 0;
        for (JsonNode row : json.get("confusionMatrix")) for (JsonNode v : row) total += v.asInt();
        assertEquals(300, total);
    }

    @Test
    void outputIsTheSameUnderAGermanLocale() throws Exception {
        Path data = smallDataset("locale");
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.US);
            Run english = run("evaluate", "--model", model.toString(), "--data-dir", data.toString(), "--json");
            Run englishText = run("evaluate", "--model", model.toString(), "--data-dir", data.toString());
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            Run german = run("evaluate", "--model", model.toString(), "--data-dir", data.toString(), "--json");
            Run germanText = run("evaluate", "--model", model.toString(), "--data-dir", data.toString());
            assertEquals(0, german.exitCode(), german.err());
            assertEquals(english.out(), german.out(), "evaluate --json, byte for byte");
            assertEquals(englishText.out(), germanText.out(), "evaluate as text");
            assertTrue(germanText.out().matches("(?s).*\\d\\.\\d+%.*"), "a decimal point, not a comma: " + germanText.out());
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void compareTheSeedsKerasModelWithTheBundledModel() throws Exception {
        String keras = TestData.kerasFixtures().resolve("handwritten_digit_recognition_model.h5").toString();
        Run r = run("evaluate", "--model", keras, "--compare", "mnist", "--dataset", "mnist", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(0.9916, json.get("accuracyA").asDouble(), 1e-9, "the seed's published accuracy");
        assertEquals(0.9965, json.get("accuracyB").asDouble(), 1e-9, "the bundled model's card");
        JsonNode g = json.get("agreement");
        assertEquals(9916, g.get("bothRight").asInt() + g.get("onlyA").asInt());
        assertEquals(9965, g.get("bothRight").asInt() + g.get("onlyB").asInt());
        int differing = json.get("disagreementCount").asInt();
        assertEquals(10_000 - g.get("bothRight").asInt() - g.get("bothWrongSameAnswer").asInt(), differing);
        for (JsonNode row : json.get("confusionDifference")) {
            int sum = 0;
            for (JsonNode v : row) sum += v.asInt();
            assertEquals(0, sum, "each true class has as many images for B as for A");
        }
        JsonNode first = json.get("disagreements").get(0);
        assertTrue(first.get("confidenceA").asDouble() > 0.5 && first.get("confidenceB").asDouble() > 0.5, first.toString());
    }

    /** The bundled digits model against the digits+letters one on MNIST: compared where both can answer. */
    @Test
    void aDigitsModelAndADigitsAndLettersModelAreComparedOnDigits() throws Exception {
        Run alone = run("evaluate", "--model", "models/characters.zip", "--dataset", "mnist", "--json");
        assertEquals(0, alone.exitCode(), alone.err());
        Run r = run("evaluate", "--model", "mnist", "--compare", "models/characters.zip", "--dataset", "mnist", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(0.9965, json.get("accuracyA").asDouble(), 1e-9, "the digits model's card");
        assertEquals(new ObjectMapper().readTree(alone.out()).get("accuracy").asDouble(),
                json.get("accuracyB").asDouble(), 1e-9, "B as evaluated on its own");
        assertEquals(36, json.get("classNames").size(), "the wider class space");
        assertEquals(10, json.get("perClass").size(), "only the classes that have images");
        assertTrue(json.get("perClass").has("0") && !json.get("perClass").has("O"));
        Run refused = run("evaluate", "--model", "mnist", "--compare", "letters", "--dataset", "mnist");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("the models read different classes"), refused.err());
        Run itself = run("evaluate", "--model", "mnist", "--compare", "models/mnist.zip", "--dataset", "mnist");
        assertEquals(1, itself.exitCode());
        assertTrue(itself.err().contains("model B is the same network as model A"), itself.err());
        assertFalse(itself.err().contains("Evaluating") || refused.err().contains("Evaluating"),
                "B is refused before A reads a single image: " + itself.err());
    }

    /**
     * The characters model learnt its letters re-framed MNIST's way: evaluated on the letters dataset it reads them so
     * (as EMNIST frames them it got 74.7%, against 91.2% of the same letters in its own test split).
     */
    @Test
    void aModelReadsAnotherFramingsDatasetFramedAsItWasTrained() throws Exception {
        Run r = run("evaluate", "--model", "models/characters.zip", "--dataset", "letters", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("letters re-framed MNIST's way"), r.err());
        double accuracy = new ObjectMapper().readTree(r.out()).get("accuracy").asDouble();
        assertTrue(accuracy > 0.90, "characters on letters: " + accuracy);
        Run own = run("evaluate", "--model", "letters", "--dataset", "letters", "--json");
        assertFalse(own.err().contains("re-framed"), "the letters model was trained on the letters as they are");
    }

    @Test
    void corruptTruncatedAndMismatchedIdxFilesAreOneLineErrors() throws Exception {
        Path corrupt = smallDataset("corrupt");
        Path images = corrupt.resolve("t10k-images-idx3-ubyte");
        byte[] bytes = Files.readAllBytes(images);
        bytes[3] = 0x07; // wrong magic
        Files.write(images, bytes);
        assertOneLineError(run("evaluate", "--model", model.toString(), "--data-dir", corrupt.toString()),
                "t10k-images-idx3-ubyte");

        Path truncated = smallDataset("truncated");
        Path timages = truncated.resolve("t10k-images-idx3-ubyte");
        byte[] tb = Files.readAllBytes(timages);
        Files.write(timages, Arrays.copyOf(tb, tb.length - 1000));
        assertOneLineError(run("evaluate", "--model", model.toString(), "--data-dir", truncated.toString()), "truncated");

        Path mismatched = smallDataset("mismatched");
        IdxWriter.writeDataset(dir.resolve("other"), "t10k", TestData.mnistTest().limit(250), false);
        Files.copy(dir.resolve("other").resolve("t10k-labels-idx1-ubyte"), mismatched.resolve("t10k-labels-idx1-ubyte"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertOneLineError(run("evaluate", "--model", model.toString(), "--data-dir", mismatched.toString()), "250 labels");
    }

    @Test
    void predictJsonGivesClassNamesAndAnErrorEntryForUnreadableFiles() throws Exception {
        Path images = dir.resolve("images");
        Files.createDirectories(images);
        BufferedImage seven = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = seven.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 300);
        g.setColor(Color.BLACK);
        g.setStroke(new java.awt.BasicStroke(16, java.awt.BasicStroke.CAP_ROUND, java.awt.BasicStroke.JOIN_ROUND));
        g.drawLine(150, 40, 148, 260);
        ImageIO.write(seven, "png", images.resolve("one.png").toFile());
        Files.writeString(images.resolve("notes.txt"), "not an image");
        Files.writeString(images.resolve("broken.png"), "not a png either");

        Run r = run("predict", "--model", model.toString(), "--json", images.toString());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(2, json.size(), "png files only: " + r.out());
        JsonNode broken = json.get(0);
        assertTrue(broken.get("file").asText().endsWith("broken.png"));
        assertTrue(broken.get("error").asText().contains("broken.png"), broken.toString());
        JsonNode one = json.get(1);
        assertEquals("1", one.get("prediction").asText());
        assertEquals(10, one.get("probabilities").size());
        assertTrue(one.get("probabilities").has("7"));
        assertTrue(r.exitCode() != 0, "an unreadable file makes the exit code non-zero");
    }

    @Test
    void badModelsAreOneLineErrors() throws Exception {
        byte[] zip = Files.readAllBytes(model);
        Path truncated = dir.resolve("half.zip");
        Files.write(truncated, Arrays.copyOf(zip, zip.length / 3));
        assertOneLineError(run("info", "--model", truncated.toString()), "half.zip: not a valid model file");

        assertOneLineError(run("info", "--model", "nonexistent-model"), "no model named 'nonexistent-model'");
        Path empty = dir.resolve("empty-dir");
        Files.createDirectories(empty);
        assertOneLineError(run("evaluate", "--model", model.toString(), "--dataset", "no-such-set"), "unknown dataset");
    }

    @Test
    void aModelForAnotherDatasetIsRefused() throws Exception {
        Path letters = dir.resolve("fake-letters");
        Files.createDirectories(letters);
        TestData.mnistFolder(letters, 50, 50);
        Files.writeString(letters.resolve("classes.txt"), String.join("\n", "A B C D E F G H I J".split(" ")));
        assertOneLineError(run("evaluate", "--model", model.toString(), "--data-dir", letters.toString()),
                "trained for another dataset");
    }

    @Test
    void evaluateDrawnLettersReportsUpperAndLowerCaseAlike() throws Exception {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            Run text = run("evaluate", "--model", "models/letters.zip", "--drawn", "--per-class", "2");
            assertEquals(0, text.exitCode(), text.err());
            assertTrue(text.out().matches("(?s).*Upper case: \\d+\\.\\d\\d%.*Lower case: \\d+\\.\\d\\d%.*"), text.out());
            assertTrue(text.out().contains("G/g"), "a row per letter: " + text.out());
            Run json = run("evaluate", "--model", "models/letters.zip", "--drawn", "--per-class", "2", "--json",
                    "--framing", "emnist");
            assertEquals(0, json.exitCode(), json.err());
            JsonNode o = new ObjectMapper().readTree(json.out());
            assertEquals("emnist", o.get("framing").asText());
            assertEquals(52, o.get("perLetter").size());
            assertTrue(o.get("lowerAccuracy").asDouble() > 0.5 && o.get("upperAccuracy").asDouble() > 0.5, json.out());
        } finally {
            java.util.Locale.setDefault(before);
        }
        assertOneLineError(run("evaluate", "--model", "models/letters.zip", "--drawn", "--framing", "wide"), "unknown framing");
        assertOneLineError(run("evaluate", "--model", "models/letters.zip", "--drawn", "--dataset", "letters"), "--drawn");
        assertOneLineError(run("evaluate", "--model", "models/letters.zip", "--framing", "emnist"), "--framing goes with --drawn");
        assertOneLineError(run("evaluate", "--model", "models/mnist.zip", "--drawn"), "does not read letters");
    }

    @Test
    void helpWorksEverywhere() {
        for (String command : new String[]{"fetch", "train", "evaluate", "predict", "info", "bench"}) {
            Run r = run(command, "--help");
            assertEquals(0, r.exitCode(), command);
            assertTrue(r.out().contains("Usage:"), command);
        }
    }
}
