package io.handwritingstudio.ui.network;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.ui.kit.ColorMaps;
import io.handwritingstudio.ui.kit.Legend;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * A scatter plot of 2-D points coloured by class, with a legend; clicking picks the nearest point.
 * Plain data in: {@code setPoints(xy, labels, classNames)}; the pick callback receives the point's index.
 */
public final class ProjectionScatter extends BorderPane {
    private static final double PAD = 14;
    private static final double PICK_RADIUS = 10;
    private final Canvas canvas = new Canvas();
    private final FlowPane legend = new FlowPane(12, 4);
    private final Label empty = new Label("No projection yet: compute one to map 2,000 test images.");
    private float[][] xy = new float[0][];
    private int[] labels = new int[0];
    private int highlighted = -1;
    private final javafx.beans.property.ReadOnlyIntegerWrapper hovered = new javafx.beans.property.ReadOnlyIntegerWrapper(-1);
    private IntConsumer onPick = i -> { };
    private double minX;
    private double maxX;
    private double minY;
    private double maxY;

    public ProjectionScatter() {
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setId("projection-empty");
        Pane holder = new Pane(canvas, empty);
        empty.layoutXProperty().bind(holder.widthProperty().subtract(empty.widthProperty()).divide(2));
        empty.layoutYProperty().bind(holder.heightProperty().subtract(empty.heightProperty()).divide(2));
        holder.setMinSize(200, 160);
        holder.getStyleClass().add("projection-canvas");
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        canvas.setId("projection-canvas");
        canvas.setOnMouseMoved(e -> hovered.set(nearest(e.getX(), e.getY())));
        canvas.setOnMouseExited(e -> hovered.set(-1));
        canvas.setOnMouseClicked(e -> {
            int i = nearest(e.getX(), e.getY());
            if (i >= 0) onPick.accept(i);
        });
        legend.setPadding(new Insets(6, 0, 0, 0));
        legend.setAlignment(Pos.CENTER_LEFT);
        legend.setId("projection-legend");
        setCenter(holder);
        setBottom(legend);
    }

    /** The point under the mouse, or -1. */
    public javafx.beans.property.ReadOnlyIntegerProperty hoveredProperty() {
        return hovered.getReadOnlyProperty();
    }

    public void setOnPick(IntConsumer onPick) {
        this.onPick = onPick;
    }

    public void setPoints(float[][] xy, int[] labels, List<String> classNames) {
        this.xy = xy;
        this.labels = labels;
        hovered.set(-1);
        minX = minY = Double.POSITIVE_INFINITY;
        maxX = maxY = Double.NEGATIVE_INFINITY;
        for (float[] p : xy) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        empty.setVisible(xy.length == 0);
        legend.getChildren().clear();
        for (int c = 0; c < classNames.size(); c++) {
            legend.getChildren().add(Legend.entry(ColorMaps.classColor(c), classNames.get(c)));
        }
        redraw();
    }

    /** Rings one point (the sample on show), or none with -1. */
    public void setHighlighted(int index) {
        highlighted = index;
        redraw();
    }

    /** Screen position of point {@code i} in canvas coordinates: {x, y}. */
    public double[] screenPosition(int i) {
        double w = canvas.getWidth() - 2 * PAD;
        double h = canvas.getHeight() - 2 * PAD;
        double sx = maxX > minX ? (xy[i][0] - minX) / (maxX - minX) : 0.5;
        double sy = maxY > minY ? (xy[i][1] - minY) / (maxY - minY) : 0.5;
        return new double[]{PAD + sx * w, PAD + (1 - sy) * h};
    }

    public Canvas canvas() {
        return canvas;
    }

    int nearest(double x, double y) {
        int best = -1;
        double bestD = PICK_RADIUS * PICK_RADIUS;
        for (int i = 0; i < xy.length; i++) {
            double[] p = screenPosition(i);
            double d = (p[0] - x) * (p[0] - x) + (p[1] - y) * (p[1] - y);
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setGlobalAlpha(0.75);
        for (int i = 0; i < xy.length; i++) {
            double[] p = screenPosition(i);
            g.setFill(ColorMaps.classColor(labels[i]));
            g.fillOval(p[0] - 2.5, p[1] - 2.5, 5, 5);
        }
        g.setGlobalAlpha(1);
        if (highlighted >= 0 && highlighted < xy.length) {
            double[] p = screenPosition(highlighted);
            g.setStroke(Color.BLACK);
            g.setLineWidth(4);
            g.strokeOval(p[0] - 10, p[1] - 10, 20, 20);
            g.setStroke(Color.WHITE);
            g.setLineWidth(2);
            g.strokeOval(p[0] - 10, p[1] - 10, 20, 20);
        }
    }
}
