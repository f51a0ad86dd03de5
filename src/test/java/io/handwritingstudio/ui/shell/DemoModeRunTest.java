package io.handwritingstudio.ui.shell;

import io.handwritingstudio.ui.StudioApp;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.context.StudioView;
import io.handwritingstudio.ui.training.TrainingStatus;
import io.handwritingstudio.ui.training.TrainingView;
import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The screenshot script's training run ({@code hws.demo.training=run:images:epochs}) on a window that is built but
 * not yet drawn, as the app applies it: the training form and Start sit in a scroll pane, and a lookup by id used to
 * find nothing there before its first layout (the app died with a NullPointerException, so no training, timeline or
 * fine-tune screenshot could be taken).
 */
class DemoModeRunTest extends ApplicationTest {
    private StudioContext context;
    private TrainingView training;
    private Scene scene;

    @Override
    public void start(Stage stage) {
        context = new StudioContext();
        training = new TrainingView(context);
        List<StudioView> views = List.of(training);
        scene = StudioApp.createScene(context, views, "training");
        stage.setScene(scene);
        stage.setWidth(1200);
        stage.setHeight(760);
    }

    @AfterEach
    void stopTheRun() {
        interact(() -> training.controller().stop());
    }

    @Test
    void aRunIsSetUpAndStartedBeforeTheWindowIsDrawn() throws Exception {
        Properties demo = new Properties();
        demo.setProperty("hws.demo.training", "run:300:1");
        interact(() -> DemoMode.apply(demo, context, List.of(training)));
        assertEquals("300", ((TextField) training.root().lookup("#subset-field")).getText());
        assertEquals(1, ((Spinner<?>) training.root().lookup("#epochs-spinner")).getValue());
        interact(() -> ((Stage) scene.getWindow()).show());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> training.controller().statusProperty().get() != TrainingStatus.IDLE);
    }
}
