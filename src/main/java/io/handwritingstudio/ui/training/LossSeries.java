package io.handwritingstudio.ui.training;

import java.util.Arrays;

/**
 * The loss of every iteration, kept within a fixed number of points however long training runs: when full,
 * neighbouring points are averaged in pairs and later iterations are grouped twice as coarsely. Not thread-safe:
 * used on the JavaFX thread only.
 */
public final class LossSeries {
    private final int capacity;
    private final double[] x;
    private final double[] y;
    private int size;
    private int perPoint = 1;
    private double pendingSum;
    private double pendingX;
    private int pending;

    public LossSeries(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) throw new IllegalArgumentException("capacity must be even and >= 2");
        this.capacity = capacity;
        this.x = new double[capacity];
        this.y = new double[capacity];
    }

    public void add(long iteration, double loss) {
        pendingSum += loss;
        pendingX += iteration;
        pending++;
        if (pending < perPoint) return;
        x[size] = pendingX / pending;
        y[size] = pendingSum / pending;
        size++;
        pendingSum = pendingX = pending = 0;
        if (size == capacity) halve(); // right away, so every stored point stands for equally many iterations
    }

    private void halve() {
        for (int i = 0; i < capacity / 2; i++) {
            x[i] = (x[2 * i] + x[2 * i + 1]) / 2;
            y[i] = (y[2 * i] + y[2 * i + 1]) / 2;
        }
        size = capacity / 2;
        perPoint *= 2;
    }

    public void clear() {
        size = 0;
        perPoint = 1;
        pendingSum = pendingX = pending = 0;
    }

    public int size() { return size; }
    public int capacity() { return capacity; }
    public double x(int i) { return x[i]; }
    public double y(int i) { return y[i]; }
    public double[] ys() { return Arrays.copyOf(y, size); }

    /**
     * Centred moving average of the stored points (the window shrinks at both ends): the readable trend under noisy
     * mini-batch losses, without the lag an exponential average has.
     */
    public double[] smoothed(int halfWindow) {
        double[] prefix = new double[size + 1];
        for (int i = 0; i < size; i++) prefix[i + 1] = prefix[i] + y[i];
        double[] s = new double[size];
        for (int i = 0; i < size; i++) {
            int h = Math.min(halfWindow, Math.min(i, size - 1 - i));
            s[i] = (prefix[i + h + 1] - prefix[i - h]) / (2 * h + 1);
        }
        return s;
    }
}
