package io.handwritingstudio.ui.draw;

import io.handwritingstudio.files.Failures;
import io.handwritingstudio.inference.sketch.Stroke;

import io.handwritingstudio.data.ClassNames;
import io.handwritingstudio.data.UserSamples;
import io.handwritingstudio.inference.reading.LineReader;
import io.handwritingstudio.inference.reading.LineReading;
import io.handwritingstudio.inference.reading.LineSteps;
import io.handwritingstudio.model.EngineSetup;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.SampleRef;
import io.handwritingstudio.ui.context.LatestRequest;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * The pad's line mode: a wide sketch (or an opened picture of a line), its reading with the steps behind it, the
 * selected character, the user's corrections, and saving a corrected character to their samples. Reading runs on
 * one background thread (newest request wins, like {@link LivePredictor}); results arrive on the JavaFX thread.
 */
public final class LineReadingViewModel implements PictureTransfer.Receiver {
    /** The line paper in pad units (and screen pixels). */
    public static final double WIDTH = 820;
    public static final double HEIGHT = 220;
    /** Characters read with less confidence than this are marked for the user to check. */
    public static final float LOW_CONFIDENCE = 0.8f;

    /**
     * One reading of what is shown. {@code scale} and {@code offsetX/Y} map the picture's pixels onto the paper (a
     * sketch is rendered at half size; an opened picture is fitted and centred). {@code reading} is null without a model.
     */
    public record Result(long sequence, LineReading reading, LineSteps steps, double scale, double offsetX,
                         double offsetY) {
        public List<LineReading.Character> characters() {
            return reading == null ? List.of() : reading.characters();
        }

        /** A character's box on the paper: [x, y, w, h]. */
        public double[] paperBox(int i) {
            LineReading.Character c = characters().get(i);
            return new double[] {offsetX + c.x() * scale, offsetY + c.y() * scale, c.width() * scale, c.height() * scale};
        }
    }

    private final StudioContext context;
    private final Executor worker;
    private final Executor io;
    private final Executor fx;
    private final Sketch sketch = new Sketch();
    private final ObjectProperty<LoadedImage> image = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<Map<Integer, String>> corrections = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyIntegerWrapper saved = new ReadOnlyIntegerWrapper(-1);
    private final StringProperty problem = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper("");
    /** Readings asked for: one still queued when a newer one is asked for is skipped. */
    private final LatestRequest readings = new LatestRequest();
    private volatile LineReader reader;
    /** Opened pictures and returns to the sketch: a picture that finishes loading after a later one does not show. */
    private final LatestRequest opens = new LatestRequest();

    /** The studio's: reading on its own thread, saving on the background tasks, results on the JavaFX thread. */
    public LineReadingViewModel(StudioContext context) {
        this(context, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(() -> {
                EngineSetup.useOneNativeThreadHere(); // one line is one small batch: splitting it over cores waits
                r.run();
            }, "line-reader");
            t.setDaemon(true);
            return t;
        }), context.tasks(), Platform::runLater);
    }

    /** Tests pass direct executors to run everything in order on the calling thread. */
    LineReadingViewModel(StudioContext context, Executor worker, Executor io, Executor fx) {
        this.context = context;
        this.worker = worker;
        this.io = io;
        this.fx = fx;
        sketch.revisionProperty().addListener((o, a, b) -> {
            if (!sketch.isDrawing() && image.get() == null) refresh();
        });
        context.currentModelProperty().addListener((o, a, m) -> useModel(m));
        useModel(context.currentModel());
    }

    public Sketch sketch() { return sketch; }
    ObjectProperty<LoadedImage> imageProperty() { return image; }
    /** The newest reading; null before the first. */
    public ReadOnlyObjectProperty<Result> resultProperty() { return result.getReadOnlyProperty(); }
    /** The character shown for correction, -1 for none. */
    public ReadOnlyIntegerProperty selectedProperty() { return selected.getReadOnlyProperty(); }
    /** The user's labels by character index, for the current reading. */
    public ReadOnlyObjectProperty<Map<Integer, String>> correctionsProperty() { return corrections.getReadOnlyProperty(); }
    /** Samples in the user's folder after the last save; -1 before any. */
    public ReadOnlyIntegerProperty savedProperty() { return saved.getReadOnlyProperty(); }
    public StringProperty problemProperty() { return problem; }
    /** What an empty paper asks for, in the model's words: "Write a number here" for a digits model. */
    public ReadOnlyStringProperty hintProperty() { return hint.getReadOnlyProperty(); }

    private void useModel(ModelHandle handle) {
        reader = handle == null ? null : new LineReader(handle.model());
        hint.set(handle == null ? "Load a model, then write here" : "Write " + Wording.aLine(handle.classNames()) + " here");
        refresh();
    }

    /** Reads what is shown again, off the JavaFX thread; an older request still waiting is skipped. */
    public void refresh() {
        LatestRequest.Ticket request = readings.next();
        LineReader r = reader;
        LoadedImage shown = image.get();
        List<Stroke> strokes = shown == null ? sketch.snapshot() : null;
        worker.execute(() -> {
            if (!request.isLatest()) return; // a newer request is queued behind this one
            try {
                Result out = read(request.number(), r, shown, strokes);
                fx.execute(() -> show(out));
            } catch (RuntimeException | Error e) {
                fx.execute(() -> {
                    problem.set("Could not read the line: " + Failures.sentence(e));
                    Result shownReading = result.get();
                    if (shownReading != null && shownReading.sequence() < request.number()) { // it was the last picture's
                        selected.set(-1);
                        result.set(null);
                    }
                });
            }
        });
    }

    private static Result read(long sequence, LineReader r, LoadedImage shown, List<Stroke> strokes) {
        BufferedImage picture = shown != null ? shown.pixels()
                : SketchRasterizer.render(strokes, WIDTH, HEIGHT);
        double scale;
        double ox = 0;
        double oy = 0;
        if (shown == null) {
            scale = 1 / SketchRasterizer.SCALE;
        } else { // fitted into the paper like the ImageView shows it
            scale = Math.min(WIDTH / picture.getWidth(), HEIGHT / picture.getHeight());
            ox = (WIDTH - picture.getWidth() * scale) / 2;
            oy = (HEIGHT - picture.getHeight() * scale) / 2;
        }
        if (r == null) return new Result(sequence, null, null, scale, ox, oy);
        LineReader.Traced traced = r.readWithSteps(picture);
        return new Result(sequence, traced.reading(), traced.steps(), scale, ox, oy);
    }

    private void show(Result r) {
        Result current = result.get();
        if (current != null && current.sequence() > r.sequence()) return;
        corrections.set(Map.of());
        problem.set(""); // a message belongs to the reading it was about
        selected.set(r.characters().isEmpty() ? -1 : Math.min(selected.get(), r.characters().size() - 1));
        result.set(r);
    }

    /** Shows (and reads) a picture of a line instead of the sketch. */
    public void open(BufferedImage picture, String name) {
        image.set(new LoadedImage(name, picture, null));
        refresh();
    }

    /** Opens a picture file in the background, then reads it. */
    @Override
    public void openFile(Path file) {
        load(ImageImport.fromFile(file), file.getFileName().toString());
    }

    /** A pasted or dropped picture: converted in the background, then read. */
    @Override
    public void openPicture(javafx.scene.image.Image picture, String name) {
        load(ImageImport.fromFxImage(picture, name), name);
    }

    /** Why nothing was opened (an empty clipboard). */
    @Override
    public void refuse(String why) {
        problem.set(why);
    }

    private void load(Task<LoadedImage> task, String name) {
        LatestRequest.Ticket open = opens.next();
        problem.set("");
        task.setOnSucceeded(e -> {
            if (!open.isLatest()) return;
            image.set(task.getValue());
            refresh();
        });
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            if (!open.isLatest()) return;
            Throwable ex = task.getException();
            problem.set(ImageImport.couldNotOpen(name, ex));
        });
        context.tasks().run(task);
    }

    public void backToDrawing() {
        opens.supersede(); // a picture still loading stays away
        problem.set("");
        image.set(null);
        refresh();
    }

    public void clear() {
        opens.supersede();
        problem.set("");
        image.set(null);
        sketch.clear();
    }

    public void select(int index) {
        selected.set(index >= 0 && index < characters().size() ? index : -1);
    }

    /** The text as read, with the user's corrections in place. */
    public String text() {
        Result r = result.get();
        if (r == null) return "";
        StringBuilder out = new StringBuilder();
        List<LineReading.Character> cs = r.characters();
        for (int i = 0; i < cs.size(); i++) {
            if (cs.get(i).spaceBefore()) out.append(' ');
            out.append(label(i));
        }
        return out.toString();
    }

    /** What character {@code index} is taken to be: the user's label, else the prediction. */
    public String label(int index) {
        String fixed = corrections.get().get(index);
        return fixed != null ? fixed : characters().get(index).prediction();
    }

    /**
     * The user says character {@code index} is {@code label}; false (with a message) when the model has no such class.
     */
    public boolean correct(int index, String label) {
        if (index < 0 || index >= characters().size()) return false;
        String name = label == null ? "" : label.strip();
        ClassNames classes = characters().get(index).classes();
        if (classes.names().stream().noneMatch(name::equals)) {
            problem.set("\"" + name + "\" is not one of this model's classes (" + String.join(" ", classes.names()) + ")");
            return false;
        }
        problem.set("");
        Map<Integer, String> next = new HashMap<>(corrections.get());
        if (name.equals(characters().get(index).prediction())) next.remove(index);
        else next.put(index, name);
        corrections.set(Map.copyOf(next));
        return true;
    }

    /** Adds character {@code index}'s 28x28 input, with its label (corrected or read), to the user's samples. */
    public void save(int index) {
        if (index < 0 || index >= characters().size()) return;
        LineReading.Character c = characters().get(index);
        String name = label(index);
        int label = c.classes().names().indexOf(name);
        UserSamples samples = UserSamples.forClasses(c.classes());
        float[] pixels = c.input().clone();
        io.execute(() -> {
            try {
                int total = samples.append(pixels, label);
                fx.execute(() -> {
                    saved.set(total);
                    context.status().news("Saved a \"" + name + "\" to " + samples.folder());
                });
            } catch (Exception e) {
                fx.execute(() -> problem.set("Could not save the sample: " + Failures.sentence(e)));
            }
        });
    }

    /** Opens "Inside the network" on character {@code index}'s 28x28 input. */
    public void inspect(int index) {
        if (index < 0 || index >= characters().size()) return;
        LineReading.Character c = characters().get(index);
        int known = corrections.get().containsKey(index) ? c.classes().names().indexOf(label(index)) : -1;
        context.inspect(new SampleRef("line character " + (index + 1), -1, known, known < 0 ? null : label(index), c.input().clone()));
    }

    private List<LineReading.Character> characters() {
        Result r = result.get();
        return r == null ? List.of() : r.characters();
    }
}
