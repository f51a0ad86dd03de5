package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.files.Failures;
import java.util.Locale;
import io.handwritingstudio.evaluation.EvaluationReport;
import io.handwritingstudio.evaluation.ReportCsv;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.concurrent.WorkerStateEvent;

/** Export of the matrix and per-class table as PNG or CSV; every file is written off the JavaFX thread. */
final class ReportExports {
    private final StudioContext context;
    private final ReadOnlyObjectProperty<EvaluatedSet> set;

    ReportExports(StudioContext context, ReadOnlyObjectProperty<EvaluatedSet> set) {
        this.context = context;
        this.set = set;
    }

    /** An "Export" menu for one part of the report. */
    MenuButton menu(String id, String what, Supplier<Node> picture, boolean matrix) {
        MenuItem png = new MenuItem(what + " as PNG image…");
        MenuItem csv = new MenuItem(what + " as CSV table…");
        MenuButton button = new MenuButton("Export", null, png, csv);
        png.setOnAction(e -> choose(button, what, "png").ifPresent(p -> png(picture.get(), p)));
        csv.setOnAction(e -> {
            // the report shown when asked: the save dialog is modal, and a fine-tune finishing meanwhile clears it
            EvaluatedSet shown = set.get();
            if (shown == null) return;
            choose(button, what, "csv").ifPresent(p -> csv(shown.report(), matrix, p));
        });
        button.setId(id);
        button.disableProperty().bind(set.isNull());
        return button;
    }

    Task<Path> matrixCsv(Path target) {
        return csv(set.get().report(), true, target);
    }

    Task<Path> perClassCsv(Path target) {
        return csv(set.get().report(), false, target);
    }

    private Task<Path> csv(EvaluationReport r, boolean matrix, Path target) {
        return write(target, () -> matrix ? ReportCsv.confusionMatrix(r) : ReportCsv.perClass(r));
    }

    Task<Path> png(Node node, Path target) {
        return track(SnapshotPng.export(node, target));
    }

    private Task<Path> write(Path target, Supplier<String> text) {
        return track(new Task<>() {
            @Override
            protected Path call() throws Exception {
                ReportCsv.writeAtomically(target, text.get());
                return target;
            }
        });
    }

    private Task<Path> track(Task<Path> task) {
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED,
                e -> context.status().news("Saved " + task.getValue()));
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED,
                e -> context.status().problem("Could not save: " + Failures.sentence(task.getException())));
        context.status().working("Saving...");
        return context.tasks().run(task);
    }

    private java.util.Optional<Path> choose(Node owner, String what, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + what.toLowerCase(Locale.ROOT));
        EvaluatedSet s = set.get();
        String base = (s == null ? "evaluation" : s.datasetName() + "-" + s.split().label()) + "-"
                + what.toLowerCase(Locale.ROOT).replace(' ', '-');
        chooser.setInitialFileName(base + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(Locale.ROOT), "*." + extension));
        File file = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        return java.util.Optional.ofNullable(file).map(File::toPath);
    }
}
