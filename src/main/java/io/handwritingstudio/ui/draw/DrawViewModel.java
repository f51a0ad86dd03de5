package io.handwritingstudio.ui.draw;

import io.handwritingstudio.files.Failures;
import io.handwritingstudio.inference.sketch.Stroke;

import io.handwritingstudio.inference.Recognizer;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.SampleRef;
import io.handwritingstudio.ui.context.LatestRequest;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.visual.SampleInsight;
import javafx.concurrent.WorkerStateEvent;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import javafx.scene.image.Image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The drawing pad's state: the sketch or an opened picture, the newest reading of it, and the actions on it.
 * Recognition runs on {@link LivePredictor}'s thread, image loading on the studio's background tasks.
 */
public final class DrawViewModel {
    private final StudioContext context;
    private final Sketch sketch = new Sketch();
    private final ReadOnlyObjectWrapper<Reading> reading = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SampleInsight> insight = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<LoadedImage> image = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private final LivePredictor predictor;
    private Recognizer recognizer;
    /** Opened pictures and returns to the sketch: a picture that finishes loading after a later one does not show. */
    private final LatestRequest opens = new LatestRequest();
    private static final String READ_FAILED = "Could not read the drawing: ";

    public DrawViewModel(StudioContext context) {
        this.context = context;
        this.predictor = new LivePredictor(this::showReading, e -> problem.set(READ_FAILED + Failures.sentence(e)),
                insight::set);
        sketch.revisionProperty().addListener((o, a, b) -> {
            if (image.get() == null) refresh(!sketch.isDrawing());
        });
        context.currentModelProperty().addListener((o, a, b) -> useModel(b));
        useModel(context.currentModel());
    }

    public Sketch sketch() {
        return sketch;
    }

    /** The newest reading (JavaFX thread); null until the first one arrives. */
    public ReadOnlyObjectProperty<Reading> readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /**
     * Feature maps and saliency of the last settled reading (pen up, picture opened), JavaFX thread; null when
     * there is nothing to explain. While a stroke is drawn it still describes the previous one.
     */
    public ReadOnlyObjectProperty<SampleInsight> insightProperty() {
        return insight.getReadOnlyProperty();
    }

    /** The opened picture shown instead of the sketch; null while drawing. */
    ObjectProperty<LoadedImage> imageProperty() {
        return image;
    }

    /** A newer reading on screen: a failure to read an earlier one no longer describes what is shown. */
    private void showReading(Reading r) {
        if (problem.get().startsWith(READ_FAILED)) problem.set("");
        reading.set(r);
    }

    /** A message for the user when something could not be done; empty when all is well. */
    public StringProperty problemProperty() {
        return problem;
    }

    public ModelHandle model() {
        return context.currentModel();
    }

    private void useModel(ModelHandle handle) {
        recognizer = handle == null ? null : new Recognizer(handle.model());
        refresh(true);
    }

    /** Asks for a new reading of what is shown: throttled while a stroke is in progress. */
    void refresh(boolean now) {
        predictor.request(recognizer, picture(), now);
    }

    private Supplier<BufferedImage> picture() {
        LoadedImage shown = image.get();
        if (shown != null) return shown::pixels;
        List<Stroke> strokes = sketch.snapshot(); // immutable copy: the worker renders it
        return () -> SketchRasterizer.render(strokes);
    }

    public void undo() {
        sketch.undo();
    }

    public void clear() {
        opens.supersede(); // a picture still loading stays away
        if (image.get() != null) backToDrawing();
        sketch.clear();
    }

    /** Leaves the opened picture and shows (and reads) the sketch again. */
    public void backToDrawing() {
        opens.supersede();
        image.set(null);
        refresh(true);
    }

    public Task<LoadedImage> open(Path file) {
        return load(ImageImport.fromFile(file), file.getFileName().toString());
    }

    public Task<LoadedImage> open(Image picture, String name) {
        return load(ImageImport.fromFxImage(picture, name), name);
    }

    private Task<LoadedImage> load(Task<LoadedImage> task, String name) {
        LatestRequest.Ticket open = opens.next();
        problem.set("");
        context.status().working("Opening " + name + "...");
        task.setOnSucceeded(e -> {
            if (!open.isLatest()) return;
            image.set(task.getValue());
            context.status().news("Reading " + name);
            refresh(true);
        });
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            if (!open.isLatest()) return;
            Throwable ex = task.getException();
            problem.set(ImageImport.couldNotOpen(name, ex));
            context.status().problem("Could not open " + name);
        });
        return context.tasks().run(task);
    }

    /** Opens the network view on the 28x28 input the model just read. */
    public void inspect() {
        Reading r = reading.get();
        if (r == null || r.isBlank()) return;
        context.inspect(SampleRef.unlabelled("drawing", r.stages().result().pixels().clone()));
    }
}
