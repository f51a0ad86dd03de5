package io.handwritingstudio.hostile;

import io.handwritingstudio.data.DatasetFetcher;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.data.IdxWriter;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.testing.Cli;
import io.handwritingstudio.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hostile cases that need more than one command: crashes mid-save, a changed cache, signals, divergence. */
class HostileScenariosTest {
    @TempDir
    Path dir;

    /** #13.3: network and card are one file; a stale card beside it or a crashed save's leftover changes nothing. */
    @Test
    void networkAndCardAreOneAtomicFileAndLeftoversOfCrashedSavesGo() throws Exception {
        Path file = dir.resolve("m.zip");
        ModelStore.save(TestData.quickModel().network(), TestData.quickModel().card().withName("first"), file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertTrue(zip.getEntry("handwriting-studio/card.json") != null, "the card is inside the model file");
        }
        // a crash after the model was renamed but before the readable copy was: the copy is stale
        Files.writeString(ModelStore.cardPath(file), "{\"name\": \"stale\", \"classNames\": [\"a\", \"b\"]}");
        assertEquals("first", ModelStore.load(file).card().name());

        Path leftover = dir.resolve(".saving-m.zip-12345.tmp");
        Files.writeString(leftover, "half a model");
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minusSeconds(3600)));
        ModelStore.save(TestData.quickModel().network(), TestData.quickModel().card().withName("second"), file);
        assertFalse(Files.exists(leftover), "a crashed save's temp file is removed by the next save");
        assertEquals("second", ModelStore.load(file).card().name());
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)), "saved with a normal file's permissions");
    }

    /** #13.7: a cached file changed behind our back, size and mtime kept, is caught on load and fetched again. */
    @Test
    void aCachedFileChangedWithoutItsMtimeIsCaughtAndFetchedAgain() throws Exception {
        DatasetRepository repo = new DatasetRepository(new DatasetFetcher(dir.resolve("cache"), false));
        LabeledImages before = repo.load("letters", Split.TEST, DownloadListener.SILENT);
        Path labels = dir.resolve("cache/letters/letters-test-labels-idx1-ubyte.gz");
        FileTime mtime = Files.getLastModifiedTime(labels);
        byte[] bytes = Files.readAllBytes(labels);
        // rewrite the same labels with one changed, same length, same mtime: the stamp alone would trust it
        LabeledImages tampered = before.withLabels(flipFirst(before.labels(), before.classes().size()), before.classes());
        Path scratch = dir.resolve("scratch");
        IdxWriter.writeLabels(scratch, plusOne(tampered.labels()), true);
        byte[] evil = Files.readAllBytes(scratch);
        Files.write(labels, java.util.Arrays.copyOf(evil, bytes.length));
        Files.setLastModifiedTime(labels, mtime);

        List<String> messages = new ArrayList<>();
        LabeledImages after = repo.load("letters", Split.TEST, new DownloadListener() {
            @Override
            public void onMessage(String message) {
                messages.add(message);
            }

            @Override
            public void onProgress(String file, long bytes, long total) {
            }
        });
        assertEquals(before.label(0), after.label(0), "the genuine labels again");
        assertTrue(messages.stream().anyMatch(m -> m.contains("changed since it was verified")), messages.toString());
    }

    private static int[] flipFirst(int[] labels, int classes) {
        labels[0] = (labels[0] + 1) % classes;
        return labels;
    }

    private static int[] plusOne(int[] labels) {
        for (int i = 0; i < labels.length; i++) labels[i]++;
        return labels;
    }

    /** #13.10: Adam at learning rate 10 lands at chance; it is reported and not saved as a model. */
    @Test
    void aRunThatLearnsNothingIsNotSaved() throws Exception {
        Path data = dir.resolve("data");
        TestData.mnistFolder(data, 1_000, 500);
        Path out = dir.resolve("diverged.zip");
        Cli.Run r = Cli.run("train", "--data-dir", data.toString(), "--lr", "10", "--epochs", "1", "--out", out.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.lastErrorLine().contains("learned nothing") || r.lastErrorLine().contains("diverged"), r.err());
        assertFalse(Files.exists(out), "nothing saved");
    }

    /**
     * #13.12 and #13.13 in a real process, as a user runs it: SIGTERM during training prints where the last finished
     * epoch is; a damaged .h5 gives one line, without the HDF5 library's own diagnostics (printed by native code).
     */
    @Test
    void sigtermPrintsTheCheckpointAndHdf5StaysQuiet() throws Exception {
        Path data = dir.resolve("data");
        TestData.mnistFolder(data, 3_000, 200);
        Process train = cli("train", "--data-dir", data.toString(), "--epochs", "50", "--out", dir.resolve("long.zip").toString());
        List<String> err = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(train.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                err.add(line);
                // SIGTERM, as kill sends it (Process.destroy would also close the stream read here)
                if (line.contains("Epoch 1/50:")) new ProcessBuilder("kill", "-TERM", String.valueOf(train.pid())).start().waitFor();
            }
        }
        assertTrue(train.waitFor(60, TimeUnit.SECONDS), "ends after SIGTERM");
        assertTrue(err.stream().anyMatch(l -> l.startsWith("Training cancelled; the last finished epoch is in ")
                && l.contains("checkpoint.zip")), String.join("\n", err));

        byte[] h5 = Files.readAllBytes(TestData.kerasFixtures().resolve("handwritten_digit_recognition_model.h5"));
        Path damaged = dir.resolve("damaged.h5");
        Files.write(damaged, java.util.Arrays.copyOf(h5, h5.length / 3));
        Process info = cli("info", "--model", damaged.toString());
        String stderr = new String(info.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(info.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, info.exitValue(), stderr);
        assertFalse(stderr.contains("HDF5-DIAG"), stderr);
        assertTrue(stderr.strip().lines().reduce((a, b) -> b).orElse("").startsWith("error: damaged.h5: "), stderr);
    }

    private static Process cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dorg.eclipse.deeplearning4j.helpers.disable=false", "-cp", testClassPath(),
                "io.handwritingstudio.Launcher"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Surefire starts tests through a manifest-only jar; the real class path is in this property. */
    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null ? cp : System.getProperty("java.class.path");
    }
}
