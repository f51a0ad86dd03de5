package io.handwritingstudio.cli;

import java.util.Locale;
import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.TrainedModel;
import org.deeplearning4j.nn.api.Layer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code info}: a model's card and layers. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show a model's card and its layers.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    ModelOption modelOption;

    @Override
    public Integer call() throws Exception {
        TrainedModel model = modelOption.load();
        ModelCard card = model.card();
        System.out.println(Json.write(card));
        System.out.println();
        System.out.printf(Locale.ROOT, "Layers (%,d parameters):%n", model.network().numParams());
        Layer[] layers = model.network().getLayers();
        for (int i = 0; i < layers.length; i++) {
            var conf = layers[i].conf().getLayer();
            System.out.printf(Locale.ROOT, "  %2d  %-22s %,10d params%n", i, conf.getClass().getSimpleName(), layers[i].numParams());
        }
        return 0;
    }
}
