package io.handwritingstudio.data;

/** The content of an IDX image file as stored: {@code count} images of rows x cols, row-major bytes. */
public record IdxImages(byte[] pixels, int count, int rows, int cols) {
}
