package io.handwritingstudio.ui.context;

import io.handwritingstudio.model.ModelLocator;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.testing.FxThread;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The studio's model is the one chosen last, in whichever view, not the one whose load finished last. */
class ModelChoiceTest {
    @BeforeAll
    static void start() {
        FxThread.start();
    }

    @Test
    void aLoadFinishingAfterALaterChoiceDoesNotReplaceIt() throws Exception {
        Path mnist = ModelLocator.resolve("mnist");
        ModelHandle chosen = ModelHandle.of(ModelStore.load(mnist), "chosen in another view meanwhile");
        StudioContext context = new StudioContext(); // a real background thread: the load finishes after the choice
        Job<ModelHandle> slower = FxThread.call(() -> {
            Job<ModelHandle> job = context.models().open(mnist); // "Open model..." or the startup model
            context.setCurrentModel(chosen); // before the load's result can reach the JavaFX thread
            return job;
        });
        ModelHandle loaded = slower.task().get(60, TimeUnit.SECONDS);
        FxThread.call(() -> null); // the load's completion handler has run
        assertNotSame(chosen, loaded);
        assertSame(chosen, FxThread.call(context::currentModel), "the later choice stays");

        Job<ModelHandle> alone = FxThread.call(() -> context.models().open(mnist));
        ModelHandle used = alone.task().get(60, TimeUnit.SECONDS);
        FxThread.call(() -> null);
        assertSame(used, FxThread.call(context::currentModel), "a load nobody overtook is used");
        assertTrue(used.isFrom(mnist));
    }
}
