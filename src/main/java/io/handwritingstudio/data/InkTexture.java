package io.handwritingstudio.data;

/**
 * Gives every image the same stroke texture: ink binarised at half intensity, then softened once by a 1-2-1 blur in
 * each direction. Digits from MNIST and letters from EMNIST were made by different resamplings, and a network trained
 * on both learns that texture as a cue for "letter" or "digit" instead of the shape (measured: MNIST digits given the
 * letters' re-framing were read as letters 14% of the time; docs/BENCHMARKS.md). A model trained on flattened images
 * gets every input flattened the same way, whatever its source; its card says so with {@link #TAG}.
 */
public final class InkTexture {
    /** A model card whose preprocessing names this wants its inputs flattened. */
    public static final String TAG = "ink flattened";
    /** How a card describes the step. */
    public static final String DESCRIPTION = TAG + " (every input binarised at half intensity, then blurred once 1-2-1)";

    private InkTexture() {
    }

    /** Whether a card's preprocessing asks for flattened inputs. */
    public static boolean wanted(String preprocessing) {
        return preprocessing != null && preprocessing.contains(TAG);
    }

    /** Whether models trained on the dataset named {@code dataset} are trained (and then fed) flattened images. */
    public static boolean forDataset(String dataset) {
        return CharactersDataset.NAME.equals(dataset);
    }

    /** Every image of {@code images} flattened; labels and classes shared. */
    public static LabeledImages flatten(LabeledImages images) {
        byte[] src = images.sharedPixels();
        byte[] out = new byte[src.length];
        int w = images.cols(), h = images.rows(), px = w * h;
        int[] binary = new int[px];
        int[] across = new int[px];
        for (int from = 0; from < src.length; from += px) {
            for (int i = 0; i < px; i++) binary[i] = (src[from + i] & 0xFF) >= 128 ? 255 : 0;
            soften(binary, across, w, h, out, from);
        }
        return new LabeledImages(out, images.labels(), h, w, images.classes());
    }

    /**
     * {@code count} images of {@code side}x{@code side} in [0,1] flattened into a new array: quantised to bytes first, so
     * an input is flattened exactly as a stored image with the same grey levels is.
     */
    public static float[] flatten(float[] pixels, int side) {
        int px = side * side;
        float[] result = new float[pixels.length];
        int[] binary = new int[px];
        int[] across = new int[px];
        byte[] out = new byte[px];
        for (int from = 0; from + px <= pixels.length; from += px) {
            for (int i = 0; i < px; i++) {
                int level = Math.round(Math.max(0f, Math.min(1f, pixels[from + i])) * 255f);
                binary[i] = level >= 128 ? 255 : 0;
            }
            soften(binary, across, side, side, out, 0);
            for (int i = 0; i < px; i++) result[from + i] = (out[i] & 0xFF) / 255f;
        }
        return result;
    }

    /** The separable 1-2-1 blur (zero outside the frame), rounded, into {@code out} at {@code at}. */
    private static void soften(int[] binary, int[] across, int w, int h, byte[] out, int at) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                across[i] = 2 * binary[i] + (x > 0 ? binary[i - 1] : 0) + (x < w - 1 ? binary[i + 1] : 0);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int sum = 2 * across[i] + (y > 0 ? across[i - w] : 0) + (y < h - 1 ? across[i + w] : 0);
                out[at + i] = (byte) ((sum + 8) / 16);
            }
        }
    }
}
