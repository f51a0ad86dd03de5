package io.handwritingstudio.cli;

import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.model.design.DesignAnalysis;
import io.handwritingstudio.model.design.NetworkDesign;
import org.deeplearning4j.nn.api.Layer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code info}: a model's card and its layers. */
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
        long params = model.network().numParams();
        Optional<DesignAnalysis> design = card.networkDesign()
                .map(d -> DesignAnalysis.of(d, model.classes().size()))
                .filter(a -> a.valid() && a.parameters() == params);
        if (design.isPresent()) printDesign(card.networkDesign().get(), design.get());
        else printLayers(model, params);
        return 0;
    }

    static void printDesign(NetworkDesign design, DesignAnalysis a) {
        System.out.printf(Locale.ROOT, "Network %s: %,d parameters, %,d multiply-adds per image%n", design.name(),
                a.parameters(), a.multiplyAdds());
        System.out.printf(Locale.ROOT, "  %3s  %-28s %-12s %12s %14s%n", "#", "layer", "output", "parameters", "multiply-adds");
        System.out.printf(Locale.ROOT, "  %3s  %-28s %-12s %12s %14s%n", "", "input", "28x28x1", "", "");
        for (DesignAnalysis.Row r : a.rows()) printRow(r);
        printRow(a.output());
    }

    private static void printRow(DesignAnalysis.Row r) {
        System.out.printf(Locale.ROOT, "  %3d  %-28s %-12s %,12d %,14d%n", r.index(), r.description(), r.shape(),
                r.parameters(), r.multiplyAdds());
    }

    /** Imported networks (Keras) have no design: their layers as Deeplearning4j built them. */
    private static void printLayers(TrainedModel model, long params) {
        System.out.printf(Locale.ROOT, "Layers (%,d parameters):%n", params);
        Layer[] layers = model.network().getLayers();
        for (int i = 0; i < layers.length; i++) {
            var conf = layers[i].conf().getLayer();
            System.out.printf(Locale.ROOT, "  %3d  %-28s %,12d%n", i + 1, conf.getClass().getSimpleName(), layers[i].numParams());
        }
    }
}
