package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.ui.context.DownloadReporter;
import io.handwritingstudio.ui.kit.Formats;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.evaluation.Comparison;
import io.handwritingstudio.evaluation.Compatibility;
import io.handwritingstudio.evaluation.EmptySplitException;
import io.handwritingstudio.evaluation.EvaluationReport;
import io.handwritingstudio.evaluation.Evaluator;
import io.handwritingstudio.model.TrainedModel;
import javafx.concurrent.Task;

/**
 * Loads a dataset split and runs the model over it, off the JavaFX thread, with progress and cancel; with a second
 * model, runs that one over the same images too and compares the two.
 */
final class EvaluationTask extends Task<EvaluationTask.Outcome> {
    /**
     * The evaluation, the comparison when a second model was given (else null), and what was done to the images for
     * a model ({@code note}: "letters re-framed MNIST's way ...", empty when nothing).
     */
    record Outcome(EvaluatedSet set, ComparedSet compared, String note) {
    }

    private final TrainedModel model;
    private final TrainedModel other;
    private final String dataset;
    private final Split split;
    private final int limit;

    /** @param limit how many of the split's first images to evaluate; 0 or less for all */
    EvaluationTask(TrainedModel model, String dataset, Split split, int limit) {
        this(model, null, dataset, split, limit);
    }

    /** @param other a second model to compare with (B; {@code model} is A), or null */
    EvaluationTask(TrainedModel model, TrainedModel other, String dataset, Split split, int limit) {
        this.model = model;
        this.other = other;
        this.dataset = dataset;
        this.split = split;
        this.limit = limit;
    }

    @Override
    protected Outcome call() throws Exception {
        if (other != null) Compatibility.requireComparable(model, other);
        updateMessage("Loading " + dataset + " " + split.label() + " images...");
        // Cancel stops a download or a load too (the fetcher deletes its partial file), not only the evaluation
        LabeledImages images = DatasetRepository.createDefault().load(dataset, split,
                new DownloadReporter("evaluation", this::isCancelled, this::updateProgress, this::updateMessage));
        stopIfCancelled();
        EmptySplitException.require(images, dataset, split, s -> DatasetRepository.createDefault().load(dataset, s, null));
        boolean subset = limit > 0 && limit < images.size();
        if (subset) images = images.limit(limit);
        int n = images.size();
        updateMessage("Evaluating " + Formats.count(n, "image", "images") + "...");
        updateProgress(0, n);
        Compatibility.Framed framedA = Compatibility.framedFor(model, dataset, aligned(model, images));
        LabeledImages forA = framedA.images();
        // B's own labels (it may read more classes); a B that cannot read the dataset is said as it is, without
        // A's "switch dataset" fix
        Compatibility.Framed framedB = other == null ? null
                : Compatibility.framedFor(other, dataset, Compatibility.align(other, images));
        LabeledImages forB = framedB == null ? null : framedB.images();
        stopIfCancelled();
        int passes = other == null ? 1 : 2;
        EvaluationReport report = run(model, forA, 0, passes);
        EvaluatedSet set = new EvaluatedSet(model.displayName(), dataset, split, forA, report, subset);
        if (other == null) return new Outcome(set, null, framedA.note());
        Comparison c = Comparison.across(report, run(other, forB, 1, passes));
        // each set holds the images as its model read them (its framing, the comparison's labels)
        EvaluatedSet a = c.a() == report ? set
                : new EvaluatedSet(model.displayName(), dataset, split, forA.withLabels(labels(c.a()), c.classes()), c.a(),
                        subset);
        EvaluatedSet b = new EvaluatedSet(other.displayName(), dataset, split,
                forB.withLabels(labels(c.b()), c.classes()), c.b(), subset);
        String note = String.join("; ", java.util.stream.Stream.of(framedA.note(), framedB.note())
                .filter(said -> !said.isEmpty()).toList());
        return new Outcome(set, new ComparedSet(a, b, c), note);
    }

    private void stopIfCancelled() {
        if (isCancelled()) throw new java.util.concurrent.CancellationException("evaluation cancelled");
    }

    private static int[] labels(EvaluationReport r) {
        int[] out = new int[r.size()];
        for (int i = 0; i < out.length; i++) out[i] = r.trueLabel(i);
        return out;
    }

    /** The images labelled in the model's classes, or why the model cannot read them (and which dataset it can). */
    private static LabeledImages aligned(TrainedModel m, LabeledImages images) {
        try {
            return Compatibility.align(m, images);
        } catch (IllegalArgumentException mismatch) {
            throw new Mismatch(mismatch.getMessage(), Compatibility.datasetFor(m));
        }
    }

    /** One model over the images; progress counts every pass (pass {@code pass} of {@code passes}). */
    private EvaluationReport run(TrainedModel m, LabeledImages images, int pass, int passes) {
        String who = passes == 1 ? "" : (pass == 0 ? "A: " : "B: ");
        return Evaluator.evaluate(m, images, (done, total) -> {
            updateProgress((long) pass * total + done, (long) passes * total);
            updateMessage((passes == 1 ? "Evaluated " : who + "evaluated ") + Formats.count(done) + " of " + Formats.count(total, "image", "images"));
        }, this::isCancelled);
    }

    /** The model was trained on other classes than the dataset's; {@code fix} names a dataset that fits, or null. */
    static final class Mismatch extends IllegalArgumentException {
        final String fix;

        Mismatch(String message, String fix) {
            super(message);
            this.fix = fix;
        }
    }
}
