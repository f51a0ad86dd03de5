package io.handwritingstudio.ui.draw;

import io.handwritingstudio.ui.StudioFixture;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without a studio model the pad says so; picking a bundled model loads it and brings up its class bars. */
class ModelSwitcherTest extends ApplicationTest {
    @TempDir
    static Path models;
    private static String previousDir;
    private StudioContext context;

    @BeforeAll
    static void bundleADigitsModel() throws Exception {
        Files.copy(TestModels.digitsFile(), models.resolve("mnist.zip"));
        previousDir = System.getProperty("hws.models.dir");
        System.setProperty("hws.models.dir", models.toString());
    }

    @AfterAll
    static void restore() {
        if (previousDir == null) System.clearProperty("hws.models.dir");
        else System.setProperty("hws.models.dir", previousDir);
    }

    @Override
    public void start(Stage stage) {
        context = StudioFixture.on(stage).studio("draw");
    }

    @Test
    void pickingTheBundledDigitsModelLoadsItAndShowsItsClasses() throws Exception {
        assertTrue(text("#draw-hint").startsWith("No model loaded"), text("#draw-hint"));
        ComboBox<io.handwritingstudio.ui.kit.ModelPicker.Choice> switcher = lookup("#draw-model").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !switcher.getItems().isEmpty());
        assertEquals("Digits (mnist.zip)", switcher.getItems().get(0).label());

        interact(() -> switcher.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.currentModel() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10, context.currentModel().classCount());
        // the pad takes the new model on its own worker, then updates the hint: wait for it, not just for the model
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> text("#draw-hint").startsWith("Draw a digit"));
        assertEquals("reads digits", text("#draw-reads"));
        assertEquals(10, lookup("#draw-bars .probability-bar-row").queryAll().size());
        assertEquals("Digits (mnist.zip)", switcher.getValue().label());
    }

    private String text(String id) {
        return ((Label) lookup(id).query()).getText();
    }
}
