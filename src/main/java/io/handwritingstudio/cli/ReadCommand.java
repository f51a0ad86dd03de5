package io.handwritingstudio.cli;

import io.handwritingstudio.inference.ImageFiles;
import io.handwritingstudio.inference.reading.LineReader;
import io.handwritingstudio.inference.reading.LineReading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code read}: read a whole line of handwriting (a number, a word) in each image file. */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Read the line of handwriting (a number, a word) in each image file (png, jpg, jpeg, bmp, gif);"
                + " folders are searched.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every input was read", "1:some input could not be read (each named on stderr)",
                "2:usage error"})
final class ReadCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    ModelOption modelOption;

    @Option(names = "--json", description = "Print a JSON array, one object per image, with every character's box"
            + " [x, y, w, h], prediction, confidence and probabilities.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        LineReader reader = new LineReader(modelOption.load());
        PredictCommand.Results results = new PredictCommand.Results(json);
        for (Path input : inputs) {
            ImageFiles.Found found = ImageFiles.find(input);
            for (String problem : found.problems()) results.error(input.toString(), problem);
            for (Path file : found.images()) {
                try {
                    results.add(describe(file, reader.read(file)));
                } catch (IOException | IllegalArgumentException e) { // one picture's problem; the others are still read
                    results.error(file.toString(), io.handwritingstudio.files.Failures.sentence(e));
                }
            }
        }
        return results.finish();
    }

    private Map<String, Object> describe(Path file, LineReading reading) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", file.toString());
        row.put("text", reading.text());
        List<Map<String, Object>> characters = new ArrayList<>();
        for (LineReading.Character c : reading.characters()) {
            Map<String, Object> ch = new LinkedHashMap<>();
            ch.put("box", List.of(c.x(), c.y(), c.width(), c.height()));
            ch.put("prediction", c.prediction());
            ch.put("confidence", (double) c.confidence());
            Map<String, Double> probabilities = new LinkedHashMap<>();
            for (int k = 0; k < c.probabilities().length; k++) {
                probabilities.put(c.classes().name(k), (double) c.probabilities()[k]);
            }
            ch.put("probabilities", probabilities);
            characters.add(ch);
        }
        row.put("characters", characters);
        if (reading.isEmpty()) row.put("note", "no ink found: the image looks blank");
        if (!json) printText(file, reading);
        return row;
    }

    /** The text, then each character's confidence: "12 (99.9% 97.0%)". */
    private static void printText(Path file, LineReading reading) {
        if (reading.isEmpty()) {
            System.out.println(file + ": (blank, no ink found)");
            return;
        }
        StringBuilder conf = new StringBuilder();
        for (LineReading.Character c : reading.characters()) {
            if (conf.length() > 0) conf.append(' ');
            conf.append(String.format(Locale.ROOT, "%s %.1f%%", c.prediction(), 100 * c.confidence()));
        }
        System.out.println(file + ": " + reading.text() + "   [" + conf + "]");
    }
}
