package io.handwritingstudio.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * Fails any test during which the JavaFX thread threw an uncaught exception (JavaFX only logs those, so a view can
 * break silently while its test still passes). Registered for every test through JUnit's extension auto-detection.
 */
public final class FxExceptionGuard implements BeforeEachCallback, AfterEachCallback {
    private static final List<Throwable> SEEN = new ArrayList<>();
    private static final Thread.UncaughtExceptionHandler RECORDER = (thread, error) -> {
        if (thread.getName().startsWith("JavaFX Application Thread")) {
            synchronized (SEEN) {
                SEEN.add(error);
            }
        }
        System.err.println("Uncaught exception on " + thread.getName() + ":");
        error.printStackTrace();
    };

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (SEEN) {
            SEEN.clear();
        }
        WaitForAsyncUtils.clearExceptions();
        Thread.setDefaultUncaughtExceptionHandler(RECORDER);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<Throwable> seen = drain();
        if (!seen.isEmpty()) {
            AssertionError failure = new AssertionError(seen.size() + " uncaught exception(s) on the JavaFX thread; first: "
                    + seen.get(0), seen.get(0));
            seen.stream().skip(1).limit(5).forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /** For a test of the guard itself: takes what it would have reported. */
    public static List<Throwable> drain() {
        List<Throwable> out = new ArrayList<>();
        // TestFX's ApplicationTest replaces the JavaFX thread's handler with its own registry; read that one too.
        while (true) {
            try {
                WaitForAsyncUtils.checkException();
                break;
            } catch (IllegalStateException noToolkit) {
                // A test that never started JavaFX: checkException throws this on every call; nothing to read.
                if ("Toolkit not initialized".equals(noToolkit.getMessage())) {
                    break;
                }
                out.add(noToolkit.getCause() != null ? noToolkit.getCause() : noToolkit);
            } catch (Throwable fromTestFx) {
                out.add(fromTestFx.getCause() != null ? fromTestFx.getCause() : fromTestFx);
            }
        }
        synchronized (SEEN) {
            out.addAll(SEEN);
            SEEN.clear();
        }
        return out;
    }
}
