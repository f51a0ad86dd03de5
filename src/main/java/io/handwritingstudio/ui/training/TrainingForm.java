package io.handwritingstudio.ui.training;

import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.ui.kit.Formats;
import io.handwritingstudio.ui.kit.NumberSpinners;
import javafx.geometry.HPos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.List;
import java.util.Locale;

/** The hyperparameter form. Defaults give a run of well under a minute, so people can try things. */
final class TrainingForm extends GridPane {
    /** Parsed settings, or the message to show when the form has a mistake. */
    record Result(TrainingSettings settings, String problem) {
    }

    final ComboBox<String> architecture = new ComboBox<>();
    final Spinner<Integer> epochs = NumberSpinners.integer(1, 100, 2);
    final Spinner<Integer> batchSize = NumberSpinners.integer(1, 1024, 64, 16);
    final TextField learningRate = new TextField("0.001");
    final ComboBox<String> optimizer = new ComboBox<>();
    final CheckBox augment = new CheckBox("Augment (shift, rotate, scale)");
    final CheckBox uniformPrior = new CheckBox("Every class equally likely");
    final TextField seed = new TextField("42");
    final TextField trainLimit = new TextField("6000");
    final TextField testLimit = new TextField("2000");
    /** Under the network while the Design tab's layers differ from the preset: that network is the one that trains. */
    final Label designEdited = new Label("edited in the Design tab");

    TrainingForm() {
        setHgap(10);
        setVgap(8);
        getStyleClass().add("training-form");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.LEFT);
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        fields.setMinWidth(120);
        getColumnConstraints().addAll(labels, fields);
        for (Architecture a : Architecture.values()) architecture.getItems().add(a.id());
        architecture.setValue("classic");
        optimizer.getItems().addAll(io.handwritingstudio.model.Optimizer.ids());
        optimizer.setValue(io.handwritingstudio.model.Optimizer.ADAM.id());
        architecture.setId("arch-choice");
        epochs.setId("epochs-spinner");
        batchSize.setId("batch-spinner");
        learningRate.setId("lr-field");
        optimizer.setId("optimizer-choice");
        augment.setId("augment-check");
        uniformPrior.setId("uniform-prior-check");
        seed.setId("seed-field");
        trainLimit.setId("subset-field");
        testLimit.setId("test-subset-field");
        architecture.setTooltip(new Tooltip("The preset the network starts from; change its layers in the Design tab. "
                + "classic: 3 conv layers (fast). strong: 4 conv layers with batch norm (more accurate, slower)"));
        trainLimit.setTooltip(new Tooltip("Train on the first N images only; 0 = the whole training set"));
        testLimit.setTooltip(new Tooltip("Measure test accuracy on the first N test images; 0 = all"));
        uniformPrior.setTooltip(new Tooltip("When training ends, correct for how often each class appears among the "
                + "training images (the letters keep NIST's frequencies: E 5.8 times as often as K), so the model favours "
                + "no class. Checkpoints keep the plain network."));
        architecture.valueProperty().addListener((o, was, is) -> applyDefaults(Architecture.parse(is)));
        int row = 0;
        // the note shares the network's cell: a row of its own would keep its gap while the note is hidden
        addRow(row++, label("Network"), new javafx.scene.layout.VBox(2, architecture, designEdited));
        designEdited.setId("design-edited-note");
        designEdited.getStyleClass().addAll(atlantafx.base.theme.Styles.TEXT_MUTED, atlantafx.base.theme.Styles.TEXT_SMALL);
        designEdited.managedProperty().bind(designEdited.visibleProperty());
        designEdited.setVisible(false);
        addRow(row++, label("Epochs"), epochs);
        addRow(row++, label("Batch size"), batchSize);
        addRow(row++, label("Learning rate"), learningRate);
        addRow(row++, label("Optimizer"), optimizer);
        addRow(row++, label("Seed"), seed);
        addRow(row++, label("Training images"), trainLimit);
        addRow(row++, label("Test images"), testLimit);
        add(augment, 0, row++, 2, 1);
        add(uniformPrior, 0, row, 2, 1);
        for (var n : getChildren()) {
            if (n instanceof javafx.scene.control.Control c && !(n instanceof Label) && !(n instanceof CheckBox)) {
                c.setMaxWidth(Double.MAX_VALUE);
            }
        }
        architecture.setMaxWidth(Double.MAX_VALUE); // in a box with its note, so not among the grid's own controls
    }

    /**
     * Runs {@code edited} after a field that {@link #read} can refuse changes: the number fields (typed text included,
     * before a spinner commits it) and the network, whose defaults replace the learning rate.
     */
    void onEdited(Runnable edited) {
        for (TextField f : List.of(learningRate, seed, trainLimit, testLimit, epochs.getEditor(), batchSize.getEditor())) {
            f.textProperty().addListener((o, was, is) -> edited.run());
        }
        architecture.valueProperty().addListener((o, was, is) -> edited.run());
    }

    private void applyDefaults(Architecture arch) {
        Hyperparameters d = Hyperparameters.defaults(arch);
        learningRate.setText(String.valueOf(d.learningRate()));
        optimizer.setValue(d.optimizer());
        augment.setSelected(d.augment());
    }

    Result read(String dataset) {
        try {
            Architecture arch = Architecture.parse(architecture.getValue());
            double lr = number(learningRate, "Learning rate", Formats.parseDecimal(learningRate.getText()));
            long seedValue = whole(seed, "Seed", Long.MAX_VALUE);
            int train = (int) whole(trainLimit, "Training images", Integer.MAX_VALUE);
            int test = (int) whole(testLimit, "Test images", Integer.MAX_VALUE);
            if (train < 0 || test < 0) return new Result(null, "Image counts cannot be negative (0 means all).");
            if (train > 0 && train < batchSize.getValue()) {
                return new Result(null, "Training images (" + train + ") must be at least one batch ("
                        + batchSize.getValue() + ").");
            }
            Hyperparameters d = Hyperparameters.defaults(arch);
            Hyperparameters hp = new Hyperparameters(arch, epochs.getValue(), batchSize.getValue(), lr,
                    d.lrDecayPerEpoch(), optimizer.getValue(), seedValue, augment.isSelected(), train);
            return new Result(new TrainingSettings(dataset, hp, train, test, null, uniformPrior.isSelected()), null);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            return new Result(null, m.substring(0, 1).toUpperCase(Locale.ROOT) + m.substring(1) + ".");
        }
    }

    private static double number(TextField field, String name, Double n) {
        if (n == null) {
            throw new IllegalArgumentException(name.toLowerCase(Locale.ROOT) + " must be a number, not \""
                    + field.getText().trim() + "\"");
        }
        return n;
    }

    /** A whole number (a seed or an image count): "1.5" or "NaN" was cut to 1 or 0 without a word. */
    private static long whole(TextField field, String name, long most) {
        double n = number(field, name, Formats.parseWhole(field.getText()));
        if (n != Math.rint(n) || Math.abs(n) > most) { // number() already refused NaN and the infinities
            throw new IllegalArgumentException(name.toLowerCase(Locale.ROOT) + " must be a whole number, not \""
                    + field.getText().trim() + "\"");
        }
        return (long) n;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-label");
        return l;
    }
}
