package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.ui.kit.Formats;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.evaluation.Comparison;
import io.handwritingstudio.evaluation.Compatibility;
import io.handwritingstudio.evaluation.EvaluationReport;
import io.handwritingstudio.evaluation.Evaluator;
import io.handwritingstudio.model.TrainedModel;
import javafx.concurrent.Task;

/**
 * Loads a dataset split and runs the model over it, off the JavaFX thread, with progress and cancel; with a second
 * model, runs that one over the same images too and compares the two.
 */
final class EvaluationTask extends Task<EvaluationTask.Outcome> {
    /** The evaluation, and the comparison when a second model was given (else null). */
    record Outcome(EvaluatedSet set, ComparedSet compared) {
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
        if (other != null && Comparison.commonClasses(model.classes(), other.classes()) == null) {
            throw new IllegalArgumentException(differentClasses(model, other));
        }
        updateMessage("Loading " + dataset + " " + split.label() + " images...");
        LabeledImages images = DatasetRepository.createDefault().load(dataset, split, new DownloadListener() {
            @Override public void onProgress(String file, long bytes, long total) {
                if (total > 0) updateProgress(bytes, total);
                updateMessage("Downloading " + file + "...");
            }
            @Override public void onMessage(String message) { updateMessage(message); }
        });
        if (limit > 0) images = images.limit(limit);
        int n = images.size();
        updateMessage("Evaluating " + Formats.count(n, "image", "images") + "...");
        updateProgress(0, n);
        LabeledImages forA = aligned(model, images);
        // B's own labels (it may read more classes); a B that cannot read the dataset is said as it is, without
        // A's "switch dataset" fix
        LabeledImages forB = other == null ? null : Compatibility.align(other, images);
        int passes = other == null ? 1 : 2;
        EvaluationReport report = run(model, forA, 0, passes);
        EvaluatedSet set = new EvaluatedSet(model.displayName(), dataset, split, forA, report);
        if (other == null) return new Outcome(set, null);
        Comparison c = Comparison.across(report, run(other, forB, 1, passes));
        LabeledImages common = c.classes().equals(model.classes()) ? forA : forB;
        EvaluatedSet a = c.a() == report ? set : new EvaluatedSet(model.displayName(), dataset, split, common, c.a());
        return new Outcome(set, new ComparedSet(a, new EvaluatedSet(other.displayName(), dataset, split, common, c.b()), c));
    }

    /** The images labelled in the model's classes, or why the model cannot read them (and which dataset it can). */
    private static LabeledImages aligned(TrainedModel m, LabeledImages images) {
        try {
            return Compatibility.align(m, images);
        } catch (IllegalArgumentException mismatch) {
            throw new Mismatch(mismatch.getMessage(), Compatibility.datasetFor(m));
        }
    }

    /** Two models neither of whose classes contain the other's (digits and letters): nothing to compare them on. */
    static String differentClasses(TrainedModel a, TrainedModel b) {
        return "the models read different classes (" + a.displayName() + ": " + a.classes().size() + ", "
                + b.displayName() + ": " + b.classes().size() + "): compare models whose classes are the same, or "
                + "one's within the other's (digits and digits+letters)";
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
