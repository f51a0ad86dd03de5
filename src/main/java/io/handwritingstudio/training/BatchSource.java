package io.handwritingstudio.training;

import io.handwritingstudio.data.LabeledImages;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Mini-batches for DL4J from byte images: pixels scaled to [0,1], one-hot labels, a seeded shuffle per epoch
 * (the same seed and epoch give the same order, so a resumed run sees what an uninterrupted one would) and
 * optional on-the-fly augmentation, and optionally a replay of the original data mixed into every batch.
 */
public final class BatchSource {
    private final LabeledImages images;
    private final int batchSize;
    private final long seed;
    private final Augmenter augmenter;
    private final Replay replay;
    /** With replay, each batch holds this many of {@code images} and fills the rest from the replay set. */
    private final int ownPerBatch;

    /**
     * Images from the original training set mixed into every batch while fine-tuning, so classes the user's data
     * does not show are not forgotten: {@code fraction} of each batch, drawn afresh (seeded) for every batch.
     * The replay images must be labelled in the same class space as the images being trained on.
     */
    public record Replay(LabeledImages images, double fraction) {
        public Replay {
            if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("replay fraction must be between 0 and 1");
        }
    }

    public BatchSource(LabeledImages images, int batchSize, long seed, Augmenter augmenterOrNull) {
        this(images, batchSize, seed, augmenterOrNull, null);
    }

    public BatchSource(LabeledImages images, int batchSize, long seed, Augmenter augmenterOrNull, Replay replayOrNull) {
        this.images = images;
        this.batchSize = batchSize;
        this.seed = seed;
        this.augmenter = augmenterOrNull;
        this.replay = replayOrNull;
        this.ownPerBatch = replay == null ? batchSize : Math.max(1, (int) Math.round(batchSize * (1 - replay.fraction())));
    }

    public int batchesPerEpoch() {
        return (images.size() + ownPerBatch - 1) / ownPerBatch;
    }

    public int size() {
        return images.size();
    }

    /** The order in which an epoch visits the images. */
    public int[] order(int epoch) {
        int[] order = new int[images.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + epoch);
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Batch number {@code batch} of an epoch whose order came from {@link #order}. */
    public DataSet batch(int[] order, int epoch, int batch) {
        int from = batch * ownPerBatch;
        int own = Math.min(ownPerBatch, order.length - from);
        int replayed = replay == null ? 0 : batchSize - ownPerBatch;
        int count = own + replayed;
        int px = images.pixelsPerImage();
        int classes = images.classes().size();
        float[] features = new float[count * px];
        float[] labels = new float[count * classes];
        float[] scratch = augmenter == null ? null : new float[px];
        SplittableRandom rng = new SplittableRandom(seed ^ (epoch * 7919L + batch) * 0x9E3779B97F4A7C15L);
        for (int i = 0; i < count; i++) {
            LabeledImages source = i < own ? images : replay.images();
            int index = i < own ? order[from + i] : rng.nextInt(source.size());
            if (augmenter == null) {
                source.copyImage(index, features, i * px);
            } else {
                source.copyImage(index, scratch, 0);
                augmenter.distort(scratch, 0, features, i * px, images.cols(), rng);
            }
            labels[i * classes + source.label(index)] = 1f;
        }
        return new DataSet(Nd4j.create(features, new long[]{count, px}, 'c'),
                Nd4j.create(labels, new long[]{count, classes}, 'c'));
    }
}
