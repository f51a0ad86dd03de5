package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.ui.kit.Texts;
import io.handwritingstudio.ui.kit.HeatColors;

import atlantafx.base.theme.Tweaks;

import java.util.Locale;
import io.handwritingstudio.evaluation.EvaluationReport;
import io.handwritingstudio.ui.kit.Theme;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import java.util.Arrays;

/**
 * The confusion matrix as a heat map on a canvas: rows are the true class, columns the prediction. Hover for a
 * tooltip, click (or arrow keys and Enter) to select a cell. Scrolls when the classes do not fit; zoomable.
 * {@link #showDifference} turns it into the difference of two models' matrices (B minus A) in diverging colours.
 */
public final class ConfusionMatrixView {
    private final Canvas canvas = new Canvas();
    private final StackPane holder = new StackPane(canvas);
    private final ScrollPane scroll = new ScrollPane(holder);
    private final ObjectProperty<EvaluationReport> report = new SimpleObjectProperty<>();
    private final ObjectProperty<MatrixCell> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<MatrixCell> hovered = new SimpleObjectProperty<>();
    private final DoubleProperty zoom = new SimpleDoubleProperty(1);
    private final Tooltip tooltip = new Tooltip();
    private ConfusionMatrixLayout layout;
    private int[][] counts = new int[0][0];
    private int[] rowTotals = new int[0];
    /** Model B's report in difference mode, else null. */
    private EvaluationReport other;
    private int maxDifference;
    private boolean plain;

    public ConfusionMatrixView() {
        canvas.setId("confusion-canvas");
        canvas.setFocusTraversable(true);
        scroll.setId("confusion-scroll");
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        holder.getStyleClass().add("matrix-holder");
        tooltip.setShowDelay(Duration.millis(150));
        tooltip.setHideDelay(Duration.ZERO);
        report.addListener((o, was, is) -> recount());
        selected.addListener((o, was, is) -> redraw());
        hovered.addListener((o, was, is) -> redraw());
        zoom.addListener((o, was, is) -> relayout());
        scroll.viewportBoundsProperty().addListener((o, was, is) -> relayout());
        holder.insetsProperty().addListener((o, was, is) -> relayout()); // the focus ring's room, once styled
        Theme.darkProperty().addListener((o, was, is) -> redraw());
        canvas.setOnMouseMoved(e -> hover(cellAt(e.getX(), e.getY())));
        canvas.setOnMouseExited(e -> hover(null));
        canvas.setOnMouseClicked(e -> {
            canvas.requestFocus();
            MatrixCell cell = cellAt(e.getX(), e.getY());
            if (cell != null) selected.set(cell);
        });
        canvas.setOnKeyPressed(e -> moveSelection(e.getCode()));
    }

    /**
     * The matrix as an exported picture: a title line above it, without the selection frame or the hover outline
     * (those are the user's pointer, not the result). Call on the JavaFX thread.
     */
    public javafx.scene.Node picture(String title) {
        plain = true;
        redraw();
        javafx.scene.image.WritableImage matrix = canvas.snapshot(null, null);
        plain = false;
        redraw();
        javafx.scene.control.Label heading = new javafx.scene.control.Label(title);
        heading.setStyle("-fx-font-size: 14px; -fx-font-weight: bold; -fx-padding: 8 8 4 8;");
        Texts.wrapping(heading); // as wide as the matrix: a long title takes two lines
        heading.setPrefWidth(matrix.getWidth());
        heading.setMaxWidth(matrix.getWidth());
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(heading, new javafx.scene.image.ImageView(matrix));
        box.setStyle("-fx-background-color: white;");
        new javafx.scene.Scene(box); // an own scene: the label gets its skin and size before the snapshot
        box.applyCss();
        box.layout();
        return box;
    }

    /** Shows B's confusion matrix minus A's (both on the same images); {@code a == null} clears it. */
    public void showDifference(EvaluationReport a, EvaluationReport b) {
        other = a == null ? null : b;
        if (report.get() == a) recount();
        else report.set(a);
    }

    /** The numbers drawn in the cells: counts, or B minus A in difference mode. */
    public int[][] counts() {
        return counts;
    }

    private void recount() {
        EvaluationReport is = report.get();
        if (is == null) {
            counts = new int[0][0];
        } else if (other != null) {
            int[][] ca = is.confusionMatrix(), cb = other.confusionMatrix();
            counts = new int[ca.length][ca.length];
            for (int t = 0; t < ca.length; t++) for (int p = 0; p < ca.length; p++) counts[t][p] = cb[t][p] - ca[t][p];
        } else {
            counts = is.confusionMatrix();
        }
        rowTotals = Arrays.stream(is == null ? counts : is.confusionMatrix()).mapToInt(r -> Arrays.stream(r).sum()).toArray();
        maxDifference = Arrays.stream(counts).flatMapToInt(Arrays::stream).map(Math::abs).max().orElse(0);
        selected.set(null);
        relayout();
    }

    private MatrixCell shownSelection() {
        return plain ? null : selected.get();
    }

    private MatrixCell shownHover() {
        return plain ? null : hovered.get();
    }

    public ScrollPane root() { return scroll; }
    public Canvas canvas() { return canvas; }
    public ObjectProperty<EvaluationReport> reportProperty() { return report; }
    /** The clicked cell, or null. */
    public ObjectProperty<MatrixCell> selectedProperty() { return selected; }
    /** The cell under the mouse, or null. */
    public ObjectProperty<MatrixCell> hoveredProperty() { return hovered; }
    public DoubleProperty zoomProperty() { return zoom; }
    public ConfusionMatrixLayout layout() { return layout; }

    /** Where a cell's centre is on the screen (for tests and demos that click it). */
    public Point2D cellCenterOnScreen(MatrixCell cell) {
        Rectangle2D b = layout.cellBounds(cell.trueClass(), cell.predictedClass());
        return canvas.localToScreen(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
    }

    /** Scrolls so that a cell is visible (used when a demo or the keyboard selects a cell off screen). */
    public void reveal(MatrixCell cell) {
        if (layout == null) return;
        Rectangle2D b = layout.cellBounds(cell.trueClass(), cell.predictedClass());
        double extraW = canvas.getWidth() - scroll.getViewportBounds().getWidth();
        double extraH = canvas.getHeight() - scroll.getViewportBounds().getHeight();
        if (extraW > 0) scroll.setHvalue(Math.max(0, Math.min(1, (b.getMinX() - layout.gridX()) / extraW)));
        if (extraH > 0) scroll.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - layout.gridY()) / extraH)));
    }

    /** "true 4, predicted 9: 12 samples (1.2% of true 4)". */
    public String describe(MatrixCell cell) {
        EvaluationReport r = report.get();
        if (r == null || cell == null) return "";
        int n = counts[cell.trueClass()][cell.predictedClass()];
        int row = rowTotals[cell.trueClass()];
        String t = r.classes().name(cell.trueClass()), p = r.classes().name(cell.predictedClass());
        if (other != null) {
            int a = r.confusionMatrix()[cell.trueClass()][cell.predictedClass()];
            return String.format(Locale.ROOT, "true %s, predicted %s: A %,d, B %,d (B %s)%s", t, p, a, a + n,
                    n == 0 ? "same" : String.format(Locale.ROOT, "%+d", n), cell.isDiagonal() ? ", correct" : "");
        }
        return String.format(Locale.ROOT, "true %s, predicted %s: %,d sample%s (%.1f%% of true %s)%s", t, p, n, n == 1 ? "" : "s",
                row == 0 ? 0.0 : 100.0 * n / row, t, cell.isDiagonal() ? ", correct" : "");
    }

    private MatrixCell cellAt(double x, double y) {
        return layout == null ? null : layout.cellAt(x, y);
    }

    private void hover(MatrixCell cell) {
        hovered.set(cell);
        if (cell == null) {
            Tooltip.uninstall(canvas, tooltip);
        } else {
            tooltip.setText(describe(cell));
            Tooltip.install(canvas, tooltip);
        }
    }

    private void moveSelection(KeyCode code) {
        if (layout == null) return;
        MatrixCell s = selected.get() == null ? new MatrixCell(0, 0) : selected.get();
        int k = layout.classes(), t = s.trueClass(), p = s.predictedClass();
        switch (code) {
            case UP -> t = Math.max(0, t - 1);
            case DOWN -> t = Math.min(k - 1, t + 1);
            case LEFT -> p = Math.max(0, p - 1);
            case RIGHT -> p = Math.min(k - 1, p + 1);
            default -> { return; }
        }
        selected.set(new MatrixCell(t, p));
        reveal(selected.get());
    }

    private void relayout() {
        EvaluationReport r = report.get();
        if (r == null) {
            layout = null;
            canvas.setWidth(0);
            canvas.setHeight(0);
            return;
        }
        int maxChars = r.classes().names().stream().mapToInt(String::length).max().orElse(1);
        // a difference's sign takes a digit's room
        int maxCount = other != null ? maxDifference * 10 + 9 : Arrays.stream(counts).flatMapToInt(Arrays::stream).max().orElse(0);
        // inside the holder's focus ring, so that focusing the matrix does not bring up scroll bars
        javafx.geometry.Insets ring = holder.getInsets();
        double w = Math.max(200, scroll.getViewportBounds().getWidth() - ring.getLeft() - ring.getRight());
        double h = Math.max(200, scroll.getViewportBounds().getHeight() - ring.getTop() - ring.getBottom());
        layout = ConfusionMatrixLayout.fit(r.classes().size(), maxChars, maxCount, w, h, zoom.get());
        canvas.setWidth(layout.width());
        canvas.setHeight(layout.height());
        redraw();
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        HeatColors colors = new HeatColors(io.handwritingstudio.ui.kit.Palette.current());
        g.setFill(colors.background());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        EvaluationReport r = report.get();
        if (r == null || layout == null) return;
        int k = layout.classes();
        drawAxes(g, colors, r);
        Font countFont = Font.font("System", FontWeight.SEMI_BOLD, layout.countFont());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                Rectangle2D b = layout.cellBounds(t, p);
                int n = counts[t][p];
                Color fill = other != null ? colors.difference(n, maxDifference)
                        : colors.cell(n, rowTotals[t] == 0 ? 0 : n / (double) rowTotals[t], t == p);
                g.setFill(fill);
                g.fillRect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
                if (n != 0 && layout.showsCounts()) {
                    g.setFill(colors.textOn(fill));
                    g.setFont(countFont);
                    g.fillText(other != null ? String.format(Locale.ROOT, "%+d", n) : String.valueOf(n), b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
                }
            }
        }
        g.setStroke(colors.gridLine());
        g.setLineWidth(1);
        for (int i = 0; i <= k; i++) {
            double x = Math.round(layout.gridX() + i * layout.cell()) + 0.5;
            double y = Math.round(layout.gridY() + i * layout.cell()) + 0.5;
            g.strokeLine(x, layout.gridY(), x, layout.gridY() + k * layout.cell());
            g.strokeLine(layout.gridX(), y, layout.gridX() + k * layout.cell(), y);
        }
        outline(g, shownHover(), colors.mutedText(), 1.5);
        outline(g, shownSelection(), colors.selection(), 3);
    }

    private void drawAxes(GraphicsContext g, HeatColors colors, EvaluationReport r) {
        int k = layout.classes();
        double cell = layout.cell();
        Font label = Font.font("System", layout.labelFont());
        Font title = Font.font("System", FontWeight.BOLD, 12);
        g.setFill(colors.mutedText());
        g.setFont(title);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("predicted", layout.gridX() + k * cell / 2, ConfusionMatrixLayout.AXIS_BAND / 2);
        g.save();
        g.translate(ConfusionMatrixLayout.AXIS_BAND / 2, layout.gridY() + k * cell / 2);
        g.rotate(-90);
        g.fillText("true", 0, 0);
        g.restore();
        g.setFont(label);
        for (int c = 0; c < k; c++) {
            boolean emphasised = shownSelection() != null
                    && (shownSelection().trueClass() == c || shownSelection().predictedClass() == c);
            String name = r.classes().name(c);
            double mid = c * cell + cell / 2;
            // Row labels, right-aligned against the grid.
            g.setFill(emphasised && shownSelection().trueClass() == c ? colors.selection() : colors.text());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(name, layout.gridX() - 6, layout.gridY() + mid);
            // Column labels, rotated when a name is wider than a cell.
            g.setFill(emphasised && shownSelection().predictedClass() == c ? colors.selection() : colors.text());
            if (layout.rotatedColumnLabels()) {
                g.save();
                g.translate(layout.gridX() + mid, layout.gridY() - 6);
                g.rotate(-90);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(name, 0, 0);
                g.restore();
            } else {
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(name, layout.gridX() + mid, layout.gridY() - layout.labelFont() * 0.7 - 3);
            }
        }
    }

    private void outline(GraphicsContext g, MatrixCell cell, Color color, double width) {
        if (cell == null) return;
        Rectangle2D b = layout.cellBounds(cell.trueClass(), cell.predictedClass());
        g.setStroke(color);
        g.setLineWidth(width);
        g.strokeRect(b.getMinX() + width / 2, b.getMinY() + width / 2, b.getWidth() - width, b.getHeight() - width);
    }
}
