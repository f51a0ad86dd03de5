package io.handwritingstudio.visual;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.NetworkFactory;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.training.Trainer;
import io.handwritingstudio.training.TrainingControl;
import io.handwritingstudio.training.TrainingObserver;
import io.handwritingstudio.training.TrainingRequest;
import io.handwritingstudio.model.InputLayout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** Models and images for the visual and network-view tests. */
public final class TestModels {
    private static TrainedModel classic;

    private TestModels() {
    }

    /** The seed project's real Keras 2 MNIST model (channels-last input), a test resource. */
    public static Path kerasFile() {
        return io.handwritingstudio.testing.TestData.kerasFixtures().resolve("handwritten_digit_recognition_model.h5");
    }

    public static TrainedModel keras() throws Exception {
        return ModelStore.load(kerasFile());
    }

    /** A freshly initialised (untrained) network: enough to check plumbing against DL4J's own numbers. */
    public static TrainedModel untrained(Architecture arch) {
        var net = NetworkFactory.create(Hyperparameters.defaults(arch), 10, 1);
        List<String> names = IntStream.range(0, 10).mapToObj(String::valueOf).toList();
        ModelCard card = new ModelCard("untrained-" + arch, "dl4j", "mnist", names, arch.name(), null, null, null,
                null, null, null, "28x28x1", null, null, null);
        return new TrainedModel(net, card, InputLayout.FLAT);
    }

    /**
     * A classic model trained for one epoch on 5,000 MNIST images, once per test JVM, and saved and reloaded through
     * the model store as a user's model would be. Never reused across builds: a fixture must come from this code.
     */
    public static synchronized TrainedModel trainedClassic() throws Exception {
        if (classic != null) return classic;
        Hyperparameters hp = new Hyperparameters(Architecture.CLASSIC, 1, 64, 1e-3, 1.0, "adam", 42, false, 5000);
        LabeledImages train = io.handwritingstudio.testing.TestData.mnistTrain().limit(5000);
        var result = new Trainer(TrainingRequest.fresh(hp, "mnist", train, null))
                .run(new TrainingObserver() { }, new TrainingControl());
        List<String> names = IntStream.range(0, 10).mapToObj(String::valueOf).toList();
        ModelCard card = new ModelCard("classic-test", "dl4j", "mnist", names, "CLASSIC", null, 42L, 1, null,
                null, null, "28x28x1", null, null, "test fixture");
        Path dir = Files.createTempDirectory("hws-test-models");
        Path file = dir.resolve("classic-5000.zip");
        try {
            ModelStore.save(result.network(), card, file);
            classic = ModelStore.load(file);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(ModelStore.cardPath(file));
            Files.deleteIfExists(dir);
        }
        return classic;
    }

    public static synchronized LabeledImages mnistTest() throws Exception {
        return io.handwritingstudio.testing.TestData.mnistTest();
    }

    /** Test image {@code i} as 784 floats in [0,1]. */
    public static float[] image(int i) throws Exception {
        float[] px = new float[784];
        mnistTest().copyImage(i, px, 0);
        return px;
    }
}
