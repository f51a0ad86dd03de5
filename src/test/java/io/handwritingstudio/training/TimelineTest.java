package io.handwritingstudio.training;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A two-epoch run's timeline: filters that visibly change, probes that go from wrong to right, kept in the model. */
class TimelineTest {
    @TempDir
    Path dir;

    @Test
    void twoEpochsOfSnapshotsShowTheNetworkLearningAndSurviveASave() throws Exception {
        LabeledImages train = TestData.mnistTrain().limit(3_000);
        LabeledImages test = TestData.mnistTest().limit(1_000);
        Hyperparameters hp = new Hyperparameters(Architecture.CLASSIC, 2, 64, 2e-3, 1.0, "adam", 5, false, 0);
        TrainingResult result = new Trainer(TrainingRequest.fresh(hp, "mnist", train, test))
                .run(new TrainingObserver() { }, new TrainingControl());
        TrainingTimeline timeline = result.timeline();

        List<String> labels = timeline.snapshots().stream().map(TimelineSnapshot::label).toList();
        assertEquals(List.of("start", "iteration 10", "epoch 1", "iteration 50", "epoch 2"), labels);
        TimelineSnapshot first = timeline.snapshots().get(0);
        TimelineSnapshot last = timeline.snapshots().get(timeline.snapshots().size() - 1);
        assertEquals(32, first.filters().length, "one picture per first-layer filter");
        assertEquals(3, first.filterSide());

        double change = relativeChange(first.filters(), last.filters());
        // 94 Adam steps move the 3x3 kernels by ~7% of their size (measured); a full epoch of MNIST moves them far more
        assertTrue(change > 0.05, "first-layer filters changed by " + change + " of their size");
        double before = first.probeAccuracy(timeline.probeLabels());
        double after = last.probeAccuracy(timeline.probeLabels());
        assertTrue(before < 0.3 && after > before + 0.5, "probe accuracy " + before + " -> " + after);
        assertEquals(1_000, java.util.Arrays.stream(last.confusion()).flatMapToInt(java.util.Arrays::stream).sum(),
                "epoch-end confusion matrix covers the whole test set");

        Path file = dir.resolve("m.zip");
        ModelStore.save(result.network(), ModelCards.forTraining(hp, "mnist", train.classes(), 2,
                result.finalTestAccuracy(), result.trainingSeconds(), null), file, timeline.asAttachment());
        TrainingTimeline read = TrainingTimeline.readFrom(file).orElseThrow();
        assertEquals(labels, read.snapshots().stream().map(TimelineSnapshot::label).toList());
        assertArrayEquals(last.probePredicted(), read.snapshots().get(4).probePredicted());
        assertArrayEquals(timeline.probePixels(), read.probePixels());
        assertTrue(relativeChange(last.filters(), read.snapshots().get(4).filters()) < 0.01, "8-bit weights keep the picture");
    }

    /** A model file's timeline whose sizes disagree (hand-edited, hostile) is refused, not drawn out of range. */
    @Test
    void aTimelineWhoseArraysDisagreeIsRefusedInWords() throws Exception {
        var snapshot = new TimelineSnapshot("start", 0, 0, new float[][]{new float[9]}, 3, new int[]{1, 0},
                new float[]{0.5f, 0.9f}, new int[][]{{1, 0}, {0, 1}}, 1.0, 0.5);
        byte[] good = new TrainingTimeline(List.of("0", "1"), new byte[2 * 784], new int[]{0, 1}, List.of(snapshot)).toJson();
        assertEquals(1, TrainingTimeline.fromJson(good).snapshots().size());
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String[] edit : new String[][]{{"probePredicted", "[]"}, {"probePredicted", "[1, 7]"}, {"filterSide", "500"},
                {"confusion", "[[1]]"}, {"probeConfidence", "[0.5]"}, {"filters", "[\"@@@\"]"}}) {
            var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(good);
            var first = (com.fasterxml.jackson.databind.node.ObjectNode) root.withArray("snapshots").get(0);
            first.set(edit[0], json.readTree(edit[1]));
            java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> TrainingTimeline.fromJson(json.writeValueAsBytes(root)), edit[0] + " = " + edit[1]);
            assertTrue(e.getMessage().contains("timeline"), e.getMessage());
        }
    }

    @Test
    void switchedOffTheRunRecordsNoSnapshotsAndTheDefaultDoes() throws Exception {
        LabeledImages train = TestData.mnistTrain().limit(640);
        LabeledImages test = TestData.mnistTest().limit(200);
        Hyperparameters hp = new Hyperparameters(Architecture.CLASSIC, 1, 64, 2e-3, 1.0, "adam", 5, false, 0);
        TrainingRequest request = TrainingRequest.fresh(hp, "mnist", train, test);
        TrainingResult off = new Trainer(request.withoutTimeline()).run(new TrainingObserver() { }, new TrainingControl());
        assertEquals(null, off.timeline());
        assertEquals(null, off.timelineCost());
        assertEquals(1, off.history().size(), "the run itself still trains and evaluates");

        TrainingResult on = new Trainer(request).run(new TrainingObserver() { }, new TrainingControl());
        assertEquals(List.of("start", "iteration 10", "epoch 1"),
                on.timeline().snapshots().stream().map(TimelineSnapshot::label).toList());
        assertEquals(2, on.timelineCost().iterationSnapshots());
        assertEquals(1, on.timelineCost().epochSnapshots());
        assertTrue(on.timelineCost().iterationSeconds() > 0 && on.timelineCost().epochSeconds() > 0);
    }

    /** Stopped after epoch 1 and resumed from its checkpoint, a run records the same timeline as one run straight through. */
    @Test
    void aResumedRunContinuesItsCheckpointsTimeline() throws Exception {
        LabeledImages train = TestData.mnistTrain().limit(3_000);
        LabeledImages test = TestData.mnistTest().limit(1_000);
        Path checkpoints = dir.resolve("ckpt");
        new Trainer(TrainingRequest.fresh(hp(1), "mnist", train, test).withCheckpoints(checkpoints))
                .run(new TrainingObserver() { }, new TrainingControl());
        Path checkpoint = checkpoints.resolve(Checkpoints.FILE);
        TrainingTimeline soFar = TrainingTimeline.readFrom(checkpoint).orElseThrow();
        assertEquals(List.of("start", "iteration 10", "epoch 1"), labels(soFar));

        List<String> log = new java.util.ArrayList<>();
        TrainingResult resumed = new Trainer(TrainingRequest.resume(hp(2), "mnist", train, test,
                TrainingRequest.Start.resume(ModelStore.loadForTraining(checkpoint), 1, soFar)).withCheckpoints(checkpoints))
                .run(new TrainingObserver() {
                    @Override
                    public void onLog(String line) {
                        log.add(line);
                    }
                }, new TrainingControl());
        assertEquals(List.of("start", "iteration 10", "epoch 1", "iteration 50", "epoch 2"), labels(resumed.timeline()));
        assertEquals(47 + 47, resumed.timeline().snapshots().get(4).iteration(), "iterations count over both runs");
        assertEquals(labels(resumed.timeline()), labels(TrainingTimeline.readFrom(checkpoint).orElseThrow()),
                "the new checkpoint carries the whole timeline on");
        assertTrue(log.contains("Continuing the checkpoint's timeline (3 snapshots)"), log.toString());
        assertEquals(1, resumed.timelineCost().iterationSnapshots(), "its cost counts this run's snapshots only");
        assertEquals(1, resumed.timelineCost().epochSnapshots());

        TrainingResult elsewhere = new Trainer(TrainingRequest.resume(hp(2), "mnist", train, TestData.mnistTest().limit(500),
                TrainingRequest.Start.resume(ModelStore.loadForTraining(checkpoint), 1, soFar)))
                .run(new TrainingObserver() { }, new TrainingControl());
        assertEquals(null, elsewhere.timeline(), "snapshots of other probe images would not read as one timeline");

        Hyperparameters otherBatch = new Hyperparameters(Architecture.CLASSIC, 2, 32, 2e-3, 1.0, "adam", 5, false, 0);
        TrainingResult rebatched = new Trainer(TrainingRequest.resume(otherBatch, "mnist", train, test,
                TrainingRequest.Start.resume(ModelStore.loadForTraining(checkpoint), 1, soFar)))
                .run(new TrainingObserver() { }, new TrainingControl());
        assertEquals(null, rebatched.timeline(), "94 iterations an epoch would not follow an epoch of 47");
    }

    private static Hyperparameters hp(int epochs) {
        return new Hyperparameters(Architecture.CLASSIC, epochs, 64, 2e-3, 1.0, "adam", 5, false, 0);
    }

    private static List<String> labels(TrainingTimeline timeline) {
        return timeline.snapshots().stream().map(TimelineSnapshot::label).toList();
    }

    /** Euclidean distance between two filter banks over the size of the first. */
    private static double relativeChange(float[][] a, float[][] b) {
        double diff = 0, size = 0;
        for (int f = 0; f < a.length; f++) {
            for (int i = 0; i < a[f].length; i++) {
                diff += (a[f][i] - b[f][i]) * (double) (a[f][i] - b[f][i]);
                size += a[f][i] * (double) a[f][i];
            }
        }
        return Math.sqrt(diff / size);
    }
}
