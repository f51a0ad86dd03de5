package io.handwritingstudio.ui.datasets;

import io.handwritingstudio.ui.kit.Texts;
import atlantafx.base.controls.Spacer;

import atlantafx.base.theme.Tweaks;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.data.MnistFormat;

import io.handwritingstudio.ui.kit.DatasetPicker;
import io.handwritingstudio.ui.kit.Formats;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.ui.context.SampleRef;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.context.StudioView;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.controlsfx.control.GridView;

import java.io.File;
import java.util.Collections;
import java.util.Set;

/**
 * The dataset browser: every sample of a split in a virtualised grid (only visible cells exist), a class filter,
 * jump-to-index, the selected sample enlarged, and per-class statistics.
 */
public final class DatasetsView implements StudioView {
    private static final String SPLIT_TRAIN = "Training set";
    private static final String SPLIT_TEST = "Test set";

    private final StudioContext context;
    private final DatasetsViewModel model;
    private final VBox root = new VBox(10);
    private final DatasetPicker datasetChoice;
    private boolean revertingChoice;
    private final ComboBox<String> splitChoice = new ComboBox<>(FXCollections.observableArrayList(SPLIT_TRAIN, SPLIT_TEST));
    private final TextField jumpField = new TextField();
    private final Label jumpError = new Label();
    private final GridView<Integer> grid = new GridView<>();
    private final ClassFilterBar filterBar;
    private final SampleDetailPane detail;
    private final DatasetStatsPane stats = new DatasetStatsPane();
    private final TabPane tabs = new TabPane();
    private boolean opened;

    public DatasetsView(StudioContext context) {
        this(context, DatasetRepository.createDefault());
    }

    public DatasetsView(StudioContext context, DatasetRepository repository) {
        this.context = context;
        this.model = new DatasetsViewModel(context, repository);
        this.datasetChoice = new DatasetPicker("dataset-choice", context.tasks());
        this.filterBar = new ClassFilterBar(model::setClassFilter);
        model.classFilterProperty().addListener((o, was, is) -> filterBar.setSelected(is)); // the chips follow the model
        this.detail = new SampleDetailPane(model, this::inspectSelected);
        root.getStyleClass().add("datasets-view");
        root.getChildren().addAll(toolbar(), downloadBanner(), errorBanner(), tabs());
        VBox.setVgrow(tabs, Priority.ALWAYS);
        model.datasetProperty().addListener((o, was, d) -> {
            filterBar.setClasses(d == null ? java.util.List.of() : d.images().classes().names());
            if (tabs.getSelectionModel().getSelectedIndex() == 1) stats.show(d);
        });
        model.selectedIndexProperty().addListener((o, was, is) -> {
            if (is.intValue() >= 0) scrollToSample(is.intValue());
        });
        context.currentDatasetProperty().addListener((o, was, is) -> {
            if (opened && is != null && !is.equals(model.wantedName())) openSelected(is);
        });
    }

    private Node toolbar() {
        datasetChoice.setOnAction(e -> {
            String v = datasetChoice.getValue();
            if (v != null && opened && !revertingChoice) openSelected(v);
        });
        // a dataset that failed to open is not what the browser shows: the picker goes back to the shown one
        model.errorProperty().addListener((o, was, is) -> {
            if (is.isEmpty() || model.datasetProperty().get() == null) return;
            revertingChoice = true;
            datasetChoice.setValue(model.datasetProperty().get().name());
            revertingChoice = false;
        });
        splitChoice.setId("split-choice");
        splitChoice.setValue(SPLIT_TRAIN);
        splitChoice.setOnAction(e -> {
            if (opened && datasetChoice.getValue() != null) openSelected(datasetChoice.getValue());
        });
        Button folder = new Button("Open folder...");
        folder.setId("open-folder");
        folder.setOnAction(e -> chooseFolder());
        jumpField.setId("jump-field");
        jumpField.setPromptText("Go to sample #");
        jumpField.setPrefWidth(140);
        jumpField.setOnAction(e -> jump());
        jumpError.setId("jump-error");
        jumpError.getStyleClass().add("error-text");
        // on its own line under the bar, only while there is something to say: in the bar it squeezed every label
        // to "..." (seen at 1280x800); it goes as soon as the number is edited
        jumpError.visibleProperty().bind(jumpError.textProperty().isNotEmpty());
        jumpError.managedProperty().bind(jumpError.visibleProperty());
        jumpField.textProperty().addListener((o, was, is) -> jumpError.setText(""));
        Label count = new Label();
        count.setId("visible-count");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        model.visibleIndicesProperty().addListener((o, was, is) -> updateCount(count));
        model.datasetProperty().addListener((o, was, is) -> updateCount(count));
        Spacer grow = new Spacer();
        Label datasetLabel = label("Dataset");
        Label splitLabel = label("Split");
        HBox bar = new HBox(8, datasetLabel, datasetChoice, splitLabel, splitChoice, folder, grow, count, jumpField);
        bar.setAlignment(Pos.CENTER_LEFT);
        // words never shorten to "..."; in a narrow window the pickers give way
        for (Region r : new Region[]{datasetLabel, splitLabel, folder, count}) r.setMinWidth(Region.USE_PREF_SIZE);
        bar.getStyleClass().add("view-toolbar");
        HBox errorRow = new HBox(jumpError);
        errorRow.setAlignment(Pos.CENTER_RIGHT);
        errorRow.managedProperty().bind(jumpError.visibleProperty());
        return new VBox(4, bar, errorRow);
    }

    private Node downloadBanner() {
        Label text = new Label();
        text.setId("dataset-message");
        text.textProperty().bind(model.messageProperty());
        Texts.wrapping(text);
        Button download = new Button("Download");
        download.setId("download-button");
        download.getStyleClass().add("accent");
        download.visibleProperty().bind(model.needsDownloadProperty());
        download.managedProperty().bind(download.visibleProperty());
        download.setOnAction(e -> model.download());
        ProgressBar bar = new ProgressBar();
        bar.setId("dataset-progress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.loadingProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Button stop = new Button("Cancel");
        stop.setId("dataset-cancel");
        stop.visibleProperty().bind(model.loadingProperty());
        stop.managedProperty().bind(stop.visibleProperty());
        stop.setOnAction(e -> model.cancel());
        Spacer grow = new Spacer();
        HBox banner = new HBox(12, text, grow, bar, stop, download);
        banner.setId("dataset-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("info-banner");
        banner.visibleProperty().bind(model.needsDownloadProperty().or(model.loadingProperty()));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Node errorBanner() {
        Label error = new Label();
        error.setId("dataset-error");
        Texts.wrapping(error);
        error.textProperty().bind(model.errorProperty());
        error.getStyleClass().add("error-banner");
        error.setMaxWidth(Double.MAX_VALUE);
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        return error;
    }

    private Node tabs() {
        grid.setId("sample-grid");
        grid.itemsProperty().bind(model.visibleIndicesProperty());
        grid.setCellWidth(68);
        grid.setCellHeight(80);
        grid.setHorizontalCellSpacing(4);
        grid.setVerticalCellSpacing(4);
        grid.setCellFactory(g -> new ThumbnailCell(model::shownDataset, model.selectedIndexProperty(), model::select));
        // the grid takes the keyboard when a tile is clicked: arrows move the selection, not the tabs
        grid.setFocusTraversable(true);
        // the grid is one Tab stop: its skin's scrolling container must not be a second, invisible one
        grid.skinProperty().addListener((o, was, is) -> grid.lookupAll(".virtual-flow").forEach(f -> f.setFocusTraversable(false)));
        grid.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> grid.requestFocus());
        grid.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            int step = switch (e.getCode()) {
                case LEFT -> -1;
                case RIGHT -> 1;
                case UP -> -cellsPerRow();
                case DOWN -> cellsPerRow();
                default -> 0;
            };
            if (step != 0) {
                moveSelection(step);
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.ENTER && model.selectedIndexProperty().get() >= 0) {
                inspectSelected();
                e.consume();
            }
        });
        VBox.setVgrow(grid, Priority.ALWAYS);
        VBox gridCard = new VBox(8, filterBar, grid);
        gridCard.getStyleClass().add("card-pane");
        HBox.setHgrow(gridCard, Priority.ALWAYS);
        javafx.scene.control.ScrollPane detailScroll = new javafx.scene.control.ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        detailScroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        // as wide as the detail card (+ its scroll bar): a wrapping label's full-length preferred width made this pane
        // claim the room the grid should have had (two tile columns at 1024x700)
        detailScroll.setMinWidth(326);
        detailScroll.setMaxWidth(326);
        HBox browse = new HBox(12, gridCard, detailScroll);
        browse.setPadding(new Insets(10, 0, 0, 0));
        Tab samples = new Tab("Samples", browse);
        samples.setId("tab-samples");
        VBox statsBox = new VBox(stats);
        statsBox.setPadding(new Insets(10, 0, 0, 0));
        VBox.setVgrow(stats, Priority.ALWAYS);
        Tab statistics = new Tab("Statistics", statsBox);
        statistics.setId("tab-statistics");
        tabs.getTabs().addAll(samples, statistics);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("dataset-tabs");
        // statistics are built when first looked at, not on every load
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, was, is) -> {
            if (is.intValue() == 1 && !stats.isShowing(model.dataset())) stats.show(model.dataset());
        });
        return tabs;
    }

    @Override public String id() { return "datasets"; }
    @Override public String title() { return "Datasets"; }
    @Override public String subtitle() { return "Browse every sample, filter by class, see statistics"; }
    @Override public Node root() { return root; }

    @Override
    public void onShow() {
        if (!opened) {
            opened = true;
            openSelected(context.currentDatasetProperty().get());
        }
    }

    private void openSelected(String nameOrDir) {
        datasetChoice.offer(nameOrDir);
        datasetChoice.setValue(nameOrDir);
        model.open(nameOrDir, SPLIT_TEST.equals(splitChoice.getValue()) ? Split.TEST : Split.TRAIN);
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder: IDX files (train/test images and labels) or one subfolder of images per class");
        File dir = chooser.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (dir != null) openSelected(dir.getAbsolutePath());
    }

    private void jump() {
        String problem = model.jumpTo(jumpField.getText());
        jumpError.setText(problem == null ? "" : problem);
    }

    private void inspectSelected() {
        SampleRef sample = model.selectedSample();
        if (sample != null) context.inspect(sample);
    }

    private void updateCount(Label count) {
        LoadedDataset d = model.dataset();
        count.setText(d == null ? "" : model.visibleIndices().size() == d.size()
                ? Formats.count(d.size(), "sample", "samples")
                : Formats.count(model.visibleIndices().size()) + " of " + Formats.count(d.size(), "sample", "samples"));
    }

    /** Selects the sample {@code step} places after the selected one among those shown (clamped to the ends). */
    private void moveSelection(int step) {
        var shown = model.visibleIndices();
        if (shown.isEmpty()) return;
        int position = Collections.binarySearch(shown, model.selectedIndexProperty().get());
        int next = position < 0 ? 0 : Math.max(0, Math.min(shown.size() - 1, position + step));
        model.select(shown.get(next));
    }

    /** Counted from the rows on screen (public CSS structure, not ControlsFX's internal skin API). */
    private int cellsPerRow() {
        int most = 1;
        for (javafx.scene.Node row : grid.lookupAll(".grid-row")) {
            if (row instanceof javafx.scene.Parent p) most = Math.max(most, (int) p.getChildrenUnmodifiable().stream()
                    .filter(c -> c.isVisible() && c.getStyleClass().contains("grid-cell")).count());
        }
        return most;
    }

    /** Scrolls the grid so that a sample's cell is visible (only cells on screen are ever built). */
    public void scrollToSample(int sampleIndex) {
        int position = Collections.binarySearch(model.visibleIndices(), sampleIndex);
        VirtualFlow<?> flow = (VirtualFlow<?>) grid.lookup(".virtual-flow");
        if (position < 0 || flow == null) return;
        flow.scrollTo(position / cellsPerRow());
    }

    // for tests
    public DatasetsViewModel viewModel() { return model; }
    GridView<Integer> grid() { return grid; }
    SampleDetailPane detail() { return detail; }
    DatasetStatsPane stats() { return stats; }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }
}
