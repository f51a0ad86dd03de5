package io.handwritingstudio.data;

/** TEMPORARY until the data branch lands. */
public interface DownloadListener {
    default void onProgress(String file, long bytes, long total) { }
    default void onMessage(String message) { }
}
