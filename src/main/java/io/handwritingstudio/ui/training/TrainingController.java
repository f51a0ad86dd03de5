package io.handwritingstudio.ui.training;

import io.handwritingstudio.files.Failures;
import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.training.LearningCheck;
import io.handwritingstudio.training.ModelCards;
import io.handwritingstudio.training.Trainer;
import io.handwritingstudio.training.TrainingControl;
import io.handwritingstudio.training.TrainingException;
import io.handwritingstudio.training.TrainingObserver;
import io.handwritingstudio.training.TrainingRequest;
import io.handwritingstudio.training.TrainingResult;
import io.handwritingstudio.training.TrainingTimeline;
import io.handwritingstudio.ui.training.design.RunRecord;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.nio.file.Path;
import java.util.List;

/**
 * The training view-model: runs the engine {@link Trainer} on a background task and exposes its progress as JavaFX
 * properties. The training thread only writes into a {@link LiveTrainingBuffer}; a {@link FrameThrottle} drains it
 * on the JavaFX thread at most every {@link #DRAIN_MILLIS} ms, so watching barely slows training down.
 */
public final class TrainingController {
    /**
     * Two screen updates a second (override: {@code -Dhws.training.refreshMillis}). Training keeps every core busy
     * in lock-step, so each UI wake-up stalls it: at five a second the studio's first epoch ran at 89% of the CLI's
     * speed, at two 94%, and 98% once the loss chart stopped using canvas paths (docs/BENCHMARKS.md).
     */
    static final long DRAIN_MILLIS = Long.getLong("hws.training.refreshMillis", 500);
    static final int MAX_LOG_LINES = 500;
    static final int MAX_LOSS_POINTS = 2_000;

    private final StudioContext context;
    private final DatasetRepository repository;
    private final ObjectProperty<TrainingStatus> status = new SimpleObjectProperty<>(TrainingStatus.IDLE);
    private final IntegerProperty epoch = new SimpleIntegerProperty();
    private final IntegerProperty totalEpochs = new SimpleIntegerProperty();
    private final LongProperty iteration = new SimpleLongProperty();
    private final DoubleProperty loss = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final DoubleProperty etaSeconds = new SimpleDoubleProperty(-1);
    private final DoubleProperty imagesPerSecond = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty warning = new SimpleStringProperty("");
    private final LossSeries lossSeries = new LossSeries(MAX_LOSS_POINTS);
    private final LongProperty lossVersion = new SimpleLongProperty();
    private final ObservableList<EpochPoint> epochs = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasModel = new ReadOnlyBooleanWrapper();
    /** The run's timeline so far (live while training, complete once finished); null before the first snapshot. */
    private final ObjectProperty<TrainingTimeline> timeline = new SimpleObjectProperty<>();
    /** Each finished run, oldest first, so runs of different designs can be compared. */
    private final ObservableList<RunRecord> runs = FXCollections.observableArrayList();

    private LiveTrainingBuffer buffer;
    private FrameThrottle throttle;
    private TrainingControl control;
    private Task<TrainingResult> task;
    private boolean fineTuneRun;
    private TrainingResult result;
    private ModelCard resultCard;
    private volatile ClassNames trainedClasses;

    public TrainingController(StudioContext context, DatasetRepository repository) {
        this.context = context;
        this.repository = repository;
    }

    /** Loads the dataset named in the settings (off-thread) and trains on it. */
    public Task<TrainingResult> start(TrainingSettings settings) {
        return begin(settings, null, null, null);
    }

    /** Trains on images already in memory (benchmarks, tests). */
    public Task<TrainingResult> start(TrainingSettings settings, LabeledImages train, LabeledImages test) {
        return begin(settings, train, test, null);
    }

    /** Trains a request prepared elsewhere (fine-tuning: it holds the network to start from and the replay). */
    public Task<TrainingResult> start(TrainingSettings settings, TrainingRequest prepared) {
        return begin(settings, prepared.train(), prepared.test(), prepared);
    }

    private Task<TrainingResult> begin(TrainingSettings settings, LabeledImages train, LabeledImages test,
                                       TrainingRequest prepared) {
        if (status.get().isActive()) throw new IllegalStateException("a training run is already active");
        reset();
        fineTuneRun = prepared != null;
        LiveTrainingBuffer live = new LiveTrainingBuffer();
        TrainingControl ctl = new TrainingControl();
        buffer = live;
        control = ctl;
        throttle = new FrameThrottle(DRAIN_MILLIS, () -> apply(live.drain()));
        totalEpochs.set(settings.hyperparameters().epochs());
        Task<TrainingResult> t = new Task<>() {
            @Override
            protected TrainingResult call() throws Exception {
                if (prepared != null) {
                    trainedClasses = prepared.train().classes();
                    return new Trainer(prepared).run(live, ctl);
                }
                LabeledImages tr = train, te = test;
                if (tr == null) {
                    live.onLog("Loading " + settings.dataset() + "...");
                    DownloadListener stoppable = stoppableDownload(ctl, live);
                    tr = repository.load(settings.dataset(), Split.TRAIN, stoppable);
                    te = repository.load(settings.dataset(), Split.TEST, stoppable);
                }
                if (settings.trainLimit() > 0) tr = tr.limit(settings.trainLimit());
                if (te != null && settings.testLimit() > 0) te = te.limit(settings.testLimit());
                trainedClasses = tr.classes();
                return new Trainer(TrainingRequest.fresh(settings.hyperparameters(), settings.dataset(), tr, te)
                        .withDesign(settings.design()).withUniformPrior(settings.uniformPrior())).run(live, ctl);
            }
        };
        // added first, so it runs (and applies the last updates) before the handlers callers add to the task
        t.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> finish(settings, t.getValue(), null));
        t.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_FAILED, e -> finish(settings, null, t.getException()));
        task = t;
        status.set(TrainingStatus.RUNNING);
        message.set("Starting...");
        throttle.start();
        return context.tasks().run(t);
    }

    /** Stop works while the dataset downloads too (the fetcher deletes its partial file); its messages go to the log. */
    private static DownloadListener stoppableDownload(TrainingControl ctl, LiveTrainingBuffer live) {
        return new DownloadListener() {
            @Override
            public void onProgress(String file, long bytes, long total) {
                if (ctl.isCancelled()) throw new CancellationException("stopped while the data was downloading");
            }

            @Override
            public void onMessage(String message) {
                onProgress(null, 0, 0);
                live.onLog(message);
            }

            @Override
            public boolean isCancelled() {
                return ctl.isCancelled();
            }
        };
    }

    private void reset() {
        epoch.set(0);
        iteration.set(0);
        loss.set(Double.NaN);
        progress.set(0);
        etaSeconds.set(-1);
        imagesPerSecond.set(0);
        error.set("");
        warning.set("");
        lossSeries.clear();
        lossVersion.set(lossVersion.get() + 1);
        epochs.clear();
        log.clear();
        result = null;
        resultCard = null;
        hasModel.set(false);
        timeline.set(null);
    }

    /** Applies one drained batch of updates (JavaFX thread). */
    private void apply(LiveTrainingBuffer.Batch b) {
        if (b.isEmpty()) return;
        if (b.plan() != null) totalEpochs.set(b.plan().totalEpochs());
        for (LiveTrainingBuffer.LossPoint p : b.losses()) lossSeries.add(p.iteration(), p.loss());
        if (!b.losses().isEmpty()) lossVersion.set(lossVersion.get() + 1);
        TrainingObserver.IterationUpdate u = b.latest();
        if (u != null) {
            epoch.set(u.epoch());
            iteration.set(u.iteration());
            loss.set(u.loss());
            progress.set(u.progress());
            etaSeconds.set(u.etaSeconds());
            imagesPerSecond.set(u.imagesPerSecond());
            if (status.get() == TrainingStatus.RUNNING) {
                message.set(String.format(Locale.ROOT, "Epoch %d of %d, batch %d", u.epoch(), totalEpochs.get(), u.batchInEpoch()));
            }
        }
        for (TrainingObserver.EpochMetrics m : b.epochs()) {
            epochs.add(new EpochPoint(m.epoch(), m.meanLoss(), m.trainAccuracy(), m.testAccuracy(), m.seconds()));
        }
        if (b.timeline() != null) timeline.set(b.timeline());
        log.addAll(b.log());
        if (log.size() > MAX_LOG_LINES) log.remove(0, log.size() - MAX_LOG_LINES);
    }

    private void finish(TrainingSettings settings, TrainingResult r, Throwable failure) {
        throttle.stop();
        if (failure instanceof CancellationException) { // stopped before training began
            status.set(TrainingStatus.CANCELLED);
            message.set("Stopped before training began");
            log.add(message.get());
            context.status().news("Training stopped before it began");
            return;
        }
        if (failure != null) {
            status.set(TrainingStatus.FAILED);
            error.set(explain(failure));
            message.set("Training failed");
            log.add("Failed: " + error.get());
            context.status().problem("Training failed: " + error.get());
            return;
        }
        result = r;
        resultCard = ModelCards.forTraining(settings.hyperparameters(), settings.dataset(), trainedClasses,
                r.epochsCompleted(), r.finalTestAccuracy(), r.trainingSeconds(), "studio", r.uniformPrior())
                .withDesign(settings.effectiveDesign());
        if (r.timeline() != null) timeline.set(r.timeline());
        // a fine-tune's model, card and lineage belong to the fine-tune panel: the scratch run's Save/Use stay off
        hasModel.set(r.hasNetwork() && iteration.get() > 0 && !fineTuneRun);
        if (!r.cancelled() && trainedClasses != null) {
            String problem = LearningCheck.problem(r, trainedClasses.size(), settings.hyperparameters().learningRate());
            if (problem != null) warning.set(Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".");
        }
        // the run is on the list before the status says finished: whoever waits for the status finds it there
        if (!r.cancelled() && !fineTuneRun) { // the designer compares designs trained from scratch
            runs.add(RunRecord.of(settings.effectiveDesign(), trainedClasses == null ? 10 : trainedClasses.size(), r.epochsCompleted(),
                    r.finalTestAccuracy(), imagesPerSecond.get()));
        }
        status.set(r.cancelled() ? TrainingStatus.CANCELLED : TrainingStatus.FINISHED);
        if (!r.cancelled()) progress.set(1);
        etaSeconds.set(-1);
        message.set(r.cancelled()
                ? String.format(Locale.ROOT, "Stopped after %d complete epoch%s", r.epochsCompleted(), r.epochsCompleted() == 1 ? "" : "s")
                : Double.isNaN(r.finalTestAccuracy()) ? "Finished"
                : String.format(Locale.ROOT, "Finished: test accuracy %.2f%%", 100 * r.finalTestAccuracy()));
        context.status().news("Training " + message.get().toLowerCase(Locale.ROOT));
    }

    /** One clear sentence for the UI, whatever went wrong (an engine's own message wins over wrappers). */
    static String explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) return "out of memory: try a smaller batch size or training subset";
            if (t instanceof TrainingException && t.getMessage() != null) return t.getMessage();
        }
        return Failures.sentence(failure);
    }

    public void pause() {
        if (status.get() == TrainingStatus.RUNNING) {
            control.pause();
            status.set(TrainingStatus.PAUSED); // the badge says so; the message keeps where the run stands
        }
    }

    public void resume() {
        if (status.get() == TrainingStatus.PAUSED) {
            control.resume();
            status.set(TrainingStatus.RUNNING);
            message.set("Resuming...");
        }
    }

    /** Stops after the current mini-batch; the network trained so far is kept. */
    public void stop() {
        if (status.get().isActive()) {
            control.cancel();
            message.set("Stopping...");
        }
    }

    /** Saves the trained network and its card (atomically) off the JavaFX thread. */
    public Task<Path> saveModel(Path file) {
        if (result == null || !result.hasNetwork()) throw new IllegalStateException("no trained model to save");
        TrainingResult trained = result;
        ModelCard card = resultCard.withName(nameOf(file));
        Task<Path> save = new Task<>() {
            @Override
            protected Path call() throws Exception {
                // the timeline goes inside the model file, so it can be scrubbed again after reopening
                trained.save(card, file, trained.timeline() == null ? java.util.Map.of() : trained.timeline().asAttachment());
                return file;
            }
        };
        save.setOnSucceeded(e -> context.status().news("Saved model to " + file));
        return context.tasks().run(save);
    }

    /** Makes the trained network the studio's current model. */
    public ModelHandle useModel() {
        if (result == null || !result.hasNetwork()) throw new IllegalStateException("no trained model");
        TrainedModel model = result.toModel(resultCard.withName(resultCard.dataset() + " "
                + resultCard.architecture() + " (studio)"));
        ModelHandle handle = ModelHandle.of(model, "trained in the studio");
        context.setCurrentModel(handle);
        context.status().news("Now using the model you trained");
        return handle;
    }

    private static String nameOf(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    public ObjectProperty<TrainingStatus> statusProperty() { return status; }
    public TrainingStatus status() { return status.get(); }
    public IntegerProperty epochProperty() { return epoch; }
    public IntegerProperty totalEpochsProperty() { return totalEpochs; }
    public LongProperty iterationProperty() { return iteration; }
    public DoubleProperty lossProperty() { return loss; }
    public DoubleProperty progressProperty() { return progress; }
    public DoubleProperty etaSecondsProperty() { return etaSeconds; }
    public DoubleProperty imagesPerSecondProperty() { return imagesPerSecond; }
    public StringProperty messageProperty() { return message; }
    public StringProperty errorProperty() { return error; }
    /** Not empty when a finished run learned nothing (chance-level accuracy, e.g. a diverged learning rate). */
    public StringProperty warningProperty() { return warning; }
    /** Bumped whenever {@link #lossSeries()} changes: charts redraw on it. */
    public LongProperty lossVersionProperty() { return lossVersion; }
    public LossSeries lossSeries() { return lossSeries; }
    public ObservableList<EpochPoint> epochs() { return epochs; }
    public ObservableList<String> log() { return log; }
    public ReadOnlyBooleanProperty hasModelProperty() { return hasModel.getReadOnlyProperty(); }
    public ObjectProperty<TrainingTimeline> timelineProperty() { return timeline; }
    public ObservableList<RunRecord> runs() { return runs; }
    List<String> logSnapshot() { return List.copyOf(log); }
}
