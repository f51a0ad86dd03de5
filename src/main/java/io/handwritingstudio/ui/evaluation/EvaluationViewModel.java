package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.files.Failures;
import java.util.Locale;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.ui.context.LatestRequest;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import javafx.concurrent.WorkerStateEvent;

import java.util.concurrent.CancellationException;

/** State of the Evaluation view: what to evaluate, the running task, and the latest result. FX thread only. */
public final class EvaluationViewModel {
    private final StudioContext context;
    private final ObjectProperty<Split> split = new SimpleObjectProperty<>(Split.TEST);
    private final IntegerProperty limit = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<EvaluatedSet> result = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<ModelHandle> compareWith = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ComparedSet> comparison = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper fix = new ReadOnlyStringWrapper("");
    private Runnable fixAction = () -> { };
    private final BooleanBinding canEvaluate;
    private EvaluationTask task;
    private final LatestRequest runs = new LatestRequest();

    public EvaluationViewModel(StudioContext context) {
        this.context = context;
        canEvaluate = Bindings.createBooleanBinding(() -> context.currentModel() != null && !running.get(),
                context.currentModelProperty(), running);
        // results, errors and fixes belong to one model on one dataset: either changing retires them
        context.currentModelProperty().addListener((o, was, is) -> retire("The model changed"));
        context.currentDatasetProperty().addListener((o, was, is) -> retire("The dataset changed"));
        compareWith.addListener((o, was, is) -> {
            if (running.get()) return; // the message is the run's; evaluate() clears the comparison it replaces
            // an error about the pair ("the models read different classes") no longer holds; a mismatch of A's own
            // dataset keeps its message and its fix
            if (!error.get().isEmpty() && fix.get().isEmpty()) error.set("");
            if (comparison.get() != null) {
                comparison.set(null);
                message.set("The second model changed: evaluate again to compare.");
            }
        });
    }

    public ObjectProperty<Split> splitProperty() { return split; }
    /** How many of the split's first images to evaluate; 0 = all. */
    public IntegerProperty limitProperty() { return limit; }
    public ReadOnlyObjectProperty<EvaluatedSet> resultProperty() { return result.getReadOnlyProperty(); }
    public EvaluatedSet result() { return result.get(); }
    /** Model B: evaluated on the same images as the studio's model (A) and compared with it; null for none. */
    public ObjectProperty<ModelHandle> compareWithProperty() { return compareWith; }
    /** The latest comparison (null without a second model); its {@code a()} is {@link #result()}, in the comparison's classes. */
    public ReadOnlyObjectProperty<ComparedSet> comparisonProperty() { return comparison.getReadOnlyProperty(); }
    public ComparedSet comparison() { return comparison.get(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** A user-facing description of the last failure, empty when the last run went well. */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }
    public BooleanBinding canEvaluateProperty() { return canEvaluate; }
    /**
     * The words of the one-click way out of the last failure ("Use the letters test set" after a model/dataset
     * mismatch, "Evaluate the training images" when the test split is empty), or empty when there is none.
     */
    public ReadOnlyStringProperty fixProperty() { return fix.getReadOnlyProperty(); }

    /** Takes the way out {@link #fixProperty} names, and evaluates. */
    public void applyFix() {
        Runnable action = fixAction;
        clearFix();
        action.run();
    }

    private void clearFix() {
        offerFix("", () -> { });
    }

    private void offerFix(String words, Runnable action) {
        fix.set(words);
        fixAction = action;
    }

    /** The ways out the evaluation itself knows: another dataset for the model, the split that has the images. */
    private void offerFixFor(Throwable failure) {
        if (failure instanceof EvaluationTask.Mismatch m && m.fix != null) {
            offerFix("Use the " + m.fix + " test set", () -> {
                context.currentDatasetProperty().set(m.fix);
                split.set(Split.TEST);
                evaluate();
            });
        } else if (failure instanceof io.handwritingstudio.evaluation.EmptySplitException e && e.otherImages() > 0) {
            offerFix("Evaluate the " + (e.other() == Split.TRAIN ? "training" : "test") + " images", () -> {
                split.set(e.other());
                evaluate();
            });
        }
    }

    private static final String EVALUATE_AGAIN = ": evaluate again to see its results.";

    private void retire(String what) {
        boolean wasRunning = running.get();
        if (wasRunning) stopRun();
        // the message names the latest change, also when an earlier one already retired the result
        if (wasRunning || result.get() != null || message.get().endsWith(EVALUATE_AGAIN)) message.set(what + EVALUATE_AGAIN);
        else if (!error.get().isEmpty()) message.set("");
        result.set(null);
        comparison.set(null);
        error.set("");
        clearFix();
    }

    /** Starts an evaluation of the current model on the current dataset; ignored while one runs or without a model. */
    public void evaluate() {
        ModelHandle model = context.currentModel();
        if (model == null || running.get()) return;
        error.set("");
        clearFix();
        comparison.set(null);
        ModelHandle other = compareWith.get();
        task = new EvaluationTask(model.model(), other == null ? null : other.model(),
                context.currentDatasetProperty().get(), split.get(), limit.get());
        progress.bind(task.progressProperty());
        message.bind(task.messageProperty());
        running.set(true);
        EvaluationTask started = task;
        // a run retired by a model or dataset change may still deliver a result (one that finished as it changed)
        LatestRequest.Ticket run = runs.next();
        // Event handlers, not setOnX: BackgroundTasks installs its own onFailed.
        started.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> {
            if (run.isLatest()) finish(started.getValue(), null);
        });
        started.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            if (run.isLatest()) finish(null, started.getException());
        });
        started.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> {
            if (run.isLatest()) finish(null, new CancellationException());
        });
        context.tasks().run(task);
    }

    public void cancel() {
        if (task != null) task.cancel(false);
    }

    /** Cancels the run and lets go of it at once: whatever it delivers later is ignored. */
    private void stopRun() {
        runs.supersede();
        cancel();
        progress.unbind();
        message.unbind();
        running.set(false);
        progress.set(0);
    }

    private void finish(EvaluationTask.Outcome outcome, Throwable failure) {
        progress.unbind();
        message.unbind();
        running.set(false);
        EvaluatedSet set = outcome == null ? null : outcome.set();
        if (set != null) {
            comparison.set(null); // listeners of the result see no stale comparison
            result.set(set);
            comparison.set(outcome.compared());
            // the result cards say how many images were read; the line stays for what was done to them, if anything
            String note = outcome.note();
            message.set(note.isEmpty() ? "" : Character.toUpperCase(note.charAt(0)) + note.substring(1) + ".");
            context.status().news(String.format(Locale.ROOT, "Evaluation done: %.2f%% accuracy on %s",
                    100 * set.report().accuracy(), set.describe()));
        } else if (failure instanceof CancellationException) {
            progress.set(0);
            message.set("Evaluation cancelled.");
        } else {
            progress.set(0);
            error.set("Could not evaluate: " + Failures.sentence(failure));
            offerFixFor(failure);
            message.set("");
        }
    }
}
