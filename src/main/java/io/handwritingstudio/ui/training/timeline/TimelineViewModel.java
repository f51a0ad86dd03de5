package io.handwritingstudio.ui.training.timeline;

import io.handwritingstudio.files.Failures;
import io.handwritingstudio.training.TimelineSnapshot;
import io.handwritingstudio.training.TrainingTimeline;
import io.handwritingstudio.ui.context.BackgroundTasks;
import io.handwritingstudio.ui.context.LatestRequest;
import io.handwritingstudio.ui.kit.Formats;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.concurrent.Task;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scrubbing a run's timeline: which snapshot is shown (and which one it is compared with), playing through them,
 * and reopening the timeline saved in a model file. While a run trains, each new timeline replaces the old one and
 * the view follows the newest snapshot unless the learner has moved the slider back.
 */
public final class TimelineViewModel {
    static final Duration PLAY_STEP = Duration.millis(700);

    private final BackgroundTasks tasks;
    private final ReadOnlyObjectWrapper<TrainingTimeline> timeline = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty index = new SimpleIntegerProperty(-1);
    private final IntegerProperty compareIndex = new SimpleIntegerProperty(-1);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("No timeline yet: start a run, or open a saved model.");
    private final Timeline player = new Timeline(new KeyFrame(PLAY_STEP, e -> step()));

    /** Set when a run starts: from then on the tab follows runs and the files opened, not the model in use. */
    private boolean runStarted;
    /** The files asked for: only the latest read is shown (an older, slower one may finish after it). */
    private final LatestRequest reads = new LatestRequest();

    public TimelineViewModel(BackgroundTasks tasks) {
        this.tasks = tasks;
        player.setCycleCount(Timeline.INDEFINITE);
    }

    /** Shows a timeline (a run's so far, or a reopened one); stays on the newest snapshot if it was showing it. */
    public void show(TrainingTimeline t) {
        TrainingTimeline was = timeline.get();
        boolean following = was == null || index.get() >= was.snapshots().size() - 1 || was.probeCount() != t.probeCount();
        if (was != null && was.probeCount() != t.probeCount()) compareIndex.set(-1);
        timeline.set(t);
        if (following || index.get() >= t.snapshots().size()) index.set(t.snapshots().size() - 1);
        if (compareIndex.get() >= t.snapshots().size()) compareIndex.set(-1);
        source.set("This run: " + Formats.count(t.snapshots().size(), "snapshot", "snapshots"));
    }

    /** A run's timeline so far: from now on the tab follows runs, and no file read still under way replaces it. */
    public void showRun(TrainingTimeline t) {
        runStarted = true;
        reads.supersede();
        show(t);
    }

    /** A new run starts: nothing to show until its first snapshot. */
    public void clear() {
        runStarted = true;
        reads.supersede();
        pause();
        timeline.set(null);
        index.set(-1);
        compareIndex.set(-1);
        source.set("Waiting for the run's first snapshot...");
    }

    /** The run ended (failed or stopped) before its first snapshot: the tab stops waiting for one. */
    public void runEndedEmpty() {
        if (timeline.get() == null) source.set("The run ended before its first snapshot.");
    }

    /**
     * The studio's model in use: until a run starts here, the tab shows the timeline saved inside its file (the
     * bundled models carry theirs), so it has something to scrub the first time it is opened.
     */
    public void showModelInUse(Path modelFile) {
        if (!runStarted && modelFile != null) open(modelFile, true);
    }

    /** Reads the timeline kept inside a model file (off the JavaFX thread). */
    public Task<java.util.Optional<TrainingTimeline>> open(Path modelFile) {
        return open(modelFile, false);
    }

    private Task<java.util.Optional<TrainingTimeline>> open(Path modelFile, boolean inUse) {
        LatestRequest.Ticket request = reads.next();
        Task<java.util.Optional<TrainingTimeline>> read = new Task<>() {
            @Override
            protected java.util.Optional<TrainingTimeline> call() throws Exception {
                return TrainingTimeline.readFrom(modelFile);
            }
        };
        // asked for another file since, or a run started over the model in use's: those win
        java.util.function.BooleanSupplier stale = () -> !request.isLatest() || (inUse && runStarted);
        read.setOnSucceeded(e -> {
            if (stale.getAsBoolean()) return;
            var t = read.getValue();
            String name = modelFile.getFileName() + (inUse ? ", the model in use," : "");
            if (t.isEmpty()) {
                source.set(name + " has no timeline (saved before timelines, imported, or resumed from a checkpoint that had none).");
                return;
            }
            timeline.set(null);
            compareIndex.set(-1);
            show(t.get());
            index.set(0);
            source.set(name + (inUse ? " " : ": ") + Formats.count(t.get().snapshots().size(), "snapshot", "snapshots")
                    + (inUse ? " (a run started here replaces it)" : ""));
        });
        read.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_FAILED,
                e -> {
                    if (!stale.getAsBoolean()) source.set("Could not read " + modelFile.getFileName() + ": " + Failures.sentence(read.getException()));
                });
        return tasks.run(read);
    }

    /** Plays from the start (or from here) to the newest snapshot. */
    public void play() {
        TrainingTimeline t = timeline.get();
        if (t == null || t.snapshots().size() < 2) return;
        if (index.get() >= t.snapshots().size() - 1) index.set(0);
        playing.set(true);
        player.playFromStart();
    }

    public void pause() {
        player.stop();
        playing.set(false);
    }

    private void step() {
        TrainingTimeline t = timeline.get();
        if (t == null || index.get() >= t.snapshots().size() - 1) {
            pause();
            return;
        }
        index.set(index.get() + 1);
    }

    public TimelineSnapshot current() {
        return at(index.get());
    }

    public TimelineSnapshot compared() {
        return at(compareIndex.get());
    }

    private TimelineSnapshot at(int i) {
        TrainingTimeline t = timeline.get();
        return t == null || i < 0 || i >= t.snapshots().size() ? null : t.snapshots().get(i);
    }

    /** "epoch 2 · iteration 32 · loss 0.412 · accuracy 85.2%". */
    public String summaryText() {
        TimelineSnapshot s = current();
        if (s == null) return "";
        String when = s.iteration() == 0 ? "start (untrained)"
                : s.label().startsWith("epoch") ? s.label() + " · iteration " + Formats.count(s.iteration())
                : String.format(Locale.ROOT, "%s (epoch %.2f)", s.label(), s.epochPosition());
        return String.format(Locale.ROOT, "%s · loss %s · accuracy %s", when,
                Double.isNaN(s.loss()) ? "–" : String.format(Locale.ROOT, "%.3f", s.loss()), Formats.percent(s.accuracy()));
    }

    /** "Probes right: 27 of 32". */
    public String probeText() {
        TimelineSnapshot s = current();
        if (s == null) return "";
        int[] labels = timeline.get().probeLabels();
        return "Probes right: " + Math.round(s.probeAccuracy(labels) * labels.length) + " of " + labels.length;
    }

    /** Probes whose verdict differs between the compared snapshot and this one, in words. */
    public List<String> flips() {
        TimelineSnapshot now = current(), then = compared();
        List<String> out = new ArrayList<>();
        if (now == null || then == null) return out;
        TrainingTimeline t = timeline.get();
        for (int i = 0; i < t.probeCount(); i++) {
            int label = t.probeLabels()[i];
            boolean rightNow = now.probePredicted()[i] == label, rightThen = then.probePredicted()[i] == label;
            if (rightNow == rightThen) continue;
            out.add(String.format(Locale.ROOT, "probe %d (a %s): %s → %s, %s", i + 1, name(label),
                    name(then.probePredicted()[i]), name(now.probePredicted()[i]), rightNow ? "now right" : "now wrong"));
        }
        return out;
    }

    String name(int cls) {
        List<String> names = timeline.get().classNames();
        return cls >= 0 && cls < names.size() ? names.get(cls) : String.valueOf(cls);
    }

    public ReadOnlyObjectProperty<TrainingTimeline> timelineProperty() { return timeline.getReadOnlyProperty(); }
    public TrainingTimeline timeline() { return timeline.get(); }
    /** The snapshot shown, 0-based; -1 when there is none. */
    public IntegerProperty indexProperty() { return index; }
    /** The snapshot compared with, -1 for none. */
    public IntegerProperty compareIndexProperty() { return compareIndex; }
    public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
    /** Where the timeline comes from, or why there is none. */
    public ReadOnlyStringProperty sourceProperty() { return source.getReadOnlyProperty(); }
}
