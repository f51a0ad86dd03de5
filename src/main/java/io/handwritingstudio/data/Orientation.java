package io.handwritingstudio.data;

/** How a dataset stores its images. EMNIST stores them transposed relative to MNIST; we always hand out upright images. */
public enum Orientation {
    UPRIGHT, TRANSPOSED;

    /** The images upright. A transposed rows x cols image becomes cols x rows; {@code pixels} is not modified. */
    public IdxImages toUpright(IdxImages stored) {
        if (this == UPRIGHT) return stored;
        int rows = stored.rows(), cols = stored.cols(), n = rows * cols;
        byte[] src = stored.pixels();
        byte[] dst = new byte[src.length];
        for (int i = 0, base = 0; i < stored.count(); i++, base += n) {
            // upright (r, c) = stored (c, r); upright has `cols` rows of `rows` pixels
            for (int r = 0; r < cols; r++) {
                int out = base + r * rows;
                for (int c = 0; c < rows; c++) dst[out + c] = src[base + c * cols + r];
            }
        }
        return new IdxImages(dst, stored.count(), cols, rows);
    }
}
