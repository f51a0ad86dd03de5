package io.handwritingstudio.ui.training;

import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.theme.Tweaks;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.ui.kit.ExplainNote;
import io.handwritingstudio.ui.kit.Formats;

import io.handwritingstudio.ui.kit.Palette;

import java.util.List;
import java.util.Locale;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.context.StudioView;
import io.handwritingstudio.ui.kit.Theme;
import io.handwritingstudio.ui.training.design.DesignerPane;
import io.handwritingstudio.ui.training.design.DesignerViewModel;
import io.handwritingstudio.ui.training.design.RunRecord;
import io.handwritingstudio.ui.training.timeline.TimelinePane;
import io.handwritingstudio.ui.training.timeline.TimelineViewModel;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;

/**
 * Train a network and watch it learn: hyperparameters on the left, live loss, accuracy per epoch, progress and log
 * on the right. All numbers come from the {@link TrainingController}; this class only lays them out.
 */
public final class TrainingView implements StudioView {
    private final StudioContext context;
    private final TrainingController controller;
    private final TrainingForm form = new TrainingForm();
    private final HBox root = new HBox(14);
    private final Label formError = new Label();
    /** Whether formError shows the form's own mistake (not a design or save problem), to recheck on edits. */
    private boolean formProblemShown;
    private final LossChart lossChart;
    private final NumberAxis epochAxis = new NumberAxis(1, 2, 1);
    private final LineChart<Number, Number> accuracyChart = new LineChart<>(epochAxis, new NumberAxis(0, 100, 10));
    private final FineTunePanel fineTune;
    private final DesignerViewModel designer = new DesignerViewModel();
    private final TimelineViewModel timeline;
    /** Training images per epoch as the form says (0 = the dataset's 60,000), for the designer's time estimate. */
    private final IntegerProperty epochImages = new SimpleIntegerProperty(6000);
    private final TabPane tabs = new TabPane();

    public TrainingView(StudioContext context) {
        this(context, new TrainingController(context, DatasetRepository.createDefault()));
    }

    public TrainingView(StudioContext context, TrainingController controller) {
        this.context = context;
        this.controller = controller;
        this.lossChart = new LossChart(controller.lossSeries());
        this.fineTune = new FineTunePanel(context, controller);
        root.getStyleClass().add("training-view");
        root.getProperties().put(TrainingView.class, this); // lets tests and tools find the view from its node
        this.timeline = new TimelineViewModel(context.tasks());
        root.getChildren().addAll(leftColumn(), tabs());
        wireDesigner();
        wireTimeline();
        controller.lossVersionProperty().addListener((o, was, is) -> lossChart.redraw());
        controller.epochs().addListener((ListChangeListener<EpochPoint>) c -> updateAccuracy());
        controller.totalEpochsProperty().addListener((o, was, is) -> epochAxis.setUpperBound(Math.max(2, is.intValue())));
        // one tick an epoch until the labels would touch (15 epochs on a laptop's half-width chart read "9101112")
        epochAxis.widthProperty().addListener((o, was, is) -> fitEpochTicks());
        epochAxis.upperBoundProperty().addListener((o, was, is) -> fitEpochTicks());
        Theme.darkProperty().addListener((o, was, is) -> applyChartColors(is));
        applyChartColors(Theme.isDark());
    }

    private Node leftColumn() {
        Label title = Texts.title("Hyperparameters");
        Label dataset = new Label();
        dataset.setId("training-dataset");
        dataset.getStyleClass().add(Styles.TEXT_MUTED);
        dataset.textProperty().bind(Bindings.concat("Dataset: ", context.currentDatasetProperty(),
                " (choose it in Datasets)"));
        Button start = button("Start", "start-button", "accent");
        Button pause = button("Pause", "pause-button", null);
        Button resume = button("Resume", "resume-button", null);
        Button stop = button("Stop", "stop-button", "danger");
        var status = controller.statusProperty();
        start.disableProperty().bind(Bindings.createBooleanBinding(() -> status.get().isActive(), status)
                .or(fineTune.blocksStart()));
        pause.disableProperty().bind(status.isNotEqualTo(TrainingStatus.RUNNING));
        resume.disableProperty().bind(status.isNotEqualTo(TrainingStatus.PAUSED));
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> !status.get().isActive(), status));
        form.disableProperty().bind(start.disableProperty());
        start.setOnAction(e -> {
            if (fineTune.isActive()) fineTune.start();
            else startTraining();
        });
        pause.setOnAction(e -> controller.pause());
        resume.setOnAction(e -> controller.resume());
        stop.setOnAction(e -> controller.stop());
        HBox runButtons = new HBox(6, start, pause, resume, stop);
        for (Node b : runButtons.getChildren()) HBox.setHgrow(b, Priority.ALWAYS);

        Button save = button("Save model...", "save-button", null);
        Button use = button("Use this model", "use-button", "success");
        var noModel = controller.hasModelProperty().not().or(Bindings.createBooleanBinding(
                () -> status.get().isActive(), status));
        save.disableProperty().bind(noModel);
        use.disableProperty().bind(noModel);
        save.setOnAction(e -> chooseAndSave());
        use.setOnAction(e -> controller.useModel());
        HBox resultButtons = new HBox(6, save, use);
        for (Node b : resultButtons.getChildren()) HBox.setHgrow(b, Priority.ALWAYS);

        formError.setId("form-error");
        formError.getStyleClass().add("error-text");
        Texts.wrapping(formError);
        formError.managedProperty().bind(formError.textProperty().isNotEmpty());
        form.onEdited(this::recheckForm);
        Label explain = ExplainNote.inline("Each iteration shows the network one batch of images and nudges its weights "
                + "to lower the loss. An epoch is one pass over the training images.");
        for (Node scratchOnly : List.of(title, dataset, form, resultButtons, explain)) { // fine-tuning has its own
            scratchOnly.visibleProperty().bind(fineTune.activeProperty().not());
            scratchOnly.managedProperty().bind(scratchOnly.visibleProperty());
        }
        VBox box = new VBox(10, fineTune.modeSwitch(), title, dataset, form, fineTune.settings(), formError, runButtons,
                resultButtons, fineTune.results(), explain);
        box.getStyleClass().add("card-pane");
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        scroll.setMinWidth(330);
        scroll.setPrefWidth(330);
        scroll.setMaxWidth(330);
        return scroll;
    }

    /** Progress (live charts), Design (the network designer) and Timeline (scrub the run's snapshots). */
    private Node tabs() {
        Tab progressTab = new Tab("Progress", rightColumn());
        Tab designTab = new Tab("Design", designColumn());
        Tab timelineTab = new Tab("Timeline", new TimelinePane(timeline));
        progressTab.setId("tab-progress");
        designTab.setId("tab-design");
        timelineTab.setId("tab-timeline");
        tabs.getTabs().addAll(progressTab, designTab, timelineTab);
        tabs.getTabs().forEach(t -> t.setClosable(false));
        tabs.setId("training-tabs");
        HBox.setHgrow(tabs, Priority.ALWAYS);
        return tabs;
    }

    /**
     * The designer, read-only in fine-tune mode under a note: a fine-tune keeps the network of the model it starts
     * from, and edits here that changed nothing while the Design tab looked as editable as ever confused.
     */
    private Node designColumn() {
        DesignerPane pane = new DesignerPane(designer, epochImages, controller.runs());
        pane.readOnlyProperty().bind(fineTune.activeProperty());
        Label note = ExplainNote.inline("Fine-tuning keeps the network of the model it starts from: this design is for "
                + "training from scratch.");
        note.setId("design-finetune-note");
        note.visibleProperty().bind(fineTune.activeProperty());
        note.managedProperty().bind(note.visibleProperty());
        VBox.setVgrow(pane, Priority.ALWAYS);
        return new VBox(10, note, pane);
    }

    /** The form's network choice is the designer's preset; the dataset sets the output layer; runs give the speed. */
    private void wireDesigner() {
        form.architecture.valueProperty().bindBidirectional(designer.presetProperty());
        form.designEdited.visibleProperty().bind(designer.editedProperty());
        Runnable classes = () -> designer.classesProperty().set(classCount(context.currentDatasetProperty().get()));
        context.currentDatasetProperty().addListener((o, was, is) -> classes.run());
        classes.run();
        form.trainLimit.textProperty().addListener((o, was, is) -> epochImages.set(imagesPerEpoch(is)));
        epochImages.set(imagesPerEpoch(form.trainLimit.getText()));
        controller.runs().addListener((ListChangeListener<RunRecord>) c -> {
            if (!controller.runs().isEmpty()) designer.measuredRunProperty().set(controller.runs().get(controller.runs().size() - 1));
        });
    }

    /** The timeline follows the runs here; before the first, it shows the one saved in the model in use. */
    private void wireTimeline() {
        controller.timelineProperty().addListener((o, was, is) -> {
            if (is != null) timeline.showRun(is);
            else timeline.clear(); // a new run: the last one's snapshots go
        });
        controller.statusProperty().addListener((o, was, is) -> {
            if (was.isActive() && !is.isActive() && controller.timelineProperty().get() == null) timeline.runEndedEmpty();
        });
        context.currentModelProperty().addListener((o, was, is) -> timeline.showModelInUse(is == null ? null : is.source()));
        if (context.currentModel() != null) timeline.showModelInUse(context.currentModel().source());
    }

    private static int classCount(String dataset) {
        if (io.handwritingstudio.data.CharactersDataset.NAME.equals(dataset)) return io.handwritingstudio.data.CharactersDataset.classes().size();
        return io.handwritingstudio.data.DatasetCatalog.find(dataset).map(s -> s.classes().size()).orElse(10);
    }

    private static int imagesPerEpoch(String limit) {
        Double n = Formats.parseWhole(limit); // as the form reads it ("6_000" was 60,000 here)
        return n != null && n >= 1 ? (int) Math.min(n, Integer.MAX_VALUE) : 60_000;
    }

    private Node rightColumn() {
        Label status = new Label();
        status.setId("training-status");
        status.getStyleClass().add("status-badge");
        status.textProperty().bind(Bindings.createStringBinding(() -> learnedNothing() ? "Learned nothing"
                : controller.status().label(), controller.statusProperty(), controller.warningProperty()));
        Runnable restyle = () -> {
            status.getStyleClass().removeIf(s -> s.startsWith("status-"));
            status.getStyleClass().addAll("status-badge", learnedNothing() ? "status-failed"
                    : "status-" + controller.status().name().toLowerCase(Locale.ROOT));
        };
        controller.statusProperty().addListener((o, was, is) -> restyle.run());
        controller.warningProperty().addListener((o, was, is) -> restyle.run());
        Label message = new Label();
        message.setId("training-message");
        message.textProperty().bind(controller.messageProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("training-progress");
        progress.progressProperty().bind(controller.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        Label numbers = new Label();
        numbers.setId("training-numbers");
        numbers.getStyleClass().add("mono");
        numbers.textProperty().bind(Bindings.createStringBinding(this::numbersText, controller.iterationProperty(),
                controller.lossProperty(), controller.imagesPerSecondProperty(), controller.etaSecondsProperty(),
                controller.statusProperty()));
        // the badge keeps its width; message and numbers wrap under each other rather than being cut short
        status.setMinWidth(Region.USE_PREF_SIZE);
        Texts.wrapping(message);
        Texts.wrapping(numbers);
        FlowPane text = new FlowPane(14, 2, message, numbers);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox statusRow = new HBox(10, status, text);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        statusRow.getStyleClass().add("training-status-row");
        Label error = new Label();
        error.setId("training-error");
        error.getStyleClass().add("error-banner");
        Texts.wrapping(error);
        error.setMaxWidth(Double.MAX_VALUE);
        error.textProperty().bind(Bindings.concat("Training stopped with an error: ", controller.errorProperty()));
        error.visibleProperty().bind(controller.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label warning = new Label();
        warning.setId("training-warning");
        warning.getStyleClass().add("error-banner");
        Texts.wrapping(warning);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.textProperty().bind(controller.warningProperty());
        warning.visibleProperty().bind(controller.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        VBox top = new VBox(8, statusRow, progress, error, warning);
        top.getStyleClass().add("card-pane");

        lossChart.setId("loss-chart");
        VBox.setVgrow(lossChart, Priority.ALWAYS);
        VBox lossCard = card("Loss per iteration", "faint: each batch · bold: moving average", lossChart);
        VBox.setVgrow(lossCard, Priority.ALWAYS);

        accuracyChart.setId("accuracy-chart");
        accuracyChart.setAnimated(false);
        accuracyChart.setCreateSymbols(true);
        accuracyChart.getXAxis().setLabel("epoch");
        accuracyChart.getYAxis().setLabel("accuracy %");
        updateAccuracy();
        accuracyChart.setMinHeight(200);
        accuracyChart.setPrefHeight(230);
        VBox accuracyCard = card("Accuracy per epoch", null, accuracyChart);
        HBox.setHgrow(accuracyCard, Priority.ALWAYS);
        accuracyCard.setPrefWidth(420);

        TextArea log = new TextArea();
        log.setId("training-log");
        log.getStyleClass().add("log-area");
        log.setEditable(false);
        log.setWrapText(true);
        log.setPrefHeight(230);
        controller.log().addListener((ListChangeListener<String>) c -> {
            log.setText(String.join("\n", controller.log()));
            log.positionCaret(log.getLength());
        });
        VBox logCard = card("Log", null, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        HBox.setHgrow(logCard, Priority.ALWAYS);
        logCard.setPrefWidth(420);
        HBox bottom = new HBox(12, accuracyCard, logCard);

        VBox right = new VBox(12, top, lossCard, bottom);
        HBox.setHgrow(right, Priority.ALWAYS);
        return right;
    }

    private boolean learnedNothing() {
        return controller.status() == TrainingStatus.FINISHED && !controller.warningProperty().get().isEmpty();
    }

    private String numbersText() {
        if (controller.iterationProperty().get() == 0) return "";
        double eta = controller.etaSecondsProperty().get();
        String etaText = eta < 0 ? "" : String.format(Locale.ROOT, " · %d:%02d left", (long) eta / 60, (long) eta % 60);
        return String.format(Locale.ROOT, "iteration %,d · loss %.4f · %,.0f img/s%s", controller.iterationProperty().get(),
                controller.lossProperty().get(), controller.imagesPerSecondProperty().get(),
                controller.status() == TrainingStatus.RUNNING ? etaText : "");
    }

    /** A mistake the form showed goes (or changes) as the user mends it, not only at the next Start. */
    private void recheckForm() {
        if (!formProblemShown) return;
        String problem = form.read(context.currentDatasetProperty().get()).problem();
        showProblem(problem, true);
    }

    /** The line above the buttons; {@code fromForm}: it is the form's own mistake, rechecked as the user edits. */
    private void showProblem(String text, boolean fromForm) {
        formError.setText(text == null ? "" : text);
        formProblemShown = fromForm && text != null;
    }

    private void startTraining() {
        TrainingForm.Result r = form.read(context.currentDatasetProperty().get());
        showProblem(r.problem(), true);
        if (r.settings() == null) return;
        if (!designer.analysis().valid()) {
            showProblem("The network design cannot be built: " + designer.analysis().error() + ".", false);
            tabs.getSelectionModel().select(1);
            return;
        }
        if (tabs.getSelectionModel().getSelectedIndex() == 1) tabs.getSelectionModel().select(0);
        controller.start(r.settings().withDesign(designer.design()));
    }

    private void chooseAndSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the trained model");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Handwriting Studio model (*.zip)", "*.zip"));
        chooser.setInitialFileName(context.currentDatasetProperty().get() + "-" + form.architecture.getValue() + ".zip");
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file == null) return;
        var task = controller.saveModel(file.toPath());
        task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_FAILED, e -> showProblem("Could not save the model to " + file + ": "
                + TrainingController.explain(task.getException()), false));
        task.setOnSucceeded(e -> {
            showProblem(null, false);
            context.status().news("Saved model and its card to " + file);
        });
    }

    /**
     * Rebuilds both series from the controller's epochs. Fresh series, not cleared ones: a LineChart that is not
     * animated keeps the path of cleared data on screen (lines of an earlier run, without markers, after a restart).
     */
    private void updateAccuracy() {
        XYChart.Series<Number, Number> train = new XYChart.Series<>();
        XYChart.Series<Number, Number> test = new XYChart.Series<>();
        train.setName("train");
        test.setName("test");
        for (EpochPoint p : controller.epochs()) {
            train.getData().add(new XYChart.Data<>(p.epoch(), 100 * p.trainAccuracy()));
            if (!Double.isNaN(p.testAccuracy())) test.getData().add(new XYChart.Data<>(p.epoch(), 100 * p.testAccuracy()));
        }
        accuracyChart.getData().setAll(List.of(train, test));
        NumberAxis y = (NumberAxis) accuracyChart.getYAxis();
        double min = controller.epochs().stream().mapToDouble(p -> Math.min(p.trainAccuracy(),
                Double.isNaN(p.testAccuracy()) ? 1 : p.testAccuracy())).min().orElse(0);
        y.setLowerBound(Math.max(0, Math.floor(min * 10) * 10 - 10));
    }

    private void applyChartColors(boolean dark) {
        Palette palette = Palette.current();
        lossChart.setColors(palette.muted(), palette.accent());
    }

    private static Button button(String text, String id, String styleClass) {
        Button b = new Button(text);
        b.setId(id);
        b.setMaxWidth(Double.MAX_VALUE);
        if (styleClass != null) b.getStyleClass().add(styleClass);
        return b;
    }

    private static VBox card(String title, String subtitle, Node content) {
        Label t = Texts.title(title);
        HBox head = new HBox(8, t);
        head.setAlignment(Pos.BASELINE_LEFT);
        if (subtitle != null) {
            Label s = new Label(subtitle);
            s.getStyleClass().add(Styles.TEXT_MUTED);
            head.getChildren().add(s);
        }
        VBox box = new VBox(6, head, content);
        box.getStyleClass().add("card-pane");
        return box;
    }

    @Override public String id() { return "training"; }
    @Override public String title() { return "Training"; }
    @Override public String subtitle() { return "Train a network and watch it learn"; }
    @Override public Node root() { return root; }

    // for tests
    public TrainingController controller() { return controller; }
    TrainingForm form() { return form; }
    FineTunePanel fineTune() { return fineTune; }

    private void fitEpochTicks() {
        epochAxis.setTickUnit(epochTickUnit(epochAxis.getWidth(), epochAxis.getUpperBound() - epochAxis.getLowerBound()));
    }

    /** Epochs between ticks: 1, 2, 5, 10, 20, 50... whichever first leaves a label ~28 px of room. */
    static double epochTickUnit(double axisWidth, double epochs) {
        if (axisWidth <= 0) return 1; // not laid out yet
        double wanted = epochs / Math.max(1, axisWidth / 28);
        for (double step = 1; ; step *= 10) {
            for (double m : new double[]{1, 2, 5}) if (step * m >= wanted) return step * m;
        }
    }
    public FineTuneViewModel fineTuneViewModel() { return fineTune.viewModel(); }
    public DesignerViewModel designer() { return designer; }
    public TimelineViewModel timeline() { return timeline; }
    TabPane tabPane() { return tabs; }
    LossChart lossChart() { return lossChart; }
}
