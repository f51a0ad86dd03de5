package io.handwritingstudio.ui.draw;

import io.handwritingstudio.data.IdxReader;
import io.handwritingstudio.inference.reading.LineReading;
import io.handwritingstudio.inference.reading.SyntheticLines;
import io.handwritingstudio.testing.TestData;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The line mode's view model without a window: every executor runs in place, so each call has finished on return. */
class LineReadingViewModelTest {
    @TempDir
    static Path temp;
    private static String previousDir;
    private static ModelHandle digits;

    @BeforeAll
    static void setUp() throws Exception {
        previousDir = System.getProperty("hws.user.data.dir");
        System.setProperty("hws.user.data.dir", temp.resolve("user").toString());
        digits = ModelHandle.of(TestModels.digits(), "test");
    }

    @AfterAll
    static void restore() {
        if (previousDir == null) System.clearProperty("hws.user.data.dir");
        else System.setProperty("hws.user.data.dir", previousDir);
    }

    private static LineReadingViewModel viewModel(StudioContext context) {
        context.setCurrentModel(digits);
        return new LineReadingViewModel(context, Runnable::run, Runnable::run, Runnable::run);
    }

    @Test
    void aGeneratedLineIsReadWithBoxesInReadingOrderOnThePaper() {
        LineReadingViewModel vm = viewModel(new StudioContext());
        SyntheticLines.Line line = new SyntheticLines(TestData.mnistTest(), 5).next(SyntheticLines.Options.separated());
        vm.open(line.image(), "line.png");
        List<LineReading.Character> cs = vm.resultProperty().get().characters();
        assertEquals(line.text(), vm.text());
        assertEquals(line.characters().length(), cs.size());
        double previous = -1;
        for (int i = 0; i < cs.size(); i++) {
            double[] box = vm.resultProperty().get().paperBox(i);
            assertTrue(box[0] > previous, "boxes left to right: " + box[0] + " after " + previous);
            previous = box[0];
            assertTrue(box[0] >= 0 && box[1] >= 0 && box[0] + box[2] <= LineReadingViewModel.WIDTH + 1
                    && box[1] + box[3] <= LineReadingViewModel.HEIGHT + 1, "box " + i + " on the paper");
            // the truth box's centre lies inside the box read (generator boxes are in image pixels)
            int[] truth = line.boxes().get(i);
            LineReading.Character c = cs.get(i);
            double cx = truth[0] + truth[2] / 2.0;
            assertTrue(cx >= c.x() && cx <= c.x() + c.width(), "character " + i + " box");
        }
        assertTrue(vm.resultProperty().get().steps().components().size() >= cs.size());
    }

    @Test
    void aNumberWrittenOnTheWidePadIsRead() {
        LineReadingViewModel vm = viewModel(new StudioContext());
        DemoSketches.line("4071", 30, 150).forEach(vm.sketch()::add);
        assertEquals("4071", vm.text());
        vm.clear();
        assertEquals("", vm.text());
    }

    @Test
    void aCorrectedCharacterIsSavedWithTheUsersLabelAndCanBeInspected() throws Exception {
        StudioContext context = new StudioContext();
        LineReadingViewModel vm = viewModel(context);
        DemoSketches.line("407", 30, 150).forEach(vm.sketch()::add);
        assertEquals("407", vm.text());

        assertFalse(vm.correct(1, "x"), "not a digit");
        assertFalse(vm.problemProperty().get().isEmpty());
        assertTrue(vm.correct(1, "6"));
        assertEquals("467", vm.text(), "the correction shows in the text");
        vm.select(1);
        vm.save(1);
        assertEquals("", vm.problemProperty().get());
        assertEquals(1, vm.savedProperty().get());
        Path folder = temp.resolve("user");
        try (var files = java.nio.file.Files.walk(folder)) {
            Path labels = files.filter(p -> p.getFileName().toString().equals("train-labels-idx1-ubyte")).findFirst()
                    .orElseThrow(() -> new AssertionError("no samples written under " + folder));
            assertArrayEquals(new int[] {6}, IdxReader.readLabels(labels));
        }

        vm.inspect(1);
        var sample = context.selectedSampleProperty().get();
        assertArrayEquals(vm.resultProperty().get().characters().get(1).input(), sample.pixels());
        assertEquals(6, sample.trueLabel());
        assertNotEquals(-1, vm.selectedProperty().get());
    }
}
