package io.handwritingstudio.ui.training;

import io.handwritingstudio.training.TrainingException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainingControllerTest {

    @Test
    void explainsTheEngineMessageNotTheWrapper() {
        var nan = new TrainingException("training diverged: loss became NaN in epoch 1, batch 3. Try a lower learning rate than 5.0",
                null);
        assertEquals(nan.getMessage(), TrainingController.explain(new ExecutionException("wrapped", nan)));
        assertEquals("out of memory: try a smaller batch size or training subset",
                TrainingController.explain(new RuntimeException(new OutOfMemoryError("Java heap space"))));
        assertEquals("disk full", TrainingController.explain(new java.io.IOException("disk full")));
    }
}
