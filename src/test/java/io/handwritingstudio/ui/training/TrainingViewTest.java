package io.handwritingstudio.ui.training;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.ui.StudioFixture;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.shell.PulseGapMonitor;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trains small networks through the training view as a user would: start, pause, resume, stop, finish, save, use. */
class TrainingViewTest extends ApplicationTest {
    private static final StringBuilder PULSE_REPORT = new StringBuilder();
    private StudioContext context;
    private TrainingController controller;
    private final PulseGapMonitor pulses = new PulseGapMonitor();

    @Override
    public void start(Stage stage) {
        context = StudioFixture.on(stage).views(c -> {
            controller = new TrainingController(c, DatasetRepository.createDefault());
            return List.of(new TrainingView(c, controller));
        });
    }

    @AfterAll
    static void writePulseReport() throws Exception {
        Path out = Path.of("target", "pulse-gaps-training.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, PULSE_REPORT.toString());
        System.out.print(PULSE_REPORT);
    }

    private void fill(String id, String text) {
        interact(() -> ((TextField) lookup(id).query()).setText(text));
    }

    private void smallRun(int trainImages, int epochs) {
        fill("#subset-field", String.valueOf(trainImages));
        fill("#test-subset-field", "500");
        interact(() -> form().epochs.getValueFactory().setValue(epochs));
        interact(() -> form().batchSize.getValueFactory().setValue(64));
    }

    private TrainingForm form() {
        return (TrainingForm) lookup(".training-form").query();
    }

    private String statusText() {
        WaitForAsyncUtils.waitForFxEvents();
        return ((Label) lookup("#training-status").query()).getText();
    }

    /** Pixels of the chart, as rendered, that have the (light theme's) line colour. */
    private int linePixels(LossChart chart) {
        WritableImage shot = new WritableImage((int) chart.getWidth(), (int) chart.getHeight());
        interact(() -> chart.snapshot(null, shot));
        Color line = Color.web("#0969da");
        int n = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                Color c = shot.getPixelReader().getColor(x, y);
                if (Math.abs(c.getRed() - line.getRed()) + Math.abs(c.getGreen() - line.getGreen())
                        + Math.abs(c.getBlue() - line.getBlue()) < 0.1) n++;
            }
        }
        return n;
    }

    @Test
    void pauseHoldsTheIterationCountResumeMovesItStopCancels() throws Exception {
        // Epochs to spare: Pause must land with batches still to come (Stop cancels the rest). With 2 epochs a fast
        // machine finished the run while the chart filled, and Resume had nothing left to move.
        smallRun(2_000, 10);
        interact(pulses::start);
        clickOn("#start-button");
        LossChart chart = lookup("#loss-chart").query();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> chart.drawnPoints() >= 10);
        assertEquals("Training", statusText());
        assertTrue(controller.lossSeries().size() >= 3);
        int linePixels = linePixels(chart);
        assertTrue(linePixels > 100, "the loss line is on screen: " + linePixels + " pixels in its colour");

        clickOn("#pause-button");
        assertEquals("Paused", statusText());
        // the batch in flight when Pause was clicked still finishes: wait until its update has arrived
        long[] last = {-1};
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            long now = controller.iterationProperty().get();
            boolean settled = now == last[0];
            last[0] = now;
            Thread.sleep(1_000);
            return settled;
        });
        long held = controller.iterationProperty().get();
        Thread.sleep(1_000);
        assertEquals(held, controller.iterationProperty().get(), "no iterations while paused");
        assertTrue(lookup("#pause-button").query().isDisabled());
        assertFalse(lookup("#resume-button").query().isDisabled());

        clickOn("#resume-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> controller.iterationProperty().get() > held);
        assertEquals("Training", statusText());

        clickOn("#stop-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> controller.status() == TrainingStatus.CANCELLED);
        assertEquals("Stopped", statusText());
        assertFalse(lookup("#start-button").query().isDisabled(), "a new run can start");
        assertTrue(controller.log().stream().anyMatch(l -> l.startsWith("Cancelled in epoch")));
        interact(pulses::stop);
        report("pause/resume/stop run (2,000 images)");
    }

    @Test
    void aFinishedRunIsSavedReloadedAndUsed(@TempDir Path dir) throws Exception {
        smallRun(1_000, 2);
        interact(pulses::start);
        clickOn("#start-button");
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !controller.status().isActive()
                && controller.status() != TrainingStatus.IDLE);
        interact(pulses::stop);
        report("finished run (1,000 images, 2 epochs)");
        assertEquals(TrainingStatus.FINISHED, controller.status(), controller.errorProperty().get());
        assertEquals("Finished", statusText());
        assertEquals(2, controller.epochs().size());
        LineChart<?, ?> accuracy = lookup("#accuracy-chart").query();
        assertEquals(2, accuracy.getData().get(0).getData().size(), "train accuracy per epoch");
        assertEquals(2, accuracy.getData().get(1).getData().size(), "test accuracy per epoch");
        assertEquals(1.0, controller.progressProperty().get());
        // 1,000 images in batches of 64 = 16 iterations per epoch
        assertEquals(32, controller.iterationProperty().get());
        assertEquals(32, controller.lossSeries().size());
        assertFalse(lookup("#save-button").query().isDisabled());

        Path file = dir.resolve("mine.zip");
        var save = controller.saveModel(file);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, save::isDone);
        assertEquals(file, save.get());
        TrainedModel loaded = ModelStore.load(file);
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), loaded.classes().names());
        assertEquals(2, loaded.card().epochs());
        assertEquals("mine", loaded.card().name());
        assertEquals("mnist", loaded.card().dataset());
        assertTrue(Files.exists(ModelStore.cardPath(file)));

        clickOn("#use-button");
        assertEquals("trained in the studio", context.currentModel().description());
        assertEquals(10, context.currentModel().classCount());
        assertTrue(((Label) lookup("#status-model").query()).getText().contains("(10 classes)"));
    }

    @Test
    void theNetworkChoiceIsAsWideAsTheFieldsUnderIt() {
        WaitForAsyncUtils.waitForFxEvents();
        double network = lookup("#arch-choice").queryAs(javafx.scene.layout.Region.class).getWidth();
        double images = lookup("#subset-field").queryAs(javafx.scene.layout.Region.class).getWidth();
        assertEquals(images, network, 1.0, "the combo box sits in a box with its note and was only as wide as its text");
    }

    @Test
    void aBadLearningRateIsExplainedAndNothingStarts() {
        fill("#lr-field", "fast");
        clickOn("#start-button");
        assertEquals("Learning rate must be a number, not \"fast\".", ((Label) lookup("#form-error").query()).getText());
        assertEquals(TrainingStatus.IDLE, controller.status());
        fill("#lr-field", "50");
        clickOn("#start-button");
        assertEquals("Learning rate must be in (0, 10].", ((Label) lookup("#form-error").query()).getText());
        assertEquals(TrainingStatus.IDLE, controller.status());
        // mending the field clears the message at once (it stayed until the next Start)
        fill("#lr-field", "0.001");
        assertEquals("", ((Label) lookup("#form-error").query()).getText());
        assertEquals(TrainingStatus.IDLE, controller.status());
        // a seed or an image count is a whole number, and NaN none (1.5 was cut to 1, NaN to 0, without a word)
        fill("#seed-field", "1.5");
        clickOn("#start-button");
        assertEquals("Seed must be a whole number, not \"1.5\".", ((Label) lookup("#form-error").query()).getText());
        fill("#seed-field", "42");
        fill("#subset-field", "NaN");
        clickOn("#start-button");
        assertEquals("Training images must be a number, not \"NaN\".", ((Label) lookup("#form-error").query()).getText());
        assertEquals(TrainingStatus.IDLE, controller.status());
    }

    /** Bug: after a finished run, Start then an early Stop showed accuracy lines that belonged to no run. */
    @Test
    void aRestartStoppedBeforeItsFirstEpochShowsNoAccuracyLines() throws Exception {
        smallRun(1_000, 2);
        clickOn("#start-button");
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> controller.status() == TrainingStatus.FINISHED);
        LineChart<?, ?> accuracy = lookup("#accuracy-chart").query();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, drawnLines(accuracy).size());
        assertTrue(drawnLines(accuracy).stream().allMatch(n -> n > 1), "train and test lines drawn: " + drawnLines(accuracy));

        smallRun(20_000, 2);
        clickOn("#start-button");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> controller.iterationProperty().get() >= 3);
        clickOn("#stop-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> controller.status() == TrainingStatus.CANCELLED);
        assertTrue(controller.epochs().isEmpty(), "no epoch of the new run finished");
        interact(() -> ((Stage) accuracy.getScene().getWindow()).setWidth(1100)); // the old lines distorted on resize
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(0, 0), drawnLines(accuracy), "no line belongs to the stopped run");
        assertTrue(accuracy.lookupAll(".chart-line-symbol").stream()
                .noneMatch(n -> n.isVisible() && !inLegend(n)), "no epoch markers");
    }

    private static boolean inLegend(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) if (p.getStyleClass().contains("chart-legend")) return true;
        return false;
    }

    /** Path elements of each series' line on screen (0: nothing drawn). */
    private static List<Integer> drawnLines(LineChart<?, ?> chart) {
        return chart.lookupAll(".chart-series-line").stream()
                .filter(javafx.scene.Node::isVisible)
                .map(n -> ((javafx.scene.shape.Path) n).getElements().size())
                .toList();
    }

    /** A run at a learning rate that diverges ends with a warning, not a green "Finished". */
    @Test
    void aRunThatLearnedNothingSaysSo() throws Exception {
        smallRun(1_000, 1);
        fill("#lr-field", "10");
        clickOn("#start-button");
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !controller.status().isActive()
                && controller.status() != TrainingStatus.IDLE);
        String badge = statusText();
        assertTrue(badge.equals("Learned nothing") || badge.equals("Failed"), badge);
        if (badge.equals("Learned nothing")) {
            assertTrue(lookup("#training-warning").query().isVisible());
            assertTrue(((Label) lookup("#training-warning").query()).getText().contains("chance level"));
        }
    }

    private void report(String what) {
        PULSE_REPORT.append(String.format(Locale.ROOT, "pulse gap during %s: worst %.1f ms over %d frames%n", what,
                pulses.maxGapMillis(), pulses.frames()));
    }
}
