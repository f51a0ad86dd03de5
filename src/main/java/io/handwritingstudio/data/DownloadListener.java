package io.handwritingstudio.data;

/** Progress of a dataset fetch, for a progress bar or log. Called on the fetching thread. */
public interface DownloadListener {
    /** {@code totalBytesOrMinus1} is -1 when the size is unknown. */
    void onProgress(String file, long bytes, long totalBytesOrMinus1);

    void onMessage(String message);

    /** Whoever waits has given up (a Cancel button): a download stalled mid-read stops at once. */
    default boolean isCancelled() {
        return false;
    }

    DownloadListener SILENT = new DownloadListener() {
        @Override public void onProgress(String file, long bytes, long total) {}
        @Override public void onMessage(String message) {}
    };
}
