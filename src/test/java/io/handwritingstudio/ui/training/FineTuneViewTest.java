package io.handwritingstudio.ui.training;

import io.handwritingstudio.inference.sketch.HandWriter;
import io.handwritingstudio.inference.sketch.StrokeRenderer;
import io.handwritingstudio.inference.sketch.SymbolFolder;
import io.handwritingstudio.inference.sketch.Symbols;
import io.handwritingstudio.model.ModelLocator;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.training.FineTuneSetup;
import io.handwritingstudio.training.FineTuning;
import io.handwritingstudio.ui.StudioFixture;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.kit.ModelPicker;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fine-tuning from the studio as a user would: the bundled digits model learns four new symbols (+ − × =) from
 * generated drawings in a folder, through the training view; then the pad reads with the new model. Bad folders
 * get one sentence, not an exception.
 */
class FineTuneViewTest extends ApplicationTest {
    private StudioContext context;

    @TempDir
    Path dir;

    @Override
    public void start(Stage stage) {
        context = StudioFixture.on(stage).size(1240, 780).studio("datasets");
    }

    private TrainingView trainingView() {
        return (TrainingView) lookup(".training-view").query().getProperties().get(TrainingView.class);
    }

    private FineTuneViewModel openFineTune(TrainedModel parent) {
        interact(() -> context.setCurrentModel(ModelHandle.of(parent, "test parent")));
        clickOn("#nav-training");
        clickOn("#mode-finetune");
        return trainingView().fineTune().viewModel();
    }

    @Test
    void learnsFourNewSymbolsFromAFolderAndThePadShowsThem() throws Exception {
        Path data = dir.resolve("my-symbols");
        SymbolFolder.write(data, 20, 10);
        TrainedModel mnist = ModelStore.load(ModelLocator.resolve("mnist"));
        FineTuneViewModel vm = openFineTune(mnist);
        interact(() -> {
            vm.sourceProperty().set(FineTuneViewModel.Source.FOLDER);
            vm.folderProperty().set(data);
            vm.trainableProperty().set(FineTuning.Trainable.HEAD);
            vm.replayProperty().set(0.5);
            vm.epochsProperty().set(15);
        });
        pressStart();
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> vm.outcomeProperty().get() != null || !vm.problemProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents(); // the test thread saw the outcome mid-handler: let the JavaFX thread finish it
        assertEquals("", vm.problemProperty().get());
        FineTuneSetup.Outcome o = vm.outcomeProperty().get();
        System.out.printf(Locale.ROOT, "studio fine-tune: %s%n%s%n%s%n", vm.userLineProperty().get(),
                vm.originalLineProperty().get(), vm.cardLineProperty().get());
        assertEquals(40, o.userAfter().images());
        assertEquals(0.0, o.userBefore().accuracy(), 1e-9, "the digits model cannot read symbols it never saw");
        assertTrue(o.userAfter().accuracy() >= 0.85, "held-out symbols after fine-tuning: " + o.userAfter().accuracy());
        assertTrue(o.forgettingPoints() < 1.0, "MNIST forgot " + o.forgettingPoints() + " points");
        assertEquals(10_000, o.originalAfter().images());
        Map<String, Object> lineage = o.card().lineage();
        assertEquals(mnist.displayName(), lineage.get("parent"));
        assertEquals("my-symbols", lineage.get("data"));
        assertEquals("head", lineage.get("trained"));
        assertEquals(List.of("equals", "minus", "plus", "times"), lineage.get("newClasses"));
        assertTrue(((Label) lookup("#finetune-user-line").query()).getText().startsWith("Your samples (my-symbols, 40 held out): 0.0% → "));
        assertEquals(TrainingStatus.FINISHED, trainingView().controller().status(), "it ran through the training view's controller");

        // The new model is the studio's: saved with its card, offered by the pickers, read with on the pad.
        ModelHandle tuned = context.currentModel();
        assertEquals(14, tuned.classCount());
        Path saved = dir.resolve("digits-and-symbols.zip");
        var save = WaitForAsyncUtils.asyncFx(() -> vm.save(saved)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, save::isDone);
        TrainedModel reloaded = ModelStore.load(saved);
        assertEquals(14, reloaded.classes().size());
        assertEquals("my-symbols", reloaded.card().lineage().get("data"));

        clickOn("#nav-draw");
        ComboBox<ModelPicker.Choice> picker = lookup("#draw-model").query();
        assertNotNull(picker.getValue());
        assertEquals(tuned, picker.getValue().handle(), "the pad's picker shows the fine-tuned model");
        assertNotNull(lookup("#prob-value-13").tryQuery().orElse(null), "the pad lists all 14 classes");
        assertEquals("reads digits and 4 more", ((Label) lookup("#draw-reads").query()).getText());
        Label plusName = lookup(".probability-bar-name").queryAllAs(Label.class).stream()
                .filter(l -> "plus".equals(l.getText())).findFirst().orElseThrow();
        assertTrue(plusName.getWidth() >= plusName.prefWidth(-1) - 0.5, "the new class's name is shown whole: "
                + plusName.getWidth() + " of " + plusName.prefWidth(-1));
        strokes(List.of(List.of(new Point2D(160, 50), new Point2D(160, 160), new Point2D(160, 270)),
                List.of(new Point2D(50, 160), new Point2D(160, 160), new Point2D(270, 160))));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !((Label) lookup("#prob-value-12").query()).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        String plus = ((Label) lookup("#prob-value-12").query()).getText();
        System.out.println("pad: a drawn plus reads as plus at " + plus);
        assertEquals("plus", tuned.classNames().get(12));
        assertTrue(Double.parseDouble(plus.replace("%", "").replace("<", "")) > 50, "a drawn plus is read as plus: " + plus);
    }

    @Test
    void theDesignTabSaysAFineTuneKeepsTheParentsNetwork() throws Exception {
        openFineTune(ModelStore.load(ModelLocator.resolve("mnist")));
        clickOn("#tab-design");
        javafx.scene.Node note = lookup("#design-finetune-note").query();
        assertTrue(note.isVisible(), "the note shows in fine-tune mode");
        assertTrue(lookup("#design-toolbar").query().isDisabled(), "the designer cannot be edited for a fine-tune");
        assertTrue(lookup("#design-editor").query().isDisabled());
        assertFalse(lookup("#design-table-scroll").query().isDisabled(), "its layer table still scrolls");
        clickOn("#mode-scratch");
        assertFalse(note.isVisible());
        assertFalse(lookup("#design-toolbar").query().isDisabled(), "from scratch the design is the network trained");
        assertFalse(lookup("#design-editor").query().isDisabled());
    }

    @Test
    void badFoldersGetOneClearSentence() throws Exception {
        TrainedModel mnist = ModelStore.load(ModelLocator.resolve("mnist"));
        FineTuneViewModel vm = openFineTune(mnist);

        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals("The folder empty has no images in class folders (expected empty/<class>/<image>.png, e.g. my-digits/7/a.png).",
                runExpectingProblem(vm, empty, 0.3));

        // One class only, no replay: refused; the unreadable file in it is counted.
        Path one = dir.resolve("only-plus");
        for (int i = 0; i < 6; i++) draw(one.resolve("plus"), i, Symbols.MATH.get("plus"), i);
        Files.writeString(one.resolve("plus").resolve("broken.png"), "not a picture");
        String problem = runExpectingProblem(vm, one, 0);
        assertTrue(problem.startsWith("only-plus has one class only (plus): trained on it alone the model would answer it"
                + " to everything"), problem);
        assertTrue(vm.notesProperty().get().contains("skipped 1 unreadable"), vm.notesProperty().get());
        assertEquals(problem, ((Label) lookup("#finetune-problem").query()).getText());
        assertTrue(lookup("#finetune-problem").query().isVisible());
    }

    private String runExpectingProblem(FineTuneViewModel vm, Path folder, double replay) throws Exception {
        interact(() -> {
            vm.sourceProperty().set(FineTuneViewModel.Source.FOLDER);
            vm.folderProperty().set(folder);
            vm.replayProperty().set(replay);
        });
        pressStart();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.problemProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TrainingStatus.IDLE, trainingView().controller().status(), "nothing started training");
        return vm.problemProperty().get();
    }

    /** Start, as a user does it; in view first (the left column scrolls on a small window). */
    private void pressStart() {
        javafx.scene.control.Button start = lookup("#start-button").query();
        interact(() -> scrollIntoView(start));
        clickOn(start);
    }

    private static void scrollIntoView(javafx.scene.Node node) {
        for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane scroll) {
                double content = scroll.getContent().getBoundsInLocal().getHeight();
                double view = scroll.getViewportBounds().getHeight();
                double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                if (content > view) scroll.setVvalue(Math.min(1, Math.max(0, (y - view / 2) / (content - view))));
                scroll.layout();
                return;
            }
        }
    }

    private void strokes(List<List<Point2D>> lines) {
        Canvas canvas = lookup("#draw-canvas").query();
        for (List<Point2D> line : lines) {
            moveTo(canvas.localToScreen(line.get(0)));
            press(MouseButton.PRIMARY);
            for (Point2D p : line.subList(1, line.size())) moveTo(canvas.localToScreen(p));
            release(MouseButton.PRIMARY);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void draw(Path folder, int i, List<double[][]> template, int writer) throws Exception {
        Files.createDirectories(folder);
        var strokes = HandWriter.number(7, writer).draw(template);
        BufferedImage image = StrokeRenderer.render(strokes, 160, 160, 160 / HandWriter.CANVAS);
        ImageIO.write(image, "png", folder.resolve(String.format(Locale.ROOT, "%03d.png", i)).toFile());
    }
}
