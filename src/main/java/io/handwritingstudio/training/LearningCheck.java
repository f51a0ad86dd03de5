package io.handwritingstudio.training;

import java.util.Locale;

/**
 * Says when a finished run learned nothing, so it is not saved (CLI) or praised (studio) as a model. A run that
 * blew up outright stops earlier ({@link Trainer}); this catches the quiet failures, e.g. Adam at learning rate 10,
 * which settles at a loss of 18 and 9.8% accuracy on ten classes: guessing.
 */
public final class LearningCheck {
    /** At or below this multiple of chance the network is guessing (15% on ten classes, 4% on 36). */
    static final double CHANCE_MULTIPLE = 1.5;

    private LearningCheck() {
    }

    /** Null when the run learned something; else one line saying what went wrong and what to try. */
    public static String problem(TrainingResult result, int classes, double learningRate) {
        if (result.history().isEmpty()) return "no epoch finished: there is nothing to save";
        TrainingObserver.EpochMetrics last = result.history().get(result.history().size() - 1);
        double accuracy = Double.isNaN(last.testAccuracy()) ? last.trainAccuracy() : last.testAccuracy();
        double chance = 1.0 / classes;
        if (accuracy <= CHANCE_MULTIPLE * chance) {
            return String.format(Locale.ROOT, "the network learned nothing: accuracy %.1f%% is chance level (%.1f%% for %d"
                            + " classes) and the loss is %.2f (guessing scores %.2f). Try a lower learning rate than %s",
                    100 * accuracy, 100 * chance, classes, last.meanLoss(), Math.log(classes), learningRate);
        }
        return null;
    }
}
