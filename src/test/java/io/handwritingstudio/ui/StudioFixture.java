package io.handwritingstudio.ui;

import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.context.StudioView;
import io.handwritingstudio.ui.kit.Theme;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.List;
import java.util.function.Function;

/**
 * A studio on a TestFX stage, built the same way for every UI test: the light theme first (a test before may have
 * left the dark one, and colours are read when controls are built), then a fresh context with the model if one is
 * given, then the views, and a window that fits Monocle's 1280×800 headless screen.
 * {@code context = StudioFixture.on(stage).withModel(model).studio("draw");}
 */
public final class StudioFixture {
    private final Stage stage;
    private double width = 1280;
    private double height = 800;
    private TrainedModel model;

    private StudioFixture(Stage stage) {
        this.stage = stage;
    }

    public static StudioFixture on(Stage stage) {
        return new StudioFixture(stage);
    }

    public StudioFixture size(double width, double height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /** The studio's model before any view is built, as if it had been loaded before the window opened. */
    public StudioFixture withModel(TrainedModel model) {
        this.model = model;
        return this;
    }

    /** The whole studio (every view), showing {@code firstView}. */
    public StudioContext studio(String firstView) {
        StudioContext context = context();
        show(StudioApp.createScene(context, firstView));
        return context;
    }

    /** A studio of only the views {@code build} makes on the context, showing the first of them. */
    public StudioContext views(Function<StudioContext, List<StudioView>> build) {
        StudioContext context = context();
        List<StudioView> views = build.apply(context);
        show(StudioApp.createScene(context, views, views.get(0).id()));
        return context;
    }

    private StudioContext context() {
        Theme.apply(false);
        StudioContext context = new StudioContext();
        if (model != null) context.setCurrentModel(ModelHandle.of(model, "test"));
        return context;
    }

    private void show(Scene scene) {
        stage.setScene(scene);
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
    }
}
