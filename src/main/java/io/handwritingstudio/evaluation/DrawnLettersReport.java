package io.handwritingstudio.evaluation;

import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.inference.Framing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model read of the drawn letters ({@link DrawnLetters}): sample {@code n} is symbol
 * {@code symbols[n / perClass]} (the 52 letters, then the digits if the model reads them), its right class
 * {@code classOf[symbol]}, what the model said {@code predicted[n]}.
 */
public record DrawnLettersReport(String symbols, ClassNames classes, Framing framing, int perClass, int[] classOf, int[] predicted) {

    /** A letter (or digit) read as another class, and how often. */
    public record Confusion(char letter, String readAs, int count) {
    }

    public int size() {
        return predicted.length;
    }

    /** Share of the letter's drawings read right. */
    public double accuracy(char letter) {
        int l = symbols.indexOf(letter);
        if (l < 0) throw new IllegalArgumentException("not drawn: " + letter);
        return correct(l) / (double) perClass;
    }

    /** Over all 26 upper-case (or lower-case) letters. */
    public double accuracy(boolean upper) {
        int from = upper ? 0 : 26;
        int right = 0;
        for (int l = from; l < from + 26; l++) right += correct(l);
        return right / (26.0 * perClass);
    }

    /** Over the drawn digits; NaN when the model reads no digits (none were drawn). */
    public double digitAccuracy() {
        if (!hasDigits()) return Double.NaN;
        int right = 0;
        for (int l = 52; l < symbols.length(); l++) right += correct(l);
        return right / ((symbols.length() - 52.0) * perClass);
    }

    public boolean hasDigits() {
        return symbols.length() > 52;
    }

    /** Over all letters, upper and lower case weighed alike. */
    public double accuracy() {
        return (accuracy(true) + accuracy(false)) / 2;
    }

    /** The most frequent misreadings, most frequent first (ties in alphabet order). */
    public List<Confusion> confusions(int limit) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int n = 0; n < predicted.length; n++) {
            int l = n / perClass;
            if (predicted[n] != classOf[l]) counts.merge(symbols.charAt(l) + classes.name(predicted[n]), 1, Integer::sum);
        }
        List<Confusion> list = new ArrayList<>();
        counts.forEach((k, v) -> list.add(new Confusion(k.charAt(0), k.substring(1), v)));
        list.sort(Comparator.comparingInt(Confusion::count).reversed());
        return list.subList(0, Math.min(limit, list.size()));
    }

    private int correct(int letterIndex) {
        int right = 0;
        for (int i = letterIndex * perClass; i < (letterIndex + 1) * perClass; i++) {
            if (predicted[i] == classOf[letterIndex]) right++;
        }
        return right;
    }
}
