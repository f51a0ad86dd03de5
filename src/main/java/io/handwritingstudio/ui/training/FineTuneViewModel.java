package io.handwritingstudio.ui.training;

import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.UserSamples;
import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.training.FineTuneData;
import io.handwritingstudio.training.FineTuneSetup;
import io.handwritingstudio.training.FineTuning;
import io.handwritingstudio.training.TrainingResult;
import io.handwritingstudio.ui.context.DownloadReporter;
import io.handwritingstudio.ui.context.LatestRequest;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fine-tuning from the studio: which model to start from, which data, what trains and how much original data is
 * replayed. The run goes through the view's {@link TrainingController} (live charts, pause, stop); the engine's
 * {@link FineTuneSetup} measures before and after and writes the new model's card. FX thread only.
 */
public final class FineTuneViewModel {
    /** Whose samples: the ones saved from the pad, or a folder of class folders. */
    public enum Source { MY_SAMPLES, FOLDER }

    static final int BATCH = 32;
    static final long SEED = 42;

    private final StudioContext context;
    private final TrainingController controller;
    private final DatasetRepository repository;
    private final ObjectProperty<Path> parentFile = new SimpleObjectProperty<>();
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.MY_SAMPLES);
    private final ObjectProperty<Path> folder = new SimpleObjectProperty<>();
    private final ObjectProperty<FineTuning.Trainable> trainable = new SimpleObjectProperty<>(FineTuning.Trainable.HEAD);
    private final DoubleProperty replay = new SimpleDoubleProperty(0.3);
    private final IntegerProperty epochs = new SimpleIntegerProperty(15);
    private final BooleanProperty augment = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper preparing = new ReadOnlyBooleanWrapper();
    /** What the preparation or the measuring is doing now ("Downloading ..."), its progress, and whether Cancel applies. */
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyDoubleWrapper stepProgress = new javafx.beans.property.ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper();
    private Task<?> running;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<FineTuneSetup.Outcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper userLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper originalLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cardLine = new ReadOnlyStringWrapper("");
    private final BooleanBinding canStart;
    private TrainingResult result;
    private ModelCard card;

    public FineTuneViewModel(StudioContext context, TrainingController controller, DatasetRepository repository) {
        this.context = context;
        this.controller = controller;
        this.repository = repository;
        canStart = Bindings.createBooleanBinding(() -> !preparing.get() && !controller.status().isActive()
                        && (context.currentModel() != null || parentFile.get() != null),
                preparing, controller.statusProperty(), context.currentModelProperty(), parentFile);
    }

    /** A model file to start from instead of the studio's current model; null for the current one. */
    public ObjectProperty<Path> parentFileProperty() { return parentFile; }
    public ObjectProperty<Source> sourceProperty() { return source; }
    /** The folder when {@link #sourceProperty()} is {@link Source#FOLDER}. */
    public ObjectProperty<Path> folderProperty() { return folder; }
    public ObjectProperty<FineTuning.Trainable> trainableProperty() { return trainable; }
    /** Share of each batch taken from the original data (0: none). */
    public DoubleProperty replayProperty() { return replay; }
    public IntegerProperty epochsProperty() { return epochs; }
    public BooleanProperty augmentProperty() { return augment; }
    public ReadOnlyBooleanProperty preparingProperty() { return preparing.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stepProperty() { return step.getReadOnlyProperty(); }
    public javafx.beans.property.ReadOnlyDoubleProperty stepProgressProperty() { return stepProgress.getReadOnlyProperty(); }
    /** True while the preparation (loading, downloading the replay data) runs: it can be cancelled. */
    public ReadOnlyBooleanProperty cancellableProperty() { return cancellable.getReadOnlyProperty(); }

    /** Stops the preparation under way (a download deletes its partial file); nothing is fine-tuned. */
    public void cancelPreparation() {
        if (running != null && cancellable.get()) running.cancel();
    }

    /** The view follows {@code task}'s message and progress while it runs. */
    private void follow(Task<?> task, boolean canCancel) {
        running = task;
        step.bind(task.messageProperty());
        stepProgress.bind(task.progressProperty());
        cancellable.set(canCancel);
        preparing.set(true);
    }

    private void unfollow() {
        running = null;
        step.unbind();
        step.set("");
        stepProgress.unbind();
        stepProgress.set(-1);
        cancellable.set(false);
        preparing.set(false);
    }
    /** Why the run could not start (one sentence), or empty. */
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    /** What loading skipped (unreadable or blank images), or empty. */
    public ReadOnlyStringProperty notesProperty() { return notes.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<FineTuneSetup.Outcome> outcomeProperty() { return outcome.getReadOnlyProperty(); }
    /** "Your samples (my-digits, 40 held out): 62.5% → 95.0% (+32.5 points)". */
    public ReadOnlyStringProperty userLineProperty() { return userLine.getReadOnlyProperty(); }
    /** "Original test set (mnist, 10,000 images): 99.67% → 99.50% (forgot 0.17 points)". */
    public ReadOnlyStringProperty originalLineProperty() { return originalLine.getReadOnlyProperty(); }
    /** Where the new model came from, as its card says. */
    public ReadOnlyStringProperty cardLineProperty() { return cardLine.getReadOnlyProperty(); }
    public BooleanBinding canStartProperty() { return canStart; }

    /** Loads the data and prepares the network in the background, then trains through the controller. */
    public void start() {
        if (!canStart.get()) return;
        problem.set("");
        notes.set("");
        outcome.set(null);
        userLine.set("");
        originalLine.set("");
        cardLine.set("");
        result = null;
        card = null;
        Path parentPath = parentFile.get();
        TrainedModel current = context.currentModel() == null ? null : context.currentModel().model();
        String parentName = parentPath != null ? stem(parentPath) : context.currentModel().name();
        Source from = source.get();
        Path chosenFolder = folder.get();
        FineTuning.Trainable what = trainable.get();
        double share = replay.get();
        int epochCount = epochs.get();
        boolean augmented = augment.get();
        List<String> skipped = java.util.Collections.synchronizedList(new ArrayList<>());
        Task<Prepared> prepare = new Task<>() {
            @Override
            protected Prepared call() throws Exception {
                updateMessage("Loading " + parentName + "...");
                TrainedModel parent = parentPath != null ? ModelStore.load(parentPath) : current;
                Path data = from == Source.MY_SAMPLES ? mySamples(parent) : chosenFolder;
                if (data == null) throw new IllegalArgumentException("choose a folder with one sub-folder per class");
                String userName = from == Source.MY_SAMPLES ? "my samples" : data.getFileName().toString();
                String replayName = null;
                if (share > 0) {
                    replayName = FineTuneData.originalDataset(parent);
                    if (replayName == null) {
                        throw new IllegalArgumentException(parentName + " was not trained on a catalogue dataset: there is"
                                + " no original data to replay (set replay to 0)");
                    }
                }
                var spec = new FineTuneSetup.Spec(parentName, parent.card(), userName, what, replayName, share > 0 ? share : 0,
                        epochCount, BATCH, what == FineTuning.Trainable.HEAD ? 1e-3 : 1e-4, SEED, augmented);
                updateMessage("Loading " + userName + (replayName == null ? "" : " and " + replayName) + "...");
                FineTuneSetup setup = FineTuneData.load(spec, parent, data, repository, new DownloadReporter("fine-tune",
                        this::isCancelled, this::updateProgress, message -> {
                            if (message.contains("skipped")) skipped.add(message);
                            updateMessage(message);
                        }));
                if (isCancelled()) throw new java.util.concurrent.CancellationException("fine-tune cancelled");
                return new Prepared(setup, userName);
            }
        };
        follow(prepare, true);
        prepare.setOnSucceeded(e -> {
            unfollow();
            notes.set(String.join("\n", skipped));
            train(prepare.getValue(), parentName);
        });
        prepare.setOnCancelled(e -> {
            unfollow();
            notes.set("Cancelled while preparing: nothing was fine-tuned.");
        });
        prepare.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            unfollow();
            notes.set(String.join("\n", skipped));
            String folderName = from == Source.FOLDER && chosenFolder != null ? chosenFolder.getFileName().toString() : "my samples";
            problem.set(sentence(TrainingController.explain(prepare.getException()), folderName));
        });
        context.tasks().run(prepare);
    }

    private record Prepared(FineTuneSetup setup, String userName) {
    }

    /** The pad's saved samples for the parent's classes; refused in words when there are none yet. */
    private static Path mySamples(TrainedModel parent) throws Exception {
        UserSamples mine = UserSamples.forClasses(new ClassNames(parent.classes().names()));
        if (!Files.isDirectory(mine.folder()) || mine.count() == 0) {
            throw new IllegalArgumentException("no samples of your own yet for these classes: draw on the pad and save"
                    + " them as samples, or choose a folder");
        }
        return mine.folder();
    }

    private void train(Prepared prepared, String parentName) {
        if (controller.status().isActive()) { // a run started from the other mode while this one was being prepared
            problem.set("Another training run started while the fine-tune was being prepared: stop it, then start again.");
            return;
        }
        FineTuneSetup setup = prepared.setup();
        var request = setup.request();
        // the tuned model becomes the studio's unless the user chooses another one meanwhile
        LatestRequest.Ticket choice = context.chooseModel();
        Task<TrainingResult> run = controller.start(new TrainingSettings(prepared.userName(), request.hyperparameters(), 0, 0),
                request);
        run.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> {
            TrainingResult r = run.getValue();
            if (r == null || !r.hasNetwork()) return;
            if (controller.iterationProperty().get() == 0) { // new classes would keep their random weights
                notes.set("Stopped before the first batch: nothing was fine-tuned, the model in use is unchanged.");
                return;
            }
            measure(setup, r, prepared.userName(), parentName, choice);
        });
    }

    /** Before → after on both test sets (two evaluations: background), then the new model becomes the studio's. */
    private void measure(FineTuneSetup setup, TrainingResult r, String userName, String parentName,
                         LatestRequest.Ticket choice) {
        String name = parentName + " + " + userName;
        Task<Finished> finish = new Task<>() {
            @Override
            protected Finished call() {
                updateMessage("Measuring before and after on both test sets...");
                FineTuneSetup.Outcome o = setup.finish(r, name, "studio: fine-tune");
                return new Finished(o, r.toModel(o.card()));
            }
        };
        follow(finish, false);
        finish.setOnSucceeded(e -> {
            unfollow();
            FineTuneSetup.Outcome o = finish.getValue().outcome();
            TrainedModel tuned = finish.getValue().model();
            result = r;
            card = o.card();
            describe(o, userName);
            // the model first: the outcome is the signal that everything is in place
            if (choice.isLatest()) {
                context.setCurrentModel(ModelHandle.of(tuned, "fine-tuned in the studio"));
                context.status().news("Now reading with the fine-tuned model " + tuned.displayName());
            } else {
                context.status().news("Fine-tuned " + tuned.displayName() + "; another model was chosen meanwhile and"
                        + " stays in use: save the fine-tuned one to keep it");
            }
            outcome.set(o);
        });
        finish.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            unfollow();
            problem.set(sentence(TrainingController.explain(finish.getException()), null));
        });
        context.tasks().run(finish);
    }

    private record Finished(FineTuneSetup.Outcome outcome, TrainedModel model) {
    }

    private void describe(FineTuneSetup.Outcome o, String userName) {
        userLine.set(String.format(Locale.ROOT, "Your samples (%s, %d held out): %.1f%% → %.1f%% (%+.1f points)", userName,
                o.userAfter().images(), 100 * o.userBefore().accuracy(), 100 * o.userAfter().accuracy(),
                100 * (o.userAfter().accuracy() - o.userBefore().accuracy())));
        Map<String, Object> l = o.card().lineage();
        originalLine.set(String.format(Locale.ROOT, "Original test set (%s, %,d images): %.2f%% → %.2f%% (%s %.2f points)",
                l.get("parentDataset"), o.originalAfter().images(), 100 * o.originalBefore().accuracy(),
                100 * o.originalAfter().accuracy(), o.forgettingPoints() >= 0 ? "forgot" : "gained",
                Math.abs(o.forgettingPoints())));
        Object added = l.get("newClasses");
        cardLine.set("New model “" + o.card().name() + "”: from " + l.get("parent") + ", data " + l.get("data") + ", "
                + ("head".equals(l.get("trained")) ? "head trained (" + l.get("frozenLayers") + " layers frozen)"
                : "all layers trained") + (l.containsKey("replay") ? ", replay " + l.get("replay") : "")
                + (added instanceof List<?> list && !list.isEmpty() ? ", new classes " + String.join(" ",
                list.stream().map(String::valueOf).toList()) : ""));
    }

    /** Saves the fine-tuned model and its card (parent, data, what was frozen) off the JavaFX thread. */
    public Task<Path> save(Path file) {
        if (result == null || card == null) throw new IllegalStateException("no fine-tuned model to save");
        TrainingResult trained = result;
        ModelCard named = card.withName(stem(file));
        Task<Path> save = new Task<>() {
            @Override
            protected Path call() throws Exception {
                trained.save(named, file);
                return file;
            }
        };
        save.setOnSucceeded(e -> context.status().news("Saved the fine-tuned model to " + file));
        save.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e ->
                problem.set(sentence("could not save to " + file + ": " + TrainingController.explain(save.getException()), null)));
        return context.tasks().run(save);
    }

    private static String stem(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** Capitalised and ended with a full stop, except that a leading folder name keeps its spelling. */
    private static String sentence(String text, String folderName) {
        if (text == null || text.isEmpty()) return "";
        boolean named = folderName != null && text.startsWith(folderName);
        String s = named ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
