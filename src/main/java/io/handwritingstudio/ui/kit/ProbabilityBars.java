package io.handwritingstudio.ui.kit;

import io.handwritingstudio.inference.Ranking;
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
 * Class probabilities as labelled bars ("9 ▇▇▇▇▇▇ 97.3%"), the one way the studio draws them. Two layouts:
 * {@link #allClasses()} keeps every class in class order, so a bar stays in place while it grows and shrinks (long
 * class sets wrap into columns); {@link #topK} shows the most probable classes, most probable first. Without a true
 * class the prediction is marked {@code predicted} (accent); with one, the true class is {@code true} (green) and a
 * wrong prediction {@code wrong} (red). Colours come from the theme through studio.css.
 */
public final class ProbabilityBars extends GridPane {
    /** All-classes layout: 13 rows a column leave room for "Inside the network" under 26 or 36 classes. */
    public static final int ROWS_PER_COLUMN = 13;
    private static final int COMPACT_COLUMNS = 3;
    private static final double SMALL_TRACK = 64;

    private final int topK;
    private final boolean small;
    private final List<Row> rows = new ArrayList<>();
    private List<String> classes = List.of();

    private ProbabilityBars(int topK, boolean small) {
        this.topK = topK;
        this.small = small;
        getStyleClass().add("probability-bars");
        if (small) getStyleClass().add("small");
        setHgap(small ? 5 : 18);
        setVgap(small ? 2 : 8);
    }

    /** Every class of the model, in class order. */
    public static ProbabilityBars allClasses() {
        return new ProbabilityBars(0, false);
    }

    /** The {@code k} most probable classes; {@code small} draws thin fixed-width bars for list cells and tiles. */
    public static ProbabilityBars topK(int k, boolean small) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1");
        return new ProbabilityBars(k, small);
    }

    /** Sets the class names (rebuilds the rows when they change, e.g. on a model switch). */
    public void setClasses(List<String> names) {
        if (names.equals(classes)) return;
        classes = List.copyOf(names);
        rows.clear();
        getChildren().clear();
        int count = topK > 0 ? Math.min(topK, names.size()) : names.size();
        int columns = topK > 0 ? 1 : Math.max(1, (int) Math.ceil(count / (double) ROWS_PER_COLUMN));
        int perColumn = Math.max(1, (int) Math.ceil(count / (double) columns));
        boolean compact = small || columns >= COMPACT_COLUMNS;
        if (!small) setHgap(compact ? 12 : 18);
        for (int i = 0; i < count; i++) {
            Row row = new Row(compact);
            if (topK == 0) {
                row.name.setText(names.get(i));
                // a word-long class ("plus", taught by fine-tuning) keeps its whole name; one-character names stay narrow
                if (names.get(i).length() > 2) row.name.setMinWidth(Region.USE_PREF_SIZE);
                row.value.setId("prob-value-" + i);
            }
            rows.add(row);
            add(row.box, i / perColumn, i % perColumn);
            GridPane.setHgrow(row.box, Priority.ALWAYS);
        }
    }

    /** Shows one probability per class with the prediction marked, or empty bars when {@code probabilities} is null. */
    public void show(float[] probabilities) {
        show(probabilities, -1);
    }

    /** As {@link #show(float[])}, marking the true class green and a wrong prediction red; -1 when unknown. */
    public void show(float[] probabilities, int trueClass) {
        boolean known = probabilities != null && probabilities.length == classes.size();
        int predicted = known ? Ranking.argmax(probabilities) : -1;
        int[] order = topK > 0 && known ? Ranking.top(probabilities, rows.size()) : null;
        for (int r = 0; r < rows.size(); r++) {
            int c = order != null ? order[r] : r;
            Row row = rows.get(r);
            if (topK > 0) row.name.setText(known ? classes.get(c) : "");
            row.set(known ? probabilities[c] : 0f, known, mark(c, predicted, trueClass));
        }
    }

    /** The text shown in row {@code row} (the class index in the all-classes layout), e.g. "97.3%". */
    public String valueText(int row) {
        return rows.get(row).value.getText();
    }

    /** The class name shown in row {@code row}. */
    public String nameText(int row) {
        return rows.get(row).name.getText();
    }

    private static String mark(int c, int predicted, int trueClass) {
        if (trueClass >= 0) {
            if (c == trueClass) return "true";
            return c == predicted ? "wrong" : null;
        }
        return c == predicted ? "predicted" : null;
    }

    private final class Row {
        private static final List<String> MARKS = List.of("predicted", "true", "wrong");
        final HBox box;
        final Label name = new Label();
        final Region fill = new Region();
        final Label value = new Label("");
        final StackPane track = new StackPane(fill);
        private float p;

        Row(boolean compact) {
            name.getStyleClass().add("probability-bar-name");
            name.setMinWidth(small ? 14 : 22);
            track.getStyleClass().add("probability-bar-track");
            track.setAlignment(Pos.CENTER_LEFT);
            if (small) {
                track.setPrefWidth(SMALL_TRACK);
                track.setMaxWidth(SMALL_TRACK);
            } else {
                track.setMinWidth(compact ? 30 : 40);
                track.setPrefWidth(200);
                HBox.setHgrow(track, Priority.ALWAYS);
            }
            fill.getStyleClass().add("probability-bar-fill");
            fill.setMaxWidth(Region.USE_PREF_SIZE);
            fill.setPrefWidth(0);
            value.getStyleClass().add("probability-bar-value");
            value.setMinWidth(small ? Region.USE_PREF_SIZE : compact ? 42 : 52);
            value.setAlignment(Pos.CENTER_RIGHT);
            box = new HBox(small ? 5 : compact ? 5 : 8, name, track, value);
            box.setAlignment(Pos.CENTER_LEFT);
            box.getStyleClass().add("probability-bar-row");
            track.widthProperty().addListener((o, a, b) -> layoutFill());
        }

        void set(float probability, boolean known, String mark) {
            p = probability;
            value.setText(known ? Formats.percent(probability) : "");
            box.getStyleClass().removeAll(MARKS);
            if (mark != null) box.getStyleClass().add(mark);
            layoutFill();
        }

        private void layoutFill() {
            double width = (small ? SMALL_TRACK : track.getWidth()) * p;
            fill.setPrefWidth(width < 0.5 ? 0 : Math.max(small ? 1 : 3, width));
        }
    }
}
