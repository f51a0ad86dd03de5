package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.evaluation.Comparison;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.testing.FxThread;
import io.handwritingstudio.testing.TestData;
import io.handwritingstudio.ui.context.BackgroundTasks;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two models compared by the evaluation view model, without a window (the evaluation runs in place). */
class ComparisonViewModelTest {
    @BeforeAll
    static void start() {
        TestData.mnistTest();
        FxThread.start();
    }

    @Test
    void comparesTheStudioModelWithASecondOneOnTheSameImages() throws Exception {
        StudioContext context = new StudioContext(BackgroundTasks.sameThread());
        EvaluationViewModel vm = FxThread.call(() -> new EvaluationViewModel(context));
        ModelHandle weak = ModelHandle.of(SmallModel.get(), "test");
        ModelHandle digits = ModelHandle.of(ModelStore.load(Path.of("models", "mnist.zip")), "bundled");
        FxThread.run(() -> {
            context.setCurrentModel(weak);
            vm.compareWithProperty().set(digits);
            vm.limitProperty().set(1_000);
            vm.evaluate();
        });
        ComparedSet set = vm.comparison();
        assertNotNull(set, "finished on return: " + vm.errorProperty().get());
        assertSame(vm.result(), set.a(), "A is the studio's model, shown by the other tabs");
        Comparison c = set.comparison();
        Comparison.Agreement g = c.agreement();
        assertEquals(1_000, g.bothRight() + g.onlyA() + g.onlyB() + g.bothWrong());
        assertTrue(g.onlyB() > g.onlyA(), "the bundled model is the stronger one: " + g);
        assertEquals(c.b().accuracy() - c.a().accuracy(), c.accuracyDifference(), 1e-12);
        for (int[] row : c.confusionDifference()) assertEquals(0, Arrays.stream(row).sum());
        assertEquals(c.disagreements().size(), 1_000 - g.bothRight() - g.bothWrongSameAnswer());

        FxThread.run(() -> vm.compareWithProperty().set(null));
        assertNull(vm.comparison(), "another second model retires the comparison");
        assertNotNull(vm.result(), "A's own evaluation stays");
        assertEquals("The second model changed: evaluate again to compare.", vm.messageProperty().get());
    }

    /** Digits against digits+letters on MNIST: compared in the wider classes, A's own result in its own. */
    @Test
    void aDigitsModelIsComparedWithADigitsAndLettersModel() throws Exception {
        ModelHandle characters = bundled("characters.zip");
        EvaluationViewModel vm = mnistAgainst(characters, 300);
        assertEquals("", vm.errorProperty().get());
        assertNotNull(vm.comparison());
        assertEquals(10, vm.result().report().classes().size(), "A's own result keeps its classes");
        assertEquals(36, vm.comparison().comparison().classes().size());
        assertEquals(vm.result().report().accuracy(), vm.comparison().comparison().a().accuracy(), 1e-12);
        var alone = io.handwritingstudio.evaluation.Evaluator.evaluate(characters.model(),
                io.handwritingstudio.data.DatasetRepository.createDefault().load("mnist",
                        io.handwritingstudio.data.Split.TEST, null).limit(300));
        assertEquals(alone.accuracy(), vm.comparison().comparison().b().accuracy(), 1e-12, "B as evaluated on its own");
    }

    @Test
    void modelsOfDifferentClassesAreRefusedInOneSentence() throws Exception {
        EvaluationViewModel vm = mnistAgainst(bundled("letters.zip"), 100);
        assertNull(vm.comparison());
        assertTrue(vm.errorProperty().get().startsWith("Could not evaluate: the models read different classes"),
                vm.errorProperty().get());
        FxThread.run(() -> vm.compareWithProperty().set(null)); // "Compare with" unticked: the sentence no longer holds
        assertEquals("", vm.errorProperty().get());
    }

    @Test
    void aModelComparedWithItselfIsRefusedInOneSentence() throws Exception {
        EvaluationViewModel vm = mnistAgainst(bundled("mnist.zip"), 100); // the same file, loaded a second time
        assertNull(vm.comparison());
        assertTrue(vm.errorProperty().get().startsWith("Could not evaluate: model B is the same network as model A"),
                vm.errorProperty().get());
    }

    private static ModelHandle bundled(String file) throws Exception {
        return ModelHandle.of(ModelStore.load(Path.of("models", file)), "bundled");
    }

    /** The bundled digits model (A) evaluated against {@code other} (B) on the first {@code limit} MNIST test images. */
    private static EvaluationViewModel mnistAgainst(ModelHandle other, int limit) throws Exception {
        StudioContext context = new StudioContext(BackgroundTasks.sameThread());
        EvaluationViewModel vm = FxThread.call(() -> new EvaluationViewModel(context));
        ModelHandle digits = bundled("mnist.zip");
        FxThread.run(() -> {
            context.setCurrentModel(digits);
            vm.compareWithProperty().set(other);
            vm.limitProperty().set(limit);
            vm.evaluate();
        });
        return vm;
    }
}
