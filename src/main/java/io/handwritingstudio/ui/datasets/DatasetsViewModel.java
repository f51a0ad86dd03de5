package io.handwritingstudio.ui.datasets;

import io.handwritingstudio.files.Failures;
import io.handwritingstudio.ui.kit.Formats;
import java.util.Locale;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.evaluation.Compatibility;
import io.handwritingstudio.ui.context.SampleRef;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dataset browser's state: which dataset and split are open, the indices that pass the class filter, the
 * selected sample, and loading/download progress. Loading runs on a background task; everything here is read and
 * written on the JavaFX thread.
 */
public final class DatasetsViewModel {
    private final StudioContext context;
    private final DatasetRepository repository;
    private final ObjectProperty<LoadedDataset> dataset = new SimpleObjectProperty<>();
    // replaced (not edited) on each filter change: GridView only rebuilds its cells when its items list is replaced
    private final ObjectProperty<ObservableList<Integer>> visibleIndices =
            new SimpleObjectProperty<>(FXCollections.observableArrayList());
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<Set<Integer>> classFilter = new ReadOnlyObjectWrapper<>(Set.of());
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final BooleanProperty needsDownload = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private LoadedDataset shownDataset;
    private Task<?> running;
    private String wantedName;
    private Split wantedSplit = Split.TRAIN;

    public DatasetsViewModel(StudioContext context, DatasetRepository repository) {
        this.context = context;
        this.repository = repository;
    }

    /**
     * Opens a dataset split: loads it if it is cached, otherwise asks (through {@link #needsDownloadProperty()})
     * before downloading. Returns the background task (for tests), or null when already open.
     */
    public Task<?> open(String nameOrDir, Split split) {
        LoadedDataset now = dataset.get();
        if (now != null && now.name().equals(nameOrDir) && now.split() == split && running == null) return null;
        wantedName = nameOrDir;
        wantedSplit = split;
        // one load at a time: the user moved on, so a download under way stops (it had no other way to be seen)
        if (running != null) running.cancel();
        error.set("");
        Task<Boolean> check = new Task<>() {
            @Override
            protected Boolean call() throws Exception {
                repository.spec(nameOrDir); // a missing folder or unknown name fails here with a clear message
                return repository.isCached(nameOrDir);
            }
        };
        check.setOnSucceeded(e -> {
            if (!isWanted(nameOrDir, split)) return;
            if (check.getValue()) load(nameOrDir, split);
            else {
                needsDownload.set(true);
                loading.set(false);
                say(nameOrDir + " is not on this computer yet.");
            }
        });
        check.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            if (isWanted(nameOrDir, split)) fail(check.getException());
        });
        return start(check);
    }

    /** Downloads and then loads the dataset that {@link #open} found missing. */
    public Task<LoadedDataset> download() {
        return load(wantedName, wantedSplit);
    }

    private Task<LoadedDataset> load(String nameOrDir, Split split) {
        needsDownload.set(false);
        DatasetLoadTask task = new DatasetLoadTask(repository, nameOrDir, split);
        bindProgress(task);
        task.setOnSucceeded(e -> finished(task, nameOrDir, split, () -> show(task.getValue())));
        task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_FAILED,
                e -> finished(task, nameOrDir, split, () -> fail(task.getException())));
        task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_CANCELLED, e -> {
            if (running == task) { // cancelled before it started, its running state never changed
                running = null;
                loading.set(false);
            }
            finished(task, nameOrDir, split, () -> { // the banner offers the download again
                needsDownload.set(true);
                say("Stopped: " + nameOrDir + " was not loaded.");
            });
        });
        return start(task);
    }

    /**
     * A load's outcome, shown only if that split is still the one wanted; progress and message are freed for it and
     * then follow a newer load still running (an older load finishing late used to leave the newer one's bar frozen).
     */
    private void finished(Task<?> task, String nameOrDir, Split split, Runnable outcome) {
        Task<?> newer = progressOf != task && progressOf != null && progressOf.isRunning() ? progressOf : null;
        progress.unbind();
        message.unbind();
        progressOf = null;
        if (isWanted(nameOrDir, split)) outcome.run();
        if (newer != null) bindProgress(newer);
    }

    /** Stops the download or load under way (the fetcher deletes its partial file); nothing else changes. */
    public void cancel() {
        if (running != null) running.cancel();
    }

    private <T> Task<T> start(Task<T> task) {
        running = task;
        loading.set(true);
        task.runningProperty().addListener((o, was, is) -> {
            if (!is && running == task) {
                running = null;
                loading.set(false);
            }
        });
        return context.tasks().run(task);
    }

    private boolean isWanted(String name, Split split) {
        return Objects.equals(name, wantedName) && split == wantedSplit;
    }

    private void bindProgress(Task<?> task) {
        progress.bind(task.progressProperty());
        message.bind(task.messageProperty());
        progressOf = task;
    }

    /** The load whose progress and message the view shows. */
    private Task<?> progressOf;

    /** A message about the wanted dataset: a load that still holds the banner (one finishing as the user moved on) lets go. */
    private void say(String text) {
        if (progressOf != null) {
            progress.unbind();
            message.unbind();
            progressOf = null;
        }
        message.set(text);
    }

    private void show(LoadedDataset loaded) {
        // selection and grid items belong to the old dataset: retire them before anyone sees the new one, so no
        // listener ever reads an old index against a smaller dataset
        selectedIndex.set(-1);
        shownDataset = null;
        visibleIndices.set(FXCollections.observableArrayList());
        classFilter.set(Set.of());
        dataset.set(loaded);
        // the grid's first cells (CSS, layout) are the costliest step: give them a frame of their own
        Platform.runLater(() -> {
            if (dataset.get() != loaded) return;
            refilter();
            if (loaded.size() > 0) select(0);
        });
        say(Formats.count(loaded.size(), "sample", "samples"));
        context.currentDatasetProperty().set(loaded.name());
        context.status().news("Opened " + loaded.name() + " ("
                + loaded.split().name().toLowerCase(Locale.ROOT) + "): " + Formats.count(loaded.size(), "sample", "samples"));
    }

    private void fail(Throwable ex) {
        String text = Failures.sentence(ex);
        say("");
        error.set("Could not open " + wantedName + ": " + text);
        context.status().problem(error.get());
    }

    /** Shows only samples of these classes (empty = all classes). */
    public void setClassFilter(Set<Integer> classes) {
        classFilter.set(Set.copyOf(classes));
        refilter();
    }

    private void refilter() {
        LoadedDataset d = dataset.get();
        if (d == null) {
            shownDataset = null;
            visibleIndices.set(FXCollections.observableArrayList());
            return;
        }
        Set<Integer> filter = classFilter.get();
        List<Integer> out = new ArrayList<>(d.size());
        for (int i = 0; i < d.size(); i++) {
            if (filter.isEmpty() || filter.contains(d.images().label(i))) out.add(i);
        }
        shownDataset = d;
        visibleIndices.set(FXCollections.observableList(out));
    }

    /** The dataset the grid's current items index into (set together with them; may lag {@link #dataset()}). */
    LoadedDataset shownDataset() {
        return shownDataset;
    }

    public void select(int index) {
        LoadedDataset d = dataset.get();
        if (d == null || index < 0 || index >= d.size()) return;
        selectedIndex.set(index);
    }

    /**
     * Parses a user-typed index. Returns an error message for the UI, or null when the index was selected; an index
     * hidden by the class filter clears the filter so it can be shown.
     */
    public String jumpTo(String text) {
        LoadedDataset d = dataset.get();
        if (d == null) return "Open a dataset first.";
        Double number = Formats.parseWhole(text);
        if (number == null || number != Math.rint(number)) return "\"" + text.trim() + "\" is not a sample number.";
        if (number < 0 || number >= d.size()) {
            return String.format(Locale.ROOT, "Sample numbers go from 0 to %,d.", d.size() - 1);
        }
        int index = number.intValue();
        if (!classFilter.get().isEmpty() && !classFilter.get().contains(d.images().label(index))) {
            setClassFilter(Set.of());
        }
        select(index);
        return null;
    }

    /** The selected sample as other views see it, or null. */
    public SampleRef selectedSample() {
        LoadedDataset d = dataset.get();
        int i = selectedIndex.get();
        if (d == null || i < 0 || i >= d.size()) return null;
        float[] px = new float[d.images().pixelsPerImage()];
        d.images().copyImage(i, px, 0);
        var current = context.currentModel();
        if (current != null && Compatibility.reframes(current.model(), d.name())) {
            // the image as evaluation and "Inside the network" give it to this model (one 28x28 image: microseconds)
            LabeledImages one = new LabeledImages(d.images().imageBytes(i), new int[]{d.images().label(i)},
                    d.images().rows(), d.images().cols(), d.images().classes());
            Compatibility.framedFor(current.model(), d.name(), one).images().copyImage(0, px, 0);
        }
        return new SampleRef(d.name() + " " + d.split().name().toLowerCase(Locale.ROOT) + " #" + i, i, d.images().label(i),
                d.images().classes().name(d.images().label(i)), px);
    }

    /** The class filter (empty = all classes); it also changes when a jump needs a hidden sample shown. */
    public ReadOnlyObjectProperty<Set<Integer>> classFilterProperty() {
        return classFilter.getReadOnlyProperty();
    }

    /** Class indices in the current filter, sorted. */
    public Set<Integer> classFilter() {
        return new TreeSet<>(classFilter.get());
    }

    // read-only to views: they change the state through the commands above
    public javafx.beans.property.ReadOnlyObjectProperty<LoadedDataset> datasetProperty() { return dataset; }
    public LoadedDataset dataset() { return dataset.get(); }
    public ObservableList<Integer> visibleIndices() { return visibleIndices.get(); }
    public javafx.beans.property.ReadOnlyObjectProperty<ObservableList<Integer>> visibleIndicesProperty() { return visibleIndices; }
    public javafx.beans.property.ReadOnlyIntegerProperty selectedIndexProperty() { return selectedIndex; }
    public javafx.beans.property.ReadOnlyBooleanProperty loadingProperty() { return loading; }
    public javafx.beans.property.ReadOnlyBooleanProperty needsDownloadProperty() { return needsDownload; }
    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() { return progress; }
    public javafx.beans.property.ReadOnlyStringProperty messageProperty() { return message; }
    public javafx.beans.property.ReadOnlyStringProperty errorProperty() { return error; }
    public String wantedName() { return wantedName; }
}
