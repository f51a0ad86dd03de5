package io.handwritingstudio.ui.draw;

import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pad's line mode driven with the mouse: two digits written on the wide paper are boxed and read. */
class LineModeTest extends PadStudio {
    @Test
    void twoDigitsWrittenInLineModeGetTwoBoxesAndAReading() throws Exception {
        clickOn("#draw-mode-line");
        assertTrue(lookup("#line-canvas").query().isVisible());
        writeTen();
        Pane boxes = lookup("#line-boxes").query();
        assertEquals(2, boxes.getChildren().size(), "one box per digit");
        String text = ((Label) lookup("#line-text").query()).getText();
        assertEquals("10", text);

        clickOn("#line-char-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(((Label) lookup("#line-chosen").query()).getText().startsWith("Character 2 read as 0"));
        clickOn("#line-inspect");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(context.selectedSampleProperty().get(), "the character opened in the network view");

        clickOn("#nav-draw");
        clickOn("#draw-mode-character");
        assertTrue(lookup("#draw-canvas").query().isVisible(), "back to one character");
    }

    @Test
    void aPictureOfALineOnTheClipboardIsReadWithCtrlV() throws Exception {
        clickOn("#draw-mode-line");
        assertTrue(lookup("#line-hint").query().isVisible(), "an empty paper says what to write on it");
        assertEquals("Write a number here", ((Label) lookup("#line-hint").query()).getText(), "in the digits model's words");
        writeTen();
        assertFalse(lookup("#line-hint").query().isVisible());
        Image picture = WaitForAsyncUtils.asyncFx(() -> lookup("#line-canvas").query().snapshot(null, null)).get();
        interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putImage(picture);
            Clipboard.getSystemClipboard().setContent(content);
        });
        clickOn("#line-clear");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ((Pane) lookup("#line-strip").query()).getChildren().isEmpty());
        press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> lookup("#line-back").query().isVisible()
                && ((Pane) lookup("#line-strip").query()).getChildren().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("10", ((Label) lookup("#line-text").query()).getText(), "the pasted picture, read");
    }

    /** Writes "10": a bar, then an oval, and waits for both to be read. */
    private void writeTen() throws Exception {
        stroke(line(120, 40, 118, 180)); // a 1
        List<Point2D> zero = new ArrayList<>();
        for (int i = 0; i <= 36; i++) {
            double a = Math.toRadians(-90 + i * 10.5);
            zero.add(new Point2D(300 + 45 * Math.cos(a), 110 + 72 * Math.sin(a)));
        }
        stroke(zero);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> ((Pane) lookup("#line-strip").query()).getChildren().size() == 2);
        WaitForAsyncUtils.waitForFxEvents(); // the strip is filled first; the text follows in the same pulse
    }

    private static List<Point2D> line(double x0, double y0, double x1, double y1) {
        List<Point2D> pts = new ArrayList<>();
        for (int i = 0; i <= 12; i++) pts.add(new Point2D(x0 + (x1 - x0) * i / 12, y0 + (y1 - y0) * i / 12));
        return pts;
    }

    private void stroke(List<Point2D> points) {
        Canvas canvas = lookup("#line-canvas").query();
        moveTo(canvas.localToScreen(points.get(0).getX(), points.get(0).getY()));
        press(MouseButton.PRIMARY);
        for (Point2D p : points.subList(1, points.size())) moveTo(canvas.localToScreen(p.getX(), p.getY()));
        release(MouseButton.PRIMARY);
    }
}
