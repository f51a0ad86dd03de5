package io.handwritingstudio.ui.kit;

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

/**
 * Bars for 10, 26 and 36 classes: every class shown, long class sets wrap into columns, the top one marked; top-k bars
 * sorted, with the true class and a wrong prediction marked.
 */
class ProbabilityBarsTest extends ApplicationTest {
    private ProbabilityBars bars;

    @Override
    public void start(Stage stage) {
        bars = ProbabilityBars.allClasses();
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
        assertTrue(topRow.getStyleClass().contains("predicted"));
        assertTrue(!lookup("#prob-value-8").query().getParent().getStyleClass().contains("predicted"));
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

    @Test
    void topKSortsAndMarksTheTrueClassAndAWrongPrediction() {
        ProbabilityBars top = ProbabilityBars.topK(3, true);
        interact(() -> {
            top.setClasses(names(10, '0'));
            float[] p = new float[10];
            p[4] = 0.7f;
            p[9] = 0.25f;
            p[7] = 0.0004f;
            p[1] = 0.0496f;
            top.show(p, 9);
        });
        assertEquals(3, top.getChildren().size());
        assertEquals(List.of("4", "9", "1"), List.of(top.nameText(0), top.nameText(1), top.nameText(2)));
        assertEquals(List.of("70.0%", "25.0%", "5.0%"), List.of(top.valueText(0), top.valueText(1), top.valueText(2)));
        assertTrue(top.getChildren().get(0).getStyleClass().contains("wrong"), "the prediction 4 is wrong");
        assertTrue(top.getChildren().get(1).getStyleClass().contains("true"), "9 is the true class");
        assertTrue(top.getChildren().get(2).getStyleClass().stream().noneMatch(List.of("true", "wrong", "predicted")::contains));
    }

    @Test
    void percentagesHaveOneDecimalAndNeverRoundASmallChanceToZero() {
        assertEquals("97.3%", Formats.percent(0.9731));
        assertEquals("100%", Formats.percent(0.99951));
        assertEquals("0.0%", Formats.percent(0));
        assertEquals("<0.1%", Formats.percent(0.0004));
        assertEquals("0.1%", Formats.percent(0.0005));
    }

    private int columns() {
        return (int) bars.getChildren().stream().mapToInt(GridPane::getColumnIndex).distinct().count();
    }

    private static List<String> names(int n, char first) {
        return IntStream.range(0, n).mapToObj(i -> String.valueOf((char) (first + i))).toList();
    }
}
