package io.handwritingstudio.training;

import io.handwritingstudio.data.LabeledImages;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.SplittableRandom;

/**
 * Mini-batches for DL4J from byte images: pixels scaled to [0,1], one-hot labels, a seeded shuffle per epoch
 * (the same seed and epoch give the same order, so a resumed run sees what an uninterrupted one would) and
 * optional on-the-fly augmentation.
 */
public final class BatchSource {
    private final LabeledImages images;
    private final int batchSize;
    private final long seed;
    private final Augmenter augmenter;

    public BatchSource(LabeledImages images, int batchSize, long seed, Augmenter augmenterOrNull) {
        this.images = images;
        this.batchSize = batchSize;
        this.seed = seed;
        this.augmenter = augmenterOrNull;
    }

    public int batchesPerEpoch() {
        return (images.size() + batchSize - 1) / batchSize;
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
        int from = batch * batchSize;
        int count = Math.min(batchSize, order.length - from);
        int px = images.pixelsPerImage();
        int classes = images.classes().size();
        float[] features = new float[count * px];
        float[] labels = new float[count * classes];
        float[] scratch = augmenter == null ? null : new float[px];
        SplittableRandom rng = augmenter == null ? null : new SplittableRandom(seed ^ (epoch * 7919L + batch) * 0x9E3779B97F4A7C15L);
        for (int i = 0; i < count; i++) {
            int index = order[from + i];
            if (augmenter == null) {
                images.copyImage(index, features, i * px);
            } else {
                images.copyImage(index, scratch, 0);
                augmenter.distort(scratch, 0, features, i * px, images.cols(), rng);
            }
            labels[i * classes + images.label(index)] = 1f;
        }
        return new DataSet(Nd4j.create(features, new long[]{count, px}, 'c'),
                Nd4j.create(labels, new long[]{count, classes}, 'c'));
    }
}
