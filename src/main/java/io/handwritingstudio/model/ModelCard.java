package io.handwritingstudio.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * What a saved model is and how it was made, stored beside it as {@code <name>.json}.
 * Class names are what the model's outputs mean, in output order.
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
        String notes) {

    public static final String PREPROCESSING =
            "28x28 grey, ink bright on dark (MNIST polarity), pixel/255 to [0,1]; custom images: "
                    + "crop to ink, longer side 20 px, centred by centre of mass in 28x28";

    public ModelCard withTestAccuracy(double accuracy) {
        return new ModelCard(name, format, dataset, classNames, architecture, hyperparameters, seed, epochs, accuracy,
                trainingSeconds, preprocessing, inputShape, created, command, notes);
    }

    public ModelCard withName(String newName) {
        return new ModelCard(newName, format, dataset, classNames, architecture, hyperparameters, seed, epochs,
                testAccuracy, trainingSeconds, preprocessing, inputShape, created, command, notes);
    }

    public ModelCard withClassNames(List<String> names) {
        return new ModelCard(name, format, dataset, names, architecture, hyperparameters, seed, epochs,
                testAccuracy, trainingSeconds, preprocessing, inputShape, created, command, notes);
    }
}
