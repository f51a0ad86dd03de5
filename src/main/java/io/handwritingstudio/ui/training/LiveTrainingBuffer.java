package io.handwritingstudio.ui.training;

import io.handwritingstudio.training.TrainingObserver;
import io.handwritingstudio.training.TrainingTimeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hand-over between the training thread and the JavaFX thread. The trainer only stores its latest numbers and
 * appends to lock-free queues (nanoseconds per iteration); the UI drains everything in one batch per frame at most.
 */
final class LiveTrainingBuffer implements TrainingObserver {
    /** The run's log lines also go to the console, so a studio started from a terminal keeps a record of its runs. */
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LiveTrainingBuffer.class);

    /** Loss of one iteration. */
    record LossPoint(long iteration, double loss) {
    }

    /** What the UI takes in one drain. */
    record Batch(TrainingPlan plan, IterationUpdate latest, List<LossPoint> losses, List<EpochMetrics> epochs,
                 List<String> log, TrainingTimeline timeline) {
        boolean isEmpty() {
            return plan == null && latest == null && losses.isEmpty() && epochs.isEmpty() && log.isEmpty()
                    && timeline == null;
        }
    }

    private final AtomicReference<TrainingPlan> plan = new AtomicReference<>();
    private final AtomicReference<IterationUpdate> latest = new AtomicReference<>();
    private final ConcurrentLinkedQueue<LossPoint> losses = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<EpochMetrics> epochs = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();
    private final AtomicReference<TrainingTimeline> timeline = new AtomicReference<>();

    @Override
    public void onStart(TrainingPlan p) {
        plan.set(p);
    }

    @Override
    public void onIteration(IterationUpdate update) {
        latest.set(update);
        losses.add(new LossPoint(update.iteration(), update.loss()));
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics) {
        epochs.add(metrics);
    }

    @Override
    public void onCheckpoint(java.nio.file.Path file, int epoch) {
        onLog("Checkpoint of epoch " + epoch + " saved to " + file);
    }

    @Override
    public void onSnapshot(TrainingTimeline soFar) {
        timeline.set(soFar);
    }

    @Override
    public void onLog(String line) {
        log.add(line);
        LOG.info(line);
    }

    /** Called on the UI thread. */
    Batch drain() {
        return new Batch(plan.getAndSet(null), latest.getAndSet(null), drain(losses), drain(epochs), drain(log),
                timeline.getAndSet(null));
    }

    private static <T> List<T> drain(ConcurrentLinkedQueue<T> queue) {
        List<T> out = new ArrayList<>();
        for (T t; (t = queue.poll()) != null; ) out.add(t);
        return out;
    }
}
