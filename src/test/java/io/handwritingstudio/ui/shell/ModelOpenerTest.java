package io.handwritingstudio.ui.shell;

import io.handwritingstudio.ui.StudioFixture;
import io.handwritingstudio.ui.kit.Theme;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening a broken model file explains what is wrong and leaves the studio as it was. */
class ModelOpenerTest extends ApplicationTest {
    private StudioContext context;

    @Override
    public void start(Stage stage) {
        context = StudioFixture.on(stage).studio("datasets");
    }

    @Test
    void aCorruptZipIsAClearErrorAndTheStudioStaysUsable(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.zip");
        Files.writeString(bad, "this is not a model");
        var errors = new CopyOnWriteArrayList<String>();
        var opener = new ModelOpener(context, errors::add);
        // Other views post to the status bar too (the dataset finishing its load): record everything it showed.
        var statusShown = new CopyOnWriteArrayList<String>();
        interact(() -> context.status().textProperty().addListener((o, was, is) -> statusShown.add(is)));
        interact(() -> opener.open(bad));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !errors.isEmpty());
        assertTrue(errors.get(0).startsWith("broken.zip: not a valid model file"), errors.get(0));
        assertTrue(errors.get(0).endsWith("The studio keeps using the current model."));
        assertNull(context.currentModel());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Model: none", ((Label) lookup("#status-model").query()).getText());
        assertTrue(statusShown.stream().anyMatch(m -> m.startsWith("Could not open broken.zip")), statusShown.toString());
        // still usable: navigation works
        clickOn("#nav-training");
        assertEquals("Train a network and watch it learn", ((Label) lookup(".view-subtitle").query()).getText());
    }

    @Test
    void theThemeToggleSwitchesToDarkAndBack() {
        clickOn("#theme-toggle");
        assertTrue(Theme.isDark());
        clickOn("#theme-toggle");
        assertTrue(!Theme.isDark());
    }
}
