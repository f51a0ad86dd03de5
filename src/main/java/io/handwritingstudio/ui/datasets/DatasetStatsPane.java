package io.handwritingstudio.ui.datasets;

import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.theme.Tweaks;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.ui.kit.Formats;
import io.handwritingstudio.ui.kit.PixelGrid;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Samples per class (bar chart) and the mean image of every class: what an "average" 3 looks like. */
final class DatasetStatsPane extends VBox {
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final FlowPane means = new FlowPane(10, 10);
    private final Label summary = new Label();

    DatasetStatsPane() {
        super(12);
        getStyleClass().add("stats-pane");
        chart.setId("class-count-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setTitle(null);
        chart.getXAxis().setLabel("Class");
        chart.getYAxis().setLabel("Samples");
        io.handwritingstudio.ui.kit.Formats.localeFreeTicks((javafx.scene.chart.NumberAxis) chart.getYAxis());
        chart.setPrefHeight(280);
        chart.setMinHeight(220);
        chart.setBarGap(2);
        chart.setCategoryGap(6);
        means.setId("class-means");
        means.setAlignment(Pos.TOP_LEFT);
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        Label countsTitle = Texts.title("Samples per class");
        Label meansTitle = Texts.title("Mean image of each class");
        Label meansExplain = new Label("Every sample of a class averaged pixel by pixel: bright where most writers put "
                + "ink, blurry where they disagree.");
        meansExplain.getStyleClass().add(Styles.TEXT_MUTED);
        Texts.wrapping(meansExplain);
        VBox countsCard = new VBox(6, countsTitle, summary, chart);
        countsCard.getStyleClass().add("card-pane");
        VBox meansCard = new VBox(8, meansTitle, meansExplain, means);
        meansCard.getStyleClass().add("card-pane");
        VBox content = new VBox(12, countsCard, meansCard);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
    }

    private LoadedDataset shown;

    boolean isShowing(LoadedDataset d) {
        return shown == d;
    }

    void show(LoadedDataset d) {
        shown = d;
        chart.getData().clear();
        means.getChildren().clear();
        if (d == null) return;
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        int min = Integer.MAX_VALUE, max = 0;
        for (int c = 0; c < d.classCounts().length; c++) {
            series.getData().add(new XYChart.Data<>(d.images().classes().name(c), d.classCounts()[c]));
            min = Math.min(min, d.classCounts()[c]);
            max = Math.max(max, d.classCounts()[c]);
        }
        chart.getData().add(series);
        summary.setText(Formats.count(d.size(), "sample", "samples") + " in " + Formats.count(d.classCounts().length,
                "class", "classes") + String.format(Locale.ROOT, " · smallest class %,d, largest %,d", min, max));
        for (int c = 0; c < d.classMeans().length; c++) {
            PixelGrid grid = new PixelGrid(84);
            grid.setImage(d.classMeans()[c], d.images().rows(), d.images().cols());
            Label name = new Label(d.images().classes().name(c));
            name.getStyleClass().add("mean-label");
            VBox tile = new VBox(4, grid, name);
            tile.setAlignment(Pos.CENTER);
            tile.getStyleClass().add("mean-tile");
            means.getChildren().add(tile);
        }
    }

    int meanTileCount() {
        return means.getChildren().size();
    }
}
