package io.handwritingstudio.visual;

import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Exact t-SNE (van der Maaten and Hinton, 2008) for a few thousand points: Gaussian affinities at a fixed
 * perplexity, Student-t similarities in 2-D, early exaggeration, momentum and adaptive gains. O(n^2) per
 * iteration with symmetric pair loops; measured on 2,000 points x 64 dims in the report.
 */
public final class Tsne {
    private final double perplexity;
    private final int iterations;
    private final long seed;

    public Tsne() {
        this(30, 500, 42);
    }

    public Tsne(double perplexity, int iterations, long seed) {
        this.perplexity = perplexity;
        this.iterations = iterations;
        this.seed = seed;
    }

    /** 2-D embedding of {@code rows}; progress counts iterations (plus one step for the affinities). */
    public float[][] embed(float[][] rows, Projection.Progress progress, BooleanSupplier cancelled) {
        int n = rows.length;
        float[] p = affinities(rows, cancelled);
        progress.update(1, iterations + 1);
        double[] y = new double[2 * n];
        Random random = new Random(seed);
        for (int i = 0; i < y.length; i++) y[i] = random.nextGaussian() * 1e-4;
        double[] velocity = new double[2 * n];
        double[] gains = new double[2 * n];
        java.util.Arrays.fill(gains, 1);
        double[] grad = new double[2 * n];
        double eta = Math.max(50, n / 12.0);
        int exaggerated = Math.min(125, iterations / 4);
        for (int it = 0; it < iterations; it++) {
            if (cancelled.getAsBoolean()) throw new Projection.CancelledException();
            gradient(p, y, n, it < exaggerated ? 12 : 1, grad);
            double momentum = it < exaggerated ? 0.5 : 0.8;
            for (int k = 0; k < y.length; k++) {
                boolean sameSign = Math.signum(grad[k]) == Math.signum(velocity[k]);
                gains[k] = Math.max(0.01, sameSign ? gains[k] * 0.8 : gains[k] + 0.2);
                velocity[k] = momentum * velocity[k] - eta * gains[k] * grad[k];
                y[k] += velocity[k];
            }
            if (it % 10 == 9) progress.update(it + 2, iterations + 1);
        }
        float[][] out = new float[n][2];
        for (int i = 0; i < n; i++) {
            out[i][0] = (float) y[2 * i];
            out[i][1] = (float) y[2 * i + 1];
        }
        return out;
    }

    /** Symmetric joint probabilities p_ij (row-major n x n), each row's bandwidth fitted to the perplexity. */
    float[] affinities(float[][] rows, BooleanSupplier cancelled) {
        int n = rows.length;
        int d = rows[0].length;
        float[] dist = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double diff = rows[i][k] - rows[j][k];
                    s += diff * diff;
                }
                dist[i * n + j] = dist[j * n + i] = (float) s;
            }
        }
        float[] p = new float[n * n];
        double target = Math.log(perplexity);
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            if (i % 100 == 0 && cancelled.getAsBoolean()) throw new Projection.CancelledException();
            double beta = 1;
            double lo = 0;
            double hi = Double.POSITIVE_INFINITY;
            for (int step = 0; step < 60; step++) {
                double sum = 0;
                double weighted = 0;
                for (int j = 0; j < n; j++) {
                    row[j] = j == i ? 0 : Math.exp(-beta * dist[i * n + j]);
                    sum += row[j];
                    weighted += row[j] * dist[i * n + j];
                }
                double entropy = sum == 0 ? 0 : Math.log(sum) + beta * weighted / sum;
                if (Math.abs(entropy - target) < 1e-5 || sum == 0) {
                    if (sum == 0) java.util.Arrays.fill(row, 0);
                    else for (int j = 0; j < n; j++) row[j] /= sum;
                    break;
                }
                if (entropy > target) {
                    lo = beta;
                    beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
                } else {
                    hi = beta;
                    beta = (beta + lo) / 2;
                }
                if (step == 59) for (int j = 0; j < n; j++) row[j] /= sum;
            }
            for (int j = 0; j < n; j++) p[i * n + j] = (float) row[j];
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                float sym = (float) Math.max((p[i * n + j] + p[j * n + i]) / (2.0 * n), 1e-12);
                p[i * n + j] = p[j * n + i] = sym;
            }
        }
        return p;
    }

    /** KL gradient: 4 * sum_j (exaggeration * p_ij - q_ij) * (1 + |yi - yj|^2)^-1 * (yi - yj). */
    private static void gradient(float[] p, double[] y, int n, double exaggeration, double[] grad) {
        double[] attract = new double[2 * n];
        double[] repel = new double[2 * n];
        double z = 0;
        for (int i = 0; i < n; i++) {
            double yi0 = y[2 * i];
            double yi1 = y[2 * i + 1];
            int base = i * n;
            for (int j = i + 1; j < n; j++) {
                double d0 = yi0 - y[2 * j];
                double d1 = yi1 - y[2 * j + 1];
                double num = 1 / (1 + d0 * d0 + d1 * d1);
                z += 2 * num;
                double a = exaggeration * p[base + j] * num;
                double r = num * num;
                attract[2 * i] += a * d0;
                attract[2 * i + 1] += a * d1;
                attract[2 * j] -= a * d0;
                attract[2 * j + 1] -= a * d1;
                repel[2 * i] += r * d0;
                repel[2 * i + 1] += r * d1;
                repel[2 * j] -= r * d0;
                repel[2 * j + 1] -= r * d1;
            }
        }
        for (int k = 0; k < grad.length; k++) grad[k] = 4 * (attract[k] - repel[k] / z);
    }
}
