package io.handwritingstudio.ui.network;

import io.handwritingstudio.ui.kit.ColorMaps;

import java.util.List;
import java.util.Locale;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.SampleRef;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.kit.Theme;
import io.handwritingstudio.visual.LayerActivations;
import io.handwritingstudio.visual.LayerMap;
import io.handwritingstudio.visual.TestModels;
import io.handwritingstudio.visual.SampleInsight;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The network view as a user sees it, with a trained classic model and the real Keras import. */
class NetworkViewTest extends ApplicationTest {
    private static TrainedModel classic;
    private static TrainedModel keras;
    private StudioContext context;
    private NetworkView view;

    @BeforeAll
    static void models() throws Exception {
        classic = TestModels.trainedClassic();
        keras = TestModels.keras();
    }

    @Override
    public void start(Stage stage) {
        Theme.apply(false);
        context = new StudioContext();
        view = new NetworkView(context);
        stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1240, 760));
        stage.show();
    }

    @Test
    void aModelThatCannotReadTheChosenDatasetIsShownItsOwnClassesAndTheDefaultSampleFollowsTheModel() throws Exception {
        useModel(classic);
        interact(view::onShow);
        waitUntil(() -> insightFor("mnist test #0"));

        TrainedModel letters = io.handwritingstudio.model.ModelStore.load(java.nio.file.Path.of("models", "letters.zip"));
        useModel(letters);

        waitUntil(() -> insightFor("letters test #0"));
        assertTrue(text("#sample-source").startsWith("letters test #0  ·  true label "), text("#sample-source"));
        assertTrue(((Label) lookup("#network-hint").query()).getText().contains("showing letters test #0"));
        interact(() -> view.viewModel().step(1));
        waitUntil(() -> insightFor("letters test #1"));
    }

    @Test
    void showsTheFirstTestImageWithAHintWhenNothingIsSelected() throws Exception {
        useModel(classic);
        interact(view::onShow);
        waitUntil(() -> insightFor("mnist test #0"));
        assertTrue(((Label) lookup("#network-hint").query()).getText().contains("No sample selected"));
        assertEquals("mnist test #0  ·  true label 7", text("#sample-source"));
        assertEquals(label(argmax(classic.predictOne(TestModels.image(0)))), text("#prediction-label"));

        waitUntil(() -> view.viewModel().insightProperty().get().saliency() != null);
        float[] saliency = view.viewModel().insightProperty().get().saliency().values();
        int hot = 0;
        for (int i = 1; i < saliency.length; i++) if (saliency[i] > saliency[hot]) hot = i;
        WritableImage overlay = snapshot(lookup("#saliency-image").query());
        int cell = (int) overlay.getWidth() / 28;
        int argb = overlay.getPixelReader().getArgb((hot % 28) * cell + cell / 2, (hot / 28) * cell + cell / 2);
        assertTrue(((argb >> 16) & 255) > (argb & 255) + 30, "the most important pixel glows warm, not grey");
    }

    @Test
    void convTileColoursAreTheEngineActivations() throws Exception {
        useModel(classic);
        select(4);
        assertTileMatchesActivations(classic, TestModels.image(4));
    }

    /** Keras imports are channels-last: the tile for channel c must still show channel c. */
    @Test
    void kerasModelTilesMatchToo() throws Exception {
        useModel(keras);
        select(11);
        assertTileMatchesActivations(keras, TestModels.image(11));
        assertEquals(label(argmax(keras.predictOne(TestModels.image(11)))), text("#prediction-label"));
    }

    @Test
    void hoveringATileShowsChannelPositionAndValue() throws Exception {
        useModel(classic);
        select(2);
        interact(() -> view.featureMapsPanel().layerList().getSelectionModel().select(1));
        LayerMap conv = LayerActivations.compute(classic, TestModels.image(2)).layer(1);
        ImageView tile = (ImageView) view.featureMapsPanel().grid().lookup("#fmap-tile-7");
        int cell = (int) tile.getImage().getWidth() / conv.width();
        moveTo(tile.localToScreen(10 * cell + cell / 2.0, 12 * cell + cell / 2.0));
        assertEquals(String.format(Locale.ROOT, "channel 7 · row 12, col 10 · value %.3f", conv.value(7, 12, 10)),
                text("#hover-info"));
    }

    /** The output layer's units are the classes, named as such. */
    @Test
    void hoveringAnOutputUnitNamesItsClass() throws Exception {
        useModel(classic);
        select(2);
        int last = view.featureMapsPanel().layerList().getItems().size() - 1;
        interact(() -> view.featureMapsPanel().layerList().getSelectionModel().select(last));
        LayerMap output = LayerActivations.compute(classic, TestModels.image(2)).layer(last);
        ImageView units = (ImageView) view.featureMapsPanel().grid().lookup("#fmap-units");
        moveTo(units.localToScreen(3 * 26 + 13, 13)); // the fourth square of the first row: class 3
        assertEquals(String.format(Locale.ROOT, "class 3 · value %.3f", output.value(3, 0, 0)), text("#hover-info"));
    }

    /** Strong model: batch-norm layers are listed and shown like the others. */
    @Test
    void strongModelShowsBatchNormLayers() throws Exception {
        TrainedModel strong = TestModels.untrained(io.handwritingstudio.model.Architecture.STRONG);
        useModel(strong);
        select(5);
        assertTrue(view.featureMapsPanel().layerList().getItems().stream()
                .anyMatch(l -> l.kind() == io.handwritingstudio.visual.LayerKind.BATCH_NORM));
        assertTileMatchesActivations(strong, TestModels.image(5));
    }

    @Test
    void firstLayerFilterImagesAreTheWeights() throws Exception {
        useModel(classic);
        waitUntil(() -> !view.viewModel().filtersProperty().get().isEmpty());
        clickOn("Filters");
        INDArray w = classic.network().getLayer(0).getParam("W");
        float limit = Math.max(Math.abs(w.minNumber().floatValue()), Math.abs(w.maxNumber().floatValue()));
        int kernel = 6;
        WritableImage img = snapshot(view.filtersPanel().grid().lookup("#fmap-tile-" + kernel));
        int cell = (int) img.getWidth() / 3;
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                int expected = ColorMaps.diverging(w.getFloat(kernel, 0, y, x), limit);
                assertColor(expected, img.getPixelReader().getArgb(x * cell + cell / 2, y * cell + cell / 2));
            }
        }
    }

    /** The characters model learnt its letters re-framed MNIST's way: a letters test image is shown to it so. */
    @Test
    void aLettersSampleIsShownToTheCharactersModelAsItsLettersWereFramed() throws Exception {
        TrainedModel characters = io.handwritingstudio.model.ModelStore.load(java.nio.file.Path.of("models", "characters.zip"));
        interact(() -> context.currentDatasetProperty().set("letters"));
        useModel(characters);
        interact(() -> view.viewModel().selectTestImage(3));
        waitUntil(() -> insightFor("letters test #3"));
        var letters = io.handwritingstudio.data.DatasetRepository.createDefault().load("letters",
                io.handwritingstudio.data.Split.TEST, null);
        float[] asIs = new float[io.handwritingstudio.data.MnistFormat.PIXELS];
        float[] framed = new float[asIs.length];
        letters.copyImage(3, asIs, 0);
        io.handwritingstudio.data.MnistFraming.apply(letters.limit(4)).copyImage(3, framed, 0);
        float[] shown = view.viewModel().shownSampleProperty().get().pixels();
        assertTrue(java.util.Arrays.equals(framed, shown), "re-framed MNIST's way");
        assertTrue(!java.util.Arrays.equals(asIs, shown), "not as EMNIST frames it");
        // the dataset's class, not the model's class of the same index (letters' 3 is "D", the characters model's "3")
        assertEquals("letters test #3  ·  true label " + letters.classes().name(letters.label(3)), text("#sample-source"));
        assertTrue(Character.isLetter(text("#sample-source").charAt(text("#sample-source").length() - 1)));
        interact(() -> context.currentDatasetProperty().set("mnist"));
    }

    /** Bug: typing 50 for a layer of 32 input channels drew channel 50 before clamping and threw on the FX thread. */
    @Test
    void aChannelPastTheLastIsClampedBeforeTheKernelsAreDrawn() throws Exception {
        useModel(classic);
        waitUntil(() -> !view.viewModel().filtersProperty().get().isEmpty());
        clickOn("Filters");
        List<Throwable> thrown = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = WaitForAsyncUtils.asyncFx(() -> {
            Thread.UncaughtExceptionHandler h = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> thrown.add(e));
            return h;
        }).get();
        try {
            interact(() -> ((javafx.scene.control.ComboBox<?>) lookup("#filter-layer").query()).getSelectionModel().select(1));
            clickOn("#filter-input-channel .text-field");
            interact(() -> ((javafx.scene.control.Spinner<?>) lookup("#filter-input-channel").query()).getEditor().selectAll());
            write("50").type(javafx.scene.input.KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of(), thrown);
            assertEquals(31, ((javafx.scene.control.Spinner<?>) lookup("#filter-input-channel").query()).getValue());
            assertTrue(text("#filter-caption").contains("input channel 31 (of 32)"), text("#filter-caption"));
        } finally {
            WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().setUncaughtExceptionHandler(before)).get();
        }
    }

    @Test
    void selectingAnotherSampleUpdatesTheView() throws Exception {
        useModel(classic);
        select(0);
        String firstPrediction = text("#prediction-label");
        clickOn("#sample-next");
        waitUntil(() -> insightFor("mnist test #1"));
        assertEquals("mnist test #1  ·  true label 2", text("#sample-source"));
        assertEquals(label(argmax(classic.predictOne(TestModels.image(1)))), text("#prediction-label"));
        assertTrue(!firstPrediction.equals(text("#prediction-label")), "7 then 2 on screen");
        assertTileMatchesActivations(classic, TestModels.image(1));
    }

    @Test
    void clickingAProjectionPointSelectsThatSample() throws Exception {
        useModel(classic);
        select(0);
        clickOn("Projection");
        waitUntil(() -> view.viewModel().projectionProperty().get() != null, 120);
        ProjectionData data = view.viewModel().projectionProperty().get();
        assertEquals(NetworkViewModel.PROJECTION_SAMPLES, data.xy().length);
        int point = 1234;
        double[] p = view.projectionPanel().scatter().screenPosition(point);
        int expected = view.projectionPanel().scatter().nearest(p[0], p[1]);
        Node canvas = view.projectionPanel().scatter().canvas();
        moveTo(canvas.localToScreen(p[0], p[1]));
        waitUntil(() -> text("#projection-preview-text").startsWith("test image #" + data.indices()[expected] + " "));
        assertNotNull(((javafx.scene.image.ImageView) lookup("#projection-preview").query()).getImage(), "hover previews the image");
        clickOn(canvas.localToScreen(p[0], p[1]));
        waitUntil(() -> insightFor("mnist test #" + expected));
        assertEquals(expected, context.selectedSampleProperty().get().index());
        assertTrue(text("#projection-message").contains("2,000"));

        // another layer: the map is recomputed from it
        var layers = view.viewModel().projectionLayers();
        assertTrue(layers.size() >= 2, "layers to choose from: " + layers);
        var first = layers.get(0);
        javafx.scene.control.ChoiceBox<NetworkViewModel.ProjectionLayer> choice = lookup("#projection-layer").query();
        interact(() -> {
            choice.setValue(first);
            choice.fireEvent(new javafx.event.ActionEvent());
        });
        waitUntil(() -> view.viewModel().projectionProperty().get() != null
                && view.viewModel().projectionProperty().get().layerName().equals(first.name()), 120);
        assertTrue(text("#projection-message").contains(first.name()));
    }

    /**
     * The studio started on the projection tab: the app shows the view first and loads its model in the background.
     * The arriving model reset the layer list, the panel took the re-selected layer for a user's choice and started a
     * projection halfway through the reset, whose next step then failed: the prediction card kept saying "Load a
     * model" and the filters never came.
     */
    @Test
    void aModelArrivingWhileTheProjectionTabIsOpenReachesEveryPanel() throws Exception {
        interact(view::onShow);
        waitUntil(() -> text("#prediction-confidence").startsWith("Load a model"));
        interact(() -> view.tabPane().getSelectionModel().select(2));
        assertEquals("Load a model first.", text("#projection-message"));

        useModel(classic);
        waitUntil(() -> insightFor("mnist test #0"));
        assertEquals(label(argmax(classic.predictOne(TestModels.image(0)))), text("#prediction-label"));
        waitUntil(() -> !view.viewModel().filtersProperty().get().isEmpty());
        waitUntil(() -> view.viewModel().projectionProperty().get() != null, 120);
        assertTrue(text("#projection-message").contains("2,000"), text("#projection-message"));
    }

    /** Ten selections in one burst: the one running finishes, the eight in between are never computed. */
    @Test
    void rapidSelectionsSkipStaleSamples() throws Exception {
        useModel(classic);
        select(0);
        waitUntil(() -> view.viewModel().insightProperty().get().saliency() != null); // nothing running now
        SampleRef[] burst = new SampleRef[10];
        for (int i = 0; i < 10; i++) {
            burst[i] = new SampleRef("burst #" + i, 100 + i, -1, null, TestModels.image(100 + i));
        }
        int before = view.viewModel().timings().size();
        interact(() -> {
            for (SampleRef s : burst) context.selectedSampleProperty().set(s);
        });
        waitUntil(() -> insightFor("burst #9"));
        assertEquals(2, view.viewModel().timings().size() - before, "first and last of the burst only");
        assertEquals("burst #9", text("#sample-source"));
    }

    @Test
    void aBrokenSampleShowsAClearMessage() throws Exception {
        useModel(classic);
        interact(() -> context.selectedSampleProperty().set(SampleRef.unlabelled("broken", new float[10])));
        waitUntil(() -> !text("#network-error").isEmpty());
        assertTrue(text("#network-error").contains("not a 28x28 image"));
    }

    private void assertTileMatchesActivations(TrainedModel model, float[] px) throws Exception {
        interact(() -> view.featureMapsPanel().layerList().getSelectionModel().select(1));
        LayerMap conv = LayerActivations.compute(model, px).layer(1);
        int channel = 5;
        WritableImage img = snapshot(view.featureMapsPanel().grid().lookup("#fmap-tile-" + channel));
        int cell = (int) img.getWidth() / conv.width();
        float lo = conv.min();
        float hi = conv.max();
        for (int y = 0; y < conv.height(); y += 5) {
            for (int x = 0; x < conv.width(); x += 5) {
                int expected = ColorMaps.viridis(ColorMaps.normalise(conv.value(channel, y, x), lo, hi));
                assertColor(expected, img.getPixelReader().getArgb(x * cell + cell / 2, y * cell + cell / 2));
            }
        }
    }

    private void useModel(TrainedModel model) {
        interact(() -> context.setCurrentModel(ModelHandle.of(model, "test")));
    }

    private void select(int index) throws Exception {
        interact(() -> view.viewModel().selectTestImage(index));
        waitUntil(() -> insightFor("mnist test #" + index));
    }

    private boolean insightFor(String source) {
        SampleInsight insight = view.viewModel().insightProperty().get();
        SampleRef shown = view.viewModel().shownSampleProperty().get();
        return insight != null && shown != null && shown.source().equals(source) && insight.pixels() == shown.pixels()
                && insight.model() == context.currentModel().model();
    }

    private WritableImage snapshot(Node tile) throws Exception {
        ImageView image = (ImageView) tile;
        return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> image.snapshot(null, null)).get();
    }

    private String text(String id) {
        return ((Label) lookup(id).query()).getText();
    }

    private String label(int index) {
        return context.currentModel().classNames().get(index);
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    /** Equal up to one step per channel (rounding in blending). */
    private static void assertColor(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = (expected >> shift) & 255;
            int a = (actual >> shift) & 255;
            assertTrue(Math.abs(e - a) <= 1, String.format(Locale.ROOT, "expected #%06x, got #%06x", expected & 0xffffff,
                    actual & 0xffffff));
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitUntil(condition, 60);
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
