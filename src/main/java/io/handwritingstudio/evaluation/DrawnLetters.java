package io.handwritingstudio.evaluation;

import io.handwritingstudio.inference.Framing;
import io.handwritingstudio.inference.MnistPreprocessor;
import io.handwritingstudio.inference.Preprocessed;
import io.handwritingstudio.inference.Ranking;
import io.handwritingstudio.inference.sketch.Digits;
import io.handwritingstudio.inference.sketch.HandWriter;
import io.handwritingstudio.inference.sketch.Letters;
import io.handwritingstudio.inference.sketch.StrokeRenderer;
import io.handwritingstudio.model.TrainedModel;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Letters drawn by synthetic writers in styles no training set holds: every letter, upper and lower case, drawn
 * {@code perClass} times by as many seeded writers ({@link HandWriter}, {@link Letters}' variants in turn), rendered
 * as the drawing pad renders its picture and preprocessed as the pad preprocesses it, then read by a model that
 * has the 26 letters among its classes (letters, characters). Case-merged: 'a' is right when the model says A.
 * A model that also reads digits (characters) gets drawn digits too, so letters gained are not digits lost.
 */
public final class DrawnLetters {
    public static final long DEFAULT_SEED = 20;
    /** The pad's recognizer picture: the 320-unit pad at half scale (ui.draw.SketchRasterizer). */
    static final int PICTURE = 160;
    public static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public static final String DIGITS = "0123456789";

    private DrawnLetters() {
    }

    /**
     * Drawing {@code index} of {@code letter} (or digit) (writer {@code index} of that letter's seeded population), as the
     * pad would hand it to the model.
     */
    public static Preprocessed sample(char letter, int index, long seed, MnistPreprocessor preprocessor) {
        List<List<double[][]>> variants = Character.isDigit(letter) ? Digits.ALL.get(letter) : Letters.variants(letter);
        HandWriter writer = HandWriter.number(seed * 131 + letter, index);
        var strokes = writer.draw(variants.get(index % variants.size()));
        BufferedImage picture = StrokeRenderer.render(strokes, PICTURE, PICTURE, PICTURE / HandWriter.CANVAS);
        return preprocessor.preprocess(picture);
    }

    /** Reads {@code perClass} drawings of each of the 52 letters with {@code model}, framed as {@code framing}. */
    public static DrawnLettersReport evaluate(TrainedModel model, Framing framing, int perClass, long seed,
                                              Evaluator.Progress progress) {
        if (perClass < 1) throw new IllegalArgumentException("need at least one drawing per letter");
        String symbols = model.classes().indexOf("0") >= 0 ? ALPHABET + DIGITS : ALPHABET;
        int[] classOf = new int[symbols.length()];
        for (int i = 0; i < symbols.length(); i++) {
            classOf[i] = model.classes().indexOf(String.valueOf(Character.toUpperCase(symbols.charAt(i))));
            if (classOf[i] < 0) {
                throw new IllegalArgumentException("model " + model.displayName() + " does not read letters (its classes: "
                        + String.join(" ", model.classes().names()) + ")");
            }
        }
        MnistPreprocessor preprocessor = new MnistPreprocessor(framing);
        int total = symbols.length() * perClass;
        int[] predicted = new int[total];
        float[] batch = new float[Evaluator.BATCH * Preprocessed.SIZE * Preprocessed.SIZE];
        List<Integer> pending = new ArrayList<>();
        for (int n = 0; n < total; n++) {
            Preprocessed p = sample(symbols.charAt(n / perClass), n % perClass, seed, preprocessor);
            System.arraycopy(p.pixels(), 0, batch, pending.size() * p.pixels().length, p.pixels().length);
            pending.add(n);
            if (pending.size() == Evaluator.BATCH || n == total - 1) {
                float[][] out = model.predict(java.util.Arrays.copyOf(batch, pending.size() * Preprocessed.SIZE * Preprocessed.SIZE), pending.size());
                for (int i = 0; i < out.length; i++) predicted[pending.get(i)] = Ranking.argmax(out[i]);
                pending.clear();
                progress.update(n + 1, total);
            }
        }
        return new DrawnLettersReport(symbols, model.classes(), framing, perClass, classOf, predicted);
    }
}
