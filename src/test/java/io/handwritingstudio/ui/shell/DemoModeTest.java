package io.handwritingstudio.ui.shell;

import io.handwritingstudio.ui.StudioFixture;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.draw.DrawView;
import io.handwritingstudio.ui.training.TrainingView;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scripted user behind the screenshots: the states it is asked for appear, through the views' own controls
 * (ArchitectureTest checks that no other class reads a demo property).
 */
class DemoModeTest extends ApplicationTest {
    private StudioContext context;
    private DrawView draw;
    private TrainingView training;

    @Override
    public void start(Stage stage) {
        context = StudioFixture.on(stage).size(1200, 760).views(c -> {
            draw = new DrawView(c);
            training = new TrainingView(c);
            return List.of(training, draw);
        });
    }

    @Test
    void putsTheStudioInTheRequestedState() {
        Properties demo = new Properties();
        demo.setProperty("hws.demo.training.tab", "design");
        demo.setProperty("hws.demo.design", "lenet5");
        demo.setProperty("hws.demo.draw", "7");
        demo.setProperty("hws.demo.line", "4071");
        int before = draw.viewModel().sketch().revisionProperty().get();
        interact(() -> DemoMode.apply(demo, context, List.of(training, draw)));

        TabPane tabs = lookup("#training-tabs").query();
        assertEquals("tab-design", tabs.getSelectionModel().getSelectedItem().getId());
        assertEquals("lenet5", training.designer().presetProperty().get());
        assertTrue(draw.viewModel().sketch().revisionProperty().get() > before, "a 7 is drawn on the pad");
        assertTrue(draw.lineViewModel().sketch().revisionProperty().get() > 0, "a number is drawn in line mode");
        assertTrue(((javafx.scene.control.ToggleButton) draw.root().lookup("#draw-mode-line")).isSelected(),
                "the pad is in line mode");
    }

    @Test
    void nothingRequestedChangesNothing() {
        int before = draw.viewModel().sketch().revisionProperty().get();
        interact(() -> DemoMode.apply(new Properties(), context, List.of(training, draw)));
        assertEquals(before, draw.viewModel().sketch().revisionProperty().get());
        assertEquals("tab-progress", ((TabPane) lookup("#training-tabs").query()).getSelectionModel().getSelectedItem().getId());
    }
}
