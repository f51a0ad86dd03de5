package io.handwritingstudio.ui.network;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.data.MnistFormat;

import io.handwritingstudio.ui.kit.ExplainNote;
import io.handwritingstudio.ui.kit.GrayImages;
import io.handwritingstudio.ui.kit.Palette;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The 2-D projection of a hidden layer: run/cancel controls, progress, the scatter and its note. */
final class ProjectionPanel extends VBox {
    private final ProjectionScatter scatter = new ProjectionScatter();
    private final Button run = new Button("Compute projection");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label();
    private boolean started;
    private boolean mirroring;

    ProjectionPanel(NetworkViewModel vm) {
        super(8);
        setPadding(new Insets(12, 0, 0, 0));
        run.setId("projection-run");
        cancel.setId("projection-cancel");
        progress.setId("projection-progress");
        message.setId("projection-message");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        run.setOnAction(e -> {
            started = true;
            vm.computeProjection();
        });
        cancel.setOnAction(e -> vm.cancelProjection());
        cancel.visibleProperty().bind(vm.projectionRunningProperty());
        progress.visibleProperty().bind(vm.projectionRunningProperty());
        progress.progressProperty().bind(vm.projectionProgressProperty());
        run.disableProperty().bind(vm.projectionRunningProperty());
        message.textProperty().bind(vm.projectionMessageProperty());
        progress.setPrefWidth(160);
        cancel.managedProperty().bind(cancel.visibleProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        javafx.scene.control.ChoiceBox<String> method = new javafx.scene.control.ChoiceBox<>(
                javafx.collections.FXCollections.observableArrayList(NetworkViewModel.PCA, NetworkViewModel.TSNE));
        method.setId("projection-method");
        method.valueProperty().bindBidirectional(vm.projectionMethodProperty());
        method.disableProperty().bind(vm.projectionRunningProperty());
        method.valueProperty().addListener((o, a, b) -> {
            if (started) vm.computeProjection();
        });
        javafx.scene.control.ChoiceBox<NetworkViewModel.ProjectionLayer> layer = new javafx.scene.control.ChoiceBox<>(vm.projectionLayers());
        layer.setId("projection-layer");
        layer.disableProperty().bind(vm.projectionRunningProperty());
        // showing the view model's layer is not a user's choice: a ChoiceBox fires onAction for setValue too
        Runnable showChosen = () -> {
            mirroring = true;
            try {
                layer.setValue(vm.projectionLayers().stream()
                        .filter(l -> l.layer() == vm.projectionLayerProperty().get()).findFirst()
                        .orElse(vm.projectionLayers().isEmpty() ? null : vm.projectionLayers().get(vm.projectionLayers().size() - 1)));
            } finally {
                mirroring = false;
            }
        };
        vm.projectionLayers().addListener((javafx.collections.ListChangeListener<NetworkViewModel.ProjectionLayer>) c -> showChosen.run());
        showChosen.run();
        layer.setOnAction(e -> {
            var chosen = layer.getValue();
            if (mirroring || chosen == null || chosen.layer() == vm.projectionLayerProperty().get()) return;
            vm.projectionLayerProperty().set(chosen.layer());
            if (started) vm.computeProjection();
        });
        javafx.scene.layout.FlowPane toolbar = new javafx.scene.layout.FlowPane(10, 6, new Label("Layer"), layer,
                new Label("Method"), method, run, cancel, progress, message);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        scatter.setOnPick(vm::pickProjectionPoint);
        // hovering a dot previews its image: which digit sits where, without leaving the map
        javafx.scene.image.ImageView preview = new javafx.scene.image.ImageView();
        preview.setId("projection-preview");
        Label previewText = new Label();
        previewText.setId("projection-preview-text");
        previewText.getStyleClass().add(Styles.TEXT_MUTED);
        HBox previewBox = new HBox(8, preview, previewText);
        previewBox.setAlignment(Pos.CENTER_LEFT);
        previewBox.setMinHeight(60);
        scatter.hoveredProperty().addListener((o, was, is) -> {
            ProjectionData d = vm.projectionProperty().get();
            int i = is.intValue();
            if (d == null || i < 0 || i >= d.pixels().length) {
                preview.setImage(null);
                previewText.setText("Hover a dot to see its image; click it to inspect it.");
                return;
            }
            preview.setImage(GrayImages.of(d.pixels()[i], 0, MnistFormat.SIDE, MnistFormat.SIDE, 2, GrayImages.table(GrayImages.inkOnPaper(Palette.current()))));
            previewText.setText("test image #" + d.indices()[i] + " · class " + d.classNames().get(d.labels()[i]));
        });
        previewText.setText("Hover a dot to see its image; click it to inspect it.");
        VBox.setVgrow(scatter, Priority.ALWAYS);
        vm.projectionProperty().addListener((o, a, d) -> {
            if (d != null) scatter.setPoints(d.xy(), d.labels(), d.classNames());
            else scatter.setPoints(new float[0][], new int[0], java.util.List.of());
        });
        getChildren().addAll(toolbar, previewBox, scatter, new ExplainNote("projection-note", "The projection",
                "Every dot is one test image. We take the activations of the last hidden layer (the numbers the "
                        + "classifier reads) and flatten them onto two axes. PCA keeps the two directions along which "
                        + "the images differ most (instant, distances are faithful); t-SNE takes a few seconds and "
                        + "keeps each image's nearest neighbours together, so clusters stand out (but the gaps "
                        + "between clusters mean little). Images the network considers alike land close together, so tight "
                        + "single-colour clusters mean the classes are easy to separate; a dot inside another colour's "
                        + "cluster is an image the network probably confuses. Click a dot to inspect that image."));
    }

    ProjectionScatter scatter() {
        return scatter;
    }

    /** Starts the projection the first time the tab is opened. */
    void onFirstShow(NetworkViewModel vm) {
        if (!started && vm.projectionProperty().get() == null) {
            started = true;
            vm.computeProjection();
        }
    }
}
