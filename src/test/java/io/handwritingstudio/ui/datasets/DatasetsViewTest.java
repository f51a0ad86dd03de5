package io.handwritingstudio.ui.datasets;

import java.util.Locale;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.ui.context.SampleRef;
import io.handwritingstudio.ui.StudioFixture;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.kit.PixelGrid;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clicks through the dataset browser on the real MNIST training set (60,000 samples). */
class DatasetsViewTest extends ApplicationTest {
    private static LabeledImages mnist;
    private StudioContext context;

    @BeforeAll
    static void loadReference() throws Exception {
        mnist = io.handwritingstudio.testing.TestData.mnistTrain();
    }

    @Override
    public void start(Stage stage) {
        context = StudioFixture.on(stage).studio("datasets");
    }

    private void awaitLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            Label count = lookup("#visible-count").query();
            return "60,000 samples".equals(count.getText()) && !visibleCells().isEmpty();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Cells a user can see: shown (with every ancestor) and inside the grid's viewport. Read on the JavaFX thread: a
     * lookup from the test thread raced the grid rebuilding its rows (IndexOutOfBoundsException in Parent.lookupAll).
     */
    private List<ThumbnailCell> visibleCells() {
        if (javafx.application.Platform.isFxApplicationThread()) return visibleCellsNow();
        try {
            return WaitForAsyncUtils.asyncFx(this::visibleCellsNow).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ThumbnailCell> visibleCellsNow() {
        GridView<?> grid = lookup("#sample-grid").query();
        var viewport = grid.localToScene(grid.getLayoutBounds());
        return lookup(".thumbnail-cell").queryAll().stream()
                .map(n -> (ThumbnailCell) n)
                .filter(c -> c.getScene() != null && c.shownLabel() != null && shown(c)
                        && viewport.contains(c.localToScene(c.getLayoutBounds().getCenterX(), c.getLayoutBounds().getCenterY())))
                .toList();
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    @Test
    void filteringToOneClassShowsOnlyThatLabel() throws Exception {
        awaitLoaded();
        clickOn("#filter-3");
        int threes = mnist.classCounts()[3];
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ((Label) lookup("#visible-count").query()).getText()
                .equals(String.format(Locale.ROOT, "%,d of 60,000 samples", threes)));
        WaitForAsyncUtils.waitForFxEvents();
        List<ThumbnailCell> cells = visibleCells();
        assertTrue(cells.size() >= 10, "a screenful of cells, got " + cells.size());
        for (ThumbnailCell cell : cells) {
            assertEquals("3", cell.shownLabel(), "cell of sample " + cell.getItem());
            assertEquals(3, mnist.label(cell.getItem()));
        }
        // a second class joins the first
        clickOn("#filter-7");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ((Label) lookup("#visible-count").query()).getText()
                .equals(String.format(Locale.ROOT, "%,d of 60,000 samples", threes + mnist.classCounts()[7])));
        WaitForAsyncUtils.waitForFxEvents();
        for (ThumbnailCell cell : visibleCells()) assertTrue(List.of("3", "7").contains(cell.shownLabel()));
        clickOn("#filter-all");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ((Label) lookup("#visible-count").query()).getText()
                .equals("60,000 samples"));

        // a jump to a sample the filter hides clears the filter, and the chips say so
        clickOn("#filter-7");
        int hidden = 0;
        while (mnist.label(hidden) == 7) hidden++;
        clickOn("#jump-field").write(String.valueOf(hidden)).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ((Label) lookup("#visible-count").query()).getText()
                .equals("60,000 samples"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(((javafx.scene.control.ToggleButton) lookup("#filter-7").query()).isSelected(), "7 no longer looks chosen");
        assertTrue(((javafx.scene.control.ToggleButton) lookup("#filter-all").query()).isSelected(), "All looks chosen");
    }

    @Test
    void selectingASampleShowsItsLabelIndexAndPixelValues() throws Exception {
        awaitLoaded();
        ThumbnailCell cell = visibleCells().get(5);
        int index = cell.getItem();
        clickOn(cell);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () ->
                ((Label) lookup("#detail-index").query()).getText().startsWith("Sample #" + index + " "));
        assertEquals("Label: " + mnist.label(index), ((Label) lookup("#detail-label").query()).getText());

        // hover an inked pixel and a background pixel: the value shown is the dataset's byte
        PixelGrid grid = lookup("#detail-canvas").query();
        int[] inked = firstPixelAbove(index, 100);
        for (int[] rc : List.of(inked, new int[]{0, 0})) {
            double cell28 = grid.getWidth() / 28;
            Point2D p = grid.localToScreen((rc[1] + 0.5) * cell28, (rc[0] + 0.5) * cell28);
            moveTo(p);
            String expected = String.format(Locale.ROOT, "row %d, col %d: value %d", rc[0], rc[1], mnist.pixel(index, rc[0], rc[1]));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () ->
                    ((Label) lookup("#detail-pixel").query()).getText().equals(expected));
        }
        assertTrue(mnist.pixel(index, inked[0], inked[1]) > 100);

        clickOn("#inspect-button");
        WaitForAsyncUtils.waitForFxEvents();
        SampleRef sample = context.selectedSampleProperty().get();
        assertNotNull(sample);
        assertEquals(index, sample.index());
        assertEquals(mnist.label(index), sample.trueLabel());
        assertEquals(mnist.pixel(index, inked[0], inked[1]) / 255f, sample.pixels()[inked[0] * 28 + inked[1]], 1e-6);
    }

    @Test
    void scrollingToTheLastSampleBuildsItsCell() throws Exception {
        awaitLoaded();
        GridView<?> grid = lookup("#sample-grid").query();
        VirtualFlow<?> flow = (VirtualFlow<?>) grid.lookup(".virtual-flow");
        int perRow = ((impl.org.controlsfx.skin.GridViewSkin<?>) grid.getSkin()).computeMaxCellsInRow();
        interact(() -> flow.scrollTo(59_999 / perRow));
        // conditions read the grid on the FX thread: read from the test thread they raced its cell updates
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.waitForAsyncFx(5_000,
                () -> visibleCells().stream().anyMatch(c -> c.getItem() == 59_999)));
        ThumbnailCell last = visibleCells().stream().filter(c -> c.getItem() == 59_999).findFirst().orElseThrow();
        assertEquals(String.valueOf(mnist.label(59_999)), last.shownLabel());
        // virtualised: only about a screenful of cells exists, not 60,000
        assertTrue(lookup(".thumbnail-cell").queryAll().size() < 400);
    }

    @Test
    void jumpingToAnIndexSelectsItAndBadInputIsExplained() throws Exception {
        awaitLoaded();
        clickOn("#jump-field").write("59999").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () ->
                ((Label) lookup("#detail-index").query()).getText().startsWith("Sample #59,999 of 60,000"));
        // conditions read the grid on the FX thread: read from the test thread they raced its cell updates
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.waitForAsyncFx(5_000,
                () -> visibleCells().stream().anyMatch(c -> c.getItem() == 59_999)));

        interact(() -> ((javafx.scene.control.TextField) lookup("#jump-field").query()).clear());
        clickOn("#jump-field").write("sixty").type(javafx.scene.input.KeyCode.ENTER);
        assertEquals("\"sixty\" is not a sample number.", ((Label) lookup("#jump-error").query()).getText());
        // the message has its own line: the bar's words keep their whole width (in the bar it squeezed them to "...")
        WaitForAsyncUtils.waitForFxEvents();
        for (javafx.scene.Node n : ((javafx.scene.Parent) lookup(".view-toolbar").query()).getChildrenUnmodifiable()) {
            if (n instanceof Label word && !word.getText().isEmpty()) { // the bar's own words, not the pickers'
                assertTrue(word.getWidth() >= word.prefWidth(-1) - 0.5, word.getText() + " is cut short");
            }
        }
        interact(() -> ((javafx.scene.control.TextField) lookup("#jump-field").query()).clear());
        assertEquals("", ((Label) lookup("#jump-error").query()).getText(), "editing the number clears its error");
        clickOn("#jump-field").write("60000").type(javafx.scene.input.KeyCode.ENTER);
        assertEquals("Sample numbers go from 0 to 59,999.", ((Label) lookup("#jump-error").query()).getText());
    }

    @Test
    void statisticsShowCountsAndOneMeanImagePerClass() throws Exception {
        awaitLoaded();
        clickOn("Statistics");
        javafx.scene.chart.BarChart<?, ?> chart = lookup("#class-count-chart").query();
        var data = chart.getData().get(0).getData();
        assertEquals(10, data.size());
        for (int c = 0; c < 10; c++) assertEquals(mnist.classCounts()[c], ((Number) data.get(c).getYValue()).intValue());
        Node means = lookup("#class-means").query();
        assertEquals(10, ((javafx.scene.layout.Pane) means).getChildren().size());
    }

    private static int[] firstPixelAbove(int index, int threshold) {
        for (int r = 0; r < 28; r++) for (int c = 0; c < 28; c++) if (mnist.pixel(index, r, c) > threshold) return new int[]{r, c};
        throw new AssertionError("sample " + index + " has no ink");
    }

    @Test
    void aMissingCustomFolderIsAClearMessage() throws Exception {
        awaitLoaded();
        interact(() -> context.currentDatasetProperty().set("/nonexistent/folder-of-idx"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#dataset-error").query().isVisible());
        String text = ((Label) lookup("#dataset-error").query()).getText();
        assertTrue(text.startsWith("Could not open /nonexistent/folder-of-idx"), text);
        assertFalse(text.contains("Exception"), text);
        // the picker goes back to the dataset still on screen instead of naming the one that failed
        javafx.scene.control.ComboBox<String> picker = lookup("#dataset-choice").query();
        assertEquals("mnist", picker.getValue());
    }

    /** Bug: at sample 59,999 with the grid scrolled to its end, a smaller dataset threw from the detail and the cells. */
    @Test
    void switchingToASmallerDatasetAtTheEndOfTheGridResetsTheSelection() throws Exception {
        awaitLoaded();
        clickOn("#jump-field").write("59999").type(javafx.scene.input.KeyCode.ENTER);
        // conditions read the grid on the FX thread: read from the test thread they raced its cell updates
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.waitForAsyncFx(5_000,
                () -> visibleCells().stream().anyMatch(c -> c.getItem() == 59_999)));
        interact(() -> context.currentDatasetProperty().set("letters"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.waitForAsyncFx(5_000, () -> {
            String count = ((Label) lookup("#visible-count").query()).getText();
            return count.endsWith("samples") && !count.equals("60,000 samples") && !visibleCells().isEmpty();
        }));
        WaitForAsyncUtils.waitForFxEvents();
        String detail = ((Label) lookup("#detail-index").query()).getText();
        assertFalse(detail.contains("59,999"), "the old selection is gone: " + detail);
        // every cell the grid shows belongs to the new, smaller dataset (the guard fails the test on any FX exception)
        int size = Integer.parseInt(((Label) lookup("#visible-count").query()).getText().replaceAll("\\D", ""));
        assertTrue(size < 60_000);
        for (ThumbnailCell cell : visibleCells()) assertTrue(cell.getItem() < size, "cell " + cell.getItem());
    }

    /** Bug: after clicking a tile, → switched the tab; now arrows move the selection within the grid. */
    @Test
    void arrowKeysMoveTheSelectionWithinTheGrid() throws Exception {
        awaitLoaded();
        ThumbnailCell cell = visibleCells().get(3);
        int index = cell.getItem();
        clickOn(cell);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () ->
                ((Label) lookup("#detail-index").query()).getText().startsWith("Sample #" + index + " "));
        type(javafx.scene.input.KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () ->
                ((Label) lookup("#detail-index").query()).getText().startsWith("Sample #" + (index + 1) + " "));
        javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) lookup(".tab-pane").queryAll().stream()
                .filter(n -> ((javafx.scene.control.TabPane) n).getTabs().stream().anyMatch(t -> "tab-samples".equals(t.getId())))
                .findFirst().orElseThrow();
        assertEquals("tab-samples", tabs.getSelectionModel().getSelectedItem().getId(), "the tab stays");
        type(javafx.scene.input.KeyCode.LEFT);
        type(javafx.scene.input.KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        String text = ((Label) lookup("#detail-index").query()).getText();
        int now = Integer.parseInt(text.substring("Sample #".length(), text.indexOf(' ', "Sample #".length())).replace(",", ""));
        assertTrue(now > index + 1, "down moves a whole row: " + text);
        assertTrue(lookup("#sample-grid").query().isFocusWithin(), "focus owner: " + lookup("#sample-grid").query().getScene().getFocusOwner());
    }

    /** Bug: arrow keys in the sidebar painted another item as selected without changing the page. */
    @Test
    void theSidebarSelectionIsAlwaysThePageShownAndQuestionMarkOpensHelp() throws Exception {
        awaitLoaded();
        interact(() -> lookup("#nav-datasets").query().requestFocus());
        type(javafx.scene.input.KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ToggleButton training = lookup("#nav-training").query();
        if (training.isSelected() || training.isFocused()) {
            assertTrue(training.isSelected(), "focus and selection move together");
            assertTrue(lookup(".training-view").tryQuery().isPresent(), "and the page follows");
        }
        // wherever the focus is, the selected sidebar button is the page on screen
        long selected = lookup(".studio-nav").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.ToggleButton t && t.isSelected() && !"theme-toggle".equals(t.getId())).count();
        assertEquals(1, selected);
        clickOn("#nav-datasets");
        type(javafx.scene.input.KeyCode.SHIFT); // no-op key: the overlay opens on the typed "?", not on keys
        interact(() -> lookup("#nav-datasets").query().fireEvent(new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_TYPED, "?", "?", javafx.scene.input.KeyCode.UNDEFINED, true, false, false, false)));
        assertTrue(lookup("#help-overlay").query().isVisible());
        assertTrue(((Label) lookup("#help-error-log").query()).getText().contains("studio-errors.log"));
        WaitForAsyncUtils.waitForFxEvents();
        for (Label key : lookup(".help-key").queryAllAs(Label.class)) { // they read "in the conf..." before
            assertTrue(key.getWidth() >= key.prefWidth(-1) - 0.5, key.getText() + " is cut short");
        }
        type(javafx.scene.input.KeyCode.ESCAPE);
        assertFalse(lookup("#help-overlay").query().isVisible());
    }
}
