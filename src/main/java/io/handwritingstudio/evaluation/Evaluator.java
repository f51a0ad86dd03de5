package io.handwritingstudio.evaluation;

import io.handwritingstudio.inference.Ranking;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.model.TrainedModel;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** Runs a model over a labelled set in batches and builds an {@link EvaluationReport}. */
public final class Evaluator {
    public static final int BATCH = 500;

    /** Progress 0..1 after each batch. */
    public interface Progress {
        void update(int done, int total);
    }

    private Evaluator() {
    }

    public static EvaluationReport evaluate(TrainedModel model, LabeledImages data) {
        return evaluate(model, data, (d, t) -> { }, () -> false);
    }

    /**
     * @throws CancellationException if {@code cancelled} turns true between batches
     * @throws IllegalArgumentException if the model's classes are not the dataset's
     */
    public static EvaluationReport evaluate(TrainedModel model, LabeledImages images, Progress progress,
                                            BooleanSupplier cancelled) {
        LabeledImages data = Compatibility.align(model, images);
        int n = data.size();
        int k = data.classes().size();
        int px = data.pixelsPerImage();
        int[] predicted = new int[n];
        float[] probabilities = new float[n * k];
        float[] buffer = new float[BATCH * px];
        for (int from = 0; from < n; from += BATCH) {
            if (cancelled.getAsBoolean()) throw new CancellationException("evaluation cancelled");
            int count = Math.min(BATCH, n - from);
            for (int i = 0; i < count; i++) data.copyImage(from + i, buffer, i * px);
            float[] batch = count == BATCH ? buffer : java.util.Arrays.copyOf(buffer, count * px);
            float[][] out = model.predict(batch, count);
            for (int i = 0; i < count; i++) {
                System.arraycopy(out[i], 0, probabilities, (from + i) * k, k);
                predicted[from + i] = Ranking.argmax(out[i]);
            }
            progress.update(from + count, n);
        }
        return new EvaluationReport(data.classes(), data.labels(), predicted, probabilities);
    }

}
