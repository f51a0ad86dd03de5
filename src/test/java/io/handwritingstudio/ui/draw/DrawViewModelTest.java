package io.handwritingstudio.ui.draw;

import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.testing.FxThread;
import io.handwritingstudio.ui.context.BackgroundTasks;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drawing pad's view model without a window: strokes in, a reading out. The live predictor keeps its own
 * thread (it coalesces strokes), so the test waits for the reading of the last revision.
 */
class DrawViewModelTest {
    @BeforeAll
    static void start() {
        FxThread.start();
    }

    @Test
    void aDrawnSevenIsReadAsSevenAndClearingEmptiesTheReading() throws Exception {
        StudioContext context = new StudioContext(BackgroundTasks.sameThread());
        var digits = ModelStore.load(Path.of("models", "mnist.zip"));
        DrawViewModel vm = FxThread.call(() -> {
            context.setCurrentModel(ModelHandle.of(digits, "bundled"));
            DrawViewModel model = new DrawViewModel(context);
            DemoSketches.digit('7').forEach(model.sketch()::add);
            return model;
        });
        Reading reading = awaitReading(vm, r -> r.hasPrediction());
        assertEquals("7", reading.recognition().prediction());
        assertTrue(reading.recognition().confidence() > 0.5, "confident: " + reading.recognition().confidence());

        FxThread.run(vm::clear);
        assertTrue(awaitReading(vm, Reading::isBlank).isBlank());
    }

    private static Reading awaitReading(DrawViewModel vm, java.util.function.Predicate<Reading> wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Reading r = FxThread.call(() -> vm.readingProperty().get());
            if (r != null && wanted.test(r)) return r;
            Thread.sleep(50);
        }
        throw new AssertionError("no such reading within a minute: " + FxThread.call(() -> vm.readingProperty().get()));
    }
}
