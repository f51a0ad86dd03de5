package io.handwritingstudio.training;

import io.handwritingstudio.data.CharactersDataset;
import io.handwritingstudio.data.DatasetCatalog;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.MnistFormat;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.inference.ImageFolderDataset;
import io.handwritingstudio.model.TrainedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A fine-tuning run's data, loaded for the studio (plain Java in, a ready {@link FineTuneSetup} out): the user's
 * folder (class folders of images, or IDX files such as "my samples"), the replay data and the parent's own test
 * set. Every refusal is an {@link IllegalArgumentException} with one sentence a user can act on.
 */
public final class FineTuneData {
    private FineTuneData() {
    }

    /**
     * @param listener gets loading messages, among them how many images were skipped as unreadable or blank
     */
    public static FineTuneSetup load(FineTuneSetup.Spec spec, TrainedModel parent, Path userData,
                                     DatasetRepository repository, DownloadListener listener) throws IOException {
        requireTakesDigitsInput(parent);
        requireImages(userData);
        LabeledImages train = repository.load(userData.toString(), Split.TRAIN, listener);
        LabeledImages test = repository.load(userData.toString(), Split.TEST, listener);
        LabeledImages replay = spec.replayDataset() == null ? null
                : repository.load(spec.replayDataset(), Split.TRAIN, listener);
        String original = isCatalogued(parent.card().dataset()) ? parent.card().dataset() : spec.replayDataset();
        if (original == null) {
            throw new IllegalArgumentException("the model's own dataset is unknown: mix in a catalogue dataset as replay"
                    + " so forgetting can be measured on its test set");
        }
        LabeledImages originalTest = repository.load(original, Split.TEST, listener);
        return new FineTuneSetup(spec, parent.network(), train, test, replay, originalTest);
    }

    /** The catalogue dataset a model was trained on, or null (a folder, an imported model). */
    public static String originalDataset(TrainedModel parent) {
        return parent.card() != null && isCatalogued(parent.card().dataset()) ? parent.card().dataset() : null;
    }

    static boolean isCatalogued(String name) {
        return name != null && (DatasetCatalog.find(name).isPresent() || CharactersDataset.NAME.equals(name));
    }

    private static void requireTakesDigitsInput(TrainedModel parent) {
        try {
            parent.predict(new float[MnistFormat.PIXELS], 1);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(parent.displayName() + " does not take 28x28 grey images, the only input"
                    + " fine-tuning can give it", e);
        }
    }

    /**
     * An empty folder, or one without class folders of images or IDX files, is refused before anything loads (the
     * studio and {@code train --from} give the same sentence).
     */
    public static void requireImages(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + ": no such folder");
        if (new ImageFolderDataset().accepts(dir)) return;
        try (Stream<Path> files = Files.list(dir)) {
            if (files.anyMatch(f -> f.getFileName().toString().contains("idx3-ubyte"))) return;
        }
        throw new IllegalArgumentException("the folder " + dir.getFileName() + " has no images in class folders (expected "
                + dir.getFileName() + "/<class>/<image>.png, e.g. my-digits/7/a.png)");
    }
}
