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
import javafx.geometry.Bounds;
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
import java.util.stream.IntStream;

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
    /**
     * The true class of each grid row: only classes with images, so that a 36-class model read on MNIST shows ten
     * rows, not 26 empty ones (all rows for a report without images).
     */
    private int[] rows = new int[0];
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
        scroll.viewportBoundsProperty().addListener((o, was, is) -> {
            relayout();
            // a smaller window (the cell's samples opening beside it) keeps the chosen cell in view; scrolling does not
            boolean resized = was.getWidth() != is.getWidth() || was.getHeight() != is.getHeight();
            if (resized && selected.get() != null) reveal(selected.get());
        });
        holder.insetsProperty().addListener((o, was, is) -> relayout()); // the focus ring's room, once styled
        // the labels are drawn where the viewport is scrolled to
        scroll.hvalueProperty().addListener((o, was, is) -> redraw());
        scroll.vvalueProperty().addListener((o, was, is) -> redraw());
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
        rows = IntStream.range(0, rowTotals.length).filter(t -> rowTotals[t] > 0).toArray();
        if (rows.length == 0) rows = IntStream.range(0, rowTotals.length).toArray();
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
        if (rowOf(cell.trueClass()) < 0) throw new IllegalArgumentException("true " + cell.trueClass() + " has no images, so no row");
        Rectangle2D b = bounds(cell);
        return canvas.localToScreen(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
    }

    /**
     * Scrolls as little as needed for a cell to be visible beside the labels (used when a demo or the keyboard
     * selects a cell off screen).
     */
    public void reveal(MatrixCell cell) {
        if (layout == null || rowOf(cell.trueClass()) < 0) return;
        Rectangle2D b = bounds(cell);
        Bounds view = scroll.getViewportBounds();
        // scroll values count in the holder's pixels: the canvas plus the focus ring's room around it
        if (scrollableX() > 0) scroll.setHvalue(Math.min(1, (holder.getInsets().getLeft()
                + scrolledTo(b.getMinX(), b.getMaxX(), offsetX(), layout.gridX(), view.getWidth())) / scrollableX()));
        if (scrollableY() > 0) scroll.setVvalue(Math.min(1, (holder.getInsets().getTop()
                + scrolledTo(b.getMinY(), b.getMaxY(), offsetY(), layout.gridY(), view.getHeight())) / scrollableY()));
    }

    /** The offset that shows [from, to] right of (below) a band of {@code band} in a viewport of {@code size}. */
    private static double scrolledTo(double from, double to, double offset, double band, double size) {
        if (from < offset + band) return Math.max(0, from - band);
        if (to > offset + size) return to - size;
        return offset;
    }

    /**
     * How far the canvas is scrolled: the labels are drawn that far in, so that they stay in view (a 36-class matrix
     * scrolled to its O column still says which row is which). Zero in an exported picture.
     */
    private double offsetX() {
        return plain ? 0 : Math.max(0, scroll.getHvalue() * Math.max(0, scrollableX()) - holder.getInsets().getLeft());
    }

    private double offsetY() {
        return plain ? 0 : Math.max(0, scroll.getVvalue() * Math.max(0, scrollableY()) - holder.getInsets().getTop());
    }

    /**
     * How far the content can scroll, from the canvas's size (set at once) rather than the holder's (laid out a
     * pulse later), so that a reveal right after a new report scrolls by the new size.
     */
    private double scrollableX() {
        javafx.geometry.Insets ring = holder.getInsets();
        return canvas.getWidth() + ring.getLeft() + ring.getRight() - scroll.getViewportBounds().getWidth();
    }

    private double scrollableY() {
        javafx.geometry.Insets ring = holder.getInsets();
        return canvas.getHeight() + ring.getTop() + ring.getBottom() - scroll.getViewportBounds().getHeight();
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
        // the labels lie over the cells scrolled under them
        if (layout == null || x < offsetX() + layout.gridX() || y < offsetY() + layout.gridY()) return null;
        MatrixCell at = layout.cellAt(x, y);
        return at == null ? null : new MatrixCell(rows[at.trueClass()], at.predictedClass());
    }

    /** The grid row that shows a true class, or -1 when it has no images. */
    private int rowOf(int trueClass) {
        for (int row = 0; row < rows.length; row++) if (rows[row] == trueClass) return row;
        return -1;
    }

    private Rectangle2D bounds(MatrixCell cell) {
        return layout.cellBounds(rowOf(cell.trueClass()), cell.predictedClass());
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
        MatrixCell s = selected.get() == null ? new MatrixCell(rows[0], 0) : selected.get();
        int row = Math.max(0, rowOf(s.trueClass())), p = s.predictedClass();
        switch (code) {
            case UP -> row = Math.max(0, row - 1);
            case DOWN -> row = Math.min(layout.rows() - 1, row + 1);
            case LEFT -> p = Math.max(0, p - 1);
            case RIGHT -> p = Math.min(layout.columns() - 1, p + 1);
            default -> { return; }
        }
        selected.set(new MatrixCell(rows[row], p));
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
        layout = ConfusionMatrixLayout.fit(rows.length, r.classes().size(), maxChars, maxCount, w, h, zoom.get());
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
        int shownRows = layout.rows(), columns = layout.columns();
        Font countFont = Font.font("System", FontWeight.SEMI_BOLD, layout.countFont());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int row = 0; row < shownRows; row++) {
            int t = rows[row];
            for (int p = 0; p < columns; p++) {
                Rectangle2D b = layout.cellBounds(row, p);
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
        for (int i = 0; i <= columns; i++) {
            double x = Math.round(layout.gridX() + i * layout.cell()) + 0.5;
            g.strokeLine(x, layout.gridY(), x, layout.gridY() + shownRows * layout.cell());
        }
        for (int i = 0; i <= shownRows; i++) {
            double y = Math.round(layout.gridY() + i * layout.cell()) + 0.5;
            g.strokeLine(layout.gridX(), y, layout.gridX() + columns * layout.cell(), y);
        }
        outline(g, shownHover(), colors.mutedText(), 1.5);
        outline(g, shownSelection(), colors.selection(), 3);
        drawAxes(g, colors, r);
    }

    /** The labels and axis titles, in bands that stay at the viewport's left and top edges when it scrolls. */
    private void drawAxes(GraphicsContext g, HeatColors colors, EvaluationReport r) {
        int shownRows = layout.rows(), columns = layout.columns();
        double cell = layout.cell();
        double x0 = offsetX(), y0 = offsetY();
        Bounds view = scroll.getViewportBounds();
        double right = plain ? canvas.getWidth() : Math.min(canvas.getWidth(), x0 + view.getWidth());
        double bottom = plain ? canvas.getHeight() : Math.min(canvas.getHeight(), y0 + view.getHeight());
        Font label = Font.font("System", layout.labelFont());
        Font title = Font.font("System", FontWeight.BOLD, 12);
        // Row band: labels right-aligned against the grid, "true" turned on its side.
        g.setFill(colors.background());
        g.fillRect(x0, 0, layout.gridX(), canvas.getHeight());
        g.setFont(label);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int row = 0; row < shownRows; row++) {
            int c = rows[row];
            boolean chosen = shownSelection() != null && shownSelection().trueClass() == c;
            g.setFill(chosen ? colors.selection() : colors.text());
            g.fillText(r.classes().name(c), x0 + layout.gridX() - 6, layout.gridY() + row * cell + cell / 2);
        }
        g.setFill(colors.mutedText());
        g.setFont(title);
        g.setTextAlign(TextAlignment.CENTER);
        g.save();
        g.translate(x0 + ConfusionMatrixLayout.AXIS_BAND / 2,
                middle(Math.max(layout.gridY(), y0 + layout.gridY()), Math.min(layout.gridY() + shownRows * cell, bottom)));
        g.rotate(-90);
        g.fillText("true", 0, 0);
        g.restore();
        // Column band, over the row band's corner: labels rotated when a name is wider than a cell.
        g.setFill(colors.background());
        g.fillRect(0, y0, canvas.getWidth(), layout.gridY());
        g.setFill(colors.mutedText());
        g.fillText("predicted", middle(Math.max(layout.gridX(), x0 + layout.gridX()), Math.min(layout.gridX() + columns * cell, right)),
                y0 + ConfusionMatrixLayout.AXIS_BAND / 2);
        g.setFont(label);
        for (int c = 0; c < columns; c++) {
            boolean chosen = shownSelection() != null && shownSelection().predictedClass() == c;
            g.setFill(chosen ? colors.selection() : colors.text());
            double mid = layout.gridX() + c * cell + cell / 2;
            if (layout.rotatedColumnLabels()) {
                g.save();
                g.translate(mid, y0 + layout.gridY() - 6);
                g.rotate(-90);
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(r.classes().name(c), 0, 0);
                g.restore();
            } else {
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(r.classes().name(c), mid, y0 + layout.gridY() - layout.labelFont() * 0.7 - 3);
            }
        }
        // The corner above the row labels stays empty; once scrolled, a line marks where the cells go under the bands.
        g.setFill(colors.background());
        g.fillRect(x0, y0, layout.gridX(), layout.gridY());
        if (x0 > 0 || y0 > 0) {
            g.setStroke(colors.gridLine());
            g.setLineWidth(1);
            if (x0 > 0) g.strokeLine(x0 + layout.gridX() - 0.5, y0 + layout.gridY(), x0 + layout.gridX() - 0.5, bottom);
            if (y0 > 0) g.strokeLine(x0 + layout.gridX(), y0 + layout.gridY() - 0.5, right, y0 + layout.gridY() - 0.5);
        }
    }

    private static double middle(double from, double to) {
        return (from + to) / 2;
    }

    private void outline(GraphicsContext g, MatrixCell cell, Color color, double width) {
        if (cell == null || rowOf(cell.trueClass()) < 0) return;
        Rectangle2D b = bounds(cell);
        g.setStroke(color);
        g.setLineWidth(width);
        g.strokeRect(b.getMinX() + width / 2, b.getMinY() + width / 2, b.getWidth() - width, b.getHeight() - width);
    }
}
