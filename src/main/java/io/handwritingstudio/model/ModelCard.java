package io.handwritingstudio.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.handwritingstudio.model.design.NetworkDesign;

import java.util.List;
import java.util.Map;

/**
 * What a saved model is and how it was made, stored inside the model file (and beside it as {@code <name>.json}).
 * Class names are what the model's outputs mean, in output order; the design rebuilds the network.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelCard(
        String name,
        String format,
        String dataset,
        List<String> classNames,
        String architecture,
        Map<String, Object> hyperparameters,
        Long seed,
        Integer epochs,
        Double testAccuracy,
        Double trainingSeconds,
        String preprocessing,
        String inputShape,
        String created,
        String command,
        String notes,
        JsonNode design,
        Map<String, Object> lineage) {

    /** A card without lineage: a model trained from scratch. */
    public ModelCard(String name, String format, String dataset, List<String> classNames, String architecture,
                     Map<String, Object> hyperparameters, Long seed, Integer epochs, Double testAccuracy,
                     Double trainingSeconds, String preprocessing, String inputShape, String created, String command,
                     String notes, JsonNode design) {
        this(name, format, dataset, classNames, architecture, hyperparameters, seed, epochs, testAccuracy,
                trainingSeconds, preprocessing, inputShape, created, command, notes, design, null);
    }

    /** A card without a design (models made before designs were saved: their architecture names a preset). */
    public ModelCard(String name, String format, String dataset, List<String> classNames, String architecture,
                     Map<String, Object> hyperparameters, Long seed, Integer epochs, Double testAccuracy,
                     Double trainingSeconds, String preprocessing, String inputShape, String created, String command,
                     String notes) {
        this(name, format, dataset, classNames, architecture, hyperparameters, seed, epochs, testAccuracy,
                trainingSeconds, preprocessing, inputShape, created, command, notes, null, null);
    }

    /**
     * The dataset the model's family was first trained on: its own, or for a fine-tuned model its first ancestor's
     * (a letters model fine-tuned on a folder of drawings still reads the letters as it learnt them).
     */
    public String originDataset() {
        if (lineage != null) {
            for (String key : new String[]{"originDataset", "parentDataset"}) {
                if (lineage.get(key) instanceof String origin) return origin;
            }
        }
        return dataset;
    }

    /**
     * The design that rebuilds this model's network for retraining: the one saved in the card, else the preset its
     * architecture names; empty for imported models (Keras) whose layers no design describes.
     */
    public java.util.Optional<NetworkDesign> networkDesign() {
        try {
            if (design != null) return java.util.Optional.of(NetworkDesign.fromJson(design));
        } catch (io.handwritingstudio.model.design.DesignException e) {
            return java.util.Optional.empty();
        }
        return io.handwritingstudio.model.design.Designs.preset(architecture == null ? "" : architecture.toLowerCase(java.util.Locale.ROOT));
    }

    /** Where a fine-tuned model came from: parent model, data, what trained, replay, new classes. */
    public ModelCard withLineage(Map<String, Object> newLineage) {
        return new ModelCard(name, format, dataset, classNames, architecture, hyperparameters, seed, epochs,
                testAccuracy, trainingSeconds, preprocessing, inputShape, created, command, notes, design, newLineage);
    }

    public ModelCard withDataset(String newDataset) {
        return new ModelCard(name, format, newDataset, classNames, architecture, hyperparameters, seed, epochs,
                testAccuracy, trainingSeconds, preprocessing, inputShape, created, command, notes, design, lineage);
    }

    public ModelCard withDesign(NetworkDesign newDesign) {
        return new ModelCard(name, format, dataset, classNames, newDesign.name(), hyperparameters, seed, epochs,
                testAccuracy, trainingSeconds, preprocessing, inputShape, created, command, notes, newDesign.toJsonNode(), lineage);
    }

    public static final String PREPROCESSING =
            "28x28 grey, ink bright on dark (MNIST polarity), pixel/255 to [0,1]; custom images: "
                    + "crop to ink, longer side 20 px, centred by centre of mass in 28x28";

    public ModelCard withTestAccuracy(double accuracy) {
        return new ModelCard(name, format, dataset, classNames, architecture, hyperparameters, seed, epochs, accuracy,
                trainingSeconds, preprocessing, inputShape, created, command, notes, design, lineage);
    }

    /** The same card with {@code newPreprocessing}: a fine-tuned model is fed as its parent was. */
    public ModelCard withPreprocessing(String newPreprocessing) {
        return new ModelCard(name, format, dataset, classNames, architecture, hyperparameters, seed, epochs, testAccuracy,
                trainingSeconds, newPreprocessing, inputShape, created, command, notes, design, lineage);
    }

    public ModelCard withName(String newName) {
        return new ModelCard(newName, format, dataset, classNames, architecture, hyperparameters, seed, epochs,
                testAccuracy, trainingSeconds, preprocessing, inputShape, created, command, notes, design, lineage);
    }

    public ModelCard withClassNames(List<String> names) {
        return new ModelCard(name, format, dataset, names, architecture, hyperparameters, seed, epochs,
                testAccuracy, trainingSeconds, preprocessing, inputShape, created, command, notes, design, lineage);
    }
}
