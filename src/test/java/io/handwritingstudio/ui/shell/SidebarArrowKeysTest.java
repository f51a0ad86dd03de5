package io.handwritingstudio.ui.shell;

import io.handwritingstudio.ui.StudioFixture;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #15: Down on the sidebar's selected page moves to the next page, every time: the focus, the selection and
 * the page on screen move together (the datasets test only checked the page if the focus happened to move).
 */
class SidebarArrowKeysTest extends ApplicationTest {
    @Override
    public void start(Stage stage) {
        StudioFixture.on(stage).studio("datasets");
    }

    @Test
    void downOnTheSelectedPageShowsAndSelectsTheNextPage() {
        ToggleButton datasets = lookup("#nav-datasets").query();
        ToggleButton training = lookup("#nav-training").query();
        assertTrue(datasets.isSelected(), "the studio opens on the datasets page");
        assertEquals("Datasets", title(), "the page shown is the selected one");

        interact(datasets::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(datasets.isFocused());
        type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(training.isFocused(), "the focus moved to the next sidebar button");
        assertTrue(training.isSelected(), "and the selection with it");
        assertFalse(datasets.isSelected());
        assertEquals(training.getText(), title(), "and the page on screen is the training page");
        assertTrue(lookup(".training-view").tryQuery().isPresent(), "the training view is in the window");

        type(KeyCode.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(datasets.isSelected() && datasets.isFocused(), "Up goes back");
        assertEquals("Datasets", title());
    }

    private String title() {
        return ((Label) lookup(".view-title").query()).getText();
    }
}
