package io.handwritingstudio.ui;

import io.handwritingstudio.files.Failures;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.context.StudioView;
import io.handwritingstudio.ui.datasets.DatasetsView;
import io.handwritingstudio.ui.draw.DrawView;
import io.handwritingstudio.ui.evaluation.EvaluationView;
import io.handwritingstudio.ui.network.NetworkView;
import io.handwritingstudio.ui.shell.CrashLog;
import io.handwritingstudio.ui.shell.DemoMode;
import io.handwritingstudio.ui.shell.MainWindow;
import io.handwritingstudio.ui.kit.Theme;
import io.handwritingstudio.ui.training.TrainingView;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.List;
import java.util.Objects;

/** The JavaFX application: builds the window, then loads the bundled model in the background. */
public final class StudioApp extends Application {
    public static final String STYLESHEET = "/ui/studio.css";

    @Override
    public void start(Stage stage) {
        Theme.apply(Boolean.getBoolean("hws.dark"));
        StudioContext context = new StudioContext();
        new CrashLog(CrashLog.defaultFile(), context.status()::problem).install();
        context.currentDatasetProperty().set(System.getProperty("hws.dataset", "mnist"));
        List<StudioView> views = views(context);
        Scene scene = createScene(context, views, System.getProperty("hws.view", "datasets"));
        stage.setTitle("Handwriting Studio");
        stage.setScene(scene);
        stage.setWidth(1360);
        stage.setHeight(860);
        if (Boolean.getBoolean("hws.maximized")) fillScreen(stage);
        stage.show();
        // screenshots and tours; nothing unless asked for. After show: controls inside a scroll pane (the training
        // form, Start) are found by id only once the scroll pane has its skin
        DemoMode.apply(System.getProperties(), context, views);
        context.models().openByName(System.getProperty("hws.model", "mnist"))
                .onFailure(ex -> context.status().problem("No model loaded: " + Failures.sentence(ex)));
    }

    /** Fills the screen (screenshots under Xvfb, which has no window manager to maximise with). */
    private static void fillScreen(Stage stage) {
        javafx.geometry.Rectangle2D bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
    }

    /** The whole studio in a scene, showing {@code firstView}: for UI tests and benchmarks. */
    public static Scene createScene(StudioContext context, String firstView) {
        return createScene(context, views(context), firstView);
    }

    private static List<StudioView> views(StudioContext context) {
        return List.of(new DatasetsView(context), new TrainingView(context), new EvaluationView(context),
                new NetworkView(context), new DrawView(context));
    }

    /**
     * A studio window with the given views, showing {@code firstView}, styled like the app (theme included, so a
     * scene built outside {@link #start} looks the same): tests and benchmarks build single-view studios with it.
     */
    public static Scene createScene(StudioContext context, List<StudioView> views, String firstView) {
        Theme.ensureApplied();
        MainWindow window = new MainWindow(context, views);
        window.show(firstView);
        Scene scene = new Scene(window.root());
        scene.getStylesheets().add(Objects.requireNonNull(StudioApp.class.getResource(STYLESHEET)).toExternalForm());
        return scene;
    }

}
