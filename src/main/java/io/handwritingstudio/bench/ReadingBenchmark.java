package io.handwritingstudio.bench;

import io.handwritingstudio.data.MnistFormat;

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
                         int touchingPairs, double touchingAccuracy, double medianMs, double oneImageMs) {
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
            separated = separated.withSpaces(SyntheticLines.WORD_SPACES);
            touching = touching.withSpaces(SyntheticLines.WORD_SPACES);
        }
        results.add(result(modelName, "separated", reader, new SyntheticLines(testSet, seed), separated, lines));
        results.add(result(modelName, "touching", reader, new SyntheticLines(testSet, seed + 1), touching, lines));
        results.add(timing(modelName, reader, new SyntheticLines(testSet, seed + 2), separated.withChars(6, 6), lines));
        return results;
    }

    private static Result result(String modelName, String set, LineReader reader, SyntheticLines lines,
                                 SyntheticLines.Options options, int count) {
        LineScores s = LineScores.measure(reader, lines, options, count);
        double[] ms = s.millis().stream().mapToDouble(Double::doubleValue).toArray();
        return new Result(modelName, set, s.lines(), s.characterAccuracy(), s.lineAccuracy(), s.touchingPairs(),
                s.touchingAccuracy(), Benchmarks.percentile(ms, 50), 0);
    }

    /**
     * Six-character lines, each followed by one single-image prediction (rounds alternated), so that the ratio of the
     * two medians holds on a busy machine too. Lines are generated before timing; 20 lines warm up first.
     */
    private static Result timing(String modelName, LineReader reader, SyntheticLines lines,
                                 SyntheticLines.Options options, int count) {
        List<SyntheticLines.Line> generated = new ArrayList<>();
        for (int i = 0; i < count + 20; i++) generated.add(lines.next(options));
        float[] one = new float[MnistFormat.PIXELS];
        double[] lineMs = new double[count];
        double[] oneMs = new double[count];
        int right = 0;
        for (int i = 0; i < generated.size(); i++) {
            long t0 = System.nanoTime();
            String text = reader.read(generated.get(i).image()).text();
            long t1 = System.nanoTime();
            reader.model().predictOne(one);
            long t2 = System.nanoTime();
            if (i < 20) continue;
            lineMs[i - 20] = (t1 - t0) / 1e6;
            oneMs[i - 20] = (t2 - t1) / 1e6;
            if (text.equals(generated.get(i).text())) right++;
        }
        return new Result(modelName, "six-characters", count, Double.NaN, right / (double) count, 0, 0,
                Benchmarks.percentile(lineMs, 50), Benchmarks.percentile(oneMs, 50));
    }
}
