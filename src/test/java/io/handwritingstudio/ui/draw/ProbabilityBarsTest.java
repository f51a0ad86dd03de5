package io.handwritingstudio.ui.draw;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bars for 10, 26 and 36 classes: every class shown, long class sets wrap into columns, the top one marked. */
class ProbabilityBarsTest extends ApplicationTest {
    private ProbabilityBars bars;

    @Override
    public void start(Stage stage) {
        bars = new ProbabilityBars();
        stage.setScene(new Scene(bars, 900, 500));
        stage.show();
    }

    @Test
    void tenDigitsMakeOneColumnAndTheTopClassIsMarked() {
        interact(() -> {
            bars.setClasses(names(10, '0'));
            float[] p = new float[10];
            p[3] = 0.9f;
            p[8] = 0.1f;
            bars.show(p);
        });
        assertEquals(1, columns());
        assertEquals("90.0%", bars.valueText(3));
        assertEquals("10.0%", bars.valueText(8));
        assertEquals("0.0%", bars.valueText(0));
        Node topRow = lookup("#prob-value-3").query().getParent();
        assertTrue(topRow.getStyleClass().contains("top"));
        assertTrue(!lookup("#prob-value-8").query().getParent().getStyleClass().contains("top"));
    }

    @Test
    void lettersAndCharactersWrapIntoColumns() {
        interact(() -> bars.setClasses(names(26, 'A')));
        assertEquals(2, columns());
        assertEquals(26, bars.getChildren().size());
        interact(() -> bars.setClasses(names(36, '0')));
        assertEquals(3, columns(), "three compact columns of 12 leave room for the feature maps");
        interact(() -> bars.show(null));
        assertEquals("", bars.valueText(35), "no probabilities: no numbers");
    }

    private int columns() {
        return (int) bars.getChildren().stream().mapToInt(GridPane::getColumnIndex).distinct().count();
    }

    private static List<String> names(int n, char first) {
        return IntStream.range(0, n).mapToObj(i -> String.valueOf((char) (first + i))).toList();
    }
}
