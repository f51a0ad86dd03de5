package io.handwritingstudio.ui.shell;

import io.handwritingstudio.testing.FxExceptionGuard;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What happens to an exception nothing caught: in the studio, a log file and a status line; in tests, a failure. */
class CrashLogTest extends ApplicationTest {
    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Pane(), 100, 100));
        stage.show();
    }

    @Test
    void theGuardSeesAnExceptionOnTheJavaFxThread() throws Exception {
        Platform.runLater(() -> {
            throw new IllegalStateException("boom in a handler");
        });
        CountDownLatch processed = new CountDownLatch(1);
        Platform.runLater(processed::countDown);
        assertTrue(processed.await(10, TimeUnit.SECONDS));
        List<Throwable> seen = FxExceptionGuard.drain();
        assertEquals(1, seen.size(), "the guard would fail this test");
        assertEquals("boom in a handler", seen.get(0).getMessage());
    }

    @Test
    void theStudioLogsTheTraceToAFileAndShowsOneLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("logs").resolve("studio-errors.log");
        List<String> status = new CopyOnWriteArrayList<>();
        CrashLog log = new CrashLog(file, status::add);
        log.uncaughtException(Thread.currentThread(), new IllegalArgumentException("index 46992960 out of bounds"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file) && !status.isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readString(file).contains("at io.handwritingstudio"));
        assertTrue(Files.readString(file).contains("IllegalArgumentException: index 46992960 out of bounds"));
        assertEquals(1, status.size());
        assertTrue(status.get(0).contains("IllegalArgumentException") && status.get(0).contains(file.toString()),
                status.get(0));
    }
}
