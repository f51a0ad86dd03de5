package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.ui.kit.Formats;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The top classes of one sample as labelled bars: "9 ▇▇▇▇▇▇ 81%". The true class is green, a wrong prediction
 * red, the other runners-up grey.
 */
final class ProbabilityBars extends GridPane {
    static final double BAR_WIDTH = 64;

    ProbabilityBars(EvaluatedSet set, int index, int top) {
        getStyleClass().add("probability-bars");
        setHgap(5);
        setVgap(2);
        int[] classes = set.report().topClasses(index, top);
        for (int row = 0; row < classes.length; row++) {
            int c = classes[row];
            float p = set.report().probability(index, c);
            Label name = new Label(set.className(c));
            name.getStyleClass().add("bar-name");
            name.setMinWidth(14);
            Region fill = new Region();
            fill.getStyleClass().addAll("bar-fill", barStyle(set, index, c));
            fill.setMaxWidth(Math.max(1, BAR_WIDTH * p));
            fill.setPrefWidth(Math.max(1, BAR_WIDTH * p));
            fill.setMinHeight(8);
            fill.setMaxHeight(8);
            StackPane track = new StackPane(fill);
            track.getStyleClass().add("bar-track");
            track.setAlignment(Pos.CENTER_LEFT);
            track.setPrefWidth(BAR_WIDTH);
            track.setMaxWidth(BAR_WIDTH);
            Label percent = new Label(Formats.percent(p));
            percent.getStyleClass().add("bar-percent");
            addRow(row, name, track, percent);
        }
    }

    private static String barStyle(EvaluatedSet set, int index, int classIndex) {
        if (classIndex == set.report().trueLabel(index)) return "bar-true";
        return classIndex == set.report().predicted(index) ? "bar-wrong" : "bar-other";
    }
}
