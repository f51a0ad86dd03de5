package io.handwritingstudio.cli;

import java.util.Locale;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.evaluation.ClassMetrics;
import io.handwritingstudio.evaluation.Comparison;
import io.handwritingstudio.evaluation.EvaluationReport;
import io.handwritingstudio.evaluation.Evaluator;
import io.handwritingstudio.model.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code evaluate}: accuracy, per-class metrics and the confusion matrix of a model on a dataset split. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a model: accuracy, per-class precision/recall/F1, confusion matrix.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    ModelOption modelOption;
    @Mixin
    DatasetOptions data;
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--split", defaultValue = "test", description = "test or train (default: ${DEFAULT-VALUE}).")
    String split;
    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;
    @Option(names = "--errors", defaultValue = "10", description = "How many of the most confident mistakes to list (text output).")
    int errors;
    @Option(names = "--compare", paramLabel = "MODEL_B", description = "A second model on the same images: both"
            + " accuracies, per-class differences, where they agree and disagree (B minus A).")
    String compare;

    @Override
    public Integer call() throws Exception {
        Usage.require(spec, errors >= 0, "--errors must be 0 or more");
        TrainedModel model = modelOption.load();
        String datasetName = data.nameOrDir(model.card().dataset() != null ? model.card().dataset() : "mnist");
        LabeledImages images = DatasetOptions.load(datasetName, Split.parse(split));
        ProgressBar bar = ProgressBar.stderr();
        long start = System.nanoTime();
        EvaluationReport report = Evaluator.evaluate(model, images,
                (done, total) -> bar.update("Evaluating", done / (double) total, done + "/" + total), () -> false);
        if (compare != null) return compareWith(model, datasetName, images, report, bar);
        double seconds = (System.nanoTime() - start) / 1e9;
        bar.reset();
        // stdout is the same for the same model and data on every machine; how long it took goes to stderr
        System.err.printf(Locale.ROOT, "Evaluated %,d images in %.1f s%n", report.size(), seconds);
        if (json) {
            System.out.println(Json.write(toJson(model, datasetName, report)));
        } else {
            printText(model, datasetName, report);
        }
        return 0;
    }

    private int compareWith(TrainedModel a, String dataset, LabeledImages images, EvaluationReport ra, ProgressBar bar)
            throws Exception {
        TrainedModel b = ModelOption.load(compare);
        if (!a.classes().equals(b.classes())) {
            throw new IllegalArgumentException("the models read different classes (" + a.displayName() + ": "
                    + a.classes().size() + ", " + b.displayName() + ": " + b.classes().size() + "): compare models of the same classes");
        }
        EvaluationReport rb = Evaluator.evaluate(b, images,
                (done, total) -> bar.update("Evaluating B", done / (double) total, done + "/" + total), () -> false);
        bar.reset();
        Comparison c = new Comparison(ra, rb);
        if (json) System.out.println(Json.write(ComparisonOutput.json(a, b, dataset, Split.parse(split).label(), c)));
        else ComparisonOutput.print(a, b, dataset, Split.parse(split).label(), c, errors);
        return 0;
    }

    private Map<String, Object> toJson(TrainedModel model, String dataset, EvaluationReport r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("model", model.displayName());
        o.put("dataset", dataset);
        o.put("split", Split.parse(split).label());
        o.put("samples", r.size());
        o.put("accuracy", r.accuracy());
        o.put("errors", r.size() - r.correct());
        o.put("classNames", r.classes().names());
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (ClassMetrics m : r.perClass()) {
            perClass.put(m.name(), Map.of("precision", m.precision(), "recall", m.recall(), "f1", m.f1(),
                    "support", m.support()));
        }
        o.put("perClass", perClass);
        o.put("confusionMatrix", r.confusionMatrix());
        o.put("predictions", predictionString(r));
        return o;
    }

    /** The predicted class name of every sample, joined: compact and easy to diff against reference outputs. */
    private static Object predictionString(EvaluationReport r) {
        boolean single = r.classes().names().stream().allMatch(n -> n.length() == 1);
        if (!single) return null;
        StringBuilder sb = new StringBuilder(r.size());
        for (int i = 0; i < r.size(); i++) sb.append(r.classes().name(r.predicted(i)));
        return sb.toString();
    }

    private void printText(TrainedModel model, String dataset, EvaluationReport r) {
        System.out.printf(Locale.ROOT, "Model %s on %s (%s split, %,d images)%n", model.displayName(), dataset,
                Split.parse(split).label(), r.size());
        System.out.printf(Locale.ROOT, "Accuracy: %.2f%% (%d errors)%n%n", 100 * r.accuracy(), r.size() - r.correct());
        System.out.printf(Locale.ROOT, "%-8s %9s %9s %9s %8s%n", "class", "precision", "recall", "F1", "support");
        for (ClassMetrics m : r.perClass()) {
            System.out.printf(Locale.ROOT, "%-8s %9.4f %9.4f %9.4f %8d%n", m.name(), m.precision(), m.recall(), m.f1(), m.support());
        }
        System.out.println();
        printMatrix(r);
        List<io.handwritingstudio.evaluation.Misclassification> worst = r.misclassified();
        if (!worst.isEmpty() && errors > 0) {
            System.out.println();
            System.out.println("Most confident mistakes (index: true -> predicted, confidence):");
            worst.stream().limit(errors).forEach(m -> System.out.printf(Locale.ROOT, "  #%d: %s -> %s (%.1f%%)%n", m.index(),
                    r.classes().name(m.trueClass()), r.classes().name(m.predictedClass()), 100 * m.confidence()));
        }
    }

    private static void printMatrix(EvaluationReport r) {
        int[][] cm = r.confusionMatrix();
        if (cm.length > 20) {
            System.out.println("Confusion matrix: " + cm.length + " classes (use --json for the full matrix)");
            return;
        }
        System.out.println("Confusion matrix (rows: true class, columns: predicted):");
        StringBuilder head = new StringBuilder("      ");
        for (int c = 0; c < cm.length; c++) head.append(String.format(Locale.ROOT, "%6s", r.classes().name(c)));
        System.out.println(head);
        for (int t = 0; t < cm.length; t++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%6s", r.classes().name(t)));
            for (int value : cm[t]) row.append(String.format(Locale.ROOT, "%6d", value));
            System.out.println(row);
        }
    }
}
