package io.handwritingstudio.ui.training;

import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.nio.IntBuffer;

/**
 * Loss per iteration: raw mini-batch losses faint, their moving average bold. A canvas redrawn from at most
 * {@link TrainingController#MAX_LOSS_POINTS} points, so it costs the same after 100 or 100,000 iterations; the lines
 * are drawn by a {@link ColumnRaster}, not as canvas paths, so a live run never needs JavaFX's path rasteriser.
 * The view passes the theme's colours ({@link #setColors}).
 */
public final class LossChart extends Region {
    private static final double LEFT = 52, RIGHT = 14, TOP = 12, BOTTOM = 30;
    private final Canvas canvas = new Canvas();
    private final LossSeries series;
    private Color axisColor = Color.gray(0.5);
    private Color lineColor = Color.gray(0.3);
    private int drawnPoints;
    private ColumnRaster raster;
    private PixelBuffer<IntBuffer> pixels;
    private WritableImage image;

    public LossChart(LossSeries series) {
        this.series = series;
        getStyleClass().add("loss-chart");
        getChildren().add(canvas);
        setMinHeight(160);
        setPrefHeight(260);
    }

    /** Theme colours (the view passes them on theme changes). */
    public void setColors(Color axis, Color line) {
        this.axisColor = axis;
        this.lineColor = line;
        redraw();
    }

    /** Number of stored points drawn in the last redraw (for tests). */
    public int drawnPoints() {
        return drawnPoints;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    public void redraw() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < LEFT + RIGHT + 10 || h < TOP + BOTTOM + 10) return;
        int n = series.size();
        drawnPoints = n;
        double maxY = 0.1, maxX = 1;
        for (int i = 0; i < n; i++) maxY = Math.max(maxY, series.y(i));
        if (n > 0) maxX = Math.max(4, series.x(n - 1)); // at least 4 so the five ticks are distinct iterations
        double step = niceStep(maxY / 4);
        maxY = 4 * step;
        double pw = w - LEFT - RIGHT, ph = h - TOP - BOTTOM;
        drawAxes(g, w, h, pw, ph, maxX, maxY, n > 0);
        if (n == 0) {
            g.setFill(axisColor);
            g.fillText("The loss appears here once training starts", LEFT + 12, TOP + ph / 2);
            return;
        }
        drawSeries(g, n, maxX, maxY, pw, ph);
    }

    /** Both series into one {@link ColumnRaster} at the screen's pixel density, drawn as an image. */
    private void drawSeries(GraphicsContext g, int n, double maxX, double maxY, double pw, double ph) {
        double scale = getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1;
        int rw = (int) Math.round(pw * scale), rh = (int) Math.round(ph * scale);
        if (raster == null || raster.width() != rw || raster.height() != rh) {
            raster = new ColumnRaster(rw, rh);
            pixels = new PixelBuffer<>(rw, rh, raster.pixels(), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(pixels);
        }
        raster.clear();
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) xs[i] = series.x(i) / maxX * rw;
        raster.polyline(xs, pixelRows(series.ys(), maxY, rh), n, scale, lineColor.deriveColor(0, 0.6, 1, 0.28));
        raster.polyline(xs, pixelRows(series.smoothed(Math.max(1, n / 40)), maxY, rh), n, 2.2 * scale, lineColor);
        pixels.updateBuffer(b -> null); // all of it changed
        g.drawImage(image, LEFT, TOP, pw, ph);
    }

    private static double[] pixelRows(double[] ys, double maxY, int rows) {
        double[] out = new double[ys.length];
        for (int i = 0; i < ys.length; i++) out[i] = rows - Math.min(ys[i], maxY) / maxY * rows;
        return out;
    }

    private void drawAxes(GraphicsContext g, double w, double h, double pw, double ph, double maxX, double maxY,
                          boolean withIterations) {
        g.setFont(Font.font(11));
        for (int i = 0; i <= 4; i++) {
            double y = Math.round(TOP + ph - i * ph / 4);
            g.setFill(axisColor.deriveColor(0, 1, 1, i == 0 ? 0.8 : 0.18));
            g.fillRect(LEFT, y, w - RIGHT - LEFT, 1); // a rectangle, not a stroked line: no path rasteriser
            g.setFill(axisColor);
            g.fillText(tickLabel(maxY / 4, i), 8, y + 4);
        }
        long every = iterationStep(maxX);
        for (long v = 0; withIterations && v <= maxX; v += every) {
            double x = LEFT + v / maxX * pw;
            g.setFill(axisColor);
            g.fillText(String.format(Locale.ROOT, "%,d", v), x - 8, h - 12);
        }
        g.fillText("iteration", w - RIGHT - 50, h - 1);
    }

    /**
     * Tick {@code i} with as many decimals as the step has (a step of 0.025 reads 0.075, not "0.08"), so every label
     * names exactly where its line is.
     */
    static String tickLabel(double step, int i) {
        if (!Double.isFinite(step)) return "–";
        int decimals = Math.min(6, Math.max(0, java.math.BigDecimal.valueOf(step).stripTrailingZeros().scale()));
        return String.format(Locale.ROOT, "%." + decimals + "f", step * i);
    }

    /**
     * Iterations between labels: the smallest of 1, 2, 5 x 10^k that gives at most six steps, so the labels are round
     * numbers (0, 50, 100, 150 rather than 0, 47, 94, 141) and there are at least three of them.
     */
    static long iterationStep(double maxIteration) {
        if (!(maxIteration > 6)) return 1; // NaN too
        if (maxIteration > 1e15) return (long) Math.ceil(maxIteration / 5); // no run gets there; the loop would overflow
        for (long magnitude = 1; ; magnitude *= 10) {
            for (long m : new long[]{1, 2, 5}) if (m * magnitude * 6 >= maxIteration) return m * magnitude;
        }
    }

    /** The smallest of 1, 2, 2.5, 5 x 10^k that is at least {@code v}: round axis labels. */
    private static double niceStep(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) if (m * magnitude >= v) return m * magnitude;
        return 10 * magnitude;
    }
}
