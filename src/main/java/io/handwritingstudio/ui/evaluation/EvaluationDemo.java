package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.evaluation.EvaluationReport;
import io.handwritingstudio.ui.context.StudioContext;

/**
 * Demo state for screenshots and presentations. {@code -Dhws.demo.evaluate=true} evaluates the current model as
 * soon as one is loaded ({@code -Dhws.demo.limit=N} images, default 2,000) and opens the most frequent confusion.
 * {@code -Dhws.demo.tab=matrix|metrics|errors|predictions} picks the tab to show; {@code -Dhws.demo.explain=true}
 * opens that tab's "What am I looking at?" note. {@code -Dhws.demo.compare=NAME} (a bundled model: mnist, letters,
 * characters) compares the current model with that one and shows the comparison with its biggest change opened.
 */
final class EvaluationDemo {
    private EvaluationDemo() {
    }

    static void installIfRequested(StudioContext context, EvaluationView view) {
        if (!Boolean.getBoolean("hws.demo.evaluate")) return;
        EvaluationViewModel model = view.viewModel();
        model.limitProperty().set(Integer.getInteger("hws.demo.limit", 2_000));
        String compare = System.getProperty("hws.demo.compare", "");
        if (!compare.isEmpty()) {
            compareFirst(context, view, compare);
            return;
        }
        model.resultProperty().addListener((o, was, set) -> {
            if (set == null) return;
            MatrixCell cell = mostFrequentConfusion(set.report());
            if (cell != null) {
                view.matrix().selectedProperty().set(cell);
                view.matrix().reveal(cell);
            }
            String tab = System.getProperty("hws.demo.tab", "matrix");
            view.tabs().getTabs().stream().filter(t -> t.getId().equals("tab-" + tab)).findFirst()
                    .ifPresent(t -> view.tabs().getSelectionModel().select(t));
            if (Boolean.getBoolean("hws.demo.explain")) {
                // After layout, so that the note points at a button that is on screen.
                javafx.application.Platform.runLater(() -> javafx.application.Platform.runLater(() -> {
                    javafx.scene.Node button = view.root().lookup("#explain-" + tab);
                    if (button instanceof javafx.scene.control.Button b) b.fire();
                }));
            }
        });
        if (context.currentModel() != null) model.evaluate();
        else context.currentModelProperty().addListener((o, was, is) -> {
            if (is != null && model.result() == null && !model.runningProperty().get()) model.evaluate();
        });
    }

    /** Ticks "Compare with", picks the bundled model once the picker lists it, and evaluates when both are there. */
    private static void compareFirst(StudioContext context, EvaluationView view, String bundled) {
        EvaluationViewModel model = view.viewModel();
        view.compareOn().setSelected(true);
        Runnable pick = () -> view.comparePicker().getItems().stream()
                .filter(c -> c.file() != null && c.file().getFileName().toString().equals(bundled + ".zip"))
                .findFirst().ifPresent(c -> {
                    if (view.comparePicker().getValue() == null) view.comparePicker().setValue(c);
                });
        // later: the picker sets its own value right after refilling its items
        view.comparePicker().getItems().addListener((javafx.collections.ListChangeListener<Object>) c ->
                javafx.application.Platform.runLater(pick));
        pick.run();
        Runnable go = () -> {
            if (context.currentModel() != null && model.compareWithProperty().get() != null && model.result() == null
                    && !model.runningProperty().get()) model.evaluate();
        };
        context.currentModelProperty().addListener((o, was, is) -> go.run());
        model.compareWithProperty().addListener((o, was, is) -> go.run());
        model.comparisonProperty().addListener((o, was, set) -> {
            if (set == null) return;
            int[][] diff = set.comparison().confusionDifference();
            MatrixCell best = null;
            for (int t = 0; t < diff.length; t++) for (int p = 0; p < diff.length; p++) {
                if (t != p && (best == null || Math.abs(diff[t][p]) > Math.abs(diff[best.trueClass()][best.predictedClass()]))) {
                    best = new MatrixCell(t, p);
                }
            }
            if (best != null) view.comparison().matrix().selectedProperty().set(best);
        });
        go.run();
    }

    /** The off-diagonal cell with the most samples, or null when the model made no mistake. */
    static MatrixCell mostFrequentConfusion(EvaluationReport report) {
        int[][] m = report.confusionMatrix();
        MatrixCell best = null;
        int most = 0;
        for (int t = 0; t < m.length; t++) {
            for (int p = 0; p < m.length; p++) {
                if (t != p && m[t][p] > most) {
                    most = m[t][p];
                    best = new MatrixCell(t, p);
                }
            }
        }
        return best;
    }
}
