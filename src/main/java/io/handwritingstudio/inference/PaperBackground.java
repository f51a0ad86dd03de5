package io.handwritingstudio.inference;

/**
 * The paper's brightness as a smooth quadratic surface, fitted robustly (ink and specks are trimmed as
 * outliers on either side, so the fit needs no idea yet whether ink is dark or light). A quadratic follows
 * lighting gradients and vignetting on photos, yet cannot bend into thick strokes the way a local blur or
 * a too-small morphological window would.
 */
final class PaperBackground {
    private static final int MAX_SAMPLES = 40_000;
    private static final int ROUNDS = 5;
    private static final float TRIM_SIGMAS = 2.5f;
    /** Floor on the trimming width: on a perfectly clean image the noise is 0 and nothing would be kept. */
    private static final float MIN_TRIM_SIGMA = 0.01f;

    private final double[] coef;
    private final float noiseSigma;
    private final int width;
    private final int height;

    private PaperBackground(double[] coef, float noiseSigma, int width, int height) {
        this.coef = coef;
        this.noiseSigma = noiseSigma;
        this.width = width;
        this.height = height;
    }

    static PaperBackground fit(GrayImage img) {
        int w = img.width();
        int h = img.height();
        int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) w * h / MAX_SAMPLES)));
        int cap = ((w + step - 1) / step) * ((h + step - 1) / step);
        float[] us = new float[cap];
        float[] vs = new float[cap];
        float[] values = new float[cap];
        int n = 0;
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                us[n] = u(x, w);
                vs[n] = u(y, h);
                values[n++] = img.get(x, y);
            }
        }
        // Start from a flat sheet at the median: ink is the minority, so the median is paper.
        double[] coef = new double[6];
        coef[0] = Stats.median(values, n);
        float[] residual = new float[n];
        float sigma = 0f;
        for (int round = 0; round <= ROUNDS; round++) {
            for (int i = 0; i < n; i++) residual[i] = values[i] - (float) eval(coef, us[i], vs[i]);
            sigma = Stats.madSigma(residual, n, 0f);
            if (round == ROUNDS) break;
            // Most of the paper exactly at its median: a clean digital page (the drawing pad, a PNG drawn on
            // screen). The flat sheet is already the fit; refitting would only nudge it towards anti-aliasing.
            if (round == 0 && sigma == 0f) break;
            float trim = TRIM_SIGMAS * Math.max(sigma, MIN_TRIM_SIGMA);
            double[] refit = leastSquares(us, vs, values, residual, trim, n);
            if (refit == null) break;
            coef = refit;
        }
        return new PaperBackground(coef, sigma, w, h);
    }

    /** Robust standard deviation of the paper around the fit (noise, grain). */
    float noiseSigma() {
        return noiseSigma;
    }

    float at(int x, int y) {
        return (float) eval(coef, u(x, width), u(y, height));
    }

    /** The image minus the paper: negative where ink is darker than the paper, positive where lighter. */
    GrayImage residual(GrayImage img) {
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) out[y * width + x] = img.get(x, y) - at(x, y);
        }
        return new GrayImage(width, height, out);
    }

    /** Coordinates scaled to -1..1 keep the normal equations well conditioned. */
    private static float u(int x, int size) {
        return size <= 1 ? 0f : 2f * x / (size - 1) - 1f;
    }

    private static double eval(double[] c, double u, double v) {
        return c[0] + c[1] * u + c[2] * v + c[3] * u * u + c[4] * u * v + c[5] * v * v;
    }

    private static double[] leastSquares(float[] us, float[] vs, float[] values, float[] residual,
                                         float trim, int n) {
        double[][] a = new double[6][7];
        double[] t = new double[6];
        int used = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(residual[i]) > trim) continue;
            double u = us[i];
            double v = vs[i];
            t[0] = 1; t[1] = u; t[2] = v; t[3] = u * u; t[4] = u * v; t[5] = v * v;
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < 6; c++) a[r][c] += t[r] * t[c];
                a[r][6] += t[r] * values[i];
            }
            used++;
        }
        if (used < 6) return null;
        // A whisper of ridge keeps 1-pixel-wide or tall images (constant u or v) solvable.
        for (int r = 0; r < 6; r++) a[r][r] += 1e-6 * used;
        return solve(a);
    }

    /** Gaussian elimination with partial pivoting on an augmented 6x7 matrix. */
    private static double[] solve(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            if (Math.abs(a[col][col]) < 1e-12) return null;
            for (int r = col + 1; r < n; r++) {
                double f = a[r][col] / a[col][col];
                for (int c = col; c <= n; c++) a[r][c] -= f * a[col][c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = a[r][n];
            for (int c = r + 1; c < n; c++) s -= a[r][c] * x[c];
            x[r] = s / a[r][r];
        }
        return x;
    }
}
