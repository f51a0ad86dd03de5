package io.handwritingstudio.ui.training;

import io.handwritingstudio.ui.kit.Texts;
import io.handwritingstudio.ui.kit.ExplainNote;

import io.handwritingstudio.ui.kit.Formats;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.training.FineTuning;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.kit.NumberSpinners;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;

/**
 * The training view's "Fine-tune" mode: a switch between training from scratch and fine-tuning, the fine-tuning
 * settings (start model, data, what trains, replay, epochs) and, after a run, before → after and the new model.
 * The view keeps its Start/Pause/Stop buttons and charts; this panel only adds what fine-tuning needs.
 */
final class FineTunePanel {
    private final StudioContext context;
    private final FineTuneViewModel model;
    private final ToggleButton scratch = new ToggleButton("From scratch");
    private final ToggleButton fine = new ToggleButton("Fine-tune");
    private final VBox settings;
    private final VBox results;

    FineTunePanel(StudioContext context, TrainingController controller) {
        this.context = context;
        this.model = new FineTuneViewModel(context, controller, DatasetRepository.createDefault());
        ToggleGroup modes = new ToggleGroup();
        scratch.setToggleGroup(modes);
        fine.setToggleGroup(modes);
        scratch.setId("mode-scratch");
        fine.setId("mode-finetune");
        scratch.setSelected(true);
        modes.selectedToggleProperty().addListener((o, was, is) -> {
            if (is == null) was.setSelected(true); // one mode is always chosen
        });
        settings = buildSettings();
        results = buildResults();
        settings.visibleProperty().bind(fine.selectedProperty());
        settings.managedProperty().bind(settings.visibleProperty());
        results.visibleProperty().bind(fine.selectedProperty().and(model.outcomeProperty().isNotNull()
                .or(model.problemProperty().isNotEmpty()).or(model.notesProperty().isNotEmpty())
                .or(model.preparingProperty())));
        results.managedProperty().bind(results.visibleProperty());
        // the outcome and any problem appear below the buttons: bring them into view in a scrolled column
        model.outcomeProperty().addListener((o, was, is) -> revealResults());
        model.problemProperty().addListener((o, was, is) -> revealResults());
    }

    private void revealResults() {
        javafx.application.Platform.runLater(() -> {
            for (javafx.scene.Parent p = results.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane scroll) {
                    scroll.layout();
                    scroll.setVvalue(scroll.getVmax());
                    return;
                }
            }
        });
    }

    FineTuneViewModel viewModel() { return model; }
    /** True in fine-tune mode. */
    BooleanProperty activeProperty() { return fine.selectedProperty(); }
    boolean isActive() { return fine.isSelected(); }
    /** In fine-tune mode, Start waits for a model and for any preparation to end. */
    BooleanExpression blocksStart() { return fine.selectedProperty().and(model.canStartProperty().not()); }

    Node modeSwitch() {
        scratch.getStyleClass().add("left-pill");
        fine.getStyleClass().add("right-pill");
        for (ToggleButton b : new ToggleButton[] {scratch, fine}) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
        }
        return new HBox(scratch, fine);
    }

    Node settings() { return settings; }
    Node results() { return results; }

    private VBox buildSettings() {
        Label title = Texts.title("Fine-tune a trained model");
        Label from = new Label();
        from.setId("finetune-parent");
        Texts.wrapping(from);
        from.textProperty().bind(Bindings.createStringBinding(() -> "Start from: " + (model.parentFileProperty().get() != null
                ? model.parentFileProperty().get().getFileName().toString()
                : context.currentModel() == null ? "no model yet" : context.currentModel().name()),
                model.parentFileProperty(), context.currentModelProperty()));
        Button file = small("Model file…", "finetune-parent-file");
        file.setOnAction(e -> chooseParent());
        Button current = small("Current model", "finetune-parent-current");
        current.setOnAction(e -> model.parentFileProperty().set(null));
        current.disableProperty().bind(model.parentFileProperty().isNull());

        ToggleGroup data = new ToggleGroup();
        RadioButton mine = radio("My samples (saved from the pad)", "finetune-my-samples", data);
        RadioButton folder = radio("A folder of class folders", "finetune-folder", data);
        (model.sourceProperty().get() == FineTuneViewModel.Source.FOLDER ? folder : mine).setSelected(true);
        data.selectedToggleProperty().addListener((o, was, is) -> model.sourceProperty().set(
                is == folder ? FineTuneViewModel.Source.FOLDER : FineTuneViewModel.Source.MY_SAMPLES));
        model.sourceProperty().addListener((o, was, is) -> (is == FineTuneViewModel.Source.FOLDER ? folder : mine).setSelected(true));
        Button chooseFolder = small("Choose folder…", "finetune-choose-folder");
        chooseFolder.setOnAction(e -> chooseFolder());
        Label folderName = new Label();
        folderName.setId("finetune-folder-name");
        folderName.getStyleClass().add(Styles.TEXT_MUTED);
        Texts.wrapping(folderName);
        folderName.textProperty().bind(Bindings.createStringBinding(() -> model.folderProperty().get() == null
                ? "e.g. my-digits/7/a.png" : model.folderProperty().get().toString(), model.folderProperty()));

        ToggleGroup what = new ToggleGroup();
        RadioButton head = radio("Classifier head (convolutions frozen)", "finetune-head", what);
        RadioButton all = radio("Every layer, gently", "finetune-all", what);
        (model.trainableProperty().get() == FineTuning.Trainable.ALL ? all : head).setSelected(true);
        what.selectedToggleProperty().addListener((o, was, is) -> model.trainableProperty().set(
                is == all ? FineTuning.Trainable.ALL : FineTuning.Trainable.HEAD));

        Slider replay = new Slider(0, 0.9, model.replayProperty().get());
        replay.setId("finetune-replay");
        replay.setMajorTickUnit(0.1);
        replay.setMinorTickCount(0);
        replay.setSnapToTicks(true);
        replay.valueProperty().bindBidirectional(model.replayProperty());
        Label replayValue = new Label();
        replayValue.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        replayValue.textProperty().bind(Bindings.createStringBinding(() -> Formats.percent(model.replayProperty().get()),
                model.replayProperty()));
        HBox.setHgrow(replay, Priority.ALWAYS);
        HBox replayRow = new HBox(8, replay, replayValue);
        replayRow.setAlignment(Pos.CENTER_LEFT);

        Spinner<Integer> epochs = NumberSpinners.integer(1, 100, model.epochsProperty().get());
        epochs.setId("finetune-epochs");
        epochs.setPrefWidth(90);
        epochs.valueProperty().addListener((o, was, is) -> model.epochsProperty().set(is));
        model.epochsProperty().addListener((o, was, is) -> epochs.getValueFactory().setValue(is.intValue()));
        HBox epochRow = new HBox(8, new Label("Epochs"), epochs);
        epochRow.setAlignment(Pos.CENTER_LEFT);

        Label explain = ExplainNote.inline("Keeps what the model learned about strokes and retrains it on your samples. New "
                + "classes (+ − × =) get new outputs; replay keeps the old ones from being forgotten.");
        HBox folderRow = new HBox(8, chooseFolder, folderName);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        chooseFolder.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(7, title, from, new HBox(6, file, current), Texts.caption("Your samples"), mine, folder,
                folderRow, Texts.caption("What trains"), head, all,
                Texts.caption("Replay of the original data"), replayRow, epochRow, explain);
        box.setId("finetune-settings");
        box.disableProperty().bind(model.preparingProperty());
        return box;
    }

    private VBox buildResults() {
        Label problem = new Label();
        problem.setId("finetune-problem");
        problem.getStyleClass().add("error-text");
        Texts.wrapping(problem);
        problem.textProperty().bind(model.problemProperty());
        problem.managedProperty().bind(model.problemProperty().isNotEmpty());
        Label notes = new Label();
        notes.setId("finetune-notes");
        notes.getStyleClass().add(Styles.TEXT_MUTED);
        Texts.wrapping(notes);
        notes.textProperty().bind(model.notesProperty());
        notes.managedProperty().bind(model.notesProperty().isNotEmpty());
        Label title = Texts.title("Before → after");
        Label user = line("finetune-user-line", model.userLineProperty());
        Label original = line("finetune-original-line", model.originalLineProperty());
        Label card = line("finetune-card-line", model.cardLineProperty());
        card.getStyleClass().add(Styles.TEXT_MUTED);
        Button save = new Button("Save the new model…");
        save.setId("finetune-save");
        save.setMaxWidth(Double.MAX_VALUE);
        save.setOnAction(e -> chooseAndSave());
        VBox outcome = new VBox(6, title, user, original, card, save);
        outcome.visibleProperty().bind(model.outcomeProperty().isNotNull());
        outcome.managedProperty().bind(outcome.visibleProperty());
        VBox box = new VBox(8, stepRow(), problem, notes, outcome);
        box.setId("finetune-results");
        return box;
    }

    void start() {
        model.start();
    }

    /** While the data loads (a replay set may download) or the result is measured: what it does, and Cancel. */
    private VBox stepRow() {
        Label what = new Label();
        what.setId("finetune-step");
        what.getStyleClass().add(Styles.TEXT_MUTED);
        Texts.wrapping(what);
        what.textProperty().bind(model.stepProperty());
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.progressProperty().bind(model.stepProgressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, javafx.scene.layout.Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("finetune-cancel");
        cancel.getStyleClass().add(Styles.SMALL);
        cancel.setOnAction(e -> model.cancelPreparation());
        cancel.visibleProperty().bind(model.cancellableProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        HBox line = new HBox(8, bar, cancel);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(4, what, line);
        row.visibleProperty().bind(model.preparingProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private void chooseParent() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Model to fine-tune");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Handwriting Studio model (*.zip)", "*.zip"));
        File f = chooser.showOpenDialog(settings.getScene() == null ? null : settings.getScene().getWindow());
        if (f != null) model.parentFileProperty().set(f.toPath());
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("A folder with one sub-folder per class");
        File f = chooser.showDialog(settings.getScene() == null ? null : settings.getScene().getWindow());
        if (f != null) {
            model.folderProperty().set(f.toPath());
            model.sourceProperty().set(FineTuneViewModel.Source.FOLDER);
        }
    }

    private void chooseAndSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the fine-tuned model");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Handwriting Studio model (*.zip)", "*.zip"));
        chooser.setInitialFileName("fine-tuned.zip");
        File f = chooser.showSaveDialog(results.getScene() == null ? null : results.getScene().getWindow());
        if (f != null) model.save(Path.of(f.getPath()));
    }

    private static Label line(String id, javafx.beans.value.ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        Texts.wrapping(l);
        l.textProperty().bind(text);
        return l;
    }

    private static RadioButton radio(String text, String id, ToggleGroup group) {
        RadioButton r = new RadioButton(text);
        r.setId(id);
        r.setToggleGroup(group);
        Texts.wrapping(r);
        return r;
    }

    private static Button small(String text, String id) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("small");
        return b;
    }
}
