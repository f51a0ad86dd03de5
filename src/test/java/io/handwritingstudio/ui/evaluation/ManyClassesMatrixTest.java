package io.handwritingstudio.ui.evaluation;

import java.util.Locale;
import io.handwritingstudio.evaluation.EvaluationReport;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The heat map with 36 classes (digits and letters) in a window too small for it: it scrolls and stays clickable. */
class ManyClassesMatrixTest extends ApplicationTest {
    private ConfusionMatrixView matrix;
    private final EvaluationReport report = FakeReports.random(36, 3_000, 0.8, 11);

    @Override
    public void start(Stage stage) {
        matrix = new ConfusionMatrixView();
        stage.setScene(new Scene(matrix.root(), 640, 520));
        // TestFX reuses one stage: an earlier test class may have sized it for a whole studio window
        stage.setMaximized(false);
        stage.setWidth(640);
        stage.setHeight(520);
        stage.show();
        matrix.reportProperty().set(report);
    }

    @Test
    void scrollsToAFarCellAndClickingItSelectsIt() {
        ConfusionMatrixLayout layout = matrix.layout();
        assertEquals(36, layout.rows());
        assertEquals(36, layout.columns());
        assertTrue(matrix.canvas().getWidth() > 640, "36 legible columns do not fit in 640 px: the view scrolls");
        assertTrue(layout.labelLineHeight() <= layout.cell());

        MatrixCell far = new MatrixCell(33, 30); // true X, predicted U: off screen at first
        interact(() -> matrix.reveal(far));
        Point2D centre = matrix.cellCenterOnScreen(far);
        clickOn(centre);
        assertEquals(far, matrix.selectedProperty().get());

        int n = report.confusionMatrix()[33][30];
        int row = java.util.Arrays.stream(report.confusionMatrix()[33]).sum();
        assertEquals(String.format(Locale.ROOT, "true X, predicted U: %d sample%s (%.1f%% of true X)", n, n == 1 ? "" : "s",
                100.0 * n / row), matrix.describe(far));
    }

    /** Scrolled to the far corner, the row labels are still drawn at the viewport's left edge, and they are not cells. */
    @Test
    void labelsStayInViewWhenTheMatrixScrolls() throws Exception {
        MatrixCell far = new MatrixCell(33, 30);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // the window laid out, as a user's is before they scroll
        interact(() -> matrix.reveal(far));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(matrix.root().getHvalue() > 0 && matrix.root().getVvalue() > 0, "scrolled both ways: h "
                + matrix.root().getHvalue() + ", v " + matrix.root().getVvalue() + ", canvas " + matrix.canvas().getWidth()
                + " x " + matrix.canvas().getHeight() + ", viewport " + matrix.root().getViewportBounds());
        Point2D origin = matrix.root().localToScreen(0, 0);
        double rowY = matrix.cellCenterOnScreen(far).getY() - origin.getY();
        javafx.scene.image.Image shot = org.testfx.util.WaitForAsyncUtils.waitFor(
                org.testfx.util.WaitForAsyncUtils.asyncFx(() -> matrix.root().snapshot(null, null)));
        // The band left of the grid is the background with the label "X" on it, not cells scrolled to the left edge.
        javafx.scene.paint.Color background = new io.handwritingstudio.ui.kit.HeatColors(
                io.handwritingstudio.ui.kit.Palette.current()).background();
        int plain = 0, all = 0, dark = 0;
        double cell = matrix.layout().cell();
        for (int x = 0; x < matrix.layout().gridX() - 2; x++) {
            for (int y = (int) (rowY - cell / 3); y < rowY + cell / 3; y++, all++) {
                javafx.scene.paint.Color c = shot.getPixelReader().getColor(x, y);
                if (c.equals(background)) plain++;
                if (c.getBrightness() < 0.5) dark++;
            }
        }
        assertTrue(plain > all * 0.7 && dark > 3, "the row label band at the left edge: " + plain + " of " + all
                + " pixels background, " + dark + " dark");

        clickOn(origin.add(matrix.layout().gridX() / 2, rowY));
        assertEquals(null, matrix.selectedProperty().get(), "a click on the label band selects no cell");
    }

    /** The chosen cell stays in view when the window gets smaller. */
    @Test
    void aSmallerWindowKeepsTheChosenCellInView() {
        MatrixCell far = new MatrixCell(20, 22);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        interact(() -> {
            matrix.selectedProperty().set(far);
            matrix.reveal(far);
        });
        interact(() -> {
            javafx.stage.Window window = matrix.root().getScene().getWindow();
            window.setWidth(420);
            window.setHeight(380);
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds view = matrix.root().localToScreen(matrix.root().getBoundsInLocal());
        Point2D centre = matrix.cellCenterOnScreen(far);
        assertTrue(view.contains(centre), "cell centre " + centre + " inside the viewport " + view);
    }

    @Test
    void arrowKeysMoveTheSelection() {
        MatrixCell start = new MatrixCell(3, 3);
        interact(() -> matrix.selectedProperty().set(start));
        clickOn(matrix.cellCenterOnScreen(start));
        type(javafx.scene.input.KeyCode.RIGHT, 2);
        type(javafx.scene.input.KeyCode.DOWN);
        assertEquals(new MatrixCell(4, 5), matrix.selectedProperty().get());
    }

    /** A 36-class model read on digits: a row for each true class with images, a column for every class it can say. */
    @Test
    void onlyTrueClassesWithImagesGetARow() {
        EvaluationReport digitsOnly = FakeReports.random(36, 10, 2_000, 0.8, 5);
        interact(() -> matrix.reportProperty().set(digitsOnly));
        assertEquals(10, matrix.layout().rows());
        assertEquals(36, matrix.layout().columns());
        MatrixCell nineAsO = new MatrixCell(9, 24);
        interact(() -> matrix.reveal(nineAsO));
        clickOn(matrix.cellCenterOnScreen(nineAsO));
        assertEquals(nineAsO, matrix.selectedProperty().get());
        type(javafx.scene.input.KeyCode.DOWN);
        assertEquals(nineAsO, matrix.selectedProperty().get(), "9 is the last row: below it there is no true A");
        type(javafx.scene.input.KeyCode.UP);
        assertEquals(new MatrixCell(8, 24), matrix.selectedProperty().get());
    }
}
