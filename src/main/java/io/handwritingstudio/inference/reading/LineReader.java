package io.handwritingstudio.inference.reading;

import io.handwritingstudio.data.MnistFormat;
import io.handwritingstudio.inference.GrayImage;
import io.handwritingstudio.inference.ImageFiles;
import io.handwritingstudio.inference.Framing;
import io.handwritingstudio.inference.InkMap;
import io.handwritingstudio.model.TrainedModel;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a line of handwriting: ink map, blobs, characters joined or split ({@link Segmenter}, {@link Cuts}), each
 * framed as the model's training images were ({@link Framing}) and read by the model. All candidate pieces of a
 * line go to the model in one batch.
 */
public final class LineReader {
    /** The working picture is kept within this many pixels (a 10,000 x 400 scan fits; bigger ones are averaged). */
    public static final long WORK_PIXELS = 4_000_000L;
    /**
     * The most characters one line may hold: a few KB of dashes can make hundreds of thousands of marks, each a
     * 28x28 piece read several ways (gigabytes), long before the pixel limit applies.
     */
    public static final int MAX_CHARACTERS = 2_000;
    /** A gap wider than this many usual gaps, and than {@link #SPACE_HEIGHTS} line heights, is a space. */
    static final double SPACE_GAPS = 2.5;
    static final double SPACE_HEIGHTS = 0.75;
    static final double SPACE_MAX_HEIGHTS = 1.0;
    /** Model calls are made in batches of at most this many pieces, bounding memory on very long lines. */
    static final int BATCH = 256;

    private final TrainedModel model;
    private final Framing framing;
    /** Null for models whose classes no network knows; loaded on first use, off the UI thread. */
    private final Supplier<WholeCharacters> wholeCharacters;

    public LineReader(TrainedModel model) {
        this.model = model;
        this.framing = Framing.of(model.card());
        String network = CutVerifier.networkFor(model.classes());
        this.wholeCharacters = network == null ? null : () -> WholeCharacters.bundled(network);
    }

    /** With {@code wholeCharacters} null every piece's chance is left at 0 and has no weight. */
    LineReader(TrainedModel model, WholeCharacters wholeCharacters) {
        this.model = model;
        this.framing = Framing.of(model.card());
        this.wholeCharacters = wholeCharacters == null ? null : () -> wholeCharacters;
    }

    public TrainedModel model() {
        return model;
    }

    public LineReading read(Path file) throws IOException {
        return read(ImageFiles.read(file));
    }

    public LineReading read(BufferedImage image) {
        return readTraced(image, false).reading();
    }

    /** A reading with the steps that led to it (the studio shows them). */
    public record Traced(LineReading reading, LineSteps steps) {
    }

    public Traced readWithSteps(BufferedImage image) {
        return readTraced(image, true);
    }

    /**
     * Every group's cut plan and every candidate piece with the model's probabilities and the chance that it is one
     * whole character ({@link WholeCharacters}); null and 0 where a piece has no ink.
     */
    record Candidates(InkMap map, List<Blob> blobs, Segmenter.Segmentation segmentation, List<Cuts> plans,
                      List<Piece> pieces, float[][] probabilities, float[] whole) {
    }

    Candidates candidates(BufferedImage image) {
        int k = InkMap.scaleFor(image, WORK_PIXELS);
        InkMap map = InkMap.of(image, k);
        List<Blob> blobs = Blob.find(map);
        Segmenter.Segmentation seg = Segmenter.segment(blobs);
        if (seg.groups().size() > MAX_CHARACTERS) {
            throw new IllegalArgumentException("this picture holds " + seg.groups().size() + " separate marks; one line is read"
                    + " up to " + MAX_CHARACTERS + " characters (crop it to the line)");
        }
        List<Cuts> plans = new ArrayList<>();
        List<Piece> pieces = new ArrayList<>();
        for (Group g : seg.groups()) {
            Cuts c = Cuts.plan(map, g, seg.lineHeight());
            plans.add(c);
            for (int[] iv : c.intervals) pieces.add(Piece.of(map, g, c.paths[iv[0]], c.paths[iv[1]], framing));
        }
        float[] whole = new float[pieces.size()];
        return new Candidates(map, blobs, seg, plans, pieces, predict(pieces, whole), whole);
    }

    private Traced readTraced(BufferedImage image, boolean withSteps) {
        Candidates cand = candidates(image);
        InkMap map = cand.map();
        double height = cand.segmentation().lineHeight();
        List<Piece> pieces = cand.pieces();
        float[][] probabilities = cand.probabilities();
        float[] whole = cand.whole();
        double[] weights = CutVerifier.weights(wholeCharacters != null);
        List<Piece> chosen = new ArrayList<>();
        List<float[]> chosenP = new ArrayList<>();
        int offset = 0;
        for (Cuts c : cand.plans()) {
            int n = c.intervals.size();
            Piece[] ps = pieces.subList(offset, offset + n).toArray(new Piece[0]);
            float[][] pr = Arrays.copyOfRange(probabilities, offset, offset + n);
            float[] wh = Arrays.copyOfRange(whole, offset, offset + n);
            for (int idx : c.best(ps, pr, wh, weights, height, model.classes())) {
                chosen.add(ps[idx]);
                chosenP.add(pr[idx]);
            }
            offset += n;
        }
        LineReading reading = assemble(chosen, chosenP, map, image, height);
        return new Traced(reading, withSteps ? steps(map, cand.blobs(), cand.segmentation().groups()) : null);
    }

    private static LineSteps steps(InkMap map, List<Blob> blobs, List<Group> groups) {
        int w = map.width();
        int h = map.height();
        float[] mask = new float[w * h];
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) if (map.isInk(x, y)) mask[y * w + x] = 1f;
        List<int[]> components = new ArrayList<>();
        for (Blob b : blobs) {
            if (b.area() >= Segmenter.MIN_AREA) components.add(new int[] {b.left(), b.top(), b.width(), b.height()});
        }
        List<int[]> boxes = new ArrayList<>();
        for (Group g : groups) boxes.add(new int[] {g.left, g.top, g.width(), g.height()});
        return new LineSteps(new GrayImage(w, h, mask), map.scale(), List.copyOf(components), List.copyOf(boxes));
    }

    /** The model's probabilities per piece; {@code whole} receives each piece's chance of being one whole character. */
    private float[][] predict(List<Piece> pieces, float[] whole) {
        float[][] out = new float[pieces.size()][];
        int size = MnistFormat.PIXELS;
        for (int start = 0; start < pieces.size(); start += BATCH) {
            int[] index = new int[Math.min(BATCH, pieces.size() - start)];
            int n = 0;
            for (int i = 0; i < index.length; i++) if (pieces.get(start + i) != null) index[n++] = start + i;
            if (n == 0) continue;
            float[] batch = new float[n * size];
            for (int i = 0; i < n; i++) System.arraycopy(pieces.get(index[i]).pixels(), 0, batch, i * size, size);
            float[][] p = model.predict(batch, n);
            float[] w = wholeCharacters == null ? new float[n] : wholeCharacters.get().probabilities(batch, n);
            for (int i = 0; i < n; i++) {
                out[index[i]] = p[i];
                whole[index[i]] = w[i];
            }
        }
        return out;
    }

    private LineReading assemble(List<Piece> pieces, List<float[]> probabilities, InkMap map, BufferedImage image,
                                 double lineHeight) {
        int k = map.scale();
        int[] gaps = new int[Math.max(0, pieces.size() - 1)];
        for (int i = 1; i < pieces.size(); i++) gaps[i - 1] = pieces.get(i).left() - pieces.get(i - 1).right();
        // The usual gap is the lower quartile: with many word spaces the median would be a space itself. A gap over a
        // line height is a space however loosely the line is written (in "6 8 3 5" every gap is one).
        double spaceFrom = Math.min(SPACE_MAX_HEIGHTS * lineHeight,
                Math.max(SPACE_GAPS * Math.max(0, lowerQuartile(gaps)), SPACE_HEIGHTS * lineHeight));
        List<LineReading.Character> chars = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            boolean space = i > 0 && gaps[i - 1] > spaceFrom;
            int x = p.left() * k;
            int y = p.top() * k;
            int w = Math.min(image.getWidth(), p.right() * k) - x;
            int h = Math.min(image.getHeight(), p.bottom() * k) - y;
            var c = new LineReading.Character(x, y, w, h, model.classes(), probabilities.get(i), p.pixels(),
                    model.networkPixels(p.pixels()), space);
            if (space) text.append(' ');
            text.append(c.prediction());
            chars.add(c);
        }
        return new LineReading(text.toString(), List.copyOf(chars), map.inverted());
    }

    private static double lowerQuartile(int[] values) {
        if (values.length == 0) return 0;
        int[] v = values.clone();
        Arrays.sort(v);
        return v[(v.length - 1) / 4];
    }
}
