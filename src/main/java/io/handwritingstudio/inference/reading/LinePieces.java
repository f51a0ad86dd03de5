package io.handwritingstudio.inference.reading;

import io.handwritingstudio.data.IdxWriter;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.model.TrainedModel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Characters as the line reader cuts them out of touching neighbours, written as a dataset to fine-tune a reading model
 * on ({@code bench --line-pieces}, then {@code train --from}). A model trained on single centred characters misreads
 * a well-cut piece that keeps a sliver of its neighbour or lost a bit of its own stroke; such pieces were most of the
 * reader's remaining errors on touching pairs (docs/BENCHMARKS.md). Generated lines of <em>training</em> characters are
 * cut into every candidate piece ({@link LineReader#candidates}); a piece of a cut group whose columns match one
 * character's closely (overlap over union at least {@link #MATCH}) is kept, framed as the model reads it, with that
 * character's label. The test split comes from other lines (seed + 1), a tenth as many.
 */
public final class LinePieces {
    /**
     * Closer than {@link CutTraining#MATCH}: looser pieces (0.65-0.75) taught the model to read bad cuts as characters
     * and cost it more of its own test set (docs/BENCHMARKS.md).
     */
    static final double MATCH = 0.85;

    private LinePieces() {
    }

    /** How many pieces each split received. */
    public record Counts(int train, int test) {
    }

    /**
     * Writes {@code lines} lines' pieces (a third separated, the rest touching; {@code words}: letters' word spaces) as
     * IDX files and {@code classes.txt} into {@code dir}, a folder {@code train --from ... --data-dir} reads.
     */
    public static Counts write(TrainedModel model, LabeledImages train, long seed, int lines, boolean words, Path dir)
            throws IOException {
        requireOwnFolder(dir);
        Files.createDirectories(dir);
        LineReader reader = new LineReader(model, null);
        int trainCount = split(reader, train, seed, lines, words, dir, "train");
        int testCount = split(reader, train, seed + 1, Math.max(1, lines / 10), words, dir, "t10k");
        io.handwritingstudio.files.AtomicFiles.writeString(dir.resolve("classes.txt"),
                String.join("\n", model.classes().names()) + "\n");
        io.handwritingstudio.files.AtomicFiles.writeString(dir.resolve(MARKER), "pieces of synthetic lines, written by bench --line-pieces\n");
        return new Counts(trainCount, testCount);
    }

    /** Marks a folder this writes, so that writing again there is allowed and anywhere else refused. */
    private static final String MARKER = ".line-pieces";

    /** The pieces' files have MNIST's names: written into a dataset folder they would replace its images. */
    private static void requireOwnFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir) || Files.exists(dir.resolve(MARKER))) return;
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new io.handwritingstudio.files.UserFileException(dir, "is a folder with files in it that bench"
                        + " --line-pieces did not write; its IDX files would be replaced, so choose a new folder");
            }
        }
    }

    private static int split(LineReader reader, LabeledImages train, long seed, int lines, boolean words, Path dir,
                             String prefix) throws IOException {
        SyntheticLines generator = new SyntheticLines(train, seed);
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            SyntheticLines.Options options = i % 3 == 0 ? SyntheticLines.Options.separated()
                    : SyntheticLines.Options.touching();
            SyntheticLines.Line line = generator.next(words ? options.withSpaces(SyntheticLines.WORD_SPACES) : options);
            LineReader.Candidates candidates = reader.candidates(line.image());
            int offset = 0;
            for (Cuts cuts : candidates.plans()) {
                int n = cuts.intervals.size();
                for (int k = 0; n > 1 && k < n; k++) {
                    Piece piece = candidates.pieces().get(offset + k);
                    int character = piece == null ? -1 : match(piece, line.boxes(), candidates.map().scale());
                    if (character < 0) continue;
                    labels.add(reader.model().classes().indexOf(line.characters().substring(character, character + 1)));
                    for (float v : piece.pixels()) pixels.write(Math.round(Math.max(0, Math.min(1, v)) * 255));
                }
                offset += n;
            }
        }
        IdxWriter.writeImages(dir.resolve(prefix + "-images-idx3-ubyte"), pixels.toByteArray(), labels.size(),
                io.handwritingstudio.data.MnistFormat.SIDE, io.handwritingstudio.data.MnistFormat.SIDE, false);
        IdxWriter.writeLabels(dir.resolve(prefix + "-labels-idx1-ubyte"),
                labels.stream().mapToInt(Integer::intValue).toArray(), false);
        return labels.size();
    }

    /** The character whose columns the piece matches best, at least {@link #MATCH}; -1 for none. */
    static int match(Piece piece, List<int[]> boxes, int scale) {
        int best = -1;
        double bestOverlap = MATCH;
        for (int i = 0; i < boxes.size(); i++) {
            int[] b = boxes.get(i);
            double l = b[0] / (double) scale;
            double r = (b[0] + b[2]) / (double) scale;
            double inter = Math.min(r, piece.right()) - Math.max(l, piece.left());
            double union = Math.max(r, piece.right()) - Math.min(l, piece.left());
            if (inter > 0 && inter / union >= bestOverlap) {
                bestOverlap = inter / union;
                best = i;
            }
        }
        return best;
    }
}
