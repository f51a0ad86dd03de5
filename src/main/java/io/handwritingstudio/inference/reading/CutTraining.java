package io.handwritingstudio.inference.reading;

import io.handwritingstudio.data.LabeledImages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits {@link CutVerifier}'s weights on generated lines (a third separated, the rest touching) of <em>training</em>
 * characters: every group the reader would cut is cut into its candidate pieces, each labelled by whether it spans one
 * character's columns (overlap over union at least {@link #MATCH}) <em>and</em> the model reads it as that character;
 * the right reading is the best-scoring path made of such pieces. (Without the second condition a well-cut piece the
 * model misreads counts as right, and the fit learns towards readings that are wrong.) A structured perceptron
 * (averaged, on standardised features) moves the weights towards the right reading wherever the best-scoring one
 * differs, so it learns what makes a reading right, not a piece. One perceptron depends on the order and the sample of
 * its lines (refits on halves moved the benchmark by up to 12 pairs), so {@link #BAGS} of them are fitted on bootstrap
 * samples of the groups and their weights averaged. One feature is the answer of {@link WholeCharacters}, a network
 * trained first ({@link #fitAll}) on the pieces of other lines. {@code bench --fit-cuts} runs both and prints the
 * weights.
 */
public final class CutTraining {
    /** A piece whose columns overlap one character's this much (over their union) is that character. */
    static final double MATCH = 0.65;
    static final int EPOCHS = 20;
    /** Perceptrons averaged, each on a bootstrap sample of the groups (seeded, so the weights are reproducible). */
    static final int BAGS = 10;

    private CutTraining() {
    }

    /** One group's candidates: features and label per interval (null features: no ink). */
    record Example(int positions, List<int[]> intervals, double[][] features, boolean[] character) {
    }

    /** Weights for {@link CutVerifier#WEIGHTS} from {@code lines} generated lines of {@code train} (seeded). */
    public static double[] fit(LineReader reader, LabeledImages train, long seed, int lines) {
        return bagged(examples(reader, train, seed, lines), BAGS, seed);
    }

    /** The cut weights and the network that they were fitted with. */
    public record Fitted(double[] weights, WholeCharacters wholeCharacters) {
        /** Writes the network where the reader's jar takes it from ({@link WholeCharacters#DIGITS}). */
        public void saveNetwork(java.nio.file.Path file) throws java.io.IOException {
            wholeCharacters.save(file);
        }
    }

    /**
     * Both steps on lines of {@code train} read by {@code model}: a {@link WholeCharacters} network trained on the pieces
     * of {@code lines} lines (seed {@code seed + 1000}), then the weights fitted with it on {@code lines} other lines
     * ({@code seed}): weights fitted on the network's own training pieces would trust it more than it deserves.
     */
    public static Fitted fitAll(io.handwritingstudio.model.TrainedModel model, LabeledImages train, long seed, int lines) {
        WholeCharacters net = wholeCharacters(new LineReader(model, null), train, seed + 1000, lines, 0);
        return new Fitted(fit(new LineReader(model, net), train, seed, lines), net);
    }

    /**
     * The letters' network: trained as the digits' one ({@link #fitAll}) on lines of words (spaces as {@code bench
     * --read} writes them) of the letters model's training split; letters use the digits' weights.
     */
    public static void fitLettersNetwork(io.handwritingstudio.model.TrainedModel model, LabeledImages train, long seed,
                                         int lines, java.nio.file.Path out) throws java.io.IOException {
        wholeCharacters(new LineReader(model, null), train, seed, lines, SyntheticLines.WORD_SPACES).save(out);
    }

    /** Trains {@link WholeCharacters} on every candidate piece of the groups the reader cuts, labelled as in the fit. */
    static WholeCharacters wholeCharacters(LineReader reader, LabeledImages train, long seed, int lines, double spaces) {
        SyntheticLines gen = new SyntheticLines(train, seed);
        List<float[]> pieces = new ArrayList<>();
        List<Boolean> whole = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            SyntheticLines.Line line = gen.next(options(i).withSpaces(spaces));
            LineReader.Candidates c = reader.candidates(line.image());
            int offset = 0;
            for (Cuts cuts : c.plans()) {
                int n = cuts.intervals.size();
                for (int k = 0; n > 1 && k < n; k++) {
                    Piece p = c.pieces().get(offset + k);
                    if (p == null) continue;
                    pieces.add(p.pixels());
                    whole.add(matches(p, line.boxes(), c.map().scale(), line.characters(), null));
                }
                offset += n;
            }
        }
        return WholeCharacters.train(pieces, whole, seed);
    }

    /** A third of the lines separated, the rest touching. */
    private static SyntheticLines.Options options(int line) {
        return line % 3 == 0 ? SyntheticLines.Options.separated() : SyntheticLines.Options.touching();
    }

    /** The mean of {@code bags} perceptrons' weights, each fitted on a bootstrap sample of the examples. */
    static double[] bagged(List<Example> examples, int bags, long seed) {
        java.util.Random random = new java.util.Random(seed);
        double[] mean = new double[dimension(examples)];
        for (int b = 0; b < bags; b++) {
            List<Example> sample = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) sample.add(examples.get(random.nextInt(examples.size())));
            double[] w = fit(sample);
            for (int j = 0; j < mean.length; j++) mean[j] += w[j] / bags;
        }
        return mean;
    }

    static List<Example> examples(LineReader reader, LabeledImages train, long seed, int lines) {
        SyntheticLines gen = new SyntheticLines(train, seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            SyntheticLines.Line line = gen.next(options(i));
            LineReader.Candidates c = reader.candidates(line.image());
            int scale = c.map().scale();
            double height = c.segmentation().lineHeight();
            int offset = 0;
            for (Cuts cuts : c.plans()) {
                int n = cuts.intervals.size();
                if (n > 1) {
                    double[][] f = new double[n][];
                    boolean[] ok = new boolean[n];
                    for (int k = 0; k < n; k++) {
                        Piece p = c.pieces().get(offset + k);
                        if (p == null) continue;
                        f[k] = CutVerifier.features(cuts, k, p, c.probabilities()[offset + k], c.whole()[offset + k],
                                height, reader.model().classes());
                        float[] pr = c.probabilities()[offset + k];
                        ok[k] = matches(p, line.boxes(), scale, line.characters(), reader.model().classes().name(top(pr)));
                    }
                    out.add(new Example(cuts.positions.length, cuts.intervals, f, ok));
                }
                offset += n;
            }
        }
        return out;
    }

    private static int top(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    /** The piece spans character i's columns and is read as that character ({@code read} null: read as anything). */
    private static boolean matches(Piece p, List<int[]> boxes, int scale, String characters, String read) {
        for (int i = 0; i < boxes.size(); i++) {
            if (read != null && !read.equals(characters.substring(i, i + 1))) continue;
            int[] b = boxes.get(i);
            double l = b[0] / (double) scale;
            double r = (b[0] + b[2]) / (double) scale;
            double inter = Math.min(r, p.right()) - Math.max(l, p.left());
            double union = Math.max(r, p.right()) - Math.min(l, p.left());
            if (inter > 0 && inter / union >= MATCH) return true;
        }
        return false;
    }

    /** The length of the examples' feature vectors. */
    static int dimension(List<Example> examples) {
        for (Example e : examples) for (double[] f : e.features()) if (f != null) return f.length;
        return CutVerifier.WEIGHTS.length;
    }

    static double[] fit(List<Example> examples) {
        int d = dimension(examples);
        double[] mean = new double[d];
        double[] sd = new double[d];
        long count = 0;
        for (Example e : examples) for (double[] f : e.features()) if (f != null) count++;
        for (Example e : examples) for (double[] f : e.features()) if (f != null) for (int j = 1; j < d; j++) mean[j] += f[j] / count;
        for (Example e : examples) for (double[] f : e.features()) if (f != null) for (int j = 1; j < d; j++) sd[j] += Math.pow(f[j] - mean[j], 2) / count;
        for (int j = 1; j < d; j++) sd[j] = Math.max(1e-6, Math.sqrt(sd[j]));
        List<double[][]> x = new ArrayList<>();
        for (Example e : examples) {
            double[][] s = new double[e.features().length][];
            for (int k = 0; k < s.length; k++) {
                double[] f = e.features()[k];
                if (f == null) continue;
                s[k] = new double[d];
                s[k][0] = 1;
                for (int j = 1; j < d; j++) s[k][j] = (f[j] - mean[j]) / sd[j];
            }
            x.add(s);
        }
        double[] w = new double[d];
        double[] sum = new double[d];
        long steps = 0;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int g = 0; g < examples.size(); g++) {
                Example e = examples.get(g);
                double[][] s = x.get(g);
                double[] scores = new double[s.length];
                double[] goldScores = new double[s.length];
                for (int k = 0; k < s.length; k++) {
                    scores[k] = s[k] == null ? Double.NEGATIVE_INFINITY : CutVerifier.dot(w, s[k]);
                    goldScores[k] = e.character()[k] ? scores[k] : Double.NEGATIVE_INFINITY;
                }
                List<Integer> gold = Cuts.best(e.positions(), e.intervals(), goldScores);
                if (!gold.isEmpty()) {
                    List<Integer> guess = Cuts.best(e.positions(), e.intervals(), scores);
                    if (!guess.equals(gold)) {
                        for (int k : gold) for (int j = 0; j < d; j++) w[j] += s[k][j];
                        for (int k : guess) for (int j = 0; j < d; j++) w[j] -= s[k][j];
                    }
                }
                for (int j = 0; j < d; j++) sum[j] += w[j];
                steps++;
            }
        }
        // Averaged, scaled to unit length (only the ranking matters), back to raw features.
        double norm = 0;
        for (int j = 0; j < d; j++) norm += sum[j] * sum[j];
        norm = Math.sqrt(norm);
        double[] raw = new double[d];
        if (norm == 0) return raw;
        raw[0] = sum[0] / norm;
        for (int j = 1; j < d; j++) {
            raw[j] = sum[j] / norm / sd[j];
            raw[0] -= sum[j] / norm * mean[j] / sd[j];
        }
        return raw;
    }
}
