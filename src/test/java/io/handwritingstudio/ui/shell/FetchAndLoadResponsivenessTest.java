package io.handwritingstudio.ui.shell;

import io.handwritingstudio.data.DatasetFetcher;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.ui.StudioFixture;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.datasets.DatasetsView;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first start without MNIST on disk: the studio offers the download, shows progress while fetching, then the
 * browser opens on 60,000 samples. The worst frame gap meanwhile is reported (not asserted: timing is for benchmarks).
 */
class FetchAndLoadResponsivenessTest extends ApplicationTest {
    private static Path cache;
    private static final StringBuilder REPORT = new StringBuilder();
    private final PulseGapMonitor pulses = new PulseGapMonitor();
    private StudioContext context;

    @Override
    public void start(Stage stage) throws Exception {
        cache = Files.createTempDirectory("hws-empty-cache");
        var repository = new DatasetRepository(new DatasetFetcher(cache, true));
        context = StudioFixture.on(stage).views(c -> List.of(new DatasetsView(c, repository)));
    }

    @AfterAll
    static void report() throws Exception {
        Files.writeString(Path.of("target", "pulse-gaps-fetch.txt"), REPORT.toString());
        System.out.print(REPORT);
    }

    @Test
    void offersTheDownloadShowsProgressAndOpensTheDataset() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup("#download-button").query().isVisible());
        assertEquals("mnist is not on this computer yet.", ((Label) lookup("#dataset-message").query()).getText());
        interact(pulses::start);
        long started = System.nanoTime();
        clickOn("#download-button");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#dataset-progress").query().isVisible());
        WaitForAsyncUtils.waitFor(280, TimeUnit.SECONDS, () ->
                "60,000 samples".equals(((Label) lookup("#visible-count").query()).getText()));
        double seconds = (System.nanoTime() - started) / 1e9;
        interact(pulses::stop);
        assertTrue(!lookup("#dataset-banner").query().isVisible(), "banner gone once loaded");
        REPORT.append(String.format(Locale.ROOT, "pulse gap while fetching and loading MNIST (%.1f s): worst %.1f ms over %d frames%n",
                seconds, pulses.maxGapMillis(), pulses.frames()));
    }
}
