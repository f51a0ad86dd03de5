package io.handwritingstudio.ui.network;

import io.handwritingstudio.files.Failures;
import io.handwritingstudio.data.MnistFormat;

import java.util.Locale;
import io.handwritingstudio.data.DatasetCatalog;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.evaluation.Compatibility;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.ui.context.LatestRequest;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.SampleRef;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.visual.FilterBank;
import io.handwritingstudio.visual.LayerFilters;
import io.handwritingstudio.visual.Projection;
import io.handwritingstudio.visual.SampleInsight;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * State of the network view. Engine work runs on background tasks; only the newest sample request matters:
 * while one update runs, newer requests replace each other and the latest starts when it finishes, so fast
 * sample switching never queues stale work. All properties change on the JavaFX thread.
 */
public final class NetworkViewModel {
    static final int PROJECTION_SAMPLES = 2000;
    static final String PCA = "PCA";
    static final String TSNE = "t-SNE";
    private static final System.Logger LOG = System.getLogger(NetworkViewModel.class.getName());

    private final StudioContext context;
    private final ObjectProperty<SampleRef> shownSample = new SimpleObjectProperty<>();
    private final ObjectProperty<SampleInsight> insight = new SimpleObjectProperty<>();
    private final ObjectProperty<List<FilterBank>> filters = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<ProjectionData> projection = new SimpleObjectProperty<>();
    private final DoubleProperty projectionProgress = new SimpleDoubleProperty(0);
    private final BooleanProperty projectionRunning = new SimpleBooleanProperty(false);
    private final StringProperty projectionMessage = new SimpleStringProperty("");
    private final StringProperty projectionMethod = new SimpleStringProperty(PCA);
    /** The layer mapped (1-based); 0 = the last hidden layer. Layers to choose from: {@link #projectionLayers}. */
    private final javafx.beans.property.IntegerProperty projectionLayer = new javafx.beans.property.SimpleIntegerProperty(0);
    private final javafx.collections.ObservableList<ProjectionLayer> projectionLayers = javafx.collections.FXCollections.observableArrayList();
    private final StringProperty hint = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final List<Long> timings = Collections.synchronizedList(new ArrayList<>());
    private SampleRef latestRequest;
    private boolean updating;
    private Task<ProjectionData> projectionTask;
    private final LatestRequest projections = new LatestRequest();
    private LabeledImages testImages;
    private String testImagesName;
    /** {@link #testImages} re-framed MNIST's way, made on first need. */
    private LabeledImages framedTestImages;

    public NetworkViewModel(StudioContext context) {
        this.context = context;
        context.selectedSampleProperty().addListener((o, a, s) -> { if (s != null) show(s); });
        context.currentModelProperty().addListener((o, a, m) -> modelChanged(m));
        context.currentDatasetProperty().addListener((o, a, d) -> clearProjection()); // its dots are another dataset's
        projectionLayers.setAll(layersOf(context.currentModel()));
    }

    /** Called when the view becomes visible: shows the selected sample, or a default one. */
    public void start() {
        SampleRef selected = context.selectedSampleProperty().get();
        if (selected != null) show(selected);
        else if (shownSample.get() == null) showDefaultSample();
        if (context.currentModel() != null && filters.get().isEmpty()) loadFilters(context.currentModel().model());
    }

    public void show(SampleRef sample) {
        hint.set(context.selectedSampleProperty().get() == null
                ? "No sample selected: showing " + sample.source() + ". Pick one in Datasets or "
                + "Evaluation, draw one, or click a point in the projection." : "");
        shownSample.set(sample);
        latestRequest = sample;
        if (!updating) launchUpdate();
    }

    /** Shows the test image {@code delta} positions away from the one on show (previous / next). */
    public void step(int delta) {
        SampleRef current = shownSample.get();
        int index = current == null ? 0 : current.index() + delta;
        selectTestImage(Math.max(0, index));
    }

    /** Selects test image {@code index} of the current dataset for the whole studio. */
    public void selectTestImage(int index) {
        String name = datasetName();
        TrainedModel model = currentModel();
        run("Loading test image " + index, () -> testSample(samplesDataset(name, model), model, index),
                s -> context.selectedSampleProperty().set(s));
    }

    private void selectTestImage(String dataset, int index) {
        TrainedModel model = currentModel();
        run("Loading test image " + index, () -> testSample(dataset, model, index), s -> context.selectedSampleProperty().set(s));
    }

    /** Computes the 2-D projection of the hidden layer before the output for the first 2,000 test images. */
    public void computeProjection() {
        ModelHandle handle = context.currentModel();
        if (handle == null) {
            projectionMessage.set("Load a model first.");
            return;
        }
        cancelProjection();
        String name = datasetName();
        TrainedModel model = handle.model();
        boolean tsne = TSNE.equals(projectionMethod.get());
        int layer = projectionLayer.get() > 0 ? projectionLayer.get() : 0;
        Task<ProjectionData> task = new Task<>() {
            @Override
            protected ProjectionData call() throws Exception {
                long start = System.nanoTime();
                String used = samplesDataset(name, model);
                updateMessage("Loading " + used + " test images...");
                LabeledImages images = testImages(used, model);
                int chosen = Projection.layers(model).contains(layer) ? layer : Projection.defaultLayer(model);
                Projection.Result map = Projection.map(model, images, PROJECTION_SAMPLES, chosen,
                        tsne ? Projection.Method.TSNE : Projection.Method.PCA, this::updateMessage,
                        (done, total) -> updateProgress(done, total), this::isCancelled);
                byte[][] pixels = new byte[map.indices().length][];
                for (int i = 0; i < pixels.length; i++) pixels[i] = images.imageBytes(map.indices()[i]);
                // the labels are the dataset's classes, whatever the model reads
                return new ProjectionData(used, map.layerName(), map.xy(), map.labels(), map.indices(),
                        images.classes().names(), (System.nanoTime() - start) / 1_000_000, pixels);
            }
        };
        projectionTask = task;
        LatestRequest.Ticket run = projections.next(); // one done as the model changed may still deliver
        projectionRunning.set(true);
        projectionProgress.bind(task.progressProperty());
        projectionMessage.bind(task.messageProperty());
        task.setOnSucceeded(e -> {
            if (!run.isLatest()) return;
            finishProjection();
            projection.set(task.getValue());
            projectionMessage.set(String.format(Locale.ROOT, "%,d %s test images, layer \"%s\", %s (%.1f s)",
                    task.getValue().xy().length, task.getValue().dataset(), task.getValue().layerName(), tsne ? TSNE : PCA,
                    task.getValue().millis() / 1000.0));
        });
        task.setOnCancelled(e -> {
            if (!run.isLatest()) return;
            finishProjection();
            projectionMessage.set("Projection cancelled.");
        });
        task.setOnFailed(e -> {
            if (!run.isLatest()) return;
            finishProjection();
            projectionMessage.set("Projection failed: " + Failures.sentence(task.getException()));
        });
        context.tasks().run(task);
    }

    private void clearProjection() {
        projections.supersede();
        cancelProjection();
        finishProjection();
        projection.set(null);
        projectionMessage.set("");
    }

    /** Also a task still queued: {@code isRunning()} is false until it starts, and its message stays bound. */
    public void cancelProjection() {
        if (projectionTask != null && !projectionTask.isDone()) projectionTask.cancel();
    }

    /** Selects the dataset image behind projection point {@code point}. */
    public void pickProjectionPoint(int point) {
        ProjectionData data = projection.get();
        if (data != null && point >= 0 && point < data.indices().length) selectTestImage(data.dataset(), data.indices()[point]);
    }

    public ObjectProperty<SampleRef> shownSampleProperty() { return shownSample; }
    public ObjectProperty<SampleInsight> insightProperty() { return insight; }
    public ObjectProperty<List<FilterBank>> filtersProperty() { return filters; }
    public ObjectProperty<ProjectionData> projectionProperty() { return projection; }
    public DoubleProperty projectionProgressProperty() { return projectionProgress; }
    public BooleanProperty projectionRunningProperty() { return projectionRunning; }
    public StringProperty projectionMessageProperty() { return projectionMessage; }
    public StringProperty hintProperty() { return hint; }
    /** "PCA" (instant, global shape) or "t-SNE" (seconds, clearer clusters). */
    public StringProperty projectionMethodProperty() { return projectionMethod; }
    public javafx.beans.property.IntegerProperty projectionLayerProperty() { return projectionLayer; }
    /** The current model's layers a projection can map (names as the feature maps show them). */
    public javafx.collections.ObservableList<ProjectionLayer> projectionLayers() { return projectionLayers; }

    /** A layer to map: its 1-based index and display name. */
    public record ProjectionLayer(int layer, String name) {
        @Override public String toString() { return name; }
    }
    public StringProperty errorProperty() { return error; }

    /** Milliseconds of each sample's first stage (all activations and the prediction), oldest first. */
    public List<Long> timings() {
        synchronized (timings) {
            return List.copyOf(timings);
        }
    }

    private static List<ProjectionLayer> layersOf(ModelHandle model) {
        return model == null ? List.of() : Projection.layers(model.model()).stream()
                .map(l -> new ProjectionLayer(l, Projection.layerName(model.model(), l))).toList();
    }

    /** The old model's projection goes first: listeners of the new layer list may start the next one at once. */
    private void modelChanged(ModelHandle model) {
        clearProjection();
        filters.set(List.of());
        projectionLayer.set(0);
        projectionLayers.setAll(layersOf(model));
        if (model == null) return;
        loadFilters(model.model());
        if (shownSample.get() == null) return;
        // The default sample follows the model (a letters model gets a letter); a chosen one stays.
        if (context.selectedSampleProperty().get() == null) showDefaultSample();
        else show(shownSample.get());
    }

    private void loadFilters(TrainedModel model) {
        // another model chosen meanwhile has its own filters coming: these would show under its name
        run("Reading the filters", () -> LayerFilters.of(model), f -> {
            if (currentModel() == model) filters.set(f);
        });
    }

    private void showDefaultSample() {
        String name = datasetName();
        TrainedModel model = currentModel();
        run("Loading the first test image", () -> testSample(samplesDataset(name, model), model, 0),
                s -> { if (context.selectedSampleProperty().get() == null) show(s); });
    }

    /**
     * Where test images come from for {@code model}: the studio's dataset, unless the model cannot read its classes
     * (a letters model while digits are chosen): then a dataset of the model's own classes. Background only.
     */
    private static String samplesDataset(String chosen, TrainedModel model) {
        if (model == null) return chosen;
        var spec = DatasetCatalog.find(chosen);
        if (spec.isEmpty() || Compatibility.fits(model, spec.get().classes())) return chosen;
        return Objects.requireNonNullElse(Compatibility.datasetFor(model), chosen);
    }

    private TrainedModel currentModel() {
        return context.currentModel() == null ? null : context.currentModel().model();
    }

    private void launchUpdate() {
        SampleRef sample = latestRequest;
        ModelHandle handle = context.currentModel();
        if (sample == null || handle == null) return;
        if (sample.pixels() == null || sample.pixels().length != MnistFormat.PIXELS) {
            error.set("This sample is not a 28x28 image and cannot be shown.");
            return;
        }
        updating = true;
        TrainedModel model = handle.model();
        Task<SampleInsight> task = new Task<>() {
            @Override
            protected SampleInsight call() {
                return SampleInsight.compute(model, sample.pixels());
            }
        };
        task.setOnSucceeded(e -> {
            SampleInsight result = task.getValue();
            timings.add(result.millis());
            LOG.log(System.Logger.Level.DEBUG, "network view activations: {0} ms", result.millis());
            if (isLatest(sample, handle)) {
                insight.set(result);
                error.set("");
                launchSaliency(sample, result, handle);
            } else {
                updating = false;
                launchUpdate();
            }
        });
        task.setOnFailed(e -> {
            updating = false;
            error.set("Could not run this sample through the model: " + Failures.sentence(task.getException()));
            if (!isLatest(sample, handle)) launchUpdate(); // a newer sample, or another model, still waits
        });
        context.tasks().runInteractive(task);
    }

    /** Second stage; skipped when a newer sample is already waiting, so stale saliency never delays it. */
    private void launchSaliency(SampleRef sample, SampleInsight first, ModelHandle handle) {
        Task<SampleInsight> task = new Task<>() {
            @Override
            protected SampleInsight call() {
                return first.withSaliency();
            }
        };
        task.setOnSucceeded(e -> {
            updating = false;
            if (isLatest(sample, handle)) insight.set(task.getValue());
            else launchUpdate();
        });
        task.setOnFailed(e -> {
            updating = false;
            error.set("Could not compute the saliency map: " + Failures.sentence(task.getException()));
            if (!isLatest(sample, handle)) launchUpdate();
        });
        context.tasks().runInteractive(task);
    }

    private boolean isLatest(SampleRef sample, ModelHandle handle) {
        return sample == latestRequest && handle == context.currentModel();
    }

    private void finishProjection() {
        projectionProgress.unbind();
        projectionMessage.unbind();
        projectionRunning.set(false);
        projectionProgress.set(0);
    }

    private String datasetName() {
        return Objects.requireNonNullElse(context.currentDatasetProperty().get(), "mnist");
    }

    private SampleRef testSample(String name, TrainedModel model, int index) throws Exception {
        LabeledImages images = testImages(name, model);
        int i = Math.min(index, images.size() - 1);
        float[] px = new float[MnistFormat.PIXELS];
        images.copyImage(i, px, 0);
        return new SampleRef(name + " test #" + i, i, images.label(i), images.classes().name(images.label(i)), px);
    }

    /**
     * The dataset's test split as {@code model} reads it (an EMNIST-framed one re-framed for a model trained on
     * MNIST-framed images, as evaluation does), loaded once per dataset and framing (called on background threads).
     */
    private synchronized LabeledImages testImages(String name, TrainedModel model) throws Exception {
        if (testImages == null || !name.equals(testImagesName)) {
            testImages = DatasetRepository.createDefault().load(name, Split.TEST, DownloadListener.SILENT);
            testImagesName = name;
            framedTestImages = null;
        }
        if (model == null || !Compatibility.reframes(model, name)) return testImages;
        if (framedTestImages == null) framedTestImages = Compatibility.framedFor(model, name, testImages).images();
        return framedTestImages;
    }

    private <T> void run(String what, java.util.concurrent.Callable<T> work, java.util.function.Consumer<T> onSuccess) {
        context.tasks().run(what, work).onSuccess(onSuccess)
                .onFailure(ex -> error.set(what + " failed: " + Failures.sentence(ex)));
    }
}
