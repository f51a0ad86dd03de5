package io.handwritingstudio.cli;

import io.handwritingstudio.inference.ImageFiles;
import io.handwritingstudio.inference.Recognition;
import io.handwritingstudio.inference.Recognizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code predict}: read handwriting in image files (any size, colours, polarity). */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Recognise the character in each image file (png, jpg, jpeg, bmp, gif); folders are searched.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every input was read", "1:some input could not be read (each named on stderr)",
                "2:usage error"})
final class PredictCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    ModelOption modelOption;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array, one object per image.")
    boolean json;
    @Option(names = "--top", defaultValue = "3", description = "How many classes to list per image (text output).")
    int top;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        Usage.require(spec, top >= 1, "--top must be at least 1");
        Recognizer recognizer = new Recognizer(modelOption.load());
        Results results = new Results(json);
        for (Path input : inputs) {
            ImageFiles.Found found = ImageFiles.find(input);
            for (String problem : found.problems()) results.error(input.toString(), problem);
            for (Path file : found.images()) {
                try {
                    results.add(describe(file, recognizer.recognize(file)));
                } catch (IOException e) {
                    results.error(file.toString(), io.handwritingstudio.files.Failures.sentence(e));
                }
            }
        }
        return results.finish();
    }

    private Map<String, Object> describe(Path file, Recognition r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", file.toString());
        if (r.isEmpty()) {
            row.put("prediction", null);
            row.put("confidence", 0.0);
            row.put("note", "no ink found: the image looks blank");
            row.put("probabilities", Map.of());
            if (!json) System.out.println(file + ": (blank, no ink found)");
            return row;
        }
        row.put("prediction", r.prediction());
        row.put("confidence", (double) r.confidence());
        Map<String, Double> probabilities = new LinkedHashMap<>();
        for (int c = 0; c < r.probabilities().length; c++) {
            probabilities.put(r.classes().name(c), (double) r.probabilities()[c]);
        }
        row.put("probabilities", probabilities);
        row.put("inverted", r.input().inverted());
        if (!json) printText(row, probabilities);
        return row;
    }

    private void printText(Map<String, Object> row, Map<String, Double> p) {
        String others = p.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(top).map(e -> String.format(Locale.ROOT, "%s %.1f%%", e.getKey(), 100 * e.getValue()))
                .reduce((a, b) -> a + ", " + b).orElse("");
        System.out.printf(Locale.ROOT, "%s: %s (%.1f%%)   [%s]%n", row.get("file"), row.get("prediction"),
                100 * (Double) row.get("confidence"), others);
    }

    /**
     * Rows for stdout (text as they come, or one JSON array at the end) and errors on stderr, one line each, in both
     * modes; in JSON an unreadable input also gets a row with an {@code error} field. Exit 1 if anything failed.
     */
    static final class Results {
        private final boolean json;
        private final List<Map<String, Object>> rows = new ArrayList<>();
        private int failures;

        Results(boolean json) {
            this.json = json;
        }

        void add(Map<String, Object> row) {
            rows.add(row);
        }

        void error(String file, String message) {
            failures++;
            String line = message.startsWith(file) ? message : file + ": " + message;
            System.err.println("error: " + line);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("file", file);
            row.put("error", line);
            rows.add(row);
        }

        int finish() {
            if (json) System.out.println(Json.write(rows));
            return failures == 0 ? 0 : 1;
        }
    }
}
