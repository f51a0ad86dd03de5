package io.handwritingstudio.cli;

import java.util.Locale;
import io.handwritingstudio.data.DatasetCatalog;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.LetterCases;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.evaluation.CharacterParts;
import io.handwritingstudio.evaluation.ClassMetrics;
import io.handwritingstudio.evaluation.Comparison;
import io.handwritingstudio.evaluation.Compatibility;
import io.handwritingstudio.evaluation.EmptySplitException;
import io.handwritingstudio.evaluation.DrawnLetters;
import io.handwritingstudio.evaluation.DrawnLettersReport;
import io.handwritingstudio.inference.Framing;
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
    @Option(names = "--drawn", description = "Instead of a dataset: letters drawn by many synthetic writers (upper and"
            + " lower case, styles no training set holds), rendered and preprocessed as the drawing pad does.")
    boolean drawn;
    @Option(names = "--per-class", defaultValue = "40", paramLabel = "N",
            description = "With --drawn: drawings per letter and case (default: ${DEFAULT-VALUE}).")
    int perClass;
    @Option(names = "--framing", paramLabel = "mnist|emnist", description = "With --drawn: frame the drawings this way"
            + " instead of as the model's training images were.")
    String framing;
    @Option(names = "--seed", defaultValue = "20", description = "With --drawn: which writers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        Usage.require(spec, errors >= 0, "--errors must be 0 or more");
        Usage.require(spec, !drawn || (compare == null && data.dataset == null && data.dataDir == null),
                "--drawn reads drawn letters: it takes no --dataset, --data-dir or --compare");
        Usage.require(spec, perClass >= 1 && perClass <= 10_000, "--per-class must be 1..10000");
        Usage.require(spec, framing == null || drawn, "--framing goes with --drawn");
        Usage.parse(spec, () -> Split.parse(split)); // a typo is a usage error, said before any model or dataset loads
        Framing chosen = framing == null ? null : Usage.parse(spec, () -> Framing.parse(framing));
        TrainedModel model = modelOption.load();
        // B is read and checked before A's evaluation: a missing or refused B is one line at once, not after it
        TrainedModel b = compare == null ? null : ModelOption.load(compare);
        if (b != null) Compatibility.requireComparable(model, b);
        if (drawn) return drawn(model, chosen != null ? chosen : Framing.of(model.card()));
        String datasetName = data.nameOrDir(model.card().dataset() != null ? model.card().dataset() : "mnist");
        LabeledImages images = DatasetOptions.load(datasetName, Split.parse(split));
        try {
            EmptySplitException.require(images, datasetName, Split.parse(split), s -> DatasetOptions.load(datasetName, s));
        } catch (EmptySplitException e) {
            throw e.otherImages() == 0 ? e
                    : new IllegalArgumentException(e.getMessage() + ": evaluate them with --split " + e.other().label(), e);
        }
        ProgressBar bar = ProgressBar.stderr();
        long start = System.nanoTime();
        EvaluationReport report = Evaluator.evaluate(model, framedFor(model, datasetName, images),
                (done, total) -> bar.update("Evaluating", done / (double) total, done + "/" + total), () -> false);
        if (b != null) return compareWith(model, b, datasetName, images, report, bar);
        double seconds = (System.nanoTime() - start) / 1e9;
        bar.reset();
        // stdout is the same for the same model and data on every machine; how long it took goes to stderr
        System.err.printf(Locale.ROOT, "Evaluated %,d images in %.1f s%n", report.size(), seconds);
        LetterCases.Case[] cases = casesOf(datasetName, report);
        if (json) {
            Map<String, Object> o = toJson(model, datasetName, report);
            if (cases != null) o.put("caseAccuracy", caseJson(caseAccuracy(report, cases)));
            CharacterParts.of(report).ifPresent(p -> o.put("parts", PartsOutput.json(p)));
            System.out.println(Json.write(o));
        } else {
            printText(model, datasetName, report, cases);
        }
        return 0;
    }

    /** The case of each image where the dataset knows it: the bundled letters' test split. */
    private LetterCases.Case[] casesOf(String dataset, EvaluationReport report) throws java.io.IOException {
        if (!dataset.equals(DatasetCatalog.LETTERS) || Split.parse(split) != Split.TEST) return null;
        LetterCases.Case[] cases = LetterCases.testSplit();
        return cases.length == report.size() ? cases : null;
    }

    /** Accuracy over the images of one case group. */
    private record CaseAccuracy(String label, double accuracy, int samples) {
    }

    /** Upper case, lower case, and the classes that hold both, in that order. */
    private static List<CaseAccuracy> caseAccuracy(EvaluationReport r, LetterCases.Case[] cases) {
        int[] right = new int[3];
        int[] total = new int[3];
        for (int i = 0; i < cases.length; i++) {
            total[cases[i].ordinal()]++;
            if (r.predicted(i) == r.trueLabel(i)) right[cases[i].ordinal()]++;
        }
        List<CaseAccuracy> list = new java.util.ArrayList<>();
        for (LetterCases.Case c : LetterCases.Case.values()) {
            int k = c.ordinal();
            list.add(new CaseAccuracy(CASE_LABELS[k], right[k] / (double) Math.max(1, total[k]), total[k]));
        }
        return list;
    }

    private static Map<String, Object> caseJson(List<CaseAccuracy> cases) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (CaseAccuracy c : cases) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("accuracy", c.accuracy());
            m.put("samples", c.samples());
            o.put(c.label(), m);
        }
        return o;
    }

    private static final String[] CASE_LABELS = {
            "upper (" + String.join(" ", LetterCases.SPLIT_LETTERS.split("")) + ")",
            "lower (" + String.join(" ", LetterCases.SPLIT_LETTERS.toLowerCase(Locale.ROOT).split("")) + ")",
            "both-case classes"};

    private int drawn(TrainedModel model, Framing framing) {
        ProgressBar bar = ProgressBar.stderr();
        long start = System.nanoTime();
        DrawnLettersReport report = DrawnLetters.evaluate(model, framing, perClass, seed,
                (done, total) -> bar.update("Drawing and reading", done / (double) total, done + "/" + total));
        bar.reset();
        System.err.printf(Locale.ROOT, "Drew and read %,d letters in %.1f s%n", report.size(), (System.nanoTime() - start) / 1e9);
        if (json) System.out.println(Json.write(DrawnOutput.json(model, report, seed)));
        else DrawnOutput.print(model, report, seed);
        return 0;
    }

    private int compareWith(TrainedModel a, TrainedModel b, String dataset, LabeledImages images, EvaluationReport ra,
                            ProgressBar bar) {
        // B reads the dataset in its own classes; the comparison widens the smaller model's to the larger's
        EvaluationReport rb = Evaluator.evaluate(b, framedFor(b, dataset, images),
                (done, total) -> bar.update("Evaluating B", done / (double) total, done + "/" + total), () -> false);
        bar.reset();
        Comparison c = Comparison.across(ra, rb);
        if (json) System.out.println(Json.write(ComparisonOutput.json(a, b, dataset, Split.parse(split).label(), c)));
        else ComparisonOutput.print(a, b, dataset, Split.parse(split).label(), c, errors);
        return 0;
    }

    /** The images as the model's training images were framed; what was done goes to stderr (stdout stays the data). */
    private static LabeledImages framedFor(TrainedModel model, String dataset, LabeledImages images) {
        Compatibility.Framed framed = Compatibility.framedFor(model, dataset, images);
        if (!framed.note().isEmpty()) System.err.println(framed.note());
        return framed.images();
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

    private void printText(TrainedModel model, String dataset, EvaluationReport r, LetterCases.Case[] cases) {
        System.out.printf(Locale.ROOT, "Model %s on %s (%s split, %,d images)%n", model.displayName(), dataset,
                Split.parse(split).label(), r.size());
        System.out.printf(Locale.ROOT, "Accuracy: %.2f%% (%d errors)%n", 100 * r.accuracy(), r.size() - r.correct());
        if (cases != null) {
            for (CaseAccuracy c : caseAccuracy(r, cases)) {
                System.out.printf(Locale.ROOT, "  %-32s %6.2f%% of %,d%n", c.label(), 100 * c.accuracy(), c.samples());
            }
        }
        CharacterParts.of(r).ifPresent(PartsOutput::print);
        System.out.println();
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
