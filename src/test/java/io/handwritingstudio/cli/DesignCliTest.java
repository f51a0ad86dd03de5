package io.handwritingstudio.cli;

import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.testing.Cli;
import io.handwritingstudio.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --arch-file}: a learner's own network from a design file, its errors named by layer, its card. */
class DesignCliTest {
    @TempDir
    Path dir;

    @Test
    void aDesignFileTrainsAndItsCardRebuildsIt() throws Exception {
        Path data = dir.resolve("data");
        TestData.mnistFolder(data, 2_000, 500);
        Path design = dir.resolve("mine.json");
        Files.writeString(design, """
                {"layers": [{"type": "conv", "filters": 6, "kernel": 5},
                            {"type": "pool", "kind": "avg"},
                            {"type": "dense", "units": 24, "activation": "tanh"},
                            {"type": "dropout", "rate": 0.25}]}""");
        // saved as mine.zip its card, mine.json, would replace the design: refused before training, design kept
        String written = Files.readString(design);
        Cli.Run clash = Cli.run("train", "--data-dir", data.toString(), "--arch-file", design.toString(),
                "--out", dir.resolve("mine.zip").toString());
        assertTrue(clash.exitCode() != 0, clash.err());
        assertTrue(clash.lastErrorLine().contains("its card would replace mine.json, which is not a model card"), clash.err());
        assertEquals(written, Files.readString(design));
        assertFalse(Files.exists(dir.resolve("mine.zip")));

        Path out = dir.resolve("mine-net.zip");
        Cli.Run r = Cli.run("train", "--data-dir", data.toString(), "--arch-file", design.toString(), "--epochs", "2",
                "--lr", "0.003", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        var card = ModelStore.load(out).card();
        assertEquals("mine", card.architecture());
        assertEquals(4, card.networkDesign().orElseThrow().layers().size());
        assertTrue(card.testAccuracy() > 0.7, "accuracy " + card.testAccuracy());

        Cli.Run info = Cli.run("info", "--model", out.toString());
        assertTrue(info.out().contains("conv 6 5x5 relu") && info.out().contains("24x24x6")
                && info.out().contains("12x12x6") && info.out().contains("output softmax 10"), info.out());

        // the model file itself as the design: its network is rebuilt from its card and trained anew
        Path again = dir.resolve("again.zip");
        Cli.Run retrain = Cli.run("train", "--data-dir", data.toString(), "--arch-file", out.toString(), "--epochs", "1",
                "--lr", "0.003", "--out", again.toString());
        assertEquals(0, retrain.exitCode(), retrain.err());
        assertEquals(card.networkDesign().orElseThrow().layers(), ModelStore.load(again).card().networkDesign().orElseThrow().layers());
        Cli.Run missing = Cli.run("train", "--arch-file", dir.resolve("nowhere.zip").toString(), "--out", again.toString());
        assertEquals(1, missing.exitCode(), missing.err());
        assertTrue(missing.lastErrorLine().contains("nowhere.zip: no model card in or beside it"), missing.err());
    }

    @Test
    void anInvalidDesignIsRefusedAtTheLayerAtFaultBeforeAnyTraining() throws Exception {
        Path design = dir.resolve("bad.json");
        Files.writeString(design, "{\"layers\": [{\"type\": \"dense\", \"units\": 32}, {\"type\": \"conv\", \"filters\": 8}]}");
        Path out = dir.resolve("bad-net.zip");
        Cli.Run r = Cli.run("train", "--arch-file", design.toString(), "--limit", "100", "--out", out.toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.lastErrorLine().contains("layer 2 (conv 8 3x3 relu): needs an image"), r.err());
        assertFalse(Files.exists(out));

        Files.writeString(design, "{\"layers\": [{\"type\": \"conv\", \"filters\": 8, \"kernal\": 3}]}");
        Cli.Run typo = Cli.run("train", "--arch-file", design.toString(), "--out", out.toString());
        assertEquals(1, typo.exitCode());
        assertTrue(typo.lastErrorLine().contains("layer 1 conv: unknown field 'kernal'"), typo.err());
    }
}
