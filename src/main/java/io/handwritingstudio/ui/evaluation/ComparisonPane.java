package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.ui.kit.Texts;
import io.handwritingstudio.ui.kit.HeatColors;
import io.handwritingstudio.ui.kit.Legend;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.evaluation.Comparison;
import io.handwritingstudio.ui.kit.Formats;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Two models side by side, in three parts for three tabs: the overview (both accuracies, the agreement counts and
 * the B-minus-A confusion matrix whose cells list their disagreements), the per-class deltas, and every
 * disagreement, most confident first. Every image opens in "Inside the network".
 */
final class ComparisonPane {
    private final ConfusionMatrixView matrix = new ConfusionMatrixView();
    private final ClassDeltaTable deltas = new ClassDeltaTable();
    private final DisagreementList cellList;
    private final DisagreementList all;
    private final Label accuracyA = number("compare-accuracy-a");
    private final Label accuracyB = number("compare-accuracy-b");
    private final Label difference = number("compare-difference");
    private final Label bothRight = number("compare-both-right");
    private final Label onlyA = number("compare-only-a");
    private final Label onlyB = number("compare-only-b");
    private final Label bothWrong = number("compare-both-wrong");
    private final Label nameA = caption("A");
    private final Label nameB = caption("B");
    private final Label bothWrongDetail = new Label();
    private final Label cellTitle = new Label("Disagreements behind a cell");
    private final Label cellDetail = new Label();
    private final Label hover = new Label();
    private final Label allCount = new Label();
    private final VBox overview;
    private final VBox allBox;
    private ComparedSet set;

    ComparisonPane(IntConsumer onOpen) {
        cellList = new DisagreementList("compare-cell-list", "Click a cell of the matrix: the images the two models "
                + "put there differently appear here.", onOpen);
        all = new DisagreementList("compare-disagreements", "The two models read every image the same way.", onOpen);
        matrix.canvas().setId("compare-canvas");
        matrix.root().setId("compare-scroll");
        matrix.selectedProperty().addListener((o, was, cell) -> showCell(cell));
        matrix.hoveredProperty().addListener((o, was, cell) -> hover.setText(cell == null ? hint() : matrix.describe(cell)));
        bothWrongDetail.getStyleClass().add(Styles.TEXT_MUTED);
        hover.setId("compare-hover");
        hover.getStyleClass().add(Styles.TEXT_MUTED);
        cellTitle.setId("compare-cell-title");
        cellTitle.getStyleClass().add("section-title");
        cellDetail.setId("compare-cell-detail");
        cellDetail.getStyleClass().add(Styles.TEXT_MUTED);
        Texts.wrapping(cellDetail);
        allCount.setId("compare-disagreement-count");
        allCount.getStyleClass().add(Styles.TEXT_MUTED);
        Texts.wrapping(allCount);

        FlowPane stats = new FlowPane(8, 6, stat(nameA, accuracyA, null), stat(nameB, accuracyB, null),
                stat(caption("B − A"), difference, null), stat(caption("Both right"), bothRight, null),
                stat(caption("Only A right"), onlyA, null), stat(caption("Only B right"), onlyB, null),
                stat(caption("Both wrong"), bothWrong, bothWrongDetail));
        stats.setId("compare-stats");
        Label matrixTitle = Texts.title("Difference of the confusion matrices (B − A)");
        matrixTitle.setMinWidth(0);
        HBox legend = new HBox(12, Legend.entry("-color-accent-fg", "B puts more here"),
                Legend.entry("-color-warning-fg", "B puts fewer here"));
        legend.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(matrix.root(), Priority.ALWAYS);
        VBox matrixBox = new VBox(6, matrixTitle, legend, matrix.root(), hover);
        matrixBox.setMinWidth(300);
        VBox.setVgrow(cellList.view(), Priority.ALWAYS);
        VBox cellBox = new VBox(6, cellTitle, cellDetail, cellList.view());
        cellBox.setPadding(new Insets(0, 0, 0, 4));
        cellBox.setMinWidth(220);
        SplitPane split = new SplitPane(matrixBox, cellBox);
        split.setDividerPositions(0.5);
        split.getStyleClass().add("evaluation-split");
        VBox.setVgrow(split, Priority.ALWAYS);
        overview = new VBox(8, stats, split);
        overview.setId("compare-overview");
        VBox.setVgrow(all.view(), Priority.ALWAYS);
        allBox = new VBox(8, allCount, all.view());
        show(null);
    }

    Node overview() { return overview; }
    Node deltas() { return deltas.view(); }
    Node disagreements() { return allBox; }
    ConfusionMatrixView matrix() { return matrix; }
    DisagreementList cellList() { return cellList; }
    DisagreementList allList() { return all; }
    ClassDeltaTable deltaTable() { return deltas; }

    void show(ComparedSet compared) {
        set = compared;
        deltas.show(compared);
        if (compared == null) {
            matrix.showDifference(null, null);
            all.show(null, List.of());
            showCell(null);
            return;
        }
        Comparison c = compared.comparison();
        matrix.showDifference(c.a(), c.b());
        nameA.setText("A: " + compared.a().modelName());
        nameB.setText("B: " + compared.b().modelName());
        accuracyA.setText(Formats.precisePercent(c.a().accuracy()));
        accuracyB.setText(Formats.precisePercent(c.b().accuracy()));
        difference.setText(Formats.points(c.accuracyDifference()));
        Comparison.Agreement g = c.agreement();
        bothRight.setText(Formats.count(g.bothRight()));
        onlyA.setText(Formats.count(g.onlyA()));
        onlyB.setText(Formats.count(g.onlyB()));
        bothWrong.setText(Formats.count(g.bothWrong()));
        bothWrongDetail.setText(Formats.count(g.bothWrongSameAnswer()) + " same answer");
        List<Comparison.Disagreement> rows = c.disagreements();
        all.show(compared, rows);
        allCount.setText(String.format(Locale.ROOT, "%,d of %,d images read differently, the most confident "
                + "disagreements first (both models sure, and different). Click one to look inside the network.",
                rows.size(), c.size()));
        showCell(null);
        hover.setText(hint());
    }

    private void showCell(MatrixCell cell) {
        if (set == null || cell == null) {
            cellTitle.setText("Disagreements behind a cell");
            cellDetail.setText("Click a cell of the matrix to see the images the two models put there differently.");
            cellList.show(set, List.of());
            return;
        }
        String t = set.a().className(cell.trueClass()), p = set.a().className(cell.predictedClass());
        cellTitle.setText(cell.isDiagonal() ? "True " + t + ": read right by one model only" : "True " + t + ", read as " + p
                + " by one model");
        List<Comparison.Disagreement> rows = set.comparison().cell(cell.trueClass(), cell.predictedClass());
        cellDetail.setText(matrix.describe(cell) + ". " + Formats.count(rows.size(), "disagreement", "disagreements")
                + (rows.isEmpty() ? "." : ", most confident first."));
        cellList.show(set, rows);
    }

    private String hint() {
        return set == null ? "" : "Hover a cell for both counts; click it for its images.";
    }

    private static Label number(String id) {
        Label l = new Label("–");
        l.setId(id);
        l.getStyleClass().addAll("big-number", "compare-number");
        return l;
    }

    private static Label caption(String text) {
        Label l = Texts.caption(text);
        l.setMaxWidth(170);
        return l;
    }

    private static VBox stat(Label caption, Label value, Label detail) {
        Node shown = value;
        if (detail != null) {
            HBox line = new HBox(6, value, detail);
            line.setAlignment(Pos.BASELINE_LEFT);
            shown = line;
        }
        VBox box = new VBox(0, caption, shown);
        box.getStyleClass().addAll("stat-card", "compare-card");
        return box;
    }
}
