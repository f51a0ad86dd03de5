package io.handwritingstudio.ui.context;

import io.handwritingstudio.data.DownloadListener;

import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A dataset download seen through a background task: its progress and "Downloading x: 4.2 of 9.9 MB" message.
 * Once the task is cancelled the next report throws, which stops the download (the fetcher deletes its partial file).
 */
public final class DownloadReporter implements DownloadListener {
    private final BooleanSupplier cancelled;
    private final BiConsumer<Long, Long> progress;
    private final Consumer<String> message;
    private final String what;

    /** {@code what} names the work in the exception a cancel raises ("mnist"). */
    public DownloadReporter(String what, BooleanSupplier cancelled, BiConsumer<Long, Long> progress, Consumer<String> message) {
        this.what = what;
        this.cancelled = cancelled;
        this.progress = progress;
        this.message = message;
    }

    @Override
    public void onProgress(String file, long bytes, long total) {
        stopIfCancelled();
        progress.accept(total > 0 ? bytes : -1, total > 0 ? total : 1);
        message.accept(text(file, bytes, total));
    }

    @Override
    public void onMessage(String text) {
        stopIfCancelled();
        message.accept(text);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    /** Throws once the task is cancelled: also between the download and the work after it. */
    public void stopIfCancelled() {
        if (cancelled.getAsBoolean()) throw new CancellationException(what + " cancelled");
    }

    static String text(String file, long bytes, long total) {
        return total > 0 ? String.format(Locale.ROOT, "Downloading %s: %.1f of %.1f MB", file, bytes / 1e6, total / 1e6)
                : String.format(Locale.ROOT, "Downloading %s: %.1f MB", file, bytes / 1e6);
    }
}
