package io.handwritingstudio.hostile;

import io.handwritingstudio.data.IdxWriter;
import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.testing.Cli;
import io.handwritingstudio.testing.Cli.Run;
import io.handwritingstudio.testing.TestData;
import io.handwritingstudio.training.TrainingLock;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.handwritingstudio.hostile.HostileFiles.idxHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a hostile or clumsy user hands the command line, one row per case: the exit code and the one line on stderr
 * that must say what is wrong. The numbers in the names are the items of issue #13. Every case must end within its
 * time limit (no hang on special files, no gigabytes read for a small file) and print no stack trace.
 */
class HostileInputTest {
    @TempDir
    static Path dir;
    private static Path model;
    private static Path legacyModel;
    private static Path data;

    /** One hostile input: the arguments (built in the temp folder), the exit code, and what stderr must say. */
    record Case(String[] args, int exitCode, String says, String mustNotSay) {
    }

    @BeforeAll
    static void fixtures() throws Exception {
        model = dir.resolve("quick.zip");
        ModelStore.save(TestData.quickModel().network(), TestData.quickModel().card(), model);
        // a model as saved before the card moved inside the zip: DL4J's own format, card beside it
        legacyModel = dir.resolve("legacy/quick.zip");
        Files.createDirectories(legacyModel.getParent());
        ModelSerializer.writeModel(TestData.quickModel().network(), legacyModel.toFile(), false);
        data = dir.resolve("data");
        Files.createDirectories(data);
        TestData.mnistFolder(data, 200, 100);
    }

    static Stream<Named<Case>> cases() throws Exception {
        List<Named<Case>> c = new ArrayList<>();
        String m = model.toString();
        String d = data.toString();

        // 1, 2, 11: --out is checked before any data is loaded or epoch trained
        c.add(row("1 --out x.json would be overwritten by the card", 1, "a model is saved as a .zip file",
                "train", "--data-dir", d, "--out", dir.resolve("x.json").toString()));
        Path beside = Files.createDirectories(dir.resolve("beside"));
        Files.copy(model, beside.resolve("mnist.zip"));
        c.add(row("1 --out models/mnist.json beside mnist.zip", 1, "a model is saved as a .zip file",
                "train", "--data-dir", d, "--out", beside.resolve("mnist.json").toString()));
        c.add(row("2 --out a FIFO", 1, "not a regular file", "train", "--data-dir", d, "--out",
                HostileFiles.fifo(dir.resolve("out-fifo.zip")).toString()));
        c.add(row("2 --out /dev/null", 1, "not a regular file", "train", "--data-dir", d, "--out", "/dev/null"));
        c.add(row("2 --out a folder", 1, "is a folder", "train", "--data-dir", d, "--out",
                Files.createDirectories(dir.resolve("folder.zip")).toString()));
        // a reviewer's read (stop 41): any existing .zip was replaced by the model, a user's archive included
        Path photos = dir.resolve("holiday-photos.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(photos))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("beach.txt"));
            zip.write("sand".getBytes(StandardCharsets.UTF_8));
        }
        c.add(row("2 --out a zip that is not a model", 1, "it exists and is not a model file", "train", "--data-dir", d,
                "--out", photos.toString()));
        Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");
        c.add(row("2 --out under a file, with --checkpoints elsewhere", 1, "notes.txt is not a folder", "train", "--data-dir", d,
                "--checkpoints", dir.resolve("elsewhere").toString(), "--out", notes.resolve("sub/m.zip").toString()));
        Path ownCheckpoints = Files.createDirectories(dir.resolve("own-checkpoints"));
        Files.copy(photos, ownCheckpoints.resolve("checkpoint.zip"));
        c.add(row("2 --checkpoints holding a checkpoint.zip that is not a model", 1, "it exists and is not a model file",
                "train", "--data-dir", d, "--checkpoints", ownCheckpoints.toString(), "--out", dir.resolve("new.zip").toString()));

        // a reviewer's read (stop 40): a FIFO lock file hung train; typos exited 1 after loading data, or said the wrong thing
        Path lockedDir = Files.createDirectories(dir.resolve("locked-checkpoints"));
        HostileFiles.fifo(lockedDir.resolve(".lock"));
        c.add(row("a FIFO named .lock in the checkpoint folder", 1, "is not a regular file", "train", "--data-dir", d,
                "--checkpoints", lockedDir.toString(), "--out", dir.resolve("locked.zip").toString()));
        c.add(row("evaluate --split bogus is a usage error", 2, "unknown split 'bogus'", "evaluate", "--model", m,
                "--split", "bogus"));
        c.add(row("fetch a misspelled dataset is a usage error", 2, "unknown dataset 'mnsit'", "fetch", "mnsit"));
        c.add(row("fine-tune --batch 0 is a usage error before any data", 2, "--batch must be at least 1", "train",
                "--from", m, "--data-dir", d, "--batch", "0", "--out", dir.resolve("tuned.zip").toString()));
        c.add(row("fine-tune --replay mnist:x is a usage error", 2, "--replay takes DATASET:FRACTION", "train",
                "--from", m, "--data-dir", d, "--replay", "mnist:x", "--out", dir.resolve("tuned.zip").toString()));
        c.add(row("train --resume a missing file says so", 1, "no such file or folder", "train", "--data-dir", d,
                "--resume", dir.resolve("typo.zip").toString(), "--out", dir.resolve("resumed.zip").toString()));

        // 4: predict
        c.add(row("4 predict a missing file", 1, "no such file or folder", "predict", "--model", m, dir.resolve("missing.png").toString()));
        c.add(row("4 predict a misspelled folder", 1, "no such file or folder", "predict", "--model", m, dir.resolve("imagse").toString()));
        Path loop = dir.resolve("loop.png");
        Files.createSymbolicLink(loop, loop);
        c.add(row("4 predict a symlink loop", 1, "broken or looping symbolic link", "predict", "--model", m, loop.toString()));
        c.add(row("4 predict an empty folder", 1, "no images found", "predict", "--model", m,
                Files.createDirectories(dir.resolve("empty")).toString()));
        c.add(row("4 predict --json still names errors on stderr", 1, "no such file or folder", "predict", "--json", "--model", m,
                dir.resolve("missing.png").toString()));

        // 5: corrupt weights
        ByteArrayOutputStream thousand = new ByteArrayOutputStream();
        Nd4j.write(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, 1000), new DataOutputStream(thousand));
        c.add(row("5 coefficients.bin with 1,000 parameters", 1, "holds 1000 numbers, but the network's configuration needs",
                "predict", "--model", HostileFiles.withEntry(model, dir.resolve("short-weights.zip"), "coefficients.bin",
                        thousand.toByteArray(), 0).toString(), dir.resolve("x.png").toString()));
        var nan = TestData.quickModel().network().params().dup();
        nan.putScalar(5, Float.NaN);
        ByteArrayOutputStream nanBytes = new ByteArrayOutputStream();
        Nd4j.write(nan, new DataOutputStream(nanBytes));
        c.add(row("5 a network of NaN weights", 1, "holds NaN at position 5", "info", "--model",
                HostileFiles.withEntry(model, dir.resolve("nan.zip"), "coefficients.bin", nanBytes.toByteArray(), 0).toString()));
        c.add(row("5 Keras config with 12 outputs, weights with 10", 1, "configuration and weights do not belong together",
                "info", "--model", kerasWithTwelveOutputs().toString()));

        // 6: fetch a damaged folder
        Path cut = Files.createDirectories(dir.resolve("cut"));
        for (Path f : Files.list(data).toList()) Files.copy(f, cut.resolve(f.getFileName()));
        byte[] img = Files.readAllBytes(cut.resolve("t10k-images-idx3-ubyte"));
        Files.write(cut.resolve("t10k-images-idx3-ubyte"), java.util.Arrays.copyOf(img, img.length - 500));
        c.add(row("6 fetch a truncated folder", 1, "truncated", "fetch", cut.toString()));

        // 8: small files that claim to be huge
        c.add(row("8 model zip with an 8 MB configuration.json", 1, "larger than this network can need", "info", "--model",
                HostileFiles.withEntry(model, dir.resolve("big-config.zip"), "configuration.json", null, 8L << 20).toString()));
        c.add(row("8 model zip with an 8 MB coefficients.bin", 1, "larger than this network can need", "info", "--model",
                HostileFiles.withEntry(model, dir.resolve("big-weights.zip"), "coefficients.bin", null, 8L << 20).toString()));
        Path bombLabels = Files.createDirectories(dir.resolve("bomb-labels"));
        for (Path f : Files.list(data).toList()) Files.copy(f, bombLabels.resolve(f.getFileName()));
        Files.delete(bombLabels.resolve("t10k-labels-idx1-ubyte"));
        HostileFiles.gzipBomb(bombLabels.resolve("t10k-labels-idx1-ubyte.gz"), idxHeader(2049, 2_000_000_000), 1L << 20);
        c.add(row("8 .gz labels claiming two billion labels", 1, "more than the limit", "evaluate", "--model", m, "--data-dir",
                bombLabels.toString()));
        Path tinyHeader = Files.createDirectories(dir.resolve("tiny-header"));
        for (Path f : Files.list(data).toList()) Files.copy(f, tinyHeader.resolve(f.getFileName()));
        Files.write(tinyHeader.resolve("t10k-labels-idx1-ubyte"), concat(idxHeader(2049, 2_000_000), new byte[492]));
        c.add(row("8 500-byte labels file claiming 2,000,000 labels", 1, "truncated: header promises 2000000 labels",
                "evaluate", "--model", m, "--data-dir", tinyHeader.toString()));
        Path blank = Files.createDirectories(dir.resolve("blank-images"));
        for (Path f : Files.list(data).toList()) Files.copy(f, blank.resolve(f.getFileName()));
        Files.delete(blank.resolve("t10k-images-idx3-ubyte"));
        HostileFiles.gzipBomb(blank.resolve("t10k-images-idx3-ubyte.gz"), idxHeader(2051, 2_700_000, 28, 28), 1L << 20);
        c.add(row("8 .gz of 2.7 million blank images", 1, "more than the limit of 268,435,456 bytes", "evaluate", "--model", m,
                "--data-dir", blank.toString()));
        c.add(row("8 a 30000x30000 PNG header", 1, "more than the limit of 80 megapixels", "predict", "--model", m,
                HostileFiles.pngClaiming(dir.resolve("huge.png"), 30_000, 30_000).toString()));

        // 9, 13: special files never hang a command
        Files.deleteIfExists(ModelStore.cardPath(legacyModel));
        HostileFiles.fifo(ModelStore.cardPath(legacyModel));
        c.add(row("9 a FIFO as the model card", 1, "not a regular file", "info", "--model", legacyModel.toString()));
        c.add(row("9 a FIFO as the model", 1, "not a regular file", "info", "--model",
                HostileFiles.fifo(dir.resolve("model-fifo.zip")).toString()));
        Path fifoData = Files.createDirectories(dir.resolve("fifo-data"));
        for (Path f : Files.list(data).toList()) Files.copy(f, fifoData.resolve(f.getFileName()));
        Files.delete(fifoData.resolve("t10k-labels-idx1-ubyte"));
        HostileFiles.fifo(fifoData.resolve("t10k-labels-idx1-ubyte"));
        c.add(row("13 a FIFO as a dataset file", 1, "not a regular file", "evaluate", "--model", m, "--data-dir", fifoData.toString()));

        // 10: nonsense that used to end in exit 0
        Path noTrain = Files.createDirectories(dir.resolve("no-train"));
        TestData.mnistFolder(noTrain, 0, 50);
        c.add(row("10 zero training images", 1, "the training split has no images", "train", "--data-dir", noTrain.toString(),
                "--out", dir.resolve("none.zip").toString()));
        Path checkpoint = checkpoint("classic", 3, TestData.quickModel().card().classNames());
        c.add(row("10 --resume with fewer epochs than done", 2, "already finished 3 epochs", "train", "--data-dir", d,
                "--resume", checkpoint.toString(), "--epochs", "2", "--out", dir.resolve("r.zip").toString()));
        c.add(row("10 --arch strong on a classic checkpoint", 2, "contradicts the checkpoint", "train", "--data-dir", d,
                "--resume", checkpoint.toString(), "--arch", "strong", "--epochs", "5", "--out", dir.resolve("r.zip").toString()));
        c.add(row("10 a card with epochs: -5", 1, "says the model trained -5 epochs", "info", "--model",
                withEpochs(TestData.quickModel().card(), -5).toString()));
        c.add(row("10 --limit -1", 2, "--limit must be 0", "train", "--data-dir", d, "--limit", "-1", "--out", dir.resolve("l.zip").toString()));
        List<String> twice = new ArrayList<>(TestData.quickModel().card().classNames());
        twice.set(9, "1");
        c.add(row("10 duplicate class names", 1, "names class '1' twice", "info", "--model",
                withCardText(cardJson(twice)).toString()));
        Path locked = dir.resolve("locked.zip");
        TrainingLock held = TrainingLock.acquire(locked.resolveSibling("locked.zip.checkpoints"), locked);
        HELD.add(held);
        c.add(row("10 two trainings to one --out", 1, "another training is already writing", "train", "--data-dir", d,
                "--out", locked.toString()));
        c.add(row("10 --dataset and --data-dir together", 2, "give one", "evaluate", "--model", m, "--dataset", "mnist", "--data-dir", d));
        c.add(row("10 bench --iterations 0", 2, "--iterations must be at least 1", "bench", "--iterations", "0"));

        // 13: messages in words
        c.add(row("13 card {}", 1, "lists no class names", "info", "--model", withCardText("{}").toString()));
        c.add(row("13 card null", 1, "is empty (the JSON value null)", "info", "--model", withCardText("null").toString()));
        c.add(row("13 card with a null class name", 1, "empty class name at position 0", "info", "--model",
                withCardText("{\"classNames\": [null, \"1\"]}").toString()));
        c.add(row("13 malformed card", 1, "is not a valid model card", "info", "--model", withCardText("{\"classNames\": [").toString()));
        Path wide = Files.createDirectories(dir.resolve("wide"));
        IdxWriter.writeImages(wide.resolve("train-images-idx3-ubyte"), new byte[4 * 32 * 32], 4, 32, 32, false);
        IdxWriter.writeLabels(wide.resolve("train-labels-idx1-ubyte"), new int[]{0, 1, 2, 3}, false);
        IdxWriter.writeImages(wide.resolve("t10k-images-idx3-ubyte"), new byte[4 * 32 * 32], 4, 32, 32, false);
        IdxWriter.writeLabels(wide.resolve("t10k-labels-idx1-ubyte"), new int[]{0, 1, 2, 9}, false);
        c.add(row("13 a dataset of 32x32 images", 1, "images of 32x32 pixels; the networks read 28x28", "evaluate", "--model", m,
                "--data-dir", wide.toString()));
        Path letters = checkpoint("classic", 1, java.util.stream.IntStream.rangeClosed('A', 'Z').mapToObj(Character::toString).toList());
        c.add(row("13 resuming a 26-class checkpoint on 10 classes", 1, "trained on 26 classes", "train", "--data-dir", d,
                "--resume", letters.toString(), "--epochs", "2", "--out", dir.resolve("r26.zip").toString()));
        // a reviewer's read (stop 41): a bad value in the checkpoint's card was a usage error (2) not naming the file
        Path badCard = checkpoint("classic", 1, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                java.util.Map.of("learningRate", 0));
        c.add(row("13 resuming a checkpoint whose card says learning rate 0", 1, "checkpoint.zip: its card's learning rate",
                "train", "--data-dir", d, "--resume", badCard.toString(), "--epochs", "2", "--out", dir.resolve("rbad.zip").toString()));
        Path dashes = dir.resolve("dashes.png"); // 468 bytes: 3,334 marks, each read as a character before the limit
        java.awt.image.BufferedImage strip = new java.awt.image.BufferedImage(20_000, 12, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D pen = strip.createGraphics();
        pen.setColor(java.awt.Color.WHITE);
        pen.fillRect(0, 0, 20_000, 12);
        pen.setColor(java.awt.Color.BLACK);
        for (int x = 0; x < 20_000; x += 6) pen.fillRect(x, 3, 3, 6);
        pen.dispose();
        javax.imageio.ImageIO.write(strip, "png", dashes.toFile());
        c.add(row("5 read a small picture of thousands of dashes", 1, "3334 separate marks", "read", "--model", m,
                dashes.toString()));
        c.add(row("13 fetch characters --from", 2, "characters is built from mnist and letters", "fetch", "characters",
                "--from", d));
        c.add(row("13 fetch a folder --from", 2, "is a folder, read in place", "fetch", d, "--from", d));
        c.add(row("13 --top -1", 2, "--top must be at least 1", "predict", "--model", m, "--top", "-1", "x.png"));
        c.add(row("13 bench --iterations -5", 2, "--iterations must be at least 1", "bench", "--iterations", "-5"));
        c.add(row("13 --dataset ../../etc", 2, "unknown dataset '../../etc'", "evaluate", "--model", m, "--dataset", "../../etc"));
        c.add(row("13 a truncated .gz", 1, "truncated", "evaluate", "--model", m, "--data-dir", truncatedGz().toString()));
        return c.stream();
    }

    private static final List<TrainingLock> HELD = new ArrayList<>();

    /** A card's words reach the terminal as text: escape codes in them (clear the screen, retitle it) are shown as '?'. */
    @org.junit.jupiter.api.Test
    void aCardsControlCharactersNeverReachTheTerminal() throws Exception {
        ModelCard card = TestData.quickModel().card().withName("\u001b[2Jcleared\u0007");
        Run r = Cli.run("info", "--model", withCardText(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(card)).toString());
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007"), r.out());
        assertTrue(r.out().startsWith("?[2Jcleared?: "), r.out());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void isRefusedInOneLine(Case c) {
        Run r = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> Cli.run(c.args()));
        assertEquals(c.exitCode(), r.exitCode(), "exit code; stderr: " + r.err() + " stdout: " + r.out());
        String line = r.lastErrorLine();
        assertTrue(line.startsWith("error: ") && line.contains(c.says()), "stderr: " + r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception:"), "no stack trace or exception text: " + r.err());
    }

    private static Named<Case> row(String name, int exit, String says, String... args) {
        return Named.of(name, new Case(args, exit, says, null));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The seed's Keras model with its last Dense layer's "units": 10 patched to 12 (same length, valid HDF5). */
    private static Path kerasWithTwelveOutputs() throws Exception {
        byte[] bytes = Files.readAllBytes(TestData.kerasFixtures().resolve("handwritten_digit_recognition_model.h5"));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int last = text.lastIndexOf("\"units\": 10");
        assertTrue(last > 0, "fixture has a 10-unit layer");
        String patched = text.substring(0, last) + "\"units\": 12" + text.substring(last + "\"units\": 10".length());
        Path out = dir.resolve("twelve.h5");
        Files.write(out, patched.getBytes(StandardCharsets.ISO_8859_1));
        return out;
    }

    private static Path checkpoint(String arch, int epochs, List<String> classes) throws Exception {
        return checkpoint(arch, epochs, classes, null);
    }

    private static Path checkpoint(String arch, int epochs, List<String> classes, java.util.Map<String, Object> hyper)
            throws Exception {
        var net = io.handwritingstudio.model.NetworkFactory.create(
                io.handwritingstudio.model.Hyperparameters.defaults(io.handwritingstudio.model.Architecture.parse(arch)),
                classes.size(), 10);
        ModelCard card = new ModelCard("checkpoint", "dl4j", classes.size() == 10 ? "mnist" : "letters", classes, arch,
                hyper, 42L, epochs, null, null, null, "28x28x1", null, null, null);
        Path file = Files.createTempDirectory(dir, "ckpt").resolve("checkpoint.zip");
        ModelStore.save(net, card, file);
        return file;
    }

    private static String cardJson(List<String> classes) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                TestData.quickModel().card().withName("dup").withClassNames(classes));
    }

    private static Path withEpochs(ModelCard c, int epochs) throws Exception {
        ModelCard card = new ModelCard(c.name(), c.format(), c.dataset(), c.classNames(), c.architecture(),
                c.hyperparameters(), c.seed(), epochs, c.testAccuracy(), c.trainingSeconds(), c.preprocessing(),
                c.inputShape(), c.created(), c.command(), c.notes());
        return withCardText(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(card));
    }

    private static int cards;

    /** A copy of the quick model whose card inside the zip is {@code json}. */
    private static Path withCardText(String json) throws Exception {
        return HostileFiles.withEntry(model, dir.resolve("card-" + (cards++) + ".zip"), "handwriting-studio/card.json",
                json.getBytes(StandardCharsets.UTF_8), 0);
    }

    private static Path truncatedGz() throws Exception {
        Path cutGz = Files.createDirectories(dir.resolve("cut-gz"));
        TestData.mnistFolder(cutGz, 200, 100, true);
        Path labels = cutGz.resolve("t10k-labels-idx1-ubyte.gz");
        byte[] b = Files.readAllBytes(labels);
        Files.write(labels, java.util.Arrays.copyOf(b, 20));
        return cutGz;
    }
}
