package io.handwritingstudio.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handwritingstudio.inference.reading.SyntheticLines;
import io.handwritingstudio.testing.Cli;
import io.handwritingstudio.testing.Cli.Run;
import io.handwritingstudio.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code read} end to end: a generated line in a PNG, blank and broken inputs, text and JSON. */
class ReadCommandTest {
    @TempDir
    Path dir;

    /** A generated line that the bundled model reads right (seeded, so always the same one). */
    private SyntheticLines.Line writeLine(Path file) throws Exception {
        SyntheticLines.Line line = new SyntheticLines(TestData.mnistTest(), 11)
                .next(SyntheticLines.Options.separated().withChars(5, 5));
        ImageIO.write(line.image(), "png", file.toFile());
        return line;
    }

    @Test
    void readsTheLineInAPngAsTextAndJson() throws Exception {
        Path png = dir.resolve("line.png");
        SyntheticLines.Line line = writeLine(png);

        Run text = Cli.run("read", "--model", "mnist", png.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().startsWith(png + ": " + line.text() + "   ["), text.out());

        Run json = Cli.run("read", "--model", "mnist", "--json", png.toString());
        assertEquals(0, json.exitCode(), json.err());
        JsonNode row = new ObjectMapper().readTree(json.out()).get(0);
        assertEquals(png.toString(), row.get("file").asText());
        assertEquals(line.text(), row.get("text").asText());
        JsonNode chars = row.get("characters");
        assertEquals(5, chars.size());
        for (int i = 0; i < 5; i++) {
            JsonNode c = chars.get(i);
            assertEquals(String.valueOf(line.text().charAt(i)), c.get("prediction").asText());
            assertEquals(10, c.get("probabilities").size());
            assertTrue(c.get("confidence").asDouble() > 0.5);
            int[] truth = line.boxes().get(i);
            int x = c.get("box").get(0).asInt();
            int w = c.get("box").get(2).asInt();
            assertTrue(Math.abs(x - truth[0]) <= 3 && Math.abs(w - truth[2]) <= 6,
                    "box " + c.get("box") + " vs ink at " + truth[0] + " width " + truth[2]);
        }
    }

    @Test
    void aBlankImageIsEmptyTextAndABrokenFileIsOneErrorLine() throws Exception {
        Path blank = dir.resolve("blank.png");
        BufferedImage white = new BufferedImage(200, 60, BufferedImage.TYPE_BYTE_GRAY);
        var g = white.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 200, 60);
        g.dispose();
        ImageIO.write(white, "png", blank.toFile());
        Run r = Cli.run("read", "--model", "mnist", "--json", blank.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode row = new ObjectMapper().readTree(r.out()).get(0);
        assertEquals("", row.get("text").asText());
        assertEquals(0, row.get("characters").size());

        Path notImage = dir.resolve("notes.png");
        Files.writeString(notImage, "not a picture");
        Run bad = Cli.run("read", "--model", "mnist", blank.toString(), notImage.toString());
        assertEquals(1, bad.exitCode());
        assertTrue(bad.out().contains(blank + ": (blank, no ink found)"), bad.out());
        assertTrue(bad.lastErrorLine().startsWith("error: " + notImage), bad.err());
        assertFalse(bad.err().contains("\tat "), "no stack trace: " + bad.err());

        Run badJson = Cli.run("read", "--model", "mnist", "--json", notImage.toString());
        assertEquals(1, badJson.exitCode());
        assertTrue(new ObjectMapper().readTree(badJson.out()).get(0).get("error").asText().contains("notes.png"));
    }

    @Test
    void readIsListedInTheHelp() {
        Run r = Cli.run("--help");
        assertTrue(r.out().contains("read"), r.out());
        Run help = Cli.run("read", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--json"), help.out());
    }
}
