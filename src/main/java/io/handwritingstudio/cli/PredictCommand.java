package io.handwritingstudio.cli;

import java.util.Locale;
import io.handwritingstudio.inference.ImageFiles;
import io.handwritingstudio.inference.Recognition;
import io.handwritingstudio.inference.Recognizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code predict}: read handwriting in image files (any size, colours, polarity). */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Recognise the character in each image file (png, jpg, jpeg, bmp, gif); folders are searched.")
final class PredictCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    ModelOption modelOption;

    @Option(names = "--json", description = "Print a JSON array, one object per image.")
    boolean json;
    @Option(names = "--top", defaultValue = "3", description = "How many classes to list per image (text output).")
    int top;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        Recognizer recognizer = new Recognizer(modelOption.load());
        List<Map<String, Object>> results = new ArrayList<>();
        int failures = 0;
        for (Path input : inputs) {
            for (Path file : files(input, results)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("file", file.toString());
                try {
                    describe(recognizer.recognize(file), row);
                } catch (IOException e) {
                    row.put("error", e.getMessage());
                    failures++;
                }
                results.add(row);
                if (!json) printText(row);
            }
        }
        if (json) System.out.println(Json.write(results));
        return failures == 0 ? 0 : 1;
    }

    private List<Path> files(Path input, List<Map<String, Object>> results) {
        try {
            return ImageFiles.findImages(input);
        } catch (IOException e) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", input.toString());
            row.put("error", input + ": " + (e.getMessage() == null ? "cannot be read" : e.getMessage()));
            if (!json) printText(row);
            results.add(row);
            return List.of();
        }
    }

    private static void describe(Recognition r, Map<String, Object> row) {
        if (r.isEmpty()) {
            row.put("prediction", null);
            row.put("confidence", 0.0);
            row.put("note", "no ink found: the image looks blank");
            row.put("probabilities", Map.of());
            return;
        }
        row.put("prediction", r.prediction());
        row.put("confidence", (double) r.confidence());
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int c = 0; c < r.probabilities().length; c++) {
            probabilities.put(r.classes().name(c), (double) r.probabilities()[c]);
        }
        row.put("probabilities", probabilities);
        row.put("inverted", r.input().inverted());
    }

    @SuppressWarnings("unchecked")
    private void printText(Map<String, Object> row) {
        if (row.containsKey("error")) {
            System.out.println(row.get("file") + ": error: " + row.get("error"));
            return;
        }
        if (row.get("prediction") == null) {
            System.out.println(row.get("file") + ": (blank, no ink found)");
            return;
        }
        Map<String, Double> p = (Map<String, Double>) row.get("probabilities");
        String others = p.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(top).map(e -> String.format(Locale.ROOT, "%s %.1f%%", e.getKey(), 100 * e.getValue()))
                .reduce((a, b) -> a + ", " + b).orElse("");
        System.out.printf(Locale.ROOT, "%s: %s (%.1f%%)   [%s]%n", row.get("file"), row.get("prediction"),
                100 * (Double) row.get("confidence"), others);
    }
}
