package io.handwritingstudio.ui.datasets;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;

/**
 * A dataset split held in memory with the statistics the browser shows, computed once while loading.
 *
 * @param classMeans mean image of each class, 0..255 per pixel (all zero for a class without samples)
 */
public record LoadedDataset(String name, Split split, LabeledImages images, int[] classCounts, float[][] classMeans) {

    /** Loads the statistics in one pass over the bytes (a few ms for 60,000 images). */
    public static LoadedDataset of(String name, Split split, LabeledImages images) {
        int k = images.classes().size(), n = images.pixelsPerImage();
        int[] counts = new int[k];
        double[][] sums = new double[k][n];
        byte[] px = images.sharedPixels();
        for (int i = 0; i < images.size(); i++) {
            int c = images.label(i);
            counts[c]++;
            double[] sum = sums[c];
            int base = i * n;
            for (int p = 0; p < n; p++) sum[p] += px[base + p] & 0xFF;
        }
        float[][] means = new float[k][n];
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) continue;
            for (int p = 0; p < n; p++) means[c][p] = (float) (sums[c][p] / counts[c]);
        }
        return new LoadedDataset(name, split, images, counts, means);
    }

    public int size() {
        return images.size();
    }

    public String className(int index) {
        return images.classes().name(images.label(index));
    }
}
