package io.handwritingstudio.evaluation;

import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.data.DatasetCatalog;
import io.handwritingstudio.model.TrainedModel;

/** Refuses to pair a model with a dataset whose classes mean something else (a letters model on digits). */
public final class Compatibility {
    private Compatibility() {
    }

    /**
     * The images labelled in the model's class space. A dataset whose classes are a subset of the model's (MNIST
     * for a digits+letters model) is relabelled by class name; anything else is refused.
     */
    public static io.handwritingstudio.data.LabeledImages align(TrainedModel model,
                                                                io.handwritingstudio.data.LabeledImages images) {
        io.handwritingstudio.data.MnistFormat.requireSize(images, "the dataset");
        ClassNames modelClasses = model.classes();
        ClassNames dataClasses = images.classes();
        if (modelClasses.equals(dataClasses)) return images;
        if (fits(model, dataClasses)) {
            int[] map = new int[dataClasses.size()];
            for (int c = 0; c < map.length; c++) map[c] = modelClasses.indexOf(dataClasses.name(c));
            int[] labels = images.labels();
            for (int i = 0; i < labels.length; i++) labels[i] = map[labels[i]];
            return images.withLabels(labels, modelClasses);
        }
        check(model, dataClasses);
        return images;
    }

    /**
     * Refuses two models with nothing to be compared on: neither one's classes contain the other's (digits and
     * letters). Digits and digits+letters are compared in the larger class space ({@link Comparison#across}).
     */
    public static void requireComparable(TrainedModel a, TrainedModel b) {
        if (sameNetwork(a, b)) {
            throw new IllegalArgumentException("model B is the same network as model A (" + a.displayName()
                    + "): every image would get the same answer twice; choose another model to compare with");
        }
        if (Comparison.commonClasses(a.classes(), b.classes()) != null) return;
        throw new IllegalArgumentException("the models read different classes (" + a.displayName() + ": "
                + a.classes().size() + ", " + b.displayName() + ": " + b.classes().size() + "): compare models whose "
                + "classes are the same, or one's within the other's (digits and digits+letters)");
    }

    /** The same weights, bit for bit, and classes: one file chosen twice, or a copy of it under another name. */
    private static boolean sameNetwork(TrainedModel a, TrainedModel b) {
        if (a == b) return true;
        return a.classes().names().equals(b.classes().names())
                && java.util.Objects.equals(a.card().preprocessing(), b.card().preprocessing())
                && java.util.Arrays.equals(a.network().params().toFloatVector(), b.network().params().toFloatVector());
    }

    /** Images as a model gets them, and what was done to them for it ({@code note}: empty when nothing). */
    public record Framed(io.handwritingstudio.data.LabeledImages images, String note) {
    }

    /**
     * The images framed the way the model's training images were. A model trained on MNIST-framed images (mnist,
     * characters, a folder of drawings) reads an EMNIST-framed dataset (letters, emnist-*) re-framed MNIST's way, as
     * the characters dataset gives letters to it: read as EMNIST frames them, the bundled characters model got 74.7%
     * of the letters test split against 91.2% of the same letters in its own test split.
     */
    public static Framed framedFor(TrainedModel model, String datasetName,
                                   io.handwritingstudio.data.LabeledImages images) {
        if (!reframes(model, datasetName)) return new Framed(images, "");
        return new Framed(io.handwritingstudio.data.MnistFraming.apply(images), datasetName + " re-framed MNIST's way "
                + "(longer side 20 px, centre of mass), as model '" + model.displayName() + "' was trained");
    }

    /** Whether {@link #framedFor} re-frames this dataset for this model (as its family was first trained). */
    public static boolean reframes(TrainedModel model, String datasetName) {
        String trainedOn = model.card() == null ? null : model.card().originDataset();
        return DatasetCatalog.emnistFramed(datasetName) && !DatasetCatalog.emnistFramed(trainedOn);
    }

    /** Whether the model reads images of these classes: its own, or a subset of its own (digits for digits+letters). */
    public static boolean fits(TrainedModel model, ClassNames dataClasses) {
        ClassNames modelClasses = model.classes();
        return modelClasses.equals(dataClasses)
                || modelClasses.size() > dataClasses.size() && modelClasses.names().containsAll(dataClasses.names());
    }

    /**
     * A catalogue dataset whose classes are exactly the model's: the one it was trained on, else one that needs no
     * download, else any; null if none (reads class lists: background only).
     */
    public static String datasetFor(TrainedModel model) {
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

    public static void check(TrainedModel model, ClassNames datasetClasses) {
        ClassNames modelClasses = model.classes();
        if (modelClasses.size() != datasetClasses.size()) {
            throw new IllegalArgumentException("model '" + model.displayName() + "' has " + modelClasses.size()
                    + " classes (" + summary(modelClasses) + ") but the dataset has " + datasetClasses.size()
                    + " (" + summary(datasetClasses) + "): it was trained for another dataset");
        }
        if (!modelClasses.equals(datasetClasses)) {
            throw new IllegalArgumentException("model '" + model.displayName() + "' classes (" + summary(modelClasses)
                    + ") are not the dataset's (" + summary(datasetClasses) + "): it was trained for another dataset");
        }
    }

    private static String summary(ClassNames names) {
        return names.size() <= 4 ? String.join(", ", names.names())
                : names.name(0) + ", " + names.name(1) + " ... " + names.name(names.size() - 1);
    }
}
