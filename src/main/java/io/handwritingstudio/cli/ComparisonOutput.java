package io.handwritingstudio.cli;

import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.evaluation.Comparison;
import io.handwritingstudio.model.TrainedModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code evaluate --compare}: the comparison of two models as text or JSON. */
final class ComparisonOutput {
    /** JSON lists at most this many disagreements (most confident first); the count is always complete. */
    static final int JSON_DISAGREEMENTS = 500;

    private ComparisonOutput() {
    }

    static Map<String, Object> json(TrainedModel a, TrainedModel b, String dataset, String split, Comparison c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("modelA", a.displayName());
        o.put("modelB", b.displayName());
        o.put("dataset", dataset);
        o.put("split", split);
        o.put("samples", c.size());
        o.put("accuracyA", c.a().accuracy());
        o.put("accuracyB", c.b().accuracy());
        o.put("accuracyDifference", c.accuracyDifference());
        Comparison.Agreement g = c.agreement();
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("bothRight", g.bothRight());
        agreement.put("onlyA", g.onlyA());
        agreement.put("onlyB", g.onlyB());
        agreement.put("bothWrong", g.bothWrong());
        agreement.put("bothWrongSameAnswer", g.bothWrongSameAnswer());
        o.put("agreement", agreement);
        o.put("classNames", c.classes().names());
        Map<String, Object> perClass = new LinkedHashMap<>();
        double[] delta = c.recallDifferences();
        for (int k : c.classesWithImages()) {
            perClass.put(c.classes().name(k), Map.of("recallA", c.a().perClass().get(k).recall(),
                    "recallB", c.b().perClass().get(k).recall(), "difference", delta[k]));
        }
        o.put("perClass", perClass);
        o.put("confusionDifference", c.confusionDifference());
        List<Comparison.Disagreement> all = c.disagreements();
        o.put("disagreementCount", all.size());
        List<Map<String, Object>> rows = new ArrayList<>();
        ClassNames names = c.classes();
        for (Comparison.Disagreement d : all.subList(0, Math.min(JSON_DISAGREEMENTS, all.size()))) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("index", d.index());
            r.put("trueClass", names.name(d.trueClass()));
            r.put("predictionA", names.name(d.predictedA()));
            r.put("confidenceA", (double) d.confidenceA());
            r.put("predictionB", names.name(d.predictedB()));
            r.put("confidenceB", (double) d.confidenceB());
            rows.add(r);
        }
        o.put("disagreements", rows);
        return o;
    }

    static void print(TrainedModel a, TrainedModel b, String dataset, String split, Comparison c, int listed) {
        System.out.printf(Locale.ROOT, "A: %s, B: %s on %s (%s split, %,d images)%n", a.displayName(), b.displayName(),
                dataset, split, c.size());
        System.out.printf(Locale.ROOT, "Accuracy: A %.2f%%, B %.2f%% (B %+.2f points)%n", 100 * c.a().accuracy(),
                100 * c.b().accuracy(), 100 * c.accuracyDifference());
        Comparison.Agreement g = c.agreement();
        System.out.printf(Locale.ROOT, "Both right %,d, only A right %,d, only B right %,d, both wrong %,d (%,d of them"
                + " with the same wrong answer)%n%n", g.bothRight(), g.onlyA(), g.onlyB(), g.bothWrong(), g.bothWrongSameAnswer());
        System.out.printf(Locale.ROOT, "%-8s %9s %9s %9s%n", "class", "recall A", "recall B", "B - A");
        double[] delta = c.recallDifferences();
        for (int k : c.classesWithImages()) {
            System.out.printf(Locale.ROOT, "%-8s %8.2f%% %8.2f%% %+8.2f%n", c.classes().name(k),
                    100 * c.a().perClass().get(k).recall(), 100 * c.b().perClass().get(k).recall(), 100 * delta[k]);
        }
        List<Comparison.Disagreement> all = c.disagreements();
        System.out.printf(Locale.ROOT, "%n%,d disagreements; the most confident (index: true, A says, B says):%n", all.size());
        for (Comparison.Disagreement d : all.subList(0, Math.min(listed, all.size()))) {
            System.out.printf(Locale.ROOT, "  #%d: %s, A %s (%.1f%%)%s, B %s (%.1f%%)%s%n", d.index(),
                    c.classes().name(d.trueClass()), c.classes().name(d.predictedA()), 100 * d.confidenceA(),
                    d.aRight() ? " right" : "", c.classes().name(d.predictedB()), 100 * d.confidenceB(), d.bRight() ? " right" : "");
        }
    }
}
