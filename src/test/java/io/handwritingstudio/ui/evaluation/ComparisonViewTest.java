package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.evaluation.Comparison;
import io.handwritingstudio.evaluation.EvaluationReport;
import io.handwritingstudio.evaluation.Evaluator;
import io.handwritingstudio.model.ModelLocator;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.ui.StudioFixture;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.kit.ModelPicker;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two models side by side in the studio: a weak model (A, the studio's) against the bundled digits model (B,
 * chosen in "Compare with"), on the first 1,000 MNIST test images, checked against the engine's own comparison.
 */
class ComparisonViewTest extends ApplicationTest {
    private static final int N = 1_000;
    private static TrainedModel weak;
    private static Comparison expected;
    private StudioContext context;

    @BeforeAll
    static void compareIndependently() throws Exception {
        weak = SmallModel.get();
        TrainedModel bundled = ModelStore.load(ModelLocator.resolve("mnist"));
        LabeledImages images = SmallModel.testImages(N);
        EvaluationReport a = Evaluator.evaluate(weak, images);
        EvaluationReport b = Evaluator.evaluate(bundled, images);
        expected = new Comparison(a, b);
        assertTrue(expected.agreement().onlyB() >= 20, "the bundled model gets many images right that the weak one misses");
    }

    @Override
    public void start(Stage stage) {
        context = StudioFixture.on(stage).size(1240, 780).studio("datasets");
    }

    private EvaluationView view() {
        return (EvaluationView) lookup("#evaluation-view").query().getProperties().get(EvaluationView.class);
    }

    private ComparedSet compare() throws Exception {
        ModelHandle a = ModelHandle.of(weak, "test");
        interact(() -> context.setCurrentModel(a));
        clickOn("#nav-evaluation");
        interact(() -> ((ComboBox<Integer>) lookup("#eval-limit").query()).setValue(N));
        clickOn("#eval-compare-on");
        ComboBox<ModelPicker.Choice> picker = lookup("#eval-compare").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> picker.getItems().stream()
                .anyMatch(c -> c.file() != null && c.file().getFileName().toString().equals("mnist.zip")));
        ModelPicker.Choice digits = picker.getItems().stream()
                .filter(c -> c.file() != null && c.file().getFileName().toString().equals("mnist.zip")).findFirst().orElseThrow();
        interact(() -> picker.setValue(digits));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view().viewModel().compareWithProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(a, context.currentModel(), "choosing B leaves the studio's model alone");
        clickOn("#eval-run");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> view().viewModel().comparison() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return view().viewModel().comparison();
    }

    @Test
    void comparesTwoModelsOnTheSameImagesAndOpensWhatTheyDisagreeOn() throws Exception {
        ComparedSet set = compare();
        Comparison c = set.comparison();
        assertEquals(N, c.size());
        assertSame(set.a(), view().viewModel().result(), "the other tabs show model A");
        assertEquals(expected.a().accuracy(), c.a().accuracy(), 1e-9);
        assertEquals(expected.b().accuracy(), c.b().accuracy(), 1e-9);
        Comparison.Agreement g = c.agreement();
        assertEquals(N, g.bothRight() + g.onlyA() + g.onlyB() + g.bothWrong(), "every image in one agreement box");
        assertEquals(expected.agreement(), g);
        assertEquals(String.valueOf(g.onlyB()), text("#compare-only-b"));
        assertEquals(String.format(Locale.ROOT, "%+.2f pts", 100 * (c.b().accuracy() - c.a().accuracy())), text("#compare-difference"));
        assertEquals(Formats2.percent(c.b().accuracy()), text("#compare-accuracy-b"));

        // The difference matrix is B minus A, and every row sums to 0 (both models see each image once).
        ConfusionMatrixView matrix = view().comparison().matrix();
        int[][] diff = matrix.counts();
        for (int[] row : diff) assertEquals(0, Arrays.stream(row).sum());
        int[][] ca = c.a().confusionMatrix(), cb = c.b().confusionMatrix();
        for (int t = 0; t < diff.length; t++) for (int p = 0; p < diff.length; p++) assertEquals(cb[t][p] - ca[t][p], diff[t][p]);

        // Per-class deltas: one row per class.
        assertEquals(10, view().comparison().deltaTable().view().getItems().size());

        // Clicking a cell lists exactly the disagreements in it.
        MatrixCell cell = biggestOffDiagonalChange(diff);
        clickOn(matrix.cellCenterOnScreen(cell));
        assertEquals(cell, matrix.selectedProperty().get());
        ListView<Comparison.Disagreement> cellList = lookup("#compare-cell-list").query();
        assertEquals(expected.cell(cell.trueClass(), cell.predictedClass()), cellList.getItems());
        assertTrue(cellList.getItems().size() >= Math.abs(diff[cell.trueClass()][cell.predictedClass()]));

        // All disagreements, most confident first; the first opens in "Inside the network".
        clickOn("#tab-disagreements");
        ListView<Comparison.Disagreement> all = lookup("#compare-disagreements").query();
        assertEquals(expected.disagreements(), all.getItems());
        for (int i = 1; i < all.getItems().size(); i++) {
            assertTrue(all.getItems().get(i - 1).strength() >= all.getItems().get(i).strength());
        }
        Comparison.Disagreement first = all.getItems().get(0);
        clickOn(lookup("#compare-disagreements .error-row").nth(0).queryAs(Node.class));
        assertNotNull(context.selectedSampleProperty().get());
        assertEquals(first.index(), context.selectedSampleProperty().get().index());
        assertEquals(first.trueClass(), context.selectedSampleProperty().get().trueLabel());
        assertTrue(((ToggleButton) lookup("#nav-network").query()).isSelected(), "the network view opened");
    }

    @Test
    void withoutASecondModelThereIsNoComparison() throws Exception {
        interact(() -> context.setCurrentModel(ModelHandle.of(weak, "test")));
        clickOn("#nav-evaluation");
        interact(() -> ((ComboBox<Integer>) lookup("#eval-limit").query()).setValue(N));
        clickOn("#eval-run");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> view().viewModel().result() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, view().viewModel().comparison());
        assertFalse(view().tabs().getTabs().stream().anyMatch(t -> "tab-compare".equals(t.getId())));
    }

    private static MatrixCell biggestOffDiagonalChange(int[][] diff) {
        MatrixCell best = null;
        int most = 0;
        for (int t = 0; t < diff.length; t++) {
            for (int p = 0; p < diff.length; p++) {
                if (t != p && Math.abs(diff[t][p]) > most) {
                    most = Math.abs(diff[t][p]);
                    best = new MatrixCell(t, p);
                }
            }
        }
        assertNotNull(best, "the models differ somewhere");
        return best;
    }

    private String text(String id) {
        return ((Label) lookup(id).query()).getText();
    }

    /** The studio's percent format, written out here so the test does not just call the code it checks. */
    private static final class Formats2 {
        static String percent(double p) {
            return String.format(Locale.ROOT, "%.2f%%", 100 * p);
        }
    }
}
