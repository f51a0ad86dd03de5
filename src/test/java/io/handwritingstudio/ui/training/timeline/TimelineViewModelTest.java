package io.handwritingstudio.ui.training.timeline;

import io.handwritingstudio.testing.FxThread;
import io.handwritingstudio.training.TimelineSnapshot;
import io.handwritingstudio.training.TrainingTimeline;
import io.handwritingstudio.ui.context.BackgroundTasks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scrubbing, following a live run, comparing and reopening, on a made-up timeline and without a window. */
class TimelineViewModelTest {
    /** Four probes of classes 0..3; snapshot k gets the first k of them right. */
    private static TrainingTimeline timeline(int snapshots) {
        int[] labels = {0, 1, 2, 3};
        List<TimelineSnapshot> list = new ArrayList<>();
        for (int k = 0; k < snapshots; k++) {
            int[] predicted = new int[4];
            for (int i = 0; i < 4; i++) predicted[i] = i < k ? labels[i] : (labels[i] + 1) % 4;
            list.add(new TimelineSnapshot(k == 0 ? "start" : "epoch " + k, 10L * k, k, new float[][]{{k, 0, 0, 0}}, 2,
                    predicted, new float[]{0.5f, 0.5f, 0.5f, 0.5f}, new int[4][4], k == 0 ? Double.NaN : 1.0 / k,
                    0.25 * k));
        }
        return new TrainingTimeline(List.of("a", "b", "c", "d"), new byte[4 * 784], labels, list);
    }

    @BeforeAll
    static void toolkit() {
        FxThread.start();
    }

    @Test
    void aLiveRunIsFollowedUntilTheLearnerScrubsBack() throws Exception {
        TimelineViewModel vm = FxThread.call(() -> new TimelineViewModel(BackgroundTasks.sameThread()));
        FxThread.run(() -> vm.show(timeline(2)));
        assertEquals(1, vm.indexProperty().get(), "the newest snapshot");
        FxThread.run(() -> vm.show(timeline(3)));
        assertEquals(2, vm.indexProperty().get(), "still the newest after another arrives");
        assertEquals("Probes right: 2 of 4", vm.probeText());
        assertTrue(vm.summaryText().startsWith("epoch 2 · iteration 20 · loss 0.500"), vm.summaryText());

        FxThread.run(() -> vm.indexProperty().set(0));
        FxThread.run(() -> vm.show(timeline(4)));
        assertEquals(0, vm.indexProperty().get(), "a learner looking back is not pulled forward");
        assertEquals("Probes right: 0 of 4", vm.probeText());
        assertTrue(vm.summaryText().startsWith("start (untrained) · loss –"), vm.summaryText());

        FxThread.run(vm::clear);
        assertNull(vm.timeline());
        assertEquals("", vm.probeText());
    }

    @Test
    void comparingListsTheProbesThatFlipped() throws Exception {
        TimelineViewModel vm = FxThread.call(() -> new TimelineViewModel(BackgroundTasks.sameThread()));
        FxThread.run(() -> {
            vm.show(timeline(4));
            vm.indexProperty().set(3);
            vm.compareIndexProperty().set(1);
        });
        assertEquals(List.of("probe 2 (a b): c → b, now right", "probe 3 (a c): d → c, now right"), vm.flips());
        FxThread.run(() -> vm.compareIndexProperty().set(-1));
        assertTrue(vm.flips().isEmpty());
    }

    @Test
    void aTimelineReopensFromAModelFileAtItsStart(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(model))) {
            zip.putNextEntry(new ZipEntry(TrainingTimeline.ENTRY));
            zip.write(timeline(3).toJson());
            zip.closeEntry();
        }
        TimelineViewModel vm = FxThread.call(() -> new TimelineViewModel(BackgroundTasks.sameThread()));
        FxThread.run(() -> vm.open(model));
        assertEquals(3, vm.timeline().snapshots().size());
        assertEquals(0, vm.indexProperty().get());
        assertEquals("m.zip: 3 snapshots", vm.sourceProperty().get());

        Path empty = dir.resolve("none.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(empty))) {
            zip.putNextEntry(new ZipEntry("other.txt"));
            zip.closeEntry();
        }
        FxThread.run(() -> vm.open(empty));
        assertTrue(vm.sourceProperty().get().startsWith("none.zip has no timeline"), vm.sourceProperty().get());
        assertEquals(3, vm.timeline().snapshots().size(), "the shown timeline stays");
    }
}
