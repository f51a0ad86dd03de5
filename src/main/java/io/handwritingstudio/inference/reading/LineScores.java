package io.handwritingstudio.inference.reading;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a reader does on generated lines: characters right (1 - edit distance / length, spaces aside), whole lines
 * right (spaces included), and touching pairs with both characters read right where they are.
 */
public record LineScores(int lines, long characters, long characterErrors, int linesRight, int touchingPairs,
                         int touchingRight, List<Double> millis) {

    public double characterAccuracy() {
        return characters == 0 ? 0 : 1 - characterErrors / (double) characters;
    }

    public double lineAccuracy() {
        return lines == 0 ? 0 : linesRight / (double) lines;
    }

    public double touchingAccuracy() {
        return touchingPairs == 0 ? 0 : touchingRight / (double) touchingPairs;
    }

    /** Reads {@code count} lines from the generator and scores them; also keeps each line's reading time. */
    public static LineScores measure(LineReader reader, SyntheticLines lines, SyntheticLines.Options options, int count) {
        long chars = 0, errors = 0;
        int right = 0, pairs = 0, pairsRight = 0;
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SyntheticLines.Line line = lines.next(options);
            long t0 = System.nanoTime();
            LineReading reading = reader.read(line.image());
            millis.add((System.nanoTime() - t0) / 1e6);
            String truth = line.characters();
            chars += truth.length();
            errors += editDistance(truth, reading.text().replace(" ", ""));
            if (reading.text().equals(line.text())) right++;
            for (int pair : line.touching()) {
                pairs++;
                if (pairRight(line, pair, reading)) pairsRight++;
            }
        }
        return new LineScores(count, chars, errors, right, pairs, pairsRight, millis);
    }

    /** Exactly two characters read inside the pair's span (by box centre), and they are the right two. */
    static boolean pairRight(SyntheticLines.Line line, int pair, LineReading reading) {
        int[] a = line.boxes().get(pair);
        int[] b = line.boxes().get(pair + 1);
        int from = Math.min(a[0], b[0]);
        int to = Math.max(a[0] + a[2], b[0] + b[2]);
        StringBuilder read = new StringBuilder();
        for (LineReading.Character c : reading.characters()) {
            double centre = c.x() + c.width() / 2.0;
            if (centre >= from && centre < to) read.append(c.prediction());
        }
        String truth = line.characters().substring(pair, pair + 2);
        return read.toString().equals(truth);
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
