package io.handwritingstudio.training;

import io.handwritingstudio.inference.Ranking;
import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.MnistFormat;
import io.handwritingstudio.evaluation.Evaluator;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.model.InputLayout;
import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.TrainedModel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One fine-tuning run from start to finish, for the CLI and the studio alike: the prepared network and training
 * request, the scores before, and after training the scores again and the new model's card. "Before" and "after"
 * are measured on the user's held-out samples and on the base model's own test set, whose drop is what the new
 * data made the model forget.
 */
public final class FineTuneSetup {
    /** What the user asked for. {@code replayFraction} is 0 without replay. */
    public record Spec(String parentName, ModelCard parentCard, String userDataset, FineTuning.Trainable trainable,
                       String replayDataset, double replayFraction, int epochs, int batchSize, double learningRate,
                       long seed, boolean augment) {
    }

    /** Accuracy on a set, with its size, so a change reads "62.5% -> 95.0% of 40". */
    public record Score(double accuracy, int images) {
    }

    /** Everything a user is shown at the end. */
    public record Outcome(Score userBefore, Score userAfter, Score originalBefore, Score originalAfter, ModelCard card) {
        /** Points of accuracy lost on the original test set (negative when it improved). */
        public double forgettingPoints() {
            return 100 * (originalBefore.accuracy() - originalAfter.accuracy());
        }
    }

    private final Spec spec;
    private final FineTuning.Prepared prepared;
    private final LabeledImages userTrain;
    private final LabeledImages userTest;
    private final LabeledImages originalTest;
    private final TrainingRequest request;
    private final Score userBefore;
    private final Score originalBefore;

    /**
     * @param base          the parent network with its weights (loaded for training)
     * @param replayTrain   the original training set to replay, or null; any class space, relabelled here
     * @param originalTest  the parent's own test set, to measure forgetting
     */
    public FineTuneSetup(Spec spec, MultiLayerNetwork base, LabeledImages userTrain, LabeledImages userTest,
                         LabeledImages replayTrain, LabeledImages originalTest) {
        this.spec = spec;
        ClassNames baseClasses = new ClassNames(spec.parentCard().classNames());
        requireUsable(userTrain, userTest, baseClasses, replayTrain);
        ClassNames target = FineTuning.extend(baseClasses, userTrain.classes());
        this.prepared = FineTuning.prepare(base, baseClasses, target, spec.trainable(), spec.learningRate(), spec.seed());
        this.userTrain = relabel(userTrain, target);
        this.userTest = relabel(userTest, target);
        this.originalTest = relabel(originalTest, target);
        Hyperparameters hp = new Hyperparameters(Architecture.CLASSIC, spec.epochs(), spec.batchSize(), spec.learningRate(),
                1.0, "adam", spec.seed(), spec.augment(), 0);
        // The child reads as its parent does: the trainer brings every image into that form, and the scores below go
        // through TrainedModel, which applies it by itself.
        BatchSource.Replay replay = replayTrain == null ? null
                : new BatchSource.Replay(relabel(replayTrain, target), spec.replayFraction());
        this.request = TrainingRequest.fineTune(hp, spec.userDataset(), this.userTrain, this.userTest,
                prepared.network(), replay, spec.parentCard().preprocessing());
        TrainedModel before = new TrainedModel(base, spec.parentCard(), InputLayout.FLAT);
        this.userBefore = score(before, this.userTest);
        this.originalBefore = score(before, this.originalTest);
    }

    public TrainingRequest request() {
        return request;
    }

    public FineTuning.Prepared prepared() {
        return prepared;
    }

    /** The scores after a finished run, and the card that says where the new model came from. */
    public Outcome finish(TrainingResult result, String newName, String command) {
        TrainedModel after = new TrainedModel(result.network(), spec.parentCard().withClassNames(prepared.classes().names()),
                InputLayout.FLAT);
        Score userAfter = score(after, userTest);
        Score originalAfter = score(after, originalTest);
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("parent", spec.parentName());
        lineage.put("parentDataset", spec.parentCard().dataset());
        lineage.put("originDataset", spec.parentCard().originDataset()); // grandchildren too know their framing
        lineage.put("data", spec.userDataset());
        lineage.put("trained", spec.trainable().name().toLowerCase(Locale.ROOT));
        lineage.put("frozenLayers", prepared.frozenThrough() + 1);
        if (spec.replayDataset() != null) lineage.put("replay", spec.replayDataset() + ":" + spec.replayFraction());
        lineage.put("newClasses", prepared.newClasses());
        lineage.put("userAccuracyBefore", userBefore.accuracy());
        lineage.put("userAccuracyAfter", userAfter.accuracy());
        lineage.put("originalAccuracyBefore", originalBefore.accuracy());
        lineage.put("originalAccuracyAfter", originalAfter.accuracy());
        ModelCard card = ModelCards.forTraining(request.hyperparameters(), spec.userDataset(), prepared.classes(),
                        result.epochsCompleted(), userAfter.accuracy(), result.trainingSeconds(), command)
                .withName(newName).withLineage(lineage);
        if (spec.parentCard().preprocessing() != null) card = card.withPreprocessing(spec.parentCard().preprocessing());
        if (spec.parentCard().networkDesign().isPresent()) card = card.withDesign(spec.parentCard().networkDesign().get());
        return new Outcome(userBefore, userAfter, originalBefore, originalAfter, card);
    }

    private void requireUsable(LabeledImages train, LabeledImages test, ClassNames baseClasses, LabeledImages replay) {
        if (train.size() == 0) throw new IllegalArgumentException(spec.userDataset() + ": no training images");
        if (test.size() == 0) {
            throw new IllegalArgumentException(spec.userDataset() + ": no held-out images (each class needs at least 2 images"
                    + " so one can be kept for testing)");
        }
        MnistFormat.requireSize(train, spec.userDataset());
        if (train.classes().size() < 2 && replay == null) {
            throw new IllegalArgumentException(spec.userDataset() + " has one class only (" + train.classes().name(0)
                    + "): trained on it alone the model would answer it to everything; mix in the original data (replay,"
                    + " --replay " + (spec.parentCard().dataset() == null ? "mnist" : spec.parentCard().dataset())
                    + ":0.3) or add more classes");
        }
    }

    /** Images labelled by class name into {@code target}'s indices; a class it lacks is an error. */
    static LabeledImages relabel(LabeledImages images, ClassNames target) {
        if (images.classes().equals(target)) return images;
        int[] map = new int[images.classes().size()];
        for (int c = 0; c < map.length; c++) {
            map[c] = target.indexOf(images.classes().name(c));
            if (map[c] < 0) throw new IllegalArgumentException("class '" + images.classes().name(c) + "' is not among "
                    + target.names());
        }
        int[] labels = images.labels();
        for (int i = 0; i < labels.length; i++) labels[i] = map[labels[i]];
        return images.withLabels(labels, target);
    }

    /**
     * Accuracy of {@code model} on images labelled in the target space. The parent model has fewer outputs than
     * there are target classes: its output k is target class k, and images of new classes it can only get wrong.
     */
    private static Score score(TrainedModel model, LabeledImages images) {
        int n = images.size(), right = 0, px = MnistFormat.PIXELS;
        float[] buffer = new float[Math.min(n, Evaluator.BATCH) * px];
        for (int from = 0; from < n; from += Evaluator.BATCH) {
            int count = Math.min(Evaluator.BATCH, n - from);
            for (int i = 0; i < count; i++) images.copyImage(from + i, buffer, i * px);
            float[][] out = model.predict(count * px == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, count * px), count);
            for (int i = 0; i < count; i++) if (Ranking.argmax(out[i]) == images.label(from + i)) right++;
        }
        return new Score(n == 0 ? Double.NaN : right / (double) n, n);
    }

    /** Names and shares for messages: "mnist:0.3" -> ("mnist", 0.3). */
    public static Map.Entry<String, Double> parseReplay(String text) {
        int colon = text.lastIndexOf(':');
        String name = colon < 0 ? text : text.substring(0, colon);
        double fraction;
        try {
            fraction = colon < 0 ? 0.3 : Double.parseDouble(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--replay takes DATASET:FRACTION, e.g. mnist:0.3");
        }
        if (!(fraction > 0 && fraction <= 0.9)) throw new IllegalArgumentException("the replay fraction must be above 0 and at most 0.9");
        return Map.entry(name, fraction);
    }

    /** The classes a model was trained on, in a message. */
    static String describe(List<String> names) {
        return names.size() <= 6 ? String.join(" ", names) : names.get(0) + " ... " + names.get(names.size() - 1);
    }
}
