package io.handwritingstudio.training;

import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.ModelStore;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves the network (with optimizer state) after every epoch as {@code checkpoint.zip} + card in a folder, so a
 * run can resume, with the timeline recorded so far, so the resumed run continues it. One checkpoint is kept: the
 * latest. The save is atomic, so a crash never corrupts it.
 */
public final class Checkpoints {
    public static final String FILE = "checkpoint.zip";
    private final Path dir;

    public Checkpoints(Path dir) {
        this.dir = dir;
    }

    /** {@code timelineSoFar} may be null (a run that records none). */
    public Path save(MultiLayerNetwork network, ModelCard card, TrainingTimeline timelineSoFar) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        ModelStore.save(network, card.withName("checkpoint"), file,
                timelineSoFar == null ? java.util.Map.of() : timelineSoFar.asAttachment());
        return file;
    }
}
