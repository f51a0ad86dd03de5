package io.handwritingstudio.ui.training.timeline;

import io.handwritingstudio.testing.FxThread;
import io.handwritingstudio.training.TimelineSnapshot;
import io.handwritingstudio.training.TrainingTimeline;
import io.handwritingstudio.ui.context.BackgroundTasks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Play (issue 18): from the newest snapshot it starts over and steps through every snapshot once, then stops. */
class TimelinePlayTest {
    private static TrainingTimeline timeline(int snapshots) {
        List<TimelineSnapshot> list = new ArrayList<>();
        for (int k = 0; k < snapshots; k++) {
            list.add(new TimelineSnapshot(k == 0 ? "start" : "epoch " + k, 10L * k, k, new float[][]{{k, 0, 0, 0}}, 2,
                    new int[]{0}, new float[]{0.5f}, new int[][]{{1, 0}, {0, 1}}, k == 0 ? Double.NaN : 1.0 / k, 0.25 * k));
        }
        return new TrainingTimeline(List.of("a", "b"), new byte[784], new int[]{0}, list);
    }

    @BeforeAll
    static void toolkit() {
        FxThread.start();
    }

    @Test
    void playStepsThroughEverySnapshotInOrderAndStopsAtTheNewest() throws Exception {
        TimelineViewModel vm = FxThread.call(() -> new TimelineViewModel(BackgroundTasks.sameThread()));
        List<Integer> shown = Collections.synchronizedList(new ArrayList<>());
        FxThread.run(() -> {
            vm.show(timeline(4));
            vm.indexProperty().addListener((o, was, is) -> shown.add(is.intValue()));
            vm.play();
        });
        assertEquals(0, (int) FxThread.call(() -> vm.indexProperty().get()), "at the newest snapshot, Play starts over");
        assertTrue(FxThread.call(() -> vm.playingProperty().get()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // a bound for a loaded machine, not a timing
        while (FxThread.call(() -> vm.playingProperty().get()) && System.nanoTime() < deadline) Thread.sleep(50);
        assertFalse(FxThread.call(() -> vm.playingProperty().get()), "it stops by itself at the newest snapshot");
        assertEquals(List.of(0, 1, 2, 3), shown);
    }
}
