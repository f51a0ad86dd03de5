package io.handwritingstudio.ui.draw;

import io.handwritingstudio.files.Failures;
import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.theme.Styles;

import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.data.UserSamples;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.concurrent.WorkerStateEvent;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "Add to my samples": saves the 28x28 input with the label the user means (the prediction unless they pick
 * another) to {@link UserSamples}, a dataset folder the dataset browser can open. Disk work runs in the background.
 */
final class SampleSaver extends VBox {
    private final StudioContext context;
    private final DrawViewModel vm;
    private final ComboBox<String> label = new ComboBox<>();
    private final Button add = new Button("Add to my samples");
    private final Label count = new Label();
    private final ReadOnlyIntegerWrapper saved = new ReadOnlyIntegerWrapper(-1);
    private final Tooltip where = new Tooltip();
    private boolean userPicked;
    private boolean updating;
    private UserSamples samples;

    SampleSaver(StudioContext context, DrawViewModel vm) {
        super(6);
        this.context = context;
        this.vm = vm;
        getStyleClass().add("draw-saver");
        Label title = new Label("Teach by example");
        title.getStyleClass().add("draw-subtitle");
        label.setId("draw-sample-label");
        label.setPrefWidth(80);
        label.setTooltip(new Tooltip("What you meant to draw (defaults to the prediction)"));
        label.valueProperty().addListener((o, a, b) -> {
            if (!updating) userPicked = true;
        });
        add.setId("draw-add-sample");
        add.setOnAction(e -> save());
        count.setId("draw-sample-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.setTooltip(where);
        Label is = new Label("This is");
        HBox row = new HBox(8, is, label, add);
        row.setAlignment(Pos.CENTER_LEFT);
        Label why = new Label("Saved samples form your own dataset: browse it, evaluate a model on it, or train with it.");
        why.getStyleClass().add(Styles.TEXT_MUTED);
        Texts.wrapping(why);
        why.setMaxWidth(330);
        getChildren().addAll(title, row, count, why);

        vm.readingProperty().addListener((o, a, r) -> onReading(r));
        context.currentModelProperty().addListener((o, a, m) -> useModel(m));
        useModel(context.currentModel());
    }

    /** Samples saved for the current model's classes; -1 until counted. */
    ReadOnlyIntegerProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    private void useModel(ModelHandle model) {
        samples = model == null ? null : UserSamples.forClasses(new ClassNames(model.classNames()));
        setItems(model == null ? java.util.List.of() : model.classNames(), null);
        userPicked = false;
        updateEnabled(vm.readingProperty().get());
        if (samples == null) {
            count.setText("Load a model to save samples");
            return;
        }
        where.setText("Saved as an IDX dataset in " + samples.folder()
                + "\nOpen this folder in Datasets as a custom dataset.");
        UserSamples target = samples;
        Task<Integer> counting = new Task<>() {
            @Override
            protected Integer call() throws Exception {
                return target.count();
            }
        };
        counting.setOnSucceeded(e -> {
            if (target == samples) showCount(counting.getValue());
        });
        counting.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            if (target == samples) count.setText("Your samples folder cannot be read: " + Failures.sentence(counting.getException()));
        });
        context.tasks().run(counting);
    }

    private void setItems(java.util.List<String> names, String value) {
        updating = true;
        try {
            if (!label.getItems().equals(names)) label.getItems().setAll(names);
            label.setValue(value);
        } finally {
            updating = false;
        }
    }

    private void onReading(Reading r) {
        updateEnabled(r);
        if (r == null || r.isBlank()) {
            userPicked = false;
            setItems(label.getItems(), null);
        } else if (!userPicked && r.hasPrediction()) {
            setItems(label.getItems(), r.recognition().prediction());
        }
    }

    private void updateEnabled(Reading r) {
        add.setDisable(samples == null || r == null || r.isBlank());
    }

    private void save() {
        Reading r = vm.readingProperty().get();
        int classIndex = label.getItems().indexOf(label.getValue());
        if (r == null || r.isBlank() || samples == null) return;
        if (classIndex < 0) {
            vm.problemProperty().set("Pick what this is before adding it to your samples.");
            return;
        }
        float[] pixels = r.stages().result().pixels().clone();
        UserSamples target = samples;
        String name = label.getValue();
        Task<Integer> append = new Task<>() {
            @Override
            protected Integer call() throws Exception {
                return target.append(pixels, classIndex);
            }
        };
        add.setDisable(true);
        append.setOnSucceeded(e -> {
            if (target == samples) showCount(append.getValue()); // another model's folder has its own count
            updateEnabled(vm.readingProperty().get());
            context.status().news("Saved a \"" + name + "\" to " + target.folder());
        });
        append.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            updateEnabled(vm.readingProperty().get());
            vm.problemProperty().set("Could not save the sample: " + Failures.sentence(append.getException()));
        });
        context.tasks().run(append);
    }

    private void showCount(int n) {
        saved.set(n);
        count.setText(n == 0 ? "No samples saved yet" : n == 1 ? "1 sample saved" : n + " samples saved");
    }
}
