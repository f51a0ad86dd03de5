package io.handwritingstudio.ui.kit;

import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a user types into a number spinner: words put the last value back, numbers are read, and nothing throws. */
class NumberSpinnersTest extends ApplicationTest {
    private final List<Throwable> thrown = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler before;
    private Spinner<Integer> epochs;
    private Spinner<Double> rate;

    @Override
    public void start(Stage stage) {
        epochs = NumberSpinners.integer(1, 100, 2);
        epochs.setId("epochs");
        rate = NumberSpinners.decimal(0, 0.95, 0.5, 0.05);
        rate.setId("rate");
        TextField elsewhere = new TextField();
        elsewhere.setId("elsewhere");
        stage.setScene(new Scene(new VBox(8, epochs, rate, elsewhere), 300, 200));
        stage.show();
    }

    @BeforeEach
    void recordFxExceptions() throws Exception {
        // the studio's crash log would only log it: here an exception on the JavaFX thread fails the test
        WaitForAsyncUtils.asyncFx(() -> {
            before = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> thrown.add(e));
        }).get();
    }

    @AfterEach
    void restore() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().setUncaughtExceptionHandler(before)).get();
    }

    @Test
    void aWordPutsTheLastValueBack() {
        retype("#epochs", "abc").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, epochs.getValue());
        assertEquals("2", epochs.getEditor().getText());
        retype("#rate", "half").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.5, rate.getValue(), 1e-9);
        assertEquals("0.50", rate.getEditor().getText());
        assertEquals(List.of(), thrown);
    }

    @Test
    void numbersAreReadAndClampedWhenTheFieldIsLeft() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        epochs.valueProperty().addListener((o, was, is) -> seen.add(is));
        retype("#epochs", "7").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7, epochs.getValue());
        retype("#epochs", "1,000");
        clickOn("#elsewhere");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(100, epochs.getValue());
        assertEquals("100", epochs.getEditor().getText(), "the editor shows the clamped value, not what was typed");
        // listeners never see a number out of range (the factory clamps after setting: they saw 1000 first)
        assertEquals(List.of(7, 100), seen);
        retype("#epochs", "  ");
        clickOn("#elsewhere");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(100, epochs.getValue());
        assertEquals("100", epochs.getEditor().getText());
        assertEquals(List.of(), thrown);
    }

    @Test
    void aDecimalIsShownTheSameEverywhereAndReadsACommaAsItsPoint() {
        // the first text came from JavaFX's converter: "0,5" on a German desktop, which then read back as 5
        assertEquals("0.50", rate.getEditor().getText());
        retype("#rate", "0,3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.3, rate.getValue(), 1e-9);
        assertEquals("0.30", rate.getEditor().getText());
        assertEquals(List.of(), thrown);
    }

    @Test
    void aNewRangeKeepsTheValueInsideIt() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        interact(() -> {
            NumberSpinners.setRange(epochs, 0, 63, 40);
            epochs.valueProperty().addListener((o, was, is) -> seen.add(is));
            NumberSpinners.setRange(epochs, 0, 31, 0);
        });
        assertEquals(List.of(0), seen, "one change, straight into the new range");
        retype("#epochs", "50").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(0, 31), seen);
    }

    @Test
    void parseForgivesSeparatorsNotWords() {
        assertEquals(1000.0, Formats.parseNumber(" 1_000 "));
        assertEquals(60000.0, Formats.parseNumber("60,000"));
        assertEquals(0.25, Formats.parseNumber("0.25"));
        assertNull(Formats.parseNumber("abc"));
        assertNull(Formats.parseNumber("NaN"));
        assertNull(Formats.parseNumber("1e999"));
    }

    /** A German hand: "0,002" is a learning rate of 0.002 (it was 2), "6.000" images are 6,000 (they were 6). */
    @Test
    void decimalsTakeACommaAsTheirPointAndCountsTakePointsAsThousands() {
        assertEquals(0.002, Formats.parseDecimal("0,002"));
        assertEquals(0.002, Formats.parseDecimal("0.002"));
        assertEquals(6000.0, Formats.parseWhole("6.000"));
        assertEquals(1234567.0, Formats.parseWhole(" 1.234.567 "));
        assertEquals(60000.0, Formats.parseWhole("60,000"));
        assertEquals(1.5, Formats.parseWhole("1.5"), "not a count: the form says it must be whole");
    }

    private ApplicationTest retype(String spinner, String text) {
        clickOn(spinner + " .text-field");
        interact(() -> ((Spinner<?>) lookup(spinner).query()).getEditor().selectAll());
        if (!text.isEmpty()) write(text);
        return this;
    }
}
