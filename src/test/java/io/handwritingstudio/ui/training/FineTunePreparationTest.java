package io.handwritingstudio.ui.training;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.testing.FxThread;
import io.handwritingstudio.ui.context.BackgroundTasks;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.concurrent.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fine-tune's preparation (loading, a replay download) says what it does and can be cancelled. */
class FineTunePreparationTest {
    @BeforeAll
    static void start() {
        FxThread.start();
    }

    @Test
    void thePreparationSaysWhatItDoesAndCancelLeavesEverythingAsItWas() throws Exception {
        Queue<Runnable> held = new ArrayDeque<>(); // the preparation waits until the test lets it run (it never does)
        StudioContext context = new StudioContext(BackgroundTasks.heldIn(held));
        ModelHandle digits = ModelHandle.of(ModelStore.load(Path.of("models", "mnist.zip")), "bundled");
        TrainingController controller = FxThread.call(() -> new TrainingController(context, DatasetRepository.createDefault()));
        FineTuneViewModel vm = FxThread.call(() -> {
            context.setCurrentModel(digits);
            FineTuneViewModel m = new FineTuneViewModel(context, controller, DatasetRepository.createDefault());
            m.sourceProperty().set(FineTuneViewModel.Source.FOLDER);
            m.folderProperty().set(Path.of("src", "test", "resources"));
            m.start();
            return m;
        });
        assertTrue(vm.preparingProperty().get() && vm.cancellableProperty().get(), "preparing, with a Cancel");
        Task<?> preparation = (Task<?>) held.poll();
        FxThread.run(vm::cancelPreparation);
        assertTrue(preparation.isCancelled());
        assertFalse(vm.preparingProperty().get(), "the settings come back");
        assertEquals("Cancelled while preparing: nothing was fine-tuned.", vm.notesProperty().get());
        assertTrue(vm.canStartProperty().get(), "it can start again");
        assertEquals(TrainingStatus.IDLE, controller.statusProperty().get(), "no run started");
        assertEquals(digits, context.currentModel());
    }
}
