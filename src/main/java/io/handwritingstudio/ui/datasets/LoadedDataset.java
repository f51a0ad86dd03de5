package io.handwritingstudio.ui.datasets;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;

/**
 * A dataset split held in memory with the statistics the browser shows, computed once while loading.
 *
 * @param classMeans mean image of each class, 0..255 per pixel (all zero for a class without samples)
 */
public record LoadedDataset(String name, Split split, LabeledImages images, int[] classCounts, float[][] classMeans) {

    /** Computes the statistics (a few ms for 60,000 images). */
    public static LoadedDataset of(String name, Split split, LabeledImages images) {
        return new LoadedDataset(name, split, images, images.classCounts(), images.classMeans());
    }

    public int size() {
        return images.size();
    }

    public String className(int index) {
        return images.classes().name(images.label(index));
    }
}
