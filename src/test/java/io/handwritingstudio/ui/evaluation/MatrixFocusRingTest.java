package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.ui.StudioApp;
import io.handwritingstudio.ui.kit.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #15: the confusion matrix takes the arrow keys, so it shows when it has the focus, with the same ring as
 * the sidebar and the sample grid (a border in the accent colour) and without shifting or scrolling the matrix.
 */
class MatrixFocusRingTest extends ApplicationTest {
    private ConfusionMatrixView matrix;
    private Button other;

    @Override
    public void start(Stage stage) {
        Theme.apply(false);
        matrix = new ConfusionMatrixView();
        matrix.reportProperty().set(FakeReports.random(10, 500, 0.8, 7));
        other = new Button("elsewhere");
        VBox root = new VBox(other, matrix.root());
        matrix.root().setPrefSize(600, 600);
        Scene scene = new Scene(root, 700, 700);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(StudioApp.STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void focusingTheMatrixDrawsAnAccentRingAroundItAndLeavingItTakesTheRingAway() {
        Region holder = (Region) matrix.canvas().getParent();
        interact(other::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        Paint unfocused = ringColour(holder);
        assertEquals(Color.TRANSPARENT, unfocused, "no ring while the focus is elsewhere");
        double width = matrix.canvas().getWidth();

        interact(() -> matrix.canvas().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(matrix.canvas().isFocused());
        Paint focused = ringColour(holder);
        assertNotEquals(Color.TRANSPARENT, focused, "a visible ring while the matrix has the focus");
        assertTrue(((Color) focused).getOpacity() > 0.9, "opaque: " + focused);
        assertEquals(2, holder.getBorder().getStrokes().get(0).getWidths().getTop(), "as wide as the sidebar's");
        assertEquals(width, matrix.canvas().getWidth(), "the ring has its room already: the matrix does not move");
        assertFalse(matrix.root().lookupAll(".scroll-bar").stream().anyMatch(javafx.scene.Node::isVisible),
                "focusing does not bring up scroll bars");

        interact(other::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Color.TRANSPARENT, ringColour(holder));
    }

    private static Paint ringColour(Region holder) {
        return holder.getBorder() == null || holder.getBorder().getStrokes().isEmpty()
                ? Color.TRANSPARENT : holder.getBorder().getStrokes().get(0).getTopStroke();
    }
}
