package io.handwritingstudio.ui.network;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.ui.kit.ColorMaps;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;

import java.util.function.DoubleToIntFunction;

/** A small horizontal colour legend: low label, gradient, high label. */
final class ColorBar extends HBox {
    private final Label low = new Label();
    private final Label high = new Label();

    ColorBar(DoubleToIntFunction colors) {
        this(colors, 110);
    }

    ColorBar(DoubleToIntFunction colors, double width) {
        super(6);
        Region bar = new Region();
        bar.setPrefSize(width, 10);
        bar.setMinSize(width, 10);
        Stop[] stops = new Stop[11];
        for (int i = 0; i <= 10; i++) stops[i] = new Stop(i / 10.0, ColorMaps.toColor(colors.applyAsInt(i / 10.0)));
        bar.setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops), new javafx.scene.layout.CornerRadii(3),
                null)));
        bar.setBorder(new javafx.scene.layout.Border(new javafx.scene.layout.BorderStroke(Color.gray(0.5, 0.5),
                javafx.scene.layout.BorderStrokeStyle.SOLID, new javafx.scene.layout.CornerRadii(3),
                javafx.scene.layout.BorderWidths.DEFAULT)));
        low.getStyleClass().add(Styles.TEXT_MUTED);
        high.getStyleClass().add(Styles.TEXT_MUTED);
        low.setMinWidth(Region.USE_PREF_SIZE);
        high.setMinWidth(Region.USE_PREF_SIZE);
        setMinWidth(Region.USE_PREF_SIZE);
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(low, bar, high);
    }

    void setRange(String lowText, String highText) {
        low.setText(lowText);
        high.setText(highText);
    }
}
