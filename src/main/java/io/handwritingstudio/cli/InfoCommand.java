package io.handwritingstudio.cli;

import io.handwritingstudio.model.ModelCard;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.model.design.DesignAnalysis;
import io.handwritingstudio.model.design.NetworkDesign;
import org.deeplearning4j.nn.api.Layer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code info}: a model's card in a few lines and its layers; {@code --json} the whole card alone (it printed the JSON
 * and then the table, which neither read well nor parsed).
 */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show a model's card and its layers.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;
    @Mixin
    ModelOption modelOption;
    @Option(names = "--json", description = "Print the whole model card as one JSON object instead.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        TrainedModel model = modelOption.load();
        ModelCard card = model.card();
        if (json) {
            System.out.println(Json.write(card));
            return 0;
        }
        printCard(card);
        System.out.println();
        long params = model.network().numParams();
        Optional<DesignAnalysis> design = card.networkDesign()
                .map(d -> DesignAnalysis.of(d, model.classes().size()))
                .filter(a -> a.valid() && a.parameters() == params);
        if (design.isPresent()) printDesign(card.networkDesign().get(), design.get());
        else printLayers(model, params);
        return 0;
    }

    /** The card's words are the file's, not ours: control characters (a terminal's escape codes) are shown as '?'. */
    private static void printCard(ModelCard card) {
        StringBuilder out = new StringBuilder();
        java.util.Formatter f = new java.util.Formatter(out, Locale.ROOT);
        String name = card.name() != null ? card.name() : "(no name)";
        f.format("%s: %s model, %d classes: %s\n", name, card.format(), card.classNames().size(),
                String.join(" ", card.classNames()));
        String accuracy = card.testAccuracy() == null ? "" : String.format(Locale.ROOT, ", test accuracy %.2f%%",
                card.testAccuracy() * 100);
        if (card.dataset() != null) f.format("Trained on: %s%s\n", card.dataset(), accuracy);
        if (card.lineage() != null && card.lineage().get("parent") != null) {
            f.format("Fine-tuned from: %s (trained on %s)\n", card.lineage().get("parent"), card.lineage().get("parentDataset"));
        }
        line(f, "Network", card.architecture());
        line(f, "Input", card.inputShape());
        line(f, "Preprocessing", card.preprocessing());
        line(f, "Created", card.created());
        line(f, "Command", card.command());
        line(f, "Notes", card.notes());
        System.out.print(out.toString().replaceAll("[\\p{Cntrl}&&[^\\n]]|[\\u0080-\\u009f]", "?"));
        System.out.println("(the whole card as JSON: add --json)");
    }

    private static void line(java.util.Formatter f, String label, String value) {
        if (value != null && !value.isBlank()) f.format("%s: %s\n", label, value);
    }

    static void printDesign(NetworkDesign design, DesignAnalysis a) {
        System.out.printf(Locale.ROOT, "Network %s: %,d parameters, %,d multiply-adds per image%n", design.name(),
                a.parameters(), a.multiplyAdds());
        List<DesignAnalysis.Row> rows = new ArrayList<>(a.rows());
        rows.add(a.output());
        // the widest description sets the column ("conv 32 3x3 same identity no-bias" pushed the rest out of line)
        int width = Math.max(28, rows.stream().mapToInt(r -> r.description().length()).max().orElse(0));
        String head = "  %3s  %-" + width + "s %-12s %12s %14s%n";
        System.out.printf(Locale.ROOT, head, "#", "layer", "output", "parameters", "multiply-adds");
        System.out.printf(Locale.ROOT, head, "", "input", "28x28x1", "", "");
        for (DesignAnalysis.Row r : rows) {
            System.out.printf(Locale.ROOT, "  %3d  %-" + width + "s %-12s %,12d %,14d%n", r.index(), r.description(),
                    r.shape(), r.parameters(), r.multiplyAdds());
        }
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
