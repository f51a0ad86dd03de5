package io.handwritingstudio.visual;

/** Principal component analysis by power iteration on the covariance matrix (fine for up to a few hundred dims). */
public final class Pca {
    private Pca() {
    }

    /** The first {@code k} principal directions of {@code rows} (unit vectors, strongest first). */
    public static double[][] components(float[][] rows, int k) {
        int d = rows[0].length;
        double[] mean = mean(rows);
        double[][] cov = new double[d][d];
        for (float[] r : rows) {
            for (int i = 0; i < d; i++) {
                double di = r[i] - mean[i];
                if (di == 0) continue;
                for (int j = i; j < d; j++) cov[i][j] += di * (r[j] - mean[j]);
            }
        }
        for (int i = 0; i < d; i++) for (int j = 0; j < i; j++) cov[i][j] = cov[j][i];
        double[][] comps = new double[k][];
        for (int c = 0; c < k; c++) {
            double[] v = powerIteration(cov, c + 1);
            comps[c] = v;
            deflate(cov, v);
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

    private static double[] powerIteration(double[][] a, int seed) {
        int d = a.length;
        java.util.Random random = new java.util.Random(seed);
        double[] v = new double[d];
        for (int i = 0; i < d; i++) v[i] = random.nextDouble() - 0.5;
        normalise(v);
        for (int it = 0; it < 300; it++) {
            double[] next = new double[d];
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) s += a[i][j] * v[j];
                next[i] = s;
            }
            if (normalise(next) == 0) return v;
            double change = 0;
            for (int i = 0; i < d; i++) change += Math.abs(next[i] - v[i]);
            v = next;
            if (change < 1e-9) break;
        }
        return v;
    }

    private static void deflate(double[][] a, double[] v) {
        int d = a.length;
        double lambda = 0;
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) lambda += v[i] * a[i][j] * v[j];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) a[i][j] -= lambda * v[i] * v[j];
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
