package io.handwritingstudio.ui.draw;

import io.handwritingstudio.data.UserSamples;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.ui.StudioFixture;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;

import java.nio.file.Path;

/** For the pad's UI tests: the whole studio on the Draw view with the digits model; saved samples go to {@link #temp}. */
abstract class PadStudio extends ApplicationTest {
    @TempDir
    static Path temp;
    static TrainedModel model;
    StudioContext context;

    @BeforeAll
    static void loadModel() throws Exception {
        System.setProperty(UserSamples.DATA_DIR_PROPERTY, temp.resolve("user").toString());
        model = TestModels.digits();
    }

    @Override
    public void start(Stage stage) {
        context = StudioFixture.on(stage).withModel(model).studio("draw");
    }
}
