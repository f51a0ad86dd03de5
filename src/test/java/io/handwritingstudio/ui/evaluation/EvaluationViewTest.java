package io.handwritingstudio.ui.evaluation;

import java.util.Locale;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.evaluation.EvaluationReport;
import io.handwritingstudio.evaluation.Evaluator;
import io.handwritingstudio.evaluation.Misclassification;
import io.handwritingstudio.evaluation.ReportCsv;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.StudioFixture;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Evaluation view in the whole studio: a weak model evaluated on the first 1,000 MNIST test images, checked
 * against an independent evaluation of the same images.
 */
class EvaluationViewTest extends ApplicationTest {
    private static final int N = 1_000;
    private static TrainedModel model;
    private static EvaluationReport expected;
    private StudioContext context;

    @TempDir
    Path tmp;

    @BeforeAll
    static void trainAndEvaluateIndependently() throws Exception {
        model = SmallModel.get();
        LabeledImages images = SmallModel.testImages(N);
        expected = Evaluator.evaluate(model, images);
        assertTrue(expected.misclassified().size() >= 10, "the small model makes mistakes to look at");
    }

    @Override
    public void start(Stage stage) {
        context = StudioFixture.on(stage).size(1240, 780).studio("datasets");
    }

    private EvaluationView view() {
        return (EvaluationView) lookup("#evaluation-view").query().getProperties().get(EvaluationView.class);
    }

    private EvaluatedSet evaluateFirstThousand() throws Exception {
        interact(() -> context.setCurrentModel(ModelHandle.of(model, "test")));
        clickOn("#nav-evaluation");
        ComboBox<Integer> limit = lookup("#eval-limit").query();
        interact(() -> limit.setValue(N));
        clickOn("#eval-run");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> view().viewModel().result() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return view().viewModel().result();
    }

    @Test
    void withoutAModelEvaluateIsDisabledAndTheViewSaysWhy() {
        clickOn("#nav-evaluation");
        assertTrue(lookup("#eval-run").queryButton().isDisabled());
        assertTrue(((Label) lookup("#eval-message").query()).getText().contains("Load or train a model first"));
        assertNotNull(lookup("#evaluation-placeholder").query());
    }

    @Test
    void showsAccuracyAndErrorsAndClickingACellShowsExactlyItsSamplesMostConfidentFirst() throws Exception {
        EvaluatedSet set = evaluateFirstThousand();
        assertEquals(N, set.size());
        assertArrayEquals(expected.confusionMatrix(), set.report().confusionMatrix());
        assertEquals(String.format(Locale.ROOT, "%.2f%%", 100 * expected.accuracy()), ((Label) lookup("#accuracy-value").query()).getText());
        long errors = Math.round((1 - expected.accuracy()) * N);
        assertEquals(String.valueOf(errors), ((Label) lookup("#error-count").query()).getText());
        ListView<?> errorList = lookup("#errors-list").query();
        assertEquals(errors, errorList.getItems().size(), "misclassified = (1 - accuracy) x N");

        MatrixCell cell = MatrixCell.mostFrequentConfusion(expected.confusionMatrix());
        assertNotNull(cell);
        ConfusionMatrixView matrix = view().matrix();
        clickOn(matrix.cellCenterOnScreen(cell));
        assertEquals(cell, matrix.selectedProperty().get());

        List<Misclassification> behind = expected.cell(cell.trueClass(), cell.predictedClass());
        assertTrue(behind.size() >= 1);
        GridView<Integer> grid = lookup("#cell-grid").query();
        assertEquals(behind.stream().map(Misclassification::index).toList(), grid.getItems());
        for (int i = 1; i < grid.getItems().size(); i++) {
            assertTrue(set.report().confidence(grid.getItems().get(i - 1)) >= set.report().confidence(grid.getItems().get(i)),
                    "most confident first");
        }
        String t = set.className(cell.trueClass()), p = set.className(cell.predictedClass());
        assertEquals("True " + t + ", read as " + p, ((Label) lookup("#cell-title").query()).getText());
        assertTrue(((Label) lookup("#cell-detail").query()).getText().startsWith(
                String.format(Locale.ROOT, "true %s, predicted %s: %d sample", t, p, behind.size())));
        // The tiles on screen show the pair and come from this cell.
        Set<Node> tiles = lookup("#cell-grid .sample-tile").queryAll();
        assertFalse(tiles.isEmpty());
        for (Node tile : tiles) {
            assertTrue(tile.getStyleClass().contains("wrong"));
            assertTrue(grid.getItems().contains((Integer) tile.getUserData()));
            Set<String> texts = from(tile).lookup(".label").queryAll().stream()
                    .map(n -> ((Label) n).getText()).collect(Collectors.toSet());
            assertTrue(texts.contains("true " + t + " → " + p), "tile says what it is: " + texts);
        }
    }

    @Test
    void misclassifiedExplorerFiltersSortsAndOpensTheNetworkView() throws Exception {
        EvaluatedSet set = evaluateFirstThousand();
        clickOn("#tab-errors");
        MisclassifiedExplorer explorer = view().errors();
        int someTrue = expected.misclassified().get(0).trueClass();
        interact(() -> explorer.trueFilter().setValue(someTrue));
        interact(() -> explorer.order().setValue(ErrorOrder.LEAST_CONFIDENT));
        List<Misclassification> shown = explorer.list().getItems();
        List<Misclassification> expectedShown = expected.misclassified().stream()
                .filter(m -> m.trueClass() == someTrue).toList();
        assertEquals(expectedShown.size(), shown.size());
        assertTrue(shown.stream().allMatch(m -> m.trueClass() == someTrue));
        for (int i = 1; i < shown.size(); i++) assertTrue(shown.get(i - 1).confidence() <= shown.get(i).confidence());
        assertEquals(String.format(Locale.ROOT, "%d of %d errors", shown.size(), expected.misclassified().size()),
                ((Label) lookup("#errors-count").query()).getText());

        Misclassification first = shown.get(0);
        clickOn(lookup("#errors-list .error-row").nth(0).queryAs(Node.class));
        assertNotNull(context.selectedSampleProperty().get());
        assertEquals(first.index(), context.selectedSampleProperty().get().index());
        assertEquals(first.trueClass(), context.selectedSampleProperty().get().trueLabel());
        float[] pixels = new float[784];
        set.images().copyImage(first.index(), pixels, 0);
        assertArrayEquals(pixels, context.selectedSampleProperty().get().pixels());
        assertTrue(((ToggleButton) lookup("#nav-network").query()).isSelected(), "the network view opened");
    }

    @Test
    void predictionGridMarksWrongOnesAndShowsHardCasesFirst() throws Exception {
        EvaluatedSet set = evaluateFirstThousand();
        clickOn("#tab-predictions");
        PredictionGridPane pane = view().predictions();
        interact(() -> pane.mode().setValue(PredictionQuery.Mode.ALL));
        interact(() -> pane.order().setValue(PredictionQuery.Order.LEAST_CONFIDENT));
        GridView<Integer> grid = lookup("#predictions-grid").query();
        assertEquals(N, grid.getItems().size());
        for (int i = 1; i < N; i++) {
            assertTrue(set.report().confidence(grid.getItems().get(i - 1)) <= set.report().confidence(grid.getItems().get(i)));
        }
        Set<Node> tiles = lookup("#predictions-grid .sample-tile").queryAll();
        assertFalse(tiles.isEmpty());
        for (Node tile : tiles) {
            int i = (Integer) tile.getUserData();
            assertEquals(set.report().predicted(i) != set.report().trueLabel(i), tile.getStyleClass().contains("wrong"));
        }
        long wrong = expected.misclassified().size();
        assertEquals(String.format(Locale.ROOT, "%,d samples, %,d wrong", N, wrong), ((Label) lookup("#predictions-count").query()).getText());
    }

    @Test
    void exportsTheMatrixAndTableAsCsvAndPngThatReadBack() throws Exception {
        evaluateFirstThousand();
        ReportExports exports = view().exports();
        Path matrixCsv = tmp.resolve("out/matrix.csv");
        Path tableCsv = tmp.resolve("out/per-class.csv");
        Path png = tmp.resolve("out/matrix.png");
        Task<Path> a = interactAndGet(() -> exports.matrixCsv(matrixCsv));
        Task<Path> b = interactAndGet(() -> exports.perClassCsv(tableCsv));
        MatrixCell chosen = MatrixCell.mostFrequentConfusion(expected.confusionMatrix());
        interact(() -> view().matrix().selectedProperty().set(chosen)); // the user's selection frame is on screen
        Task<Path> c = interactAndGet(() -> exports.png(view().matrix().picture(view().pictureTitle()), png));
        for (Task<Path> task : List.of(a, b, c)) task.get(30, TimeUnit.SECONDS); // throws if the export failed
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(context.status().text().startsWith("Saved "), context.status().text());
        assertArrayEquals(expected.confusionMatrix(), ReportCsv.readConfusionMatrix(matrixCsv));
        List<String> lines = Files.readAllLines(tableCsv);
        assertEquals("class,precision,recall,f1,support", lines.get(0));
        assertEquals(11, lines.size());
        List<String> seven = ReportCsv.split(lines.get(8));
        assertEquals("7", seven.get(0));
        assertEquals(expected.perClass().get(7).recall(), Double.parseDouble(seven.get(2)), 1e-4);
        assertEquals(expected.perClass().get(7).support(), Integer.parseInt(seven.get(4)));
        BufferedImage image = ImageIO.read(png.toFile());
        int w = (int) view().matrix().canvas().getWidth(), h = (int) view().matrix().canvas().getHeight();
        assertEquals(w, image.getWidth());
        assertTrue(image.getHeight() > h + 10, "a title line above the matrix");
        assertEquals(chosen, view().matrix().selectedProperty().get(), "exporting leaves the selection alone");
        // the matrix in the file is the matrix without the selection frame
        interact(() -> view().matrix().selectedProperty().set(null));
        BufferedImage plain = SnapshotPng.toBuffered(interactAndGet(() -> view().matrix().canvas().snapshot(null, null)));
        int top = image.getHeight() - h, differing = 0;
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) if (image.getRGB(x, top + y) != plain.getRGB(x, y)) differing++;
        assertEquals(0, differing, "pixels that differ from the unselected matrix");
        try (var files = Files.list(tmp.resolve("out"))) {
            assertEquals(3, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void cancellingStopsTheRunAndABadDatasetGetsAClearMessage() throws Exception {
        interact(() -> context.setCurrentModel(ModelHandle.of(model, "test")));
        clickOn("#nav-evaluation");
        interact(() -> {
            view().viewModel().splitProperty().set(io.handwritingstudio.data.Split.TRAIN);
            view().viewModel().limitProperty().set(0);
        });
        clickOn("#eval-run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#eval-cancel").query().isVisible());
        clickOn("#eval-cancel");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !view().viewModel().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view().viewModel().result());
        assertEquals("Evaluation cancelled.", ((Label) lookup("#eval-message").query()).getText());

        interact(() -> context.currentDatasetProperty().set(tmp.resolve("no-such-folder").toString()));
        clickOn("#eval-run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !view().viewModel().errorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Label error = lookup("#eval-error").query();
        assertTrue(error.isVisible());
        assertTrue(error.getText().startsWith("Could not evaluate: unknown dataset"), error.getText());
        assertFalse(((Button) lookup("#eval-run").query()).isDisabled(), "the user can try again");
    }

    /** A letters model on digits: the error offers the dataset that fits; switching datasets retires stale state. */
    @Test
    void aMismatchOffersTheFittingDatasetAndStateResetsWhenTheDatasetChanges() throws Exception {
        TrainedModel letters = io.handwritingstudio.model.ModelStore.load(Path.of("models", "letters.zip"));
        interact(() -> context.setCurrentModel(ModelHandle.of(letters, "test")));
        clickOn("#nav-evaluation");
        interact(() -> view().viewModel().limitProperty().set(N));
        clickOn("#eval-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !view().viewModel().errorProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Button fix = lookup("#eval-fix").query();
        assertTrue(fix.isVisible());
        assertEquals("Use the letters test set", fix.getText());

        clickOn(fix);
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> view().viewModel().result() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("letters", context.currentDatasetProperty().get());
        assertFalse(lookup("#eval-error").query().isVisible(), "the mismatch is gone");
        assertFalse(fix.isVisible());
        assertTrue(view().viewModel().result().report().accuracy() > 0.8, "the bundled letters model reads letters");

        // a cell with no samples says so; a change of dataset retires it with the result
        MatrixCell emptyCell = null;
        int[][] m = view().viewModel().result().report().confusionMatrix();
        for (int t = 0; t < m.length && emptyCell == null; t++)
            for (int p = 0; p < m.length; p++) if (t != p && m[t][p] == 0) { emptyCell = new MatrixCell(t, p); break; }
        assertNotNull(emptyCell);
        clickOn(view().matrix().cellCenterOnScreen(emptyCell));
        assertTrue(((Label) lookup("#cell-empty").query()).getText().startsWith("No images here"));
        // bug: "No images here" stayed after switching to another model
        TrainedModel digits = io.handwritingstudio.model.ModelStore.load(Path.of("models", "mnist.zip"));
        interact(() -> context.setCurrentModel(ModelHandle.of(digits, "bundled")));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view().viewModel().result());
        assertEquals("", ((Label) view().cellSamples().root().lookup("#cell-empty")).getText());
        assertEquals("The model changed: evaluate again to see its results.", ((Label) lookup("#eval-message").query()).getText());
        ComboBox<String> datasets = lookup("#eval-dataset").query();
        interact(() -> datasets.setValue("mnist"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("mnist", context.currentDatasetProperty().get());
        assertNull(view().viewModel().result());
        assertEquals("", ((Label) view().cellSamples().root().lookup("#cell-empty")).getText());
        assertEquals("The dataset changed: evaluate again to see its results.", ((Label) lookup("#eval-message").query()).getText());
        assertFalse(lookup("#eval-error").query().isVisible());
    }

    private static <T> T interactAndGet(java.util.concurrent.Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }
}
