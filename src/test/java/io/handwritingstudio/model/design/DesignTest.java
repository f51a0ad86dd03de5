package io.handwritingstudio.model.design;

import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.model.NetworkFactory;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The designer's arithmetic must be Deeplearning4j's: every preset's counts checked against the built network. */
class DesignTest {
    static Stream<NetworkDesign> presets() {
        return Designs.presets().stream();
    }

    @ParameterizedTest
    @MethodSource("presets")
    void analysisAgreesWithTheNetworkDl4jBuilds(NetworkDesign design) throws Exception {
        for (int classes : new int[]{10, 26}) {
            DesignAnalysis a = DesignAnalysis.of(design, classes);
            assertTrue(a.valid(), a.error());
            MultiLayerNetwork net = NetworkFactory.create(design, Hyperparameters.defaults(Architecture.CLASSIC), classes, 10);
            assertEquals(net.numParams(), a.parameters(), design.name() + " parameters for " + classes + " classes");
            var input = org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 784);
            var activations = net.feedForward(input, false);
            // DL4J's activations list: the input, then one per layer (dropout specs are not layers)
            List<DesignAnalysis.Row> built = a.rows().stream()
                    .filter(r -> !r.description().startsWith("dropout")).toList();
            for (int i = 0; i < built.size(); i++) {
                assertEquals(built.get(i).shape().size() * 2, activations.get(i + 1).length(),
                        design.name() + " layer " + built.get(i).index() + " output size");
            }
        }
        assertEquals(design, NetworkDesign.parse(design.toJson()), "JSON round trip");
    }

    /** Every preset trains, not only builds: two epochs on 2,000 MNIST images read well above chance (10%). */
    @ParameterizedTest
    @MethodSource("presets")
    void everyPresetTrains(NetworkDesign design) throws Exception {
        var train = io.handwritingstudio.testing.TestData.mnistTrain().limit(2_000);
        var test = io.handwritingstudio.testing.TestData.mnistTest().limit(500);
        Hyperparameters hp = new Hyperparameters(Architecture.CLASSIC, 2, 64, 2e-3, 1.0, "adam", 5, false, 2_000);
        var result = new io.handwritingstudio.training.Trainer(io.handwritingstudio.training.TrainingRequest
                .fresh(hp, "mnist", train, test).withDesign(design).withoutTimeline())
                .run(new io.handwritingstudio.training.TrainingObserver() { }, new io.handwritingstudio.training.TrainingControl());
        assertTrue(result.finalTestAccuracy() > 0.5, design.name() + " after two epochs: " + result.finalTestAccuracy());
    }

    @Test
    void presetsHaveTheSizesTheirDocsState() {
        assertEquals(93_322, DesignAnalysis.of(Designs.classic(), 10).parameters());
        assertEquals(198_442, DesignAnalysis.of(Designs.strong(), 10).parameters());
        assertEquals(109_386, DesignAnalysis.of(Designs.denseOnly(), 10).parameters());
        long tiny = DesignAnalysis.of(Designs.tiny(), 10).parameters();
        assertTrue(tiny > 1_000 && tiny < 10_000, "a few thousand: " + tiny);
        assertEquals(2_794_240, DesignAnalysis.of(Designs.classic(), 10).multiplyAdds(), "classic: 2.79 M multiply-adds");
    }

    @Test
    void errorsNameTheLayerAtFault() {
        DesignAnalysis afterDense = DesignAnalysis.of(design("{\"type\":\"dense\",\"units\":10}", "{\"type\":\"conv\",\"filters\":4}"), 10);
        assertEquals(2, afterDense.errorLayer());
        assertTrue(afterDense.error().contains("needs an image"), afterDense.error());
        assertNull(afterDense.rows().get(1).shape());

        DesignAnalysis tooSmall = DesignAnalysis.of(design("{\"type\":\"pool\",\"size\":8}", "{\"type\":\"pool\",\"size\":8}"), 10);
        assertEquals(2, tooSmall.errorLayer());
        assertTrue(tooSmall.error().contains("only 3x3 here"), tooSmall.error());

        DesignAnalysis noFilters = DesignAnalysis.of(design("{\"type\":\"conv\",\"filters\":0}"), 10);
        assertEquals(1, noFilters.errorLayer());
        assertTrue(noFilters.error().contains("at least 1 filter"), noFilters.error());

        DesignAnalysis huge = DesignAnalysis.of(design("{\"type\":\"dense\",\"units\":100000}"), 10);
        assertTrue(huge.error().contains("past 20,000,000 parameters"), huge.error());

        DesignException unknown = assertThrows(DesignException.class,
                () -> NetworkDesign.parse("{\"layers\": [{\"type\":\"conv\",\"filters\":4,\"kernal\":3}]}"));
        assertEquals("layer 1 conv: unknown field 'kernal'", unknown.getMessage());
        DesignException missing = assertThrows(DesignException.class,
                () -> NetworkDesign.parse("{\"layers\": [{\"type\":\"pool\"}, {\"type\":\"dense\"}]}"));
        assertEquals("layer 2 dense: units is required", missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NetworkFactory.create(design("{\"type\":\"conv\",\"filters\":0}"),
                Hyperparameters.defaults(Architecture.CLASSIC), 10, 1));
    }

    @Test
    void noHiddenLayerIsLogisticRegression() {
        DesignAnalysis a = DesignAnalysis.of(new NetworkDesign("none", List.of()), 10);
        assertEquals(7_850, a.parameters());
    }

    private static NetworkDesign design(String... layers) {
        try {
            return NetworkDesign.parse("{\"layers\": [" + String.join(",", layers) + "]}");
        } catch (DesignException e) {
            throw new AssertionError(e);
        }
    }
}
