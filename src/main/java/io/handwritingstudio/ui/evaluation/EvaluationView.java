package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.ui.kit.Rows;
import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.controls.Spacer;

import io.handwritingstudio.ui.kit.ExplainNote;
import io.handwritingstudio.ui.kit.Legend;

import io.handwritingstudio.ui.kit.DatasetPicker;
import io.handwritingstudio.ui.kit.Formats;
import io.handwritingstudio.ui.kit.ModelPicker;
import java.util.Locale;
import atlantafx.base.theme.Styles;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.context.StudioView;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Objects;

/**
 * The Evaluation view: evaluate the current model on a split, then read the result four ways: the confusion
 * matrix with drill-down into any cell, per-class metrics, every error, and a grid of predictions.
 */
public final class EvaluationView implements StudioView {
    static final List<Integer> LIMITS = List.of(1_000, 2_000, 5_000, 10_000, 0);

    private final StudioContext context;
    private final EvaluationViewModel model;
    private final ReportExports exports;
    private final ConfusionMatrixView matrix = new ConfusionMatrixView();
    private final CellSamplesPane cellSamples;
    private final MetricsTable metrics = new MetricsTable();
    private final MisclassifiedExplorer errors;
    private final PredictionGridPane predictions;
    private final TabPane tabs = new TabPane();
    private final Tab errorsTab = new Tab("Misclassified");
    private final ComparisonPane comparison;
    private CheckBox compare;
    private ModelPicker comparePicker;
    private final Tab compareTab = new Tab("A vs B");
    private final Tab deltasTab = new Tab("Per class B − A");
    private final Tab disagreementsTab = new Tab("Disagreements");
    private final Label accuracy = new Label("–");
    private final Label errorCount = new Label("–");
    private final Label errorDetail = new Label("");
    private final Label evaluated = new Label("Nothing evaluated yet");
    private final Label hover = new Label();
    private final StackPane content = new StackPane();
    private final VBox root;

    public EvaluationView(StudioContext context) {
        this.context = context;
        this.model = new EvaluationViewModel(context);
        this.exports = new ReportExports(context, model.resultProperty());
        this.cellSamples = new CellSamplesPane(this::open);
        this.comparison = new ComparisonPane(this::open);
        this.errors = new MisclassifiedExplorer(this::open,
                new ExplainNote("explain-errors", "Misclassified images", Explanations.ERRORS));
        this.predictions = new PredictionGridPane(this::open,
                new ExplainNote("explain-predictions", "Prediction grid", Explanations.PREDICTIONS));
        root = new VBox(10, controls(), summary(), content);
        root.setId("evaluation-view");
        root.getProperties().put(EvaluationView.class, this); // lets tests and tools find the view from its node
        root.getStyleClass().add("evaluation-view");
        root.getStylesheets().add(Objects.requireNonNull(getClass().getResource("/ui/evaluation.css")).toExternalForm());
        VBox.setVgrow(content, Priority.ALWAYS);
        buildTabs();
        model.resultProperty().addListener((o, was, is) -> show(is));
        model.comparisonProperty().addListener((o, was, is) -> showComparison(is));
        matrix.selectedProperty().addListener((o, was, cell) ->
                cellSamples.show(model.result(), cell, matrix.describe(cell)));
        matrix.hoveredProperty().addListener((o, was, cell) -> hover.setText(cell == null ? hint() : matrix.describe(cell)));
        show(null);
    }

    @Override public String id() { return "evaluation"; }
    @Override public String title() { return "Evaluation"; }
    @Override public String subtitle() { return "Accuracy, per-class metrics and the confusion matrix: click a cell to see the images behind it"; }
    @Override public Node root() { return root; }

    public EvaluationViewModel viewModel() { return model; }
    public ConfusionMatrixView matrix() { return matrix; }

    /** Selects a cell of the A-vs-B difference matrix, opening the images behind it. */
    public void selectComparisonCell(MatrixCell cell) { comparison.matrix().selectedProperty().set(cell); }
    CellSamplesPane cellSamples() { return cellSamples; }
    MisclassifiedExplorer errors() { return errors; }
    PredictionGridPane predictions() { return predictions; }
    ReportExports exports() { return exports; }
    ComparisonPane comparison() { return comparison; }
    CheckBox compareOn() { return compare; }
    ModelPicker comparePicker() { return comparePicker; }
    MetricsTable metrics() { return metrics; }
    TabPane tabs() { return tabs; }

    private void open(int index) {
        if (model.result() != null) context.inspect(model.result().sampleRef(index));
    }

    private Node controls() {
        ChoiceBox<Split> split = new ChoiceBox<>();
        split.setId("eval-split");
        split.getItems().setAll(Split.values());
        split.setConverter(new StringConverter<>() {
            @Override public String toString(Split s) { return s == null ? "" : s == Split.TEST ? "Test images" : "Training images"; }
            @Override public Split fromString(String s) { return null; }
        });
        split.valueProperty().bindBidirectional(model.splitProperty());
        ComboBox<Integer> limit = new ComboBox<>();
        limit.setId("eval-limit");
        limit.getItems().setAll(LIMITS);
        limit.setConverter(new StringConverter<>() {
            @Override public String toString(Integer n) { return n == null ? "" : n == 0 ? "All images" : String.format(Locale.ROOT, "First %,d", n); }
            @Override public Integer fromString(String s) { return null; }
        });
        limit.setValue(model.limitProperty().get());
        limit.valueProperty().addListener((o, was, is) -> model.limitProperty().set(is == null ? 0 : is));
        model.limitProperty().addListener((o, was, is) -> limit.setValue(is.intValue()));
        split.disableProperty().bind(model.runningProperty());
        limit.disableProperty().bind(model.runningProperty());

        Button run = new Button("Evaluate");
        run.setId("eval-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.setOnAction(e -> model.evaluate());
        Button cancel = new Button("Cancel");
        cancel.setId("eval-cancel");
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("eval-progress");
        progress.setPrefWidth(180);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label message = new Label();
        message.setId("eval-message");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(Bindings.createStringBinding(() -> {
            if (context.currentModel() == null) return "Load or train a model first: the studio has no model yet.";
            return model.messageProperty().get();
        }, context.currentModelProperty(), model.messageProperty()));
        Label error = new Label();
        error.setId("eval-error");
        error.getStyleClass().add(Styles.DANGER);
        Texts.wrapping(error);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Button fix = new Button();
        fix.setId("eval-fix");
        fix.getStyleClass().add(Styles.SMALL);
        fix.textProperty().bind(model.fixProperty());
        fix.visibleProperty().bind(model.fixProperty().isNotEmpty());
        fix.managedProperty().bind(fix.visibleProperty());
        fix.setOnAction(e -> model.applyFix());
        ModelPicker modelPicker = new ModelPicker(context, "eval-model");
        modelPicker.disableProperty().bind(model.runningProperty());
        DatasetPicker datasetPicker = new DatasetPicker("eval-dataset", context.tasks());
        datasetPicker.offer(context.currentDatasetProperty().get());
        datasetPicker.setValue(context.currentDatasetProperty().get());
        datasetPicker.valueProperty().addListener((o, was, is) -> {
            if (is != null && !is.equals(context.currentDatasetProperty().get())) context.currentDatasetProperty().set(is);
        });
        context.currentDatasetProperty().addListener((o, was, is) -> {
            datasetPicker.offer(is);
            datasetPicker.setValue(is);
        });
        datasetPicker.disableProperty().bind(model.runningProperty());
        compare = new CheckBox("Compare with");
        compare.setId("eval-compare-on");
        compare.setMinWidth(Region.USE_PREF_SIZE);
        comparePicker = ModelPicker.secondary(context, "eval-compare");
        comparePicker.disableProperty().bind(model.runningProperty().or(compare.selectedProperty().not()));
        model.compareWithProperty().bind(Bindings.when(compare.selectedProperty())
                .then(comparePicker.chosenProperty()).otherwise((io.handwritingstudio.ui.context.ModelHandle) null));
        compare.disableProperty().bind(model.runningProperty());
        // a model still loading in either picker is not yet the one an evaluation would read
        run.disableProperty().bind(model.canEvaluateProperty().not().or(modelPicker.loadingProperty())
                .or(compare.selectedProperty().and(comparePicker.loadingProperty())));
        for (Button b : List.of(run, cancel, fix)) b.setMinWidth(Region.USE_PREF_SIZE);
        // wraps instead of cutting controls short on a narrow window
        // each label travels with its controls, so a wrap never leaves "Evaluate on" at the end of a line
        FlowPane bar = new FlowPane(10, 8, Rows.together(label("Model"), modelPicker), Rows.together(compare, comparePicker),
                Rows.together(label("Dataset"), datasetPicker), Rows.together(label("Evaluate on"), split, limit), run, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        Texts.wrapping(message);
        HBox status = new HBox(10, progress, message);
        status.setAlignment(Pos.CENTER_LEFT);
        // no empty line in the card while nothing runs and nothing was said
        status.visibleProperty().bind(model.runningProperty().or(message.textProperty().isNotEmpty()));
        status.managedProperty().bind(status.visibleProperty());
        HBox problem = new HBox(10, error, fix);
        problem.setAlignment(Pos.CENTER_LEFT);
        problem.managedProperty().bind(error.visibleProperty());
        problem.visibleProperty().bind(error.visibleProperty());
        VBox box = new VBox(6, bar, status, problem);
        box.getStyleClass().add("card-pane");
        return box;
    }

    private Node summary() {
        accuracy.setId("accuracy-value");
        accuracy.getStyleClass().add("big-number");
        errorCount.setId("error-count");
        errorCount.getStyleClass().addAll("big-number", "error-number");
        errorDetail.getStyleClass().add(Styles.TEXT_MUTED);
        evaluated.setId("evaluated-what");
        evaluated.getStyleClass().add("evaluated-what");
        Texts.wrapping(evaluated);
        HBox legend = new HBox(12, Legend.entry("-color-success-emphasis", "right answer"),
                Legend.entry("-color-danger-emphasis", "mistake"));
        legend.setAlignment(Pos.CENTER_LEFT);
        VBox what = new VBox(4, evaluated, legend);
        what.setAlignment(Pos.CENTER_LEFT);
        HBox box = new HBox(14, stat("Accuracy", accuracy, null), stat("Errors", errorCount, errorDetail), what);
        box.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(what, Priority.ALWAYS);
        what.getStyleClass().add("stat-card");
        what.setMaxHeight(Double.MAX_VALUE);
        return box;
    }

    private void buildTabs() {
        tabs.setId("evaluation-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        hover.setId("matrix-hover");
        hover.getStyleClass().add(Styles.TEXT_MUTED);
        Button fit = new Button("Fit");
        fit.setId("matrix-fit");
        fit.getStyleClass().add(Styles.SMALL);
        fit.setOnAction(e -> matrix.zoomProperty().set(1));
        Button zoomIn = new Button("+");
        zoomIn.setId("matrix-zoom-in");
        zoomIn.getStyleClass().addAll(Styles.SMALL, "zoom-button");
        zoomIn.setOnAction(e -> matrix.zoomProperty().set(Math.min(3, matrix.zoomProperty().get() * 1.25)));
        Button zoomOut = new Button("−");
        zoomOut.setId("matrix-zoom-out");
        zoomOut.getStyleClass().addAll(Styles.SMALL, "zoom-button");
        zoomOut.setOnAction(e -> matrix.zoomProperty().set(Math.max(0.5, matrix.zoomProperty().get() / 1.25)));
        HBox matrixHeader = new HBox(8, Texts.title("Confusion matrix"), grow(), zoomOut, fit, zoomIn,
                new ExplainNote("explain-matrix", "Reading the confusion matrix", Explanations.MATRIX),
                exports.menu("export-matrix", "Matrix", () -> matrix.picture(pictureTitle()), true));
        matrixHeader.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(matrix.root(), Priority.ALWAYS);
        VBox matrixBox = new VBox(6, matrixHeader, matrix.root(), hover);
        matrixBox.setMinWidth(320);
        SplitPane split = new SplitPane(matrixBox, cellSamples.root());
        split.setDividerPositions(0.56);
        split.getStyleClass().add("evaluation-split");

        HBox metricsHeader = new HBox(8, Texts.title("Per-class metrics"), grow(),
                new ExplainNote("explain-metrics", "Precision, recall and F1", Explanations.METRICS),
                exports.menu("export-metrics", "Per-class table", metrics::view, false));
        metricsHeader.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(metrics.view(), Priority.ALWAYS);
        VBox metricsBox = new VBox(6, metricsHeader, metrics.view());

        tabs.getTabs().setAll(tab("tab-matrix", "Confusion matrix", split), tab("tab-metrics", "Per-class metrics", metricsBox),
                errorsTab, tab("tab-predictions", "Prediction grid", predictions.root()));
        errorsTab.setId("tab-errors");
        errorsTab.setContent(padded(errors.root()));
        compareTab.setId("tab-compare");
        compareTab.setContent(padded(comparison.overview()));
        deltasTab.setId("tab-compare-deltas");
        deltasTab.setContent(padded(comparison.deltas()));
        disagreementsTab.setId("tab-disagreements");
        disagreementsTab.setContent(padded(comparison.disagreements()));
    }

    /** The comparison's tabs come after the single-model ones, and only while there is a comparison. */
    private void showComparison(ComparedSet set) {
        comparison.show(set);
        List<Tab> extra = List.of(compareTab, deltasTab, disagreementsTab);
        if (set == null) {
            tabs.getTabs().removeAll(extra);
            return;
        }
        disagreementsTab.setText(String.format(Locale.ROOT, "Disagreements (%,d)", set.comparison().disagreements().size()));
        if (!tabs.getTabs().contains(compareTab)) tabs.getTabs().addAll(extra);
        tabs.getSelectionModel().select(compareTab);
    }

    private void show(EvaluatedSet set) {
        matrix.reportProperty().set(set == null ? null : set.report());
        cellSamples.show(set, null, "");
        metrics.show(set);
        errors.show(set);
        predictions.show(set);
        hover.setText(hint());
        if (set == null) {
            accuracy.setText("–");
            errorCount.setText("–");
            errorDetail.setText("");
            evaluated.setText("Nothing evaluated yet. Pick a split and press Evaluate: the model reads every image "
                    + "and the results appear below.");
            errorsTab.setText("Misclassified");
            content.getChildren().setAll(placeholder());
            return;
        }
        accuracy.setText(Formats.precisePercent(set.report().accuracy()));
        errorCount.setText(String.format(Locale.ROOT, "%,d", set.errorCount()));
        errorDetail.setText("of " + Formats.count(set.size(), "image", "images"));
        evaluated.setText("Model “" + set.modelName() + "” on " + set.describe());
        errorsTab.setText(String.format(Locale.ROOT, "Misclassified (%,d)", set.errorCount()));
        content.getChildren().setAll(tabs);
    }

    /** What an exported matrix shows: "Confusion matrix · model “mnist” on mnist test, all 10,000 images · 99.1%". */
    String pictureTitle() {
        EvaluatedSet set = model.result();
        if (set == null) return "Confusion matrix";
        return "Confusion matrix · model “" + set.modelName() + "” on " + set.describe() + " · accuracy " + Formats.precisePercent(set.report().accuracy());
    }

    private String hint() {
        return model.result() == null ? "" : "Hover a cell for its numbers; click it to see its images.";
    }

    private Node placeholder() {
        Label big = new Label("How good is the model, and where does it go wrong?");
        big.getStyleClass().add("placeholder-title");
        Label small = new Label("Evaluate it on the test images: you get its accuracy, a confusion matrix you can "
                + "click into, per-class precision and recall, and every mistake it made.");
        small.getStyleClass().add(Styles.TEXT_MUTED);
        Texts.wrapping(small);
        small.setMaxWidth(520);
        VBox box = new VBox(8, big, small);
        box.setAlignment(Pos.CENTER);
        box.setId("evaluation-placeholder");
        return box;
    }

    private static Tab tab(String id, String text, Node node) {
        Tab tab = new Tab(text, padded(node));
        tab.setId(id);
        return tab;
    }

    private static Node padded(Node node) {
        StackPane pane = new StackPane(node);
        pane.getStyleClass().add("tab-body");
        return pane;
    }

    private static VBox stat(String caption, Label value, Label detail) {
        Label c = Texts.caption(caption);
        VBox box = detail == null ? new VBox(0, c, value) : new VBox(0, c, value, detail);
        box.getStyleClass().add("stat-card");
        box.setMinWidth(150);
        return box;
    }

    private static Label label(String text) {
        return new Label(text);
    }

    private static Region grow() {
        Spacer r = new Spacer();
        return r;
    }
}
