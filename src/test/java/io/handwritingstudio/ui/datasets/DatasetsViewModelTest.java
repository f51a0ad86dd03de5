package io.handwritingstudio.ui.datasets;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.testing.FxThread;
import io.handwritingstudio.testing.TestData;
import io.handwritingstudio.ui.context.BackgroundTasks;
import io.handwritingstudio.ui.context.StudioContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The datasets browser's view model without a window: every task runs in place, so each command has finished. */
class DatasetsViewModelTest {
    private static StudioContext context;

    @BeforeAll
    static void start() {
        TestData.mnistTest(); // in the cache (fetched through the product's own fetcher if needed)
        FxThread.start();
        context = new StudioContext(BackgroundTasks.sameThread());
    }

    @Test
    void opensFiltersSelectsAndExplainsABadIndex() throws Exception {
        DatasetsViewModel model = new DatasetsViewModel(context, DatasetRepository.createDefault());
        FxThread.run(() -> model.open("mnist", Split.TEST));
        LoadedDataset shown = model.dataset();
        if (model.needsDownloadProperty().get()) FxThread.run(model::download); // an empty cache: MNIST is fetched
        shown = model.dataset();
        assertNotNull(shown, "loaded when open returns: " + model.errorProperty().get() + model.messageProperty().get());
        assertEquals(10_000, shown.size());
        assertEquals(10_000, model.visibleIndices().size());

        FxThread.run(() -> model.setClassFilter(Set.of(3)));
        assertTrue(model.visibleIndices().size() > 900 && model.visibleIndices().size() < 1_200, "about a tenth are 3s");
        for (int i : model.visibleIndices()) assertEquals(3, shown.images().label(i));

        assertNull(FxThread.call(() -> model.jumpTo("42")), "a valid index is selected");
        assertEquals(42, model.selectedIndexProperty().get());
        assertEquals(42, model.selectedSample().index());
        String refused = FxThread.call(() -> model.jumpTo("10000"));
        assertNotNull(refused);
        assertTrue(refused.contains("9,999") || refused.contains("9999"), refused);
        assertEquals(42, model.selectedIndexProperty().get(), "a bad index keeps the selection");
    }

    /** A letter sent to "Inside the network" is framed as the studio's model learnt letters (characters: MNIST's way). */
    @Test
    void aSampleGoesToTheModelFramedAsItWasTrained() throws Exception {
        StudioContext own = new StudioContext(BackgroundTasks.sameThread());
        DatasetsViewModel model = new DatasetsViewModel(own, DatasetRepository.createDefault());
        FxThread.run(() -> model.open("letters", Split.TEST));
        assertNull(FxThread.call(() -> model.jumpTo("5")));
        float[] asIs = new float[io.handwritingstudio.data.MnistFormat.PIXELS];
        model.dataset().images().copyImage(5, asIs, 0);
        FxThread.run(() -> own.setCurrentModel(io.handwritingstudio.ui.context.ModelHandle.of(
                io.handwritingstudio.model.ModelStore.load(java.nio.file.Path.of("models", "letters.zip")), "bundled")));
        assertTrue(java.util.Arrays.equals(asIs, model.selectedSample().pixels()), "the letters model: as it is");
        FxThread.run(() -> own.setCurrentModel(io.handwritingstudio.ui.context.ModelHandle.of(
                io.handwritingstudio.model.ModelStore.load(java.nio.file.Path.of("models", "characters.zip")), "bundled")));
        float[] framed = new float[asIs.length];
        io.handwritingstudio.data.MnistFraming.apply(model.dataset().images().limit(6)).copyImage(5, framed, 0);
        assertTrue(java.util.Arrays.equals(framed, model.selectedSample().pixels()), "the characters model: re-framed");
    }

    /** Cancel stops a download or load (its task is cancelled) and the banner offers it again; nothing is shown. */
    @Test
    void cancelStopsALoadAndOffersItAgain(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        io.handwritingstudio.testing.TestData.mnistFolder(dir, 200, 100);
        java.util.Queue<Runnable> held = new java.util.ArrayDeque<>(); // a load can finish before Cancel on a real thread
        StudioContext context = new StudioContext(io.handwritingstudio.ui.context.BackgroundTasks.heldIn(held));
        DatasetsViewModel model = new DatasetsViewModel(context, DatasetRepository.createDefault());
        Object[] state = FxThread.call(() -> {
            model.open(dir.toString(), Split.TRAIN);
            javafx.concurrent.Task<?> load = model.download();
            model.cancel();
            return new Object[]{load.isCancelled(), model.needsDownloadProperty().get(), model.messageProperty().get(),
                    model.loadingProperty().get()};
        });
        assertEquals(true, state[0], "the load's task is cancelled");
        assertEquals(true, state[1], "the banner offers it again");
        assertTrue(((String) state[2]).startsWith("Stopped: "), (String) state[2]);
        assertEquals(false, state[3], "nothing is loading");
    }

    /** Another dataset chosen while one loads: the load stops, and the new choice's own message shows. */
    @Test
    void openingAnotherDatasetWhileOneLoadsStopsItAndSaysWhatTheNewOneNeeds(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        TestData.mnistFolder(dir, 200, 100);
        java.util.Queue<Runnable> held = new java.util.ArrayDeque<>();
        DatasetsViewModel model = new DatasetsViewModel(new StudioContext(BackgroundTasks.heldIn(held)),
                DatasetRepository.createDefault());
        FxThread.call(() -> {
            model.open(dir.toString(), Split.TRAIN);
            held.poll().run(); // the check finds the folder; its handler (next) starts loading it, held: still loading
            return null;
        });
        javafx.concurrent.Task<?> load = (javafx.concurrent.Task<?>) held.poll();
        FxThread.call(() -> {
            model.open("/nonexistent/folder-of-idx", Split.TRAIN);
            held.poll().run(); // the new choice's check fails
            return null;
        });
        Object[] state = FxThread.call(() -> new Object[]{load.isCancelled(), model.errorProperty().get(),
                model.messageProperty().get()});
        assertEquals(true, state[0], "the earlier load stops");
        assertTrue(((String) state[1]).startsWith("Could not open /nonexistent/folder-of-idx"), (String) state[1]);
        assertEquals("", state[2], "the banner no longer follows the stopped load");
        assertNull(model.dataset());
    }

    @Test
    void aMissingFolderIsOneClearMessageAndNothingIsShown() throws Exception {
        DatasetsViewModel model = new DatasetsViewModel(context, DatasetRepository.createDefault());
        FxThread.run(() -> model.open("/nonexistent/folder-of-idx", Split.TRAIN));
        assertNull(model.dataset());
        assertTrue(model.errorProperty().get().startsWith("Could not open /nonexistent/folder-of-idx"),
                model.errorProperty().get());
    }
}
