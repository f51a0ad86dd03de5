package io.handwritingstudio.ui.training;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.testing.FxThread;
import io.handwritingstudio.testing.TestData;
import io.handwritingstudio.ui.context.BackgroundTasks;
import io.handwritingstudio.ui.context.StudioContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training view's controller without a window: the run happens in place, its state is final on return. */
class TrainingControllerRunTest {
    @BeforeAll
    static void start() {
        TestData.mnistTrain();
        FxThread.start();
    }

    @Test
    void aShortRunFinishesWithItsEpochsLossAndAModelTheStudioCanUse() throws Exception {
        StudioContext context = new StudioContext(BackgroundTasks.sameThread());
        TrainingController controller = FxThread.call(() -> new TrainingController(context, DatasetRepository.createDefault()));
        Hyperparameters hp = new Hyperparameters(Architecture.CLASSIC, 2, 64, 2e-3, 1.0, "adam", 3, false, 2_000);
        TrainingSettings settings = new TrainingSettings("mnist", hp, 2_000, 500);
        FxThread.run(() -> controller.start(settings, TestData.mnistTrain(), TestData.mnistTest()));

        assertEquals(TrainingStatus.FINISHED, controller.status(), controller.errorProperty().get());
        assertEquals(2, controller.epochs().size());
        EpochPoint last = controller.epochs().get(1);
        assertTrue(last.testAccuracy() > 0.8, "2,000 images twice read most test digits: " + last.testAccuracy());
        assertTrue(controller.epochs().get(0).meanLoss() > last.meanLoss(), "the loss falls");
        assertTrue(controller.lossSeries().size() > 0);
        assertTrue(controller.hasModelProperty().get());
        assertNotNull(FxThread.call(controller::useModel));
        assertNotNull(context.currentModel(), "the trained model is the studio's now");
    }

    @Test
    void everyClassEquallyLikelyIsAppliedWhenTheRunEndsAndTheCardSaysSo() throws Exception {
        StudioContext context = new StudioContext(BackgroundTasks.sameThread());
        TrainingController controller = FxThread.call(() -> new TrainingController(context, DatasetRepository.createDefault()));
        Hyperparameters hp = new Hyperparameters(Architecture.CLASSIC, 1, 64, 2e-3, 1.0, "adam", 3, false, 2_000);
        TrainingSettings settings = new TrainingSettings("mnist", hp, 2_000, 500, null, true);
        FxThread.run(() -> controller.start(settings, TestData.mnistTrain(), TestData.mnistTest()));

        assertEquals(TrainingStatus.FINISHED, controller.status(), controller.errorProperty().get());
        assertTrue(controller.log().stream().anyMatch(l -> l.startsWith("Every class treated as equally likely")),
                String.join("\n", controller.log()));
        FxThread.call(controller::useModel);
        var card = context.currentModel().model().card();
        assertEquals(io.handwritingstudio.training.UniformPrior.CARD_VALUE, card.hyperparameters().get("classPrior"));
        double measured = io.handwritingstudio.evaluation.Evaluator.evaluate(context.currentModel().model(),
                TestData.mnistTest().limit(500)).accuracy();
        assertEquals(measured, card.testAccuracy(), 1e-9, "the card holds the corrected network's accuracy");
    }
}
