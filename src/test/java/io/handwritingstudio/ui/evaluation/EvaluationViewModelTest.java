package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.testing.FxThread;
import io.handwritingstudio.testing.TestData;
import io.handwritingstudio.ui.context.BackgroundTasks;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evaluation view model without a window: the evaluation runs in place, so its result is there on return. */
class EvaluationViewModelTest {
    @BeforeAll
    static void start() {
        TestData.mnistTest();
        FxThread.start();
    }

    @Test
    void evaluatesTheBundledModelAndRetiresTheResultWhenTheDatasetChanges() throws Exception {
        StudioContext context = new StudioContext(BackgroundTasks.sameThread());
        EvaluationViewModel vm = FxThread.call(() -> new EvaluationViewModel(context));
        assertFalse(vm.canEvaluateProperty().get(), "no model yet");
        var digits = ModelStore.load(Path.of("models", "mnist.zip"));
        FxThread.run(() -> {
            context.setCurrentModel(ModelHandle.of(digits, "bundled"));
            vm.limitProperty().set(1_000);
            vm.evaluate();
        });
        assertNotNull(vm.result(), "finished on return: " + vm.errorProperty().get());
        assertEquals(1_000, vm.result().report().size());
        assertTrue(vm.result().report().accuracy() > 0.98, "the bundled model reads MNIST: " + vm.result().report().accuracy());
        assertFalse(vm.runningProperty().get());
        assertEquals("", vm.messageProperty().get(), "the result cards say what was read: no line repeats it");
        FxThread.run(() -> vm.limitProperty().set(0)); // chosen after the run: the result still says what it read
        assertEquals("mnist test, first 1,000 images", vm.result().describe());

        FxThread.run(() -> context.currentDatasetProperty().set("letters"));
        assertNull(vm.result());
        assertEquals("The dataset changed: evaluate again to see its results.", vm.messageProperty().get());
    }

    /** What was done to the images for the model is said; the characters model gets the letters re-framed. */
    @Test
    void aReframedDatasetIsSaidUnderTheForm() throws Exception {
        StudioContext context = new StudioContext(BackgroundTasks.sameThread());
        EvaluationViewModel vm = FxThread.call(() -> new EvaluationViewModel(context));
        var characters = ModelStore.load(Path.of("models", "characters.zip"));
        FxThread.run(() -> {
            context.currentDatasetProperty().set("letters");
            context.setCurrentModel(ModelHandle.of(characters, "bundled"));
            vm.limitProperty().set(200);
            vm.evaluate();
        });
        assertNotNull(vm.result(), vm.errorProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Letters re-framed MNIST's way"), vm.messageProperty().get());
    }

    /** A folder of the pad's samples has every drawing in its training split: the empty test split offers that one. */
    @Test
    void anEmptyTestSplitOffersTheTrainingImages(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var folder = new io.handwritingstudio.data.UserSamples(dir, io.handwritingstudio.data.ClassNames.digits());
        folder.append(new float[784], 3);
        folder.append(new float[784], 7);
        StudioContext context = new StudioContext(BackgroundTasks.sameThread());
        EvaluationViewModel vm = FxThread.call(() -> new EvaluationViewModel(context));
        var digits = ModelStore.load(Path.of("models", "mnist.zip"));
        FxThread.run(() -> {
            context.currentDatasetProperty().set(dir.toString());
            context.setCurrentModel(ModelHandle.of(digits, "bundled"));
            vm.evaluate();
        });
        assertNull(vm.result(), "no NaN% result");
        assertEquals("Could not evaluate: the test split of " + dir + " has no images (its train split has 2)",
                vm.errorProperty().get());
        assertEquals("Evaluate the training images", vm.fixProperty().get());
        FxThread.run(vm::applyFix);
        assertNotNull(vm.result(), vm.errorProperty().get());
        assertEquals(2, vm.result().report().size());
        assertEquals("", vm.fixProperty().get());
    }
}
