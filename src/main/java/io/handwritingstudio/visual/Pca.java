package io.handwritingstudio.visual;

/**
 * Principal component analysis by power iteration that multiplies by the covariance without ever forming it
 * (Xᵀ(Xv), O(n·d) per step): a 4,096-feature layer needs no 4,096² matrix. Hand-written on purpose: ND4J's
 * {@code PCA.pca_factor} (a full SVD, d x d result) measured 1.6-2.9x slower on 2,000 rows of 1,352 and 4,096
 * features, and gives wrong directions for row-major input (docs/BENCHMARKS.md, "Projection PCA").
 */
public final class Pca {
    private static final int MAX_STEPS = 300;

    private Pca() {
    }

    /** The first {@code k} principal directions of {@code rows} (unit vectors, strongest first). */
    public static double[][] components(float[][] rows, int k) {
        double[] mean = mean(rows);
        double[][] comps = new double[k][];
        for (int c = 0; c < k; c++) {
            java.util.Random random = new java.util.Random(c + 1);
            double[] v = new double[mean.length];
            for (int i = 0; i < v.length; i++) v[i] = random.nextDouble() - 0.5;
            orthogonalise(v, comps, c);
            normalise(v);
            for (int step = 0; step < MAX_STEPS; step++) {
                double[] next = covarianceTimes(rows, mean, v);
                orthogonalise(next, comps, c); // deflation: stay away from the directions already found
                if (normalise(next) == 0) break;
                double change = 0;
                for (int i = 0; i < v.length; i++) change += Math.abs(next[i] - v[i]);
                v = next;
                if (change < 1e-9) break;
            }
            comps[c] = v;
        }
        return comps;
    }

    /** Each row projected on the first {@code k} principal components: [n][k]. */
    public static float[][] project(float[][] rows, int k) {
        double[][] comps = components(rows, k);
        double[] mean = mean(rows);
        float[][] out = new float[rows.length][k];
        for (int n = 0; n < rows.length; n++) {
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int i = 0; i < mean.length; i++) s += (rows[n][i] - mean[i]) * comps[c][i];
                out[n][c] = (float) s;
            }
        }
        return out;
    }

    static double[] mean(float[][] rows) {
        double[] m = new double[rows[0].length];
        for (float[] r : rows) for (int i = 0; i < m.length; i++) m[i] += r[i];
        for (int i = 0; i < m.length; i++) m[i] /= rows.length;
        return m;
    }

    /** Xcᵀ(Xc v) for the centred rows Xc, without building Xc or the covariance. */
    private static double[] covarianceTimes(float[][] rows, double[] mean, double[] v) {
        int d = mean.length;
        double meanDot = 0;
        for (int i = 0; i < d; i++) meanDot += mean[i] * v[i];
        double[] out = new double[d];
        double weights = 0;
        for (float[] r : rows) {
            double s = -meanDot;
            for (int i = 0; i < d; i++) s += r[i] * v[i];
            for (int i = 0; i < d; i++) out[i] += s * r[i];
            weights += s;
        }
        for (int i = 0; i < d; i++) out[i] -= weights * mean[i];
        return out;
    }

    private static void orthogonalise(double[] v, double[][] found, int count) {
        for (int p = 0; p < count; p++) {
            double dot = 0;
            for (int i = 0; i < v.length; i++) dot += v[i] * found[p][i];
            for (int i = 0; i < v.length; i++) v[i] -= dot * found[p][i];
        }
    }

    private static double normalise(double[] v) {
        double n = 0;
        for (double x : v) n += x * x;
        n = Math.sqrt(n);
        if (n == 0) return 0;
        for (int i = 0; i < v.length; i++) v[i] /= n;
        return n;
    }
}
