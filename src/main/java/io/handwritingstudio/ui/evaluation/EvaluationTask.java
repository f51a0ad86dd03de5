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
        if (other != null && !other.classes().equals(model.classes())) {
            throw new IllegalArgumentException("the models read different classes (" + model.displayName() + ": "
                    + model.classes().size() + ", " + other.displayName() + ": " + other.classes().size()
                    + "): compare models of the same classes");
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
        try {
            images = Compatibility.align(model, images);
        } catch (IllegalArgumentException mismatch) {
            throw new Mismatch(mismatch.getMessage(), Compatibility.datasetFor(model));
        }
        int passes = other == null ? 1 : 2;
        EvaluationReport report = run(model, images, 0, passes);
        EvaluatedSet set = new EvaluatedSet(model.displayName(), dataset, split, images, report);
        if (other == null) return new Outcome(set, null);
        EvaluatedSet second = new EvaluatedSet(other.displayName(), dataset, split, images, run(other, images, 1, passes));
        return new Outcome(set, new ComparedSet(set, second, new Comparison(report, second.report())));
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
