package io.handwritingstudio.training;

import io.handwritingstudio.data.MnistFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A run's snapshots in order, with the probe images they were taken on, so a learner can scrub through training
 * after it finished: filters turning from noise into stroke detectors, probes flipping from wrong to right.
 * Saved inside the model file ({@link #toJson()}): filter weights are stored as 8-bit values scaled per filter
 * (a picture needs no more), which keeps a 12-epoch run's timeline near 100 KB.
 *
 * @param probePixels 28x28 pixels (0..255) of each probe image, row-major, concatenated
 */
public record TrainingTimeline(List<String> classNames, byte[] probePixels, int[] probeLabels,
                               List<TimelineSnapshot> snapshots) {
    public static final String ENTRY = "handwriting-studio/timeline.json";
    /** A 50-epoch run with a dense first layer stays far below this. */
    static final long MAX_BYTES = 16L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    public TrainingTimeline {
        snapshots = List.copyOf(snapshots);
        classNames = List.copyOf(classNames);
    }

    /** The timeline saved inside a model file, if it has one. */
    public static java.util.Optional<TrainingTimeline> readFrom(java.nio.file.Path modelFile) throws IOException {
        var bytes = io.handwritingstudio.model.ModelStore.attachment(modelFile, ENTRY, MAX_BYTES);
        return bytes.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(fromJson(bytes.get()));
    }

    /** What {@code ModelStore.save} takes to keep this timeline inside the model file. */
    public java.util.Map<String, byte[]> asAttachment() {
        return java.util.Map.of(ENTRY, toJson());
    }

    public int probeCount() {
        return probeLabels.length;
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        classNames.forEach(root.putArray("classNames")::add);
        root.put("probePixels", Base64.getEncoder().encodeToString(probePixels));
        ints(root.putArray("probeLabels"), probeLabels);
        ArrayNode list = root.putArray("snapshots");
        for (TimelineSnapshot s : snapshots) {
            ObjectNode o = list.addObject();
            o.put("label", s.label()).put("iteration", s.iteration()).put("epochPosition", s.epochPosition())
                    .put("filterSide", s.filterSide()).put("loss", s.loss()).put("accuracy", s.accuracy());
            ArrayNode filters = o.putArray("filters");
            for (float[] f : s.filters()) filters.add(quantized(f));
            ints(o.putArray("probePredicted"), s.probePredicted());
            ArrayNode conf = o.putArray("probeConfidence");
            for (float c : s.probeConfidence()) conf.add(Math.round(c * 1000) / 1000.0);
            ArrayNode rows = o.putArray("confusion");
            for (int[] row : s.confusion()) ints(rows.addArray(), row);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static TrainingTimeline fromJson(byte[] bytes) throws IOException {
        JsonNode root = JSON.readTree(bytes);
        if (root == null || root.path("version").asInt() != 1) throw new IOException("not a training timeline");
        List<String> classes = new ArrayList<>();
        root.path("classNames").forEach(n -> classes.add(n.asText()));
        byte[] probes;
        try {
            probes = Base64.getDecoder().decode(root.path("probePixels").asText());
        } catch (IllegalArgumentException e) {
            throw new IOException("timeline probe pixels are not base64", e);
        }
        int[] labels = ints(root.path("probeLabels"));
        if (probes.length != labels.length * MnistFormat.PIXELS) throw new IOException("timeline probes do not match their labels");
        requireClasses(labels, classes.size(), "probe labels");
        List<TimelineSnapshot> snapshots = new ArrayList<>();
        for (JsonNode o : root.path("snapshots")) {
            List<float[]> filters = new ArrayList<>();
            for (JsonNode f : o.path("filters")) filters.add(dequantized(f.asText()));
            int[][] confusion = new int[o.path("confusion").size()][];
            for (int i = 0; i < confusion.length; i++) confusion[i] = ints(o.path("confusion").get(i));
            JsonNode conf = o.path("probeConfidence");
            float[] confidence = new float[conf.size()];
            for (int i = 0; i < confidence.length; i++) confidence[i] = (float) conf.get(i).asDouble();
            var snapshot = new TimelineSnapshot(o.path("label").asText(), o.path("iteration").asLong(),
                    o.path("epochPosition").asDouble(), filters.toArray(float[][]::new), o.path("filterSide").asInt(),
                    ints(o.path("probePredicted")), confidence, confusion, o.path("loss").asDouble(Double.NaN),
                    o.path("accuracy").asDouble(Double.NaN));
            requireConsistent(snapshot, labels.length, classes.size(), snapshots.size() + 1);
            snapshots.add(snapshot);
        }
        return new TrainingTimeline(classes, probes, labels, snapshots);
    }

    /** The views index every array by probe and class: a file whose sizes disagree is refused, not drawn. */
    private static void requireConsistent(TimelineSnapshot s, int probes, int classes, int number) throws IOException {
        String which = "timeline snapshot " + number + ": ";
        if (s.probePredicted().length != probes || s.probeConfidence().length != probes) {
            throw new IOException(which + "predictions for " + s.probePredicted().length + " probes, not " + probes);
        }
        requireClasses(s.probePredicted(), classes, which + "predicted classes");
        if (s.confusion().length != 0 && s.confusion().length != classes) {
            throw new IOException(which + "a confusion matrix of " + s.confusion().length + " rows for " + classes + " classes");
        }
        for (int[] row : s.confusion()) {
            if (row.length != classes) throw new IOException(which + "a confusion row of " + row.length + " for " + classes + " classes");
        }
        int side = s.filterSide();
        for (float[] f : s.filters()) {
            if (side < 1 || side > 64 || f.length != side * side) {
                throw new IOException(which + "a filter of " + f.length + " weights is not " + side + " x " + side);
            }
        }
    }

    private static void requireClasses(int[] indices, int classes, String what) throws IOException {
        for (int i : indices) if (i < 0 || i >= classes) throw new IOException(what + " include " + i + ", outside 0.." + (classes - 1));
    }

    /** min and max as floats, then one byte per weight on that range, base64. */
    private static String quantized(float[] weights) {
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        for (float w : weights) {
            min = Math.min(min, w);
            max = Math.max(max, w);
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + weights.length);
        b.putFloat(min).putFloat(max);
        float range = max - min;
        for (float w : weights) b.put((byte) (range == 0 ? 0 : Math.round((w - min) / range * 255)));
        return Base64.getEncoder().encodeToString(b.array());
    }

    private static float[] dequantized(String text) throws IOException {
        try {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Base64.getDecoder().decode(text));
            float min = b.getFloat(), max = b.getFloat();
            float[] w = new float[b.remaining()];
            for (int i = 0; i < w.length; i++) w[i] = min + (b.get() & 0xFF) / 255f * (max - min);
            return w;
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new IOException("a timeline filter is not readable", e);
        }
    }

    private static void ints(ArrayNode array, int[] values) {
        for (int v : values) array.add(v);
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asInt();
        return out;
    }
}
