package io.handwritingstudio.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to obtain and read a dataset.
 *
 * @param localFolder  where the files already are (letters, custom folders), or null: then they live in the cache
 *                     under {@code <cache>/<name>/} and are fetched from {@code sources}, tried in order
 * @param labelOffset  stored label minus class index (EMNIST letters store 1..26 for classes 0..25)
 */
public record DatasetSpec(String name, String title,
                          DatasetFile trainImages, DatasetFile trainLabels,
                          DatasetFile testImages, DatasetFile testLabels,
                          List<FileSource> sources, ClassNames classes,
                          Orientation orientation, int labelOffset, Path localFolder) {

    public DatasetSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(classes);
        Objects.requireNonNull(orientation);
        sources = List.copyOf(sources);
    }

    public DatasetFile images(Split split) {
        return split == Split.TRAIN ? trainImages : testImages;
    }

    public DatasetFile labels(Split split) {
        return split == Split.TRAIN ? trainLabels : testLabels;
    }

    public List<DatasetFile> files() {
        return List.of(trainImages, trainLabels, testImages, testLabels);
    }

    public boolean isLocal() {
        return localFolder != null;
    }

    public DatasetSpec withSources(List<FileSource> newSources) {
        return new DatasetSpec(name, title, trainImages, trainLabels, testImages, testLabels, newSources, classes,
                orientation, labelOffset, localFolder);
    }
}
