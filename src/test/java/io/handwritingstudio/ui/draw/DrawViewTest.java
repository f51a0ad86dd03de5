package io.handwritingstudio.ui.draw;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drawing pad as a user drives it: mouse strokes, buttons, opened pictures, saved samples. */
class DrawViewTest extends PadStudio {
    @Test
    void emptyPadShowsAHintAndNoPrediction() {
        waitFor(() -> viewModel().readingProperty().get() != null);
        assertEquals("", text("#draw-prediction"));
        assertEquals("", text("#draw-confidence"));
        assertTrue(text("#draw-hint").startsWith("Draw a digit"), text("#draw-hint"));
        assertTrue(lookup("#draw-inspect").query().isDisabled());
        assertTrue(lookup("#draw-add-sample").query().isDisabled());
    }

    @Test
    void aVerticalStrokeReadsAsOne() {
        drawOne();
        waitForPrediction("1");
        // the big confidence is the "1" bar's value, and every class shows one
        assertEquals(valueText(1) + " sure", text("#draw-confidence"));
        for (int c = 0; c < 10; c++) assertTrue(valueText(c).endsWith("%"), "class " + c + ": " + valueText(c));
    }

    @Test
    void anEllipseReadsAsZero() {
        drawZero();
        waitForPrediction("0");
    }

    /** A dot is enlarged to fill the frame like any drawing: the pad says so, next to however sure the network is. */
    @Test
    void aDotIsReadButThePadSaysItWasDrawnVerySmall() {
        stroke(List.of(new Point2D(100, 100), new Point2D(102, 101), new Point2D(103, 103)));
        waitFor(() -> !text("#draw-prediction").isEmpty());
        assertTrue(text("#draw-hint").endsWith(PredictionPanel.SMALL_DRAWING_NOTE.strip()), text("#draw-hint"));
        clickOn("#draw-clear");
        drawOne();
        waitForPrediction("1");
        assertFalse(text("#draw-hint").contains("very small"), "a 1 as tall as the pad: " + text("#draw-hint"));
    }

    @Test
    void undoRemovesTheLastStrokeAndClearEmptiesThePad() {
        drawOne();
        waitForPrediction("1");
        clickOn("#draw-undo");
        waitForPrediction("");
        assertTrue(text("#draw-hint").startsWith("Draw a digit"));

        drawZero();
        drawOne();
        waitFor(() -> viewModel().sketch().strokeCount() == 2 && !text("#draw-prediction").isEmpty());
        clickOn("#draw-undo");
        waitForPrediction("0"); // the 1 went, the 0 stays
        clickOn("#draw-clear");
        waitForPrediction("");
        assertEquals(0, viewModel().sketch().strokeCount());
    }

    @Test
    void theEraserRubsOutWhatWasDrawn() {
        drawOne();
        waitForPrediction("1");
        javafx.scene.control.Slider width = lookup("#draw-pen-width").query();
        interact(() -> width.setValue(width.getMax()));
        clickOn("#draw-eraser");
        drawOne();
        waitForPrediction("");
        assertEquals(2, viewModel().sketch().strokeCount(), "the eraser stroke is a stroke: undo brings the 1 back");
        clickOn("#draw-undo");
        waitForPrediction("1");
    }

    @Test
    void thePredictionAppearsWhileTheStrokeIsStillBeingDrawn() {
        Canvas canvas = lookup("#draw-canvas").query();
        moveTo(screen(canvas, 165, 40));
        press(MouseButton.PRIMARY);
        moveTo(screen(canvas, 162, 160));
        moveTo(screen(canvas, 160, 285));
        waitFor(() -> viewModel().readingProperty().get() != null && !text("#draw-prediction").isEmpty());
        assertTrue(viewModel().sketch().isDrawing(), "still drawing");
        release(MouseButton.PRIMARY);
        waitForPrediction("1");
    }

    @Test
    void aPhotoOfDarkInkAndALightOnDarkImageReadTheSame() throws Exception {
        Path photo = temp.resolve("photo-7.png");
        Path negative = temp.resolve("negative-7.png");
        ImageIO.write(photoOfSeven(), "png", photo.toFile());
        ImageIO.write(negativeSeven(), "png", negative.toFile());

        interact(() -> viewModel().open(photo));
        waitFor(() -> viewModel().imageProperty().get() != null && !text("#draw-prediction").isEmpty());
        String fromPhoto = text("#draw-prediction");
        assertTrue(lookup("#draw-picture-layer").query().isVisible());

        interact(() -> viewModel().open(negative));
        waitFor(() -> viewModel().imageProperty().get() != null
                && viewModel().imageProperty().get().name().startsWith("negative") && !text("#draw-prediction").isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fromPhoto, text("#draw-prediction"));
        assertEquals("7", fromPhoto);

        clickOn("#draw-back");
        waitForPrediction("");
        assertFalse(lookup("#draw-picture-layer").query().isVisible());
    }

    @Test
    void anUnreadableFileGivesAClearMessage() throws Exception {
        Path bad = temp.resolve("not-a-picture.png");
        Files.writeString(bad, "this is text, not pixels");
        interact(() -> viewModel().open(bad));
        waitFor(() -> lookup("#draw-problem").query().isVisible());
        String message = text("#draw-problem");
        assertTrue(message.startsWith("Could not open not-a-picture.png"), message);
        assertTrue(message.contains("not a readable image"), message);
        assertEquals("", text("#draw-prediction"));
    }

    @Test
    void addedSamplesAreSavedAsADatasetWithTheirLabels() throws Exception {
        drawOne();
        waitForPrediction("1");
        clickOn("#draw-add-sample");
        waitFor(() -> text("#draw-sample-count").equals("1 sample saved"));

        clickOn("#draw-clear");
        drawZero();
        waitForPrediction("0");
        clickOn("#draw-add-sample");
        waitFor(() -> text("#draw-sample-count").equals("2 samples saved"));

        Path folder = temp.resolve("user").resolve("my-samples").resolve("digits");
        LabeledImages saved = DatasetRepository.createDefault().load(folder.toString(), Split.TRAIN, DownloadListener.SILENT);
        assertEquals(2, saved.size());
        assertEquals(1, saved.label(0));
        assertEquals(0, saved.label(1));
        assertEquals("0", saved.classes().name(0));
        int ink = 0;
        for (byte b : saved.imageBytes(1)) ink += b & 0xFF;
        assertTrue(ink > 255 * 30, "the saved 0 has ink");
    }

    @Test
    void inspectOpensTheNetworkViewOnTheDrawnInput() {
        drawOne();
        waitForPrediction("1");
        waitFor(() -> viewModel().insightProperty().get() != null);
        // on this 1280x800 screen the pad scrolls: bring the button into view as a user would
        javafx.scene.control.ScrollPane page = lookup(".draw-scroll").query();
        javafx.scene.Node inspect = lookup("#draw-inspect").query();
        interact(() -> {
            double contentHeight = page.getContent().getLayoutBounds().getHeight();
            double y = page.getContent().sceneToLocal(inspect.localToScene(0, 0)).getY();
            double room = contentHeight - page.getViewportBounds().getHeight();
            page.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 40) / room)));
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        clickOn(inspect);
        var sample = context.selectedSampleProperty().get();
        assertEquals("drawing", sample.source());
        assertEquals(784, sample.pixels().length);
        assertTrue(lookup("#nav-network").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
    }

    @Test
    void whenThePenLiftsThePadShowsTheDrawingsFeatureMapsAndSaliency() {
        drawOne();
        waitForPrediction("1");
        javafx.scene.control.ComboBox<io.handwritingstudio.visual.LayerMap> layer = lookup("#draw-layer").query();
        javafx.scene.layout.Pane maps = lookup("#draw-feature-maps").query();
        // read on the JavaFX thread: the panel is rebuilt there when the explanation arrives
        waitFor(() -> onFx(() -> viewModel().insightProperty().get() != null && layer.getValue() != null
                && maps.getChildren().size() == layer.getValue().channels()));
        var insight = viewModel().insightProperty().get();
        assertTrue(java.util.Arrays.equals(viewModel().readingProperty().get().recognition().input().pixels(),
                insight.pixels()), "the maps are of the very input the bars describe");
        assertEquals(1, insight.predicted());
        var chosen = layer.getValue();
        assertTrue(chosen.kind().spatial() && chosen.height() > 1, "a layer of maps: " + chosen.name());
        assertEquals(insight.activations().layer(chosen.index()).channels(), maps.getChildren().size(),
                "one tile per feature map");
        assertTrue(maps.getChildren().stream().anyMatch(DrawViewTest::hasContrast), "the maps show something");

        // the warmest saliency pixel is tinted; a pixel with no saliency keeps the input's own grey
        var overlay = (io.handwritingstudio.ui.kit.SaliencyOverlay) lookup("#draw-saliency").query();
        float[] sal = insight.saliency().values();
        int hot = 0;
        for (int i = 1; i < sal.length; i++) if (sal[i] > sal[hot]) hot = i;
        assertTrue(sal[hot] > 0, "hiding part of the 1 lowers its probability");
        int argb = overlay.argbAt(hot / 28, hot % 28);
        assertFalse(((argb >> 16) & 255) == (argb & 255) && ((argb >> 8) & 255) == (argb & 255), "tinted, not grey");
        assertEquals("Evidence for “1”", text("#draw-evidence"));

        // another layer stays chosen for the next drawing
        var deeper = layer.getItems().get(layer.getItems().size() - 1);
        interact(() -> layer.getSelectionModel().select(deeper));
        assertEquals(deeper.channels(), maps.getChildren().size());
        clickOn("#draw-clear");
        waitFor(() -> onFx(() -> viewModel().insightProperty().get() == null && maps.getChildren().isEmpty()));
        drawZero();
        waitForPrediction("0");
        waitFor(() -> onFx(() -> viewModel().insightProperty().get() != null && layer.getValue() != null));
        assertEquals(deeper.index(), layer.getValue().index());
        assertEquals("Evidence for “0”", text("#draw-evidence"));
    }

    private static boolean onFx(Callable<Boolean> check) throws Exception {
        return WaitForAsyncUtils.asyncFx(check).get();
    }

    private static boolean hasContrast(Node tile) {
        var view = (javafx.scene.image.ImageView) ((javafx.scene.layout.Pane) tile).getChildren().get(0);
        var reader = view.getImage().getPixelReader();
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < view.getImage().getHeight(); y += 2) {
            for (int x = 0; x < view.getImage().getWidth(); x += 2) colours.add(reader.getArgb(x, y));
        }
        return colours.size() > 3;
    }

    // --- drawing with the robot ---------------------------------------------------------------------------

    private void drawOne() {
        stroke(List.of(new Point2D(165, 45), new Point2D(163, 120), new Point2D(161, 200), new Point2D(160, 280)));
    }

    private void drawZero() {
        List<Point2D> ellipse = new ArrayList<>();
        for (int i = 0; i <= 36; i++) {
            double a = Math.toRadians(-90 + i * 10.5);
            ellipse.add(new Point2D(160 + 62 * Math.cos(a), 160 + 110 * Math.sin(a)));
        }
        stroke(ellipse);
    }

    private void stroke(List<Point2D> padPoints) {
        Canvas canvas = lookup("#draw-canvas").query();
        moveTo(screen(canvas, padPoints.get(0).getX(), padPoints.get(0).getY()));
        press(MouseButton.PRIMARY);
        for (Point2D p : padPoints.subList(1, padPoints.size())) moveTo(screen(canvas, p.getX(), p.getY()));
        release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Point2D screen(Canvas canvas, double x, double y) {
        return canvas.localToScreen(x, y);
    }

    // --- pictures drawn like a photo of paper, and its negative --------------------------------------------

    private static BufferedImage photoOfSeven() {
        int w = 400, h = 300;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double paper = 200 - 35.0 * x / w + 15.0 * y / h + random.nextGaussian() * 6; // uneven light, grain
                int v = (int) Math.max(0, Math.min(255, paper));
                img.setRGB(x, y, new Color(v, v, (int) Math.max(0, v - 12)).getRGB());
            }
        }
        drawSeven(img, new Color(35, 35, 60));
        return img;
    }

    private static BufferedImage negativeSeven() {
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        drawSeven(img, Color.WHITE);
        return img;
    }

    private static void drawSeven(BufferedImage img, Color ink) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(ink);
        Path2D p = new Path2D.Double();
        p.moveTo(150, 70);
        p.lineTo(255, 68);
        p.lineTo(190, 235);
        g.draw(p);
        g.dispose();
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private DrawViewModel viewModel() {
        Node view = lookup("#draw-view").query();
        return (DrawViewModel) view.getProperties().get(DrawViewModel.class);
    }

    private String text(String id) {
        return ((Label) lookup(id).query()).getText();
    }

    private String valueText(int classIndex) {
        return text("#prob-value-" + classIndex);
    }

    private void waitForPrediction(String expected) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> expected.equals(text("#draw-prediction")));
        } catch (Exception e) {
            throw new AssertionError("expected prediction '" + expected + "' but the pad shows '"
                    + text("#draw-prediction") + "' " + text("#draw-confidence"), e);
        }
    }

    private static void waitFor(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (Exception e) {
            throw new AssertionError("condition not met in 30 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents(); // the condition may have been seen mid-handler on the JavaFX thread
    }
}
