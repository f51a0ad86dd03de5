package io.handwritingstudio.ui.draw;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import java.util.ArrayList;
import java.util.List;

/**
 * One bar per class of the current model, in class order so each bar stays in place while it grows and shrinks.
 * Ten classes make one column; 26 or 36 wrap into columns of at most {@link #ROWS_PER_COLUMN}, three columns
 * drawn compact.
 */
final class ProbabilityBars extends GridPane {
    /**
     * 13 rows leave room under the bars for "Inside the network": letters take two columns, characters three
     * compact ones (narrower gaps and values).
     */
    static final int ROWS_PER_COLUMN = 13;
    private static final int COMPACT_COLUMNS = 3;

    private final List<Row> rows = new ArrayList<>();
    private List<String> classes = List.of();

    ProbabilityBars() {
        setId("draw-bars");
        getStyleClass().add("draw-bars");
        setHgap(18);
        setVgap(8);
    }

    /** Rebuilds the bars for another class set (model switch). */
    void setClasses(List<String> names) {
        if (names.equals(classes)) return;
        classes = List.copyOf(names);
        rows.clear();
        getChildren().clear();
        int columns = Math.max(1, (int) Math.ceil(names.size() / (double) ROWS_PER_COLUMN));
        int perColumn = (int) Math.ceil(names.size() / (double) columns);
        boolean compact = columns >= COMPACT_COLUMNS;
        setHgap(compact ? 12 : 18);
        for (int i = 0; i < names.size(); i++) {
            Row row = new Row(i, names.get(i), compact);
            rows.add(row);
            add(row.box, i / perColumn, i % perColumn);
            GridPane.setHgrow(row.box, Priority.ALWAYS);
        }
    }

    /** Shows the probabilities (one per class), or empty bars when {@code probabilities} is null. */
    void show(float[] probabilities) {
        int top = -1;
        if (probabilities != null) {
            for (int i = 0; i < probabilities.length; i++) if (top < 0 || probabilities[i] > probabilities[top]) top = i;
        }
        for (Row row : rows) {
            float p = probabilities == null || row.index >= probabilities.length ? 0f : probabilities[row.index];
            row.set(p, row.index == top, probabilities != null);
        }
    }

    /** The text shown for a class's probability, e.g. "97.3%" (for tests and accessibility). */
    String valueText(int classIndex) {
        return rows.get(classIndex).value.getText();
    }

    private static final class Row {
        final int index;
        final HBox box;
        final Region fill = new Region();
        final Label value = new Label("");
        final StackPane track = new StackPane(fill);

        Row(int index, String name, boolean compact) {
            this.index = index;
            Label label = new Label(name);
            label.getStyleClass().add("draw-bar-name");
            label.setMinWidth(Region.USE_PREF_SIZE);
            label.setPrefWidth(name.length() > 2 ? Region.USE_COMPUTED_SIZE : 22);
            track.getStyleClass().add("draw-bar-track");
            track.setAlignment(Pos.CENTER_LEFT);
            track.setMinWidth(compact ? 30 : 40);
            track.setPrefWidth(200);
            track.setMaxHeight(14);
            track.setMinHeight(14);
            fill.getStyleClass().add("draw-bar-fill");
            fill.setMaxWidth(Region.USE_PREF_SIZE);
            fill.setPrefWidth(0);
            value.getStyleClass().add("draw-bar-value");
            value.setId("prob-value-" + index);
            value.setMinWidth(compact ? 42 : 52);
            value.setAlignment(Pos.CENTER_RIGHT);
            HBox.setHgrow(track, Priority.ALWAYS);
            box = new HBox(compact ? 5 : 8, label, track, value);
            box.setAlignment(Pos.CENTER_LEFT);
            box.getStyleClass().add("draw-bar-row");
            track.widthProperty().addListener((o, a, b) -> layoutFill());
        }

        private float p;

        void set(float probability, boolean top, boolean known) {
            p = probability;
            value.setText(known ? percent(probability) : "");
            if (top) {
                if (!box.getStyleClass().contains("top")) box.getStyleClass().add("top");
            } else {
                box.getStyleClass().remove("top");
            }
            layoutFill();
        }

        private void layoutFill() {
            double w = track.getWidth() * p;
            fill.setPrefWidth(w < 0.5 ? 0 : Math.max(3, w));
        }
    }

    static String percent(float p) {
        return p >= 0.9995f ? "100%" : String.format(Locale.ROOT, "%.1f%%", p * 100);
    }
}
