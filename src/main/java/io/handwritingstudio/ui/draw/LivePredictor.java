package io.handwritingstudio.ui.draw;

import io.handwritingstudio.inference.MnistPreprocessor;
import io.handwritingstudio.model.EngineSetup;
import io.handwritingstudio.visual.SampleInsight;
import io.handwritingstudio.inference.Recognizer;
import javafx.application.Platform;

import java.awt.image.BufferedImage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Recognizes the pad's content while the user draws, on one background thread. Requests made during a stroke
 * are throttled (at most one per {@link #THROTTLE_MS}); the end of a stroke is sent at once. Only the newest
 * request matters: a queued one is replaced by a newer one, and a result older than what is shown is dropped.
 * A settled request (pen up, picture opened) is then explained: feature maps and saliency, computed only while
 * no newer request waits, so explaining never delays the bars.
 */
final class LivePredictor {
    static final long THROTTLE_MS = 45;

    /** What to recognize: the picture is made on the worker thread from immutable data. */
    record Request(long sequence, Recognizer recognizer, Supplier<BufferedImage> picture, long requestedAt,
                   boolean settled) {
    }

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(() -> {
            EngineSetup.useOneNativeThreadHere();
            r.run();
        }, "draw-recognizer");
        t.setDaemon(true);
        return t;
    });
    private final MnistPreprocessor preprocessor = new MnistPreprocessor();
    private final Consumer<Reading> onReading;
    private final Consumer<Throwable> onError;
    private final Consumer<SampleInsight> onInsight;

    private final Object lock = new Object();
    private Request pending;
    private boolean scheduled;
    private long lastStart;
    private long sequence;
    private long shown = -1; // FX thread only

    /**
     * Every callback runs on the JavaFX thread. {@code onInsight} gets the explanation of the reading on screen,
     * or null when that reading has nothing to explain.
     */
    LivePredictor(Consumer<Reading> onReading, Consumer<Throwable> onError, Consumer<SampleInsight> onInsight) {
        this.onReading = onReading;
        this.onError = onError;
        this.onInsight = onInsight;
    }

    /**
     * Asks for a new reading. {@code now} skips the throttle (stroke ended, image loaded, model switched).
     */
    void request(Recognizer recognizer, Supplier<BufferedImage> picture, boolean now) {
        synchronized (lock) {
            pending = new Request(++sequence, recognizer, picture, System.nanoTime(), now);
            if (scheduled) {
                if (!now) return; // the scheduled run will pick the newest request
            }
            long wait = now ? 0 : Math.max(0, lastStart + TimeUnit.MILLISECONDS.toNanos(THROTTLE_MS) - System.nanoTime());
            scheduled = true;
            worker.schedule(this::runNewest, wait, TimeUnit.NANOSECONDS);
        }
    }

    private void runNewest() {
        Request request;
        synchronized (lock) {
            request = pending;
            pending = null;
            scheduled = pending != null;
            if (request == null) return;
            lastStart = System.nanoTime();
        }
        Reading reading;
        try {
            reading = read(request);
        } catch (RuntimeException | Error e) {
            Platform.runLater(() -> onError.accept(e));
            return;
        }
        Platform.runLater(() -> show(reading));
        if (!request.settled() || !reading.hasPrediction()) return;
        try {
            explain(request, reading);
        } catch (RuntimeException | Error e) { // the reading stands; only its explanation is missing
            System.getLogger(LivePredictor.class.getName()).log(System.Logger.Level.WARNING, "could not explain a drawing", e);
            Platform.runLater(() -> {
                if (shown == request.sequence()) onInsight.accept(null);
            });
        }
    }

    private Reading read(Request request) {
        long started = System.nanoTime();
        // framed as the model's training images were; with no model, MNIST's way
        MnistPreprocessor p = request.recognizer() == null ? preprocessor : request.recognizer().preprocessor();
        MnistPreprocessor.Stages stages = p.stages(request.picture().get());
        var recognition = request.recognizer() == null ? null : request.recognizer().recognize(stages.result());
        StagePictures pictures = StagePictures.of(stages);
        var timing = new Reading.Timing(request.requestedAt(), started, System.nanoTime());
        return new Reading(request.sequence(), recognition, stages, pictures, timing);
    }

    /** Feature maps first, then saliency (the slow part), each only if nothing newer is waiting. */
    private void explain(Request request, Reading reading) {
        if (newerWaiting()) return;
        SampleInsight insight = SampleInsight.compute(request.recognizer().model(),
                reading.recognition().input().pixels().clone());
        if (newerWaiting()) return;
        SampleInsight explained = insight.withSaliency();
        Platform.runLater(() -> {
            if (shown == request.sequence()) onInsight.accept(explained);
        });
    }

    private boolean newerWaiting() {
        synchronized (lock) {
            return pending != null;
        }
    }

    private void show(Reading reading) {
        if (reading.sequence() <= shown) return; // a newer answer is already on screen
        shown = reading.sequence();
        onReading.accept(reading);
        if (!reading.hasPrediction()) onInsight.accept(null); // nothing drawn: nothing to explain
    }
}
