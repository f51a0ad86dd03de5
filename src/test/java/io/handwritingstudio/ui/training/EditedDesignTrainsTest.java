package io.handwritingstudio.ui.training;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.model.design.Designs;
import io.handwritingstudio.model.design.LayerSpec;
import io.handwritingstudio.ui.StudioFixture;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.training.design.DesignerViewModel;
import io.handwritingstudio.ui.training.design.RunRecord;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #18's "an edited net trains from the studio": a learner changes a preset in the designer until it is none
 * of the presets, trains it, and the network that comes out is the one they designed, not the preset it began as.
 */
class EditedDesignTrainsTest extends ApplicationTest {
    private StudioContext context;
    private TrainingController controller;
    private TrainingView view;

    @Override
    public void start(Stage stage) {
        context = StudioFixture.on(stage).views(c -> {
            controller = new TrainingController(c, DatasetRepository.createDefault());
            view = new TrainingView(c, controller);
            return List.of(view);
        });
    }

    @Test
    void theDensePresetWithFewerUnitsAndOneMoreLayerTrainsAsDesigned() throws Exception {
        clickOn("#tab-design");
        DesignerViewModel designer = view.designer();
        interact(() -> {
            // the dense-only preset learns within 16 batches (tiny's few thousand parameters need more): its first
            // layer gets 96 units instead of 128, and a dense layer of 64 goes after the last one
            designer.presetProperty().set("dense");
            LayerSpec.Dense first = (LayerSpec.Dense) designer.layers().get(0);
            designer.replace(0, new LayerSpec.Dense(96, first.activation(), first.bias()));
            designer.selectedProperty().set(designer.layers().size() - 1);
            designer.add(DesignerViewModel.Kind.DENSE);
        });
        List<LayerSpec> edited = List.copyOf(designer.layers());
        long designedParameters = designer.analysis().parameters();
        assertTrue(designer.analysis().valid(), "the edited design is valid");
        assertTrue(designer.editedProperty().get());
        assertEquals(Designs.denseOnly().layers().size() + 1, edited.size());
        for (var preset : Designs.presets()) assertNotEquals(preset.layers(), edited, "differs from " + preset.name());

        interact(() -> {
            ((TextField) lookup("#subset-field").query()).setText("2000");
            ((TextField) lookup("#test-subset-field").query()).setText("500");
            view.form().epochs.getValueFactory().setValue(1);
            view.form().batchSize.getValueFactory().setValue(64);
        });
        clickOn("#start-button");
        assertTrue(controller.status().isActive(), "started: " + ((Label) lookup("#form-error").query()).getText());
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !controller.status().isActive()
                && controller.status() != TrainingStatus.IDLE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TrainingStatus.FINISHED, controller.status(), controller.errorProperty().get());

        RunRecord run = controller.runs().get(controller.runs().size() - 1);
        assertEquals("custom", run.design(), "an edited preset trains as a custom design");
        assertEquals(designedParameters, run.parameters());
        assertTrue(run.testAccuracy() > 0.5, run + ": well above chance (0.1) after 32 batches");

        TrainedModel[] model = new TrainedModel[1];
        interact(() -> model[0] = controller.useModel().model());
        assertEquals(edited, model[0].card().networkDesign().orElseThrow().layers(), "the card keeps the edited layers");
        assertEquals(designedParameters, model[0].network().numParams(), "the trained network is the designed one");
        // a dropout row is a setting of the layer after it in the built network, not a layer of its own
        long built = edited.stream().filter(l -> !(l instanceof LayerSpec.Dropout)).count() + 1;
        assertEquals(built, model[0].network().getnLayers(), "the designed layers and the output layer");
        assertNotEquals(io.handwritingstudio.model.design.DesignAnalysis.of(Designs.denseOnly(), 10).parameters(),
                model[0].network().numParams(), "not the dense preset it began as");
    }
}
