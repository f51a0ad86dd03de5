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

    /** A picture still loading when the pad is cleared (or another is opened) does not appear afterwards. */
    @Test
    void aPictureStillLoadingWhenThePadIsClearedStaysAway(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path picture = dir.resolve("seven.png");
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(600, 600, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 600, 600);
        g.setColor(java.awt.Color.BLACK);
        g.setStroke(new java.awt.BasicStroke(40));
        g.drawLine(150, 120, 450, 120);
        g.drawLine(450, 120, 250, 500);
        g.dispose();
        javax.imageio.ImageIO.write(img, "png", picture.toFile());
        StudioContext context = new StudioContext(); // a real background thread: the load finishes after clear()
        DrawViewModel vm = FxThread.call(() -> new DrawViewModel(context));
        var opened = FxThread.call(() -> {
            var task = vm.open(picture);
            vm.clear(); // before the load's result can reach the JavaFX thread
            return task;
        });
        opened.get(30, TimeUnit.SECONDS);
        FxThread.call(() -> null); // the load's completion handler has run
        assertEquals(null, FxThread.call(() -> vm.imageProperty().get()), "the cleared pad shows no picture");

        var first = FxThread.call(() -> vm.open(picture));
        first.get(30, TimeUnit.SECONDS);
        FxThread.call(() -> null);
        assertTrue(FxThread.call(() -> vm.imageProperty().get()) != null, "a picture opened and left alone shows");
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
