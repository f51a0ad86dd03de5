package io.handwritingstudio.ui.context;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.Consumer;

/**
 * State shared by all views, observable on the JavaFX thread: the current model and dataset, the selected sample,
 * and navigation between views. Views bind to it; nothing here blocks.
 */
public final class StudioContext {
    private final ObjectProperty<ModelHandle> currentModel = new SimpleObjectProperty<>();
    private final StringProperty currentDataset = new SimpleStringProperty("mnist");
    private final ObjectProperty<SampleRef> selectedSample = new SimpleObjectProperty<>();
    private final StatusLine status = new StatusLine();
    private final BackgroundTasks tasks;
    private final ModelService models = new ModelService(this);
    /** Loads meant to become the studio's model: one finishing after a later choice, in any view, stays away. */
    private final LatestRequest modelChoices = new LatestRequest();
    private Consumer<String> navigator = id -> { };

    public StudioContext() {
        this(new BackgroundTasks());
    }

    /** With {@link BackgroundTasks#sameThread()}: view models run their commands in place (tests without a window). */
    public StudioContext(BackgroundTasks tasks) {
        this.tasks = tasks;
        tasks.reportFailuresTo(status::problem);
    }

    public ObjectProperty<ModelHandle> currentModelProperty() { return currentModel; }
    public ModelHandle currentModel() { return currentModel.get(); }
    /** Makes a model the studio's; a load still under way for an earlier choice will not replace it. */
    public void setCurrentModel(ModelHandle model) {
        modelChoices.supersede();
        currentModel.set(model);
    }

    /** Before loading a model that is to become the studio's: it may, while its ticket is the latest choice. */
    public LatestRequest.Ticket chooseModel() { return modelChoices.next(); }

    /** Catalogue name (or folder path) of the dataset the studio is looking at. */
    public StringProperty currentDatasetProperty() { return currentDataset; }

    public ObjectProperty<SampleRef> selectedSampleProperty() { return selectedSample; }

    /** The status bar's message: news, work under way, problems. */
    public StatusLine status() { return status; }

    public BackgroundTasks tasks() { return tasks; }

    /** The one way to load a model and make it current. */
    public ModelService models() { return models; }

    /** Shows another view, e.g. {@code navigate("network")} after selecting a sample. */
    public void navigate(String viewId) { navigator.accept(viewId); }

    /** For the main window: installs the function that switches views. */
    public Consumer<Consumer<String>> navigatorSetter() { return n -> this.navigator = n; }

    /** Selects a sample and opens the network view on it. */
    public void inspect(SampleRef sample) {
        selectedSample.set(sample);
        navigate("network");
    }
}
