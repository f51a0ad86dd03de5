package io.handwritingstudio.cli;

import io.handwritingstudio.model.ModelLocator;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import picocli.CommandLine.Option;

/** {@code --model M}: a .zip or Keras .h5 path, or a bundled name (mnist -> models/mnist.zip). */
final class ModelOption {
    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "A model file (.zip, Keras .h5) or a bundled name: mnist, letters, characters.")
    String model;

    TrainedModel load() throws Exception {
        return load(model);
    }

    /** A model by path or bundled name, as --model takes it. */
    static TrainedModel load(String pathOrName) throws Exception {
        return ModelStore.load(ModelLocator.resolve(pathOrName));
    }
}
