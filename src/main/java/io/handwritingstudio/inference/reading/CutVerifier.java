package io.handwritingstudio.inference.reading;

import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.data.EmnistResources;

/**
 * How likely a candidate piece is one whole character rather than a fragment or several touching ones: a logistic
 * model over what the model read (its top two probabilities), the piece's shape for the class read
 * ({@link CharacterShapes}), its size in line heights, and how much ink its cuts run through (a cut between touching
 * characters crosses a thin neck; one through a character crosses its strokes), and {@link WholeCharacters}' log-odds
 * that the piece is one whole character. The model is sure of fragments too
 * (half a 2 reads as a confident 6), so confidence alone cannot choose the cuts. Fitted by {@link CutTraining} on
 * generated lines of MNIST <em>training</em> digits.
 */
final class CutVerifier {
    /**
     * Fitted weights for digit models, one per {@link #features} entry: {@code bench --fit-cuts --lines 900} printed
     * these (with the {@link WholeCharacters} network it trains first), reading with the bundled mnist model after its
     * fine-tune on line pieces ({@link LinePieces}); the weights follow the model whose confidence they weigh.
     */
    static final double[] WEIGHTS = {
            -1.6860, 0.6945, -0.0465, 0.0717, -0.0270, 0.6669, -0.5196,
            1.9393, -0.6255, -0.6585, 0.4164, 0.4155, -0.0985, -0.1486, 0.1111};
    /**
     * For other models (characters, the user's own): the same fit without a network (its weight 0). A network trained
     * on one alphabet misleads on another: with the digits' network, separated letter words fell from 90.4% to 87.6%
     * of characters (docs/BENCHMARKS.md).
     */
    static final double[] WEIGHTS_WITHOUT_NETWORK = {
            -1.8479, 0.3553, -0.0615, -0.0300, -0.0382, 1.4790, -1.2184,
            1.2059, -1.3049, -1.3139, 0.3285, 0.3279, -0.0630, 0.8241, 0};

    private static final ClassNames LETTERS = EmnistResources.classNames("letters");

    /**
     * The {@link WholeCharacters} network for a model's classes: one for digits, one for the letters A-Z (read with the
     * digits' weights, which suit it: docs/BENCHMARKS.md); null for any other set of classes.
     */
    static String networkFor(ClassNames classes) {
        if (ClassNames.digits().equals(classes)) return WholeCharacters.DIGITS;
        if (LETTERS.equals(classes)) return WholeCharacters.LETTERS;
        return null;
    }

    /** The weights for a reader with or without a network: the network's feature is 0-weighted without one. */
    static double[] weights(boolean withNetwork) {
        return withNetwork ? WEIGHTS : WEIGHTS_WITHOUT_NETWORK;
    }

    private static final double LOG_ODDS = 8;

    private CutVerifier() {
    }

    /** The features of piece {@code k} of {@code cuts}; the first is the constant 1 (the bias). */
    static double[] features(Cuts cuts, int k, Piece piece, float[] p, float whole, double lineHeight,
                             ClassNames classes) {
        int top = 0;
        int second = p.length > 1 ? 1 : 0;
        if (p.length > 1 && p[1] > p[0]) { top = 1; second = 0; }
        for (int i = 2; i < p.length; i++) {
            if (p[i] > p[top]) { second = top; top = i; }
            else if (p[i] > p[second]) second = i;
        }
        double z = classes == null ? 0 : CharacterShapes.z(classes, top, piece.width(), piece.height());
        double excess = Math.max(0, Math.abs(z) - 1);
        int[] iv = cuts.intervals.get(k);
        int last = cuts.positions.length - 1;
        double w = piece.width() / lineHeight;
        return new double[] {
                1,
                Math.max(-14, Math.log(p[top] + 1e-6)),
                Math.max(-14, Math.log(p[second] + 1e-6)),
                Math.max(-6, Math.min(6, z)),
                Math.min(36, excess * excess),
                w,
                w * w,
                piece.height() / lineHeight,
                cuts.crossed[iv[0]] / lineHeight,
                cuts.crossed[iv[1]] / lineHeight,
                iv[0] == 0 ? 1 : 0,
                iv[1] == last ? 1 : 0,
                cuts.group.width() / lineHeight,
                piece.width() / (double) Math.max(1, cuts.group.width()),
                logOdds(whole),
        };
    }

    /** {@link WholeCharacters}' answer as log-odds, kept within +-8 (beyond that it adds no information). */
    static double logOdds(float whole) {
        return Math.max(-LOG_ODDS, Math.min(LOG_ODDS, Math.log(whole + 1e-6) - Math.log(1 - whole + 1e-6)));
    }

    static double dot(double[] w, double[] f) {
        double s = 0;
        for (int i = 0; i < f.length; i++) s += w[i] * f[i];
        return s;
    }
}
