package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.ui.kit.Formats;
import java.util.Locale;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.data.DatasetCatalog;
import io.handwritingstudio.evaluation.Compatibility;
import io.handwritingstudio.evaluation.EvaluationReport;
import io.handwritingstudio.evaluation.Evaluator;
import io.handwritingstudio.model.TrainedModel;
import javafx.concurrent.Task;

/** Loads a dataset split and runs the model over it, off the JavaFX thread, with progress and cancel. */
final class EvaluationTask extends Task<EvaluatedSet> {
    private final TrainedModel model;
    private final String dataset;
    private final Split split;
    private final int limit;

    /** @param limit how many of the split's first images to evaluate; 0 or less for all */
    EvaluationTask(TrainedModel model, String dataset, Split split, int limit) {
        this.model = model;
        this.dataset = dataset;
        this.split = split;
        this.limit = limit;
    }

    @Override
    protected EvaluatedSet call() throws Exception {
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
            throw new Mismatch(mismatch.getMessage(), datasetFor(model));
        }
        EvaluationReport report = Evaluator.evaluate(model, images, (done, total) -> {
            updateProgress(done, total);
            updateMessage("Evaluated " + Formats.count(done) + " of " + Formats.count(total, "image", "images"));
        }, this::isCancelled);
        return new EvaluatedSet(model.displayName(), dataset, split, images, report);
    }

    /** The model was trained on other classes than the dataset's; {@code fix} names a dataset that fits, or null. */
    static final class Mismatch extends IllegalArgumentException {
        final String fix;

        Mismatch(String message, String fix) {
            super(message);
            this.fix = fix;
        }
    }

    /**
     * A catalogue dataset whose classes are exactly the model's: the one it was trained on, else one that needs no
     * download, else any (reads class lists: background only).
     */
    private static String datasetFor(TrainedModel model) {
        var candidates = new java.util.LinkedHashSet<String>();
        if (model.card() != null && model.card().dataset() != null) candidates.add(model.card().dataset());
        candidates.add(DatasetCatalog.LETTERS);
        candidates.add(DatasetCatalog.MNIST);
        candidates.addAll(DatasetCatalog.names());
        for (String name : candidates) {
            var spec = DatasetCatalog.find(name);
            if (spec.isPresent() && spec.get().classes().equals(model.classes())) return name;
        }
        return null;
    }
}
