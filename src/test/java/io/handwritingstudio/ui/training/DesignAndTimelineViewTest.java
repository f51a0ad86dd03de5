package io.handwritingstudio.ui.training;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.design.NetworkDesign;
import io.handwritingstudio.ui.training.design.DesignerViewModel;
import io.handwritingstudio.model.design.LayerSpec;
import io.handwritingstudio.model.design.Designs;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.training.TrainingTimeline;
import io.handwritingstudio.ui.StudioFixture;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.training.design.RunRecord;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The designer and the timeline in the training view, as a learner uses them: train the dense-only preset and a
 * convolutional one and compare them; scrub a finished run's timeline and reopen it from the saved model.
 */
class DesignAndTimelineViewTest extends ApplicationTest {
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

    private void smallRun(int trainImages, int epochs) {
        interact(() -> {
            ((TextField) lookup("#subset-field").query()).setText(String.valueOf(trainImages));
            ((TextField) lookup("#test-subset-field").query()).setText("500");
            view.form().epochs.getValueFactory().setValue(epochs);
            view.form().batchSize.getValueFactory().setValue(64);
        });
    }

    private void trainToTheEnd() throws Exception {
        int runs = controller.runs().size();
        clickOn("#start-button");
        assertTrue(controller.status().isActive(), "started: " + text("#form-error"));
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !controller.status().isActive()
                && controller.status() != TrainingStatus.IDLE);
        WaitForAsyncUtils.waitForFxEvents(); // the test thread saw the status; the rest of finish() is on the FX thread
        assertEquals(TrainingStatus.FINISHED, controller.status(), controller.errorProperty().get());
        assertEquals(runs + 1, controller.runs().size());
    }

    private String text(String id) {
        WaitForAsyncUtils.waitForFxEvents();
        return ((Label) lookup(id).query()).getText();
    }

    @Test
    void theDenseOnlyNetAndAConvolutionalOneTrainAndTheirAccuraciesAreCompared(@TempDir Path dir) throws Exception {
        clickOn("#tab-design");
        interact(() -> view.designer().presetProperty().set("dense"));
        assertEquals("dense", view.form().architecture.getValue(), "the form's network is the designer's preset");
        assertTrue(text("#design-totals").startsWith("109,386 parameters"), text("#design-totals"));
        assertEquals("128", text("#design-shape-0"));
        assertFalse(lookup("#design-edited-note").query().isVisible(), "the preset as it is: nothing to say");

        // an invalid design: the error shows at its layer and Start refuses it in one line
        interact(() -> {
            view.designer().selectedProperty().set(2);
            view.designer().add(io.handwritingstudio.ui.training.design.DesignerViewModel.Kind.CONV);
        });
        assertTrue(lookup("#design-error-3").query().isVisible());
        assertTrue(lookup("#design-edited-note").query().isVisible(), "the form says its network is no longer the preset");
        assertTrue(text("#design-error-3").contains("after a dense layer"), text("#design-error-3"));
        clickOn("#start-button");
        assertEquals(TrainingStatus.IDLE, controller.status());
        assertTrue(text("#form-error").contains("layer 4"), text("#form-error"));
        clickOn("#design-remove");
        assertTrue(view.designer().analysis().valid());

        smallRun(1_000, 1);
        trainToTheEnd();
        interact(() -> view.designer().presetProperty().set("classic"));
        trainToTheEnd();

        List<RunRecord> runs = controller.runs();
        assertEquals(2, runs.size());
        assertEquals("dense", runs.get(0).design());
        assertEquals("classic", runs.get(1).design());
        for (RunRecord r : runs) assertTrue(r.testAccuracy() > 0.5, r + ": well above chance after 16 batches");
        clickOn("#tab-design");
        assertTrue(text("#design-run-0").startsWith("last, classic: "), text("#design-run-0"));
        assertTrue(text("#design-run-1").startsWith("previous, dense: "), text("#design-run-1"));
        assertTrue(text("#design-estimate").startsWith("About "), "a speed was measured: " + text("#design-estimate"));

        // the designed network goes into the model card, as train --arch-file does
        Path file = dir.resolve("classic.zip");
        var save = controller.saveModel(file);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, save::isDone);
        NetworkDesign saved = ModelStore.card(file).orElseThrow().networkDesign().orElseThrow();
        assertEquals(io.handwritingstudio.model.design.Designs.classic().layers(), saved.layers());
    }

    @Test
    void theSliderScrubsAFinishedRunAndTheTimelineReopensFromTheModelFile(@TempDir Path dir) throws Exception {
        smallRun(1_000, 2);
        java.util.Set<TrainingTimeline> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        interact(() -> controller.timelineProperty().addListener((o, was, is) -> { if (is != null) seen.add(is); }));
        trainToTheEnd();
        assertTrue(seen.size() >= 2, "snapshots arrive while the run trains, not only at its end: " + seen.size());
        clickOn("#tab-timeline");
        Slider slider = lookup("#timeline-slider").query();
        TrainingTimeline timeline = view.timeline().timeline();
        int snapshots = timeline.snapshots().size();
        assertTrue(snapshots > 2, "start, iteration 10, two epoch ends: " + snapshots);
        assertEquals(snapshots - 1, slider.getMax());
        assertEquals(snapshots - 1, (int) slider.getValue(), "shows the newest snapshot after a run");

        interact(() -> slider.setValue(0));
        String startProbes = text("#timeline-probe-accuracy");
        int[] startFilters = pixels(lookup("#timeline-filters").query());
        assertTrue(text("#timeline-summary").startsWith("start"), text("#timeline-summary"));
        interact(() -> slider.setValue(snapshots - 1));
        String endProbes = text("#timeline-probe-accuracy");
        int[] endFilters = pixels(lookup("#timeline-filters").query());
        assertTrue(text("#timeline-summary").startsWith("epoch 2"), text("#timeline-summary"));
        assertNotEquals(startProbes, endProbes);
        assertTrue(rightOf(endProbes) > rightOf(startProbes), startProbes + " -> " + endProbes);
        int changed = 0;
        for (int i = 0; i < startFilters.length; i++) if (startFilters[i] != endFilters[i]) changed++;
        assertTrue(changed > startFilters.length / 20, "the filters look different: " + changed + " of "
                + startFilters.length + " pixels changed");

        interact(() -> view.timeline().compareIndexProperty().set(0));
        assertTrue(lookup("#timeline-compare-title").query().getParent().isVisible(), "the second column shows");
        assertEquals("start", text("#timeline-compare-title"));
        assertEquals(((javafx.scene.layout.Pane) lookup("#timeline-filters").query()).getChildren().size(),
                ((javafx.scene.layout.Pane) lookup("#timeline-change-filters").query()).getChildren().size(),
                "what changed, filter by filter");
        assertFalse(((javafx.scene.layout.Pane) lookup("#timeline-compare-filters").query()).getChildren().isEmpty());
        assertTrue(text("#timeline-flips").contains("flipped"), text("#timeline-flips"));

        Path file = dir.resolve("scrubbed.zip");
        var save = controller.saveModel(file);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, save::isDone);
        var open = view.timeline().open(file);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, open::isDone);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(snapshots, view.timeline().timeline().snapshots().size());
        assertEquals(0, (int) slider.getValue(), "a reopened timeline starts at the beginning");
        assertEquals(startProbes, text("#timeline-probe-accuracy"));
        assertTrue(text("#timeline-source").startsWith("scrubbed.zip"), text("#timeline-source"));
    }

    @Test
    void beforeAnyRunTheTimelineShowsTheOneSavedInTheModelInUse() throws Exception {
        Path letters = io.handwritingstudio.model.ModelLocator.resolve("letters");
        TrainedModel model = ModelStore.load(letters);
        interact(() -> context.setCurrentModel(io.handwritingstudio.ui.context.ModelHandle.fromFile(model, letters)));
        clickOn("#tab-timeline");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> text("#timeline-source").startsWith("letters.zip"));
        assertTrue(text("#timeline-source").startsWith("letters.zip, the model in use, "), text("#timeline-source"));
        assertEquals(TrainingTimeline.readFrom(letters).orElseThrow().snapshots().size(),
                view.timeline().timeline().snapshots().size());
        assertEquals(26, view.timeline().timeline().classNames().size(), "the letters model's own timeline");

        smallRun(1000, 1);
        interact(() -> context.currentDatasetProperty().set("mnist"));
        trainToTheEnd();
        assertTrue(text("#timeline-source").startsWith("This run"), "a run replaces it: " + text("#timeline-source"));
        assertEquals(10, view.timeline().timeline().classNames().size());

        // choosing a model elsewhere after a run leaves the run's timeline in place
        interact(() -> context.setCurrentModel(io.handwritingstudio.ui.context.ModelHandle.fromFile(model, letters)));
        Thread.sleep(2_000); // the read it must not start would take well under that
        assertTrue(text("#timeline-source").startsWith("This run"), text("#timeline-source"));
        assertEquals(10, view.timeline().timeline().classNames().size());
    }

    private static int rightOf(String probes) { // "Probes right: 27 of 32"
        return Integer.parseInt(probes.replaceAll("Probes right: (\\d+) of \\d+", "$1"));
    }

    private int[] pixels(Node node) {
        WritableImage[] shot = new WritableImage[1];
        interact(() -> shot[0] = node.snapshot(null, null));
        PixelReader r = shot[0].getPixelReader();
        int w = (int) shot[0].getWidth(), h = (int) shot[0].getHeight();
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) out[y * w + x] = r.getArgb(x, y);
        return out;
    }

    /**
     * Issue #18's "an edited net trains from the studio": a preset changed until it is none of the presets trains,
     * and the network that comes out is the one designed, not the preset it began as.
     */
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
