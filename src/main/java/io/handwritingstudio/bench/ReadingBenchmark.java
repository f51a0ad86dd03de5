package io.handwritingstudio.bench;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.inference.reading.LineReader;
import io.handwritingstudio.inference.reading.LineScores;
import io.handwritingstudio.inference.reading.SyntheticLines;
import io.handwritingstudio.model.TrainedModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Reading whole lines (issue 19) on generated lines of test-set characters: accuracy for separated characters, whole
 * lines and touching pairs, and the median time per line of six characters (after a warm-up).
 */
public final class ReadingBenchmark {

    public record Result(String model, String set, int lines, double characterAccuracy, double lineAccuracy,
                         int touchingPairs, double touchingAccuracy, double medianMs) {
    }

    private ReadingBenchmark() {
    }

    /** Separated lines, touching lines, then six-character lines for timing; the same seed gives the same lines. */
    public static List<Result> run(String modelName, TrainedModel model, LabeledImages testSet, int lines, long seed,
                                   boolean words) {
        LineReader reader = new LineReader(model);
        List<Result> results = new ArrayList<>();
        SyntheticLines.Options separated = SyntheticLines.Options.separated();
        SyntheticLines.Options touching = SyntheticLines.Options.touching();
        if (words) {
            separated = separated.withSpaces(0.15);
            touching = touching.withSpaces(0.15);
        }
        results.add(result(modelName, "separated", reader, new SyntheticLines(testSet, seed), separated, lines));
        results.add(result(modelName, "touching", reader, new SyntheticLines(testSet, seed + 1), touching, lines));
        SyntheticLines six = new SyntheticLines(testSet, seed + 2);
        LineScores.measure(reader, six, separated.withChars(6, 6), Math.min(50, lines)); // warm-up
        results.add(result(modelName, "six-characters", reader, six, separated.withChars(6, 6), lines));
        return results;
    }

    private static Result result(String modelName, String set, LineReader reader, SyntheticLines lines,
                                 SyntheticLines.Options options, int count) {
        LineScores s = LineScores.measure(reader, lines, options, count);
        double[] ms = s.millis().stream().mapToDouble(Double::doubleValue).toArray();
        return new Result(modelName, set, s.lines(), s.characterAccuracy(), s.lineAccuracy(), s.touchingPairs(),
                s.touchingAccuracy(), Benchmarks.percentile(ms, 50));
    }
}
