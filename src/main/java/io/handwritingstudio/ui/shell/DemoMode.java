package io.handwritingstudio.ui.shell;

import io.handwritingstudio.ui.context.StudioView;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.datasets.DatasetsView;
import io.handwritingstudio.ui.draw.DemoSketches;
import io.handwritingstudio.ui.draw.DrawView;
import io.handwritingstudio.ui.evaluation.EvaluationView;
import io.handwritingstudio.ui.evaluation.MatrixCell;
import io.handwritingstudio.ui.network.NetworkView;
import io.handwritingstudio.ui.training.TrainingStatus;
import io.handwritingstudio.ui.training.TrainingView;
import io.handwritingstudio.ui.training.design.DesignerViewModel;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * A scripted user for screenshots and presentations: puts the studio into the state the {@code hws.demo.*} and
 * {@code hws.network.*} system properties ask for, through the same controls and view models a user drives. It lives
 * here, not in the views, so production views carry no demo code, and only the real app applies it (tests build
 * studios without it). docs/screenshots.sh lists the states it is used for.
 *
 * <ul>
 * <li>{@code hws.demo.datasets=sample=N[,class=C][,tab=stats][,hover=ROW:COL]}, or {@code =download} (an uncached
 *     dataset's Download button)</li>
 * <li>{@code hws.demo.training=run[:images[:epochs[:seconds]]]}, {@code hws.demo.training.tab=design|timeline},
 *     {@code hws.demo.design=PRESET|broken}, {@code hws.demo.timeline=AT|last[:COMPARE]},
 *     {@code hws.demo.finetune=DIR[:epochs[:seconds]]}</li>
 * <li>{@code hws.demo.evaluate=true} [{@code hws.demo.limit=N}, {@code hws.demo.tab=matrix|metrics|errors|predictions},
 *     {@code hws.demo.explain=true}, {@code hws.demo.compare=BUNDLED}]</li>
 * <li>{@code hws.network.sample=N}, {@code hws.network.tab=maps|filters|projection}, {@code hws.network.layer=K},
 *     {@code hws.network.projection=t-SNE}</li>
 * <li>{@code hws.demo.draw=7}, {@code hws.demo.image=FILE}, {@code hws.demo.line=4071}, {@code hws.demo.lineImage=FILE},
 *     {@code hws.demo.lineSelect=I}</li>
 * </ul>
 */
public final class DemoMode {
    private final Properties settings;
    private final StudioContext context;

    private DemoMode(Properties settings, StudioContext context) {
        this.settings = settings;
        this.context = context;
    }

    /** Applies the requested states to a studio whose window is built; does nothing when none is requested. */
    public static void apply(Properties settings, StudioContext context, List<StudioView> views) {
        DemoMode demo = new DemoMode(settings, context);
        for (StudioView view : views) {
            if (view instanceof DatasetsView v) demo.datasets(v);
            else if (view instanceof TrainingView v) demo.training(v);
            else if (view instanceof EvaluationView v) demo.evaluation(v);
            else if (view instanceof NetworkView v) demo.network(v);
            else if (view instanceof DrawView v) demo.draw(v);
        }
    }

    private String get(String key) {
        return settings.getProperty(key, "").trim();
    }

    // ---- datasets

    private void datasets(DatasetsView view) {
        String demo = get("hws.demo.datasets");
        if (demo.isEmpty()) return;
        var model = view.viewModel();
        if (demo.equals("download")) { // the banner's Download button, pressed once it shows
            once(model.needsDownloadProperty(), needed -> needed, () -> Platform.runLater(() -> fire(view.root(), "#download-button")));
            return;
        }
        once(model.visibleIndicesProperty(), indices -> model.dataset() != null, () -> {
            for (String part : demo.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2) continue;
                String value = kv[1].trim();
                switch (kv[0].trim()) {
                    case "class" -> fire(view.root(), "#filter-" + value);
                    case "sample" -> Platform.runLater(() -> model.jumpTo(value));
                    case "tab" -> selectTab(view.root(), "#dataset-tabs", "stats".equals(value) ? "tab-statistics" : "tab-samples");
                    case "hover" -> Platform.runLater(() -> hover(view.root().lookup("#detail-canvas"), value.split(":")));
                    default -> { }
                }
            }
        });
    }

    /** The mouse over pixel (row, col) of the 28x28 detail picture. */
    private static void hover(Node grid, String[] rowCol) {
        double cell = grid.getBoundsInLocal().getWidth() / io.handwritingstudio.data.MnistFormat.SIDE;
        var at = grid.localToScene((Integer.parseInt(rowCol[1]) + 0.5) * cell, (Integer.parseInt(rowCol[0]) + 0.5) * cell);
        grid.fireEvent(new MouseEvent(MouseEvent.MOUSE_MOVED, at.getX(), at.getY(), at.getX(), at.getY(),
                MouseButton.NONE, 0, false, false, false, false, false, false, false, false, false, false, null));
    }

    // ---- training

    private void training(TrainingView view) {
        Node root = view.root();
        if (root.getScene() != null) root.applyCss(); // the form and Start sit in a scroll pane: found once it has its skin
        String tab = get("hws.demo.training.tab");
        if (!tab.isEmpty()) selectTab(root, "#training-tabs", "tab-" + tab);
        String design = get("hws.demo.design");
        DesignerViewModel designer = view.designer();
        if (design.equals("broken")) { // a convolution after the dense layers
            designer.loadPreset("dense");
            designer.add(DesignerViewModel.Kind.CONV);
        } else if (!design.isEmpty()) {
            designer.loadPreset(design);
        }
        String[] at = get("hws.demo.timeline").split(":");
        if (!at[0].isEmpty()) {
            Runnable position = () -> {
                var timeline = view.timeline();
                int last = timeline.timeline() == null ? 0 : timeline.timeline().snapshots().size() - 1;
                timeline.indexProperty().set(at[0].equals("last") ? last : Math.min(last, Integer.parseInt(at[0])));
                if (at.length > 1) timeline.compareIndexProperty().set(Integer.parseInt(at[1]));
            };
            if (get("hws.demo.training").isEmpty()) { // no run: the model in use's saved timeline, once it is read
                once(view.timeline().timelineProperty(), t -> t != null, () -> Platform.runLater(position));
            } else {
                once(view.controller().statusProperty(), s -> s == TrainingStatus.FINISHED, position);
            }
        }
        String run = get("hws.demo.training");
        if (run.startsWith("run")) {
            String[] parts = run.split(":"); // run[:images[:epochs[:seconds]]]
            if (parts.length > 1) ((TextField) root.lookup("#subset-field")).setText(parts[1]);
            if (parts.length > 2) spinner(root).getValueFactory().setValue(Integer.parseInt(parts[2]));
            pressStartAfter(root, parts.length > 3 ? Double.parseDouble(parts[3]) : 0);
        }
        String fineTune = get("hws.demo.finetune");
        if (!fineTune.isEmpty()) {
            String[] parts = fineTune.split(":"); // DIR[:epochs[:seconds]]
            fire(root, "#mode-finetune");
            var model = view.fineTuneViewModel();
            model.sourceProperty().set(io.handwritingstudio.ui.training.FineTuneViewModel.Source.FOLDER);
            model.folderProperty().set(Path.of(parts[0]).toAbsolutePath());
            model.replayProperty().set(0.5);
            if (parts.length > 1) model.epochsProperty().set(Integer.parseInt(parts[1]));
            pressStartAfter(root, parts.length > 2 ? Double.parseDouble(parts[2]) : 0);
        }
    }

    @SuppressWarnings("unchecked")
    private static Spinner<Integer> spinner(Node root) {
        return (Spinner<Integer>) root.lookup("#epochs-spinner");
    }

    /** Presses Start after a pause, as soon as it can be pressed (a fine-tune waits for the studio's model). */
    private static void pressStartAfter(Node root, double seconds) {
        Button start = (Button) root.lookup("#start-button");
        PauseTransition delay = new PauseTransition(Duration.seconds(seconds));
        delay.setOnFinished(e -> once(start.disableProperty(), disabled -> !disabled, start::fire));
        delay.play();
    }

    // ---- evaluation

    private void evaluation(EvaluationView view) {
        if (!Boolean.parseBoolean(get("hws.demo.evaluate"))) return;
        var model = view.viewModel();
        model.limitProperty().set(Integer.parseInt(settings.getProperty("hws.demo.limit", "2000")));
        String compare = get("hws.demo.compare");
        if (!compare.isEmpty()) {
            compareWith(view, compare);
            return;
        }
        String tab = settings.getProperty("hws.demo.tab", "matrix");
        once(model.resultProperty(), r -> r != null, () -> {
            MatrixCell cell = MatrixCell.mostFrequentConfusion(model.result().report().confusionMatrix());
            if (cell != null) {
                view.matrix().selectedProperty().set(cell);
                // after layout: the matrix shrinks once the cell's samples open beside it
                Platform.runLater(() -> Platform.runLater(() -> view.matrix().reveal(cell)));
            }
            selectTab(view.root(), "#evaluation-tabs", "tab-" + tab);
            // after layout, so that the note points at a button that is on screen
            if (Boolean.parseBoolean(get("hws.demo.explain"))) Platform.runLater(() -> Platform.runLater(() ->
                    fire(view.root(), "#explain-" + tab)));
        });
        evaluateOnceAModelIsThere(view, () -> true);
    }

    /** Ticks "Compare with", picks the bundled model once the picker lists it, and evaluates when both are there. */
    @SuppressWarnings("unchecked")
    private void compareWith(EvaluationView view, String bundled) {
        var model = view.viewModel();
        ((CheckBox) view.root().lookup("#eval-compare-on")).setSelected(true);
        ComboBox<io.handwritingstudio.ui.kit.ModelPicker.Choice> picker =
                (ComboBox<io.handwritingstudio.ui.kit.ModelPicker.Choice>) view.root().lookup("#eval-compare");
        Runnable pick = () -> picker.getItems().stream()
                .filter(c -> c.file() != null && c.file().getFileName().toString().equals(bundled + ".zip"))
                .findFirst().ifPresent(c -> {
                    if (picker.getValue() == null) picker.setValue(c);
                });
        // later: the picker sets its own value right after refilling its items
        picker.getItems().addListener((javafx.collections.ListChangeListener<Object>) c -> Platform.runLater(pick));
        pick.run();
        model.compareWithProperty().addListener((o, was, is) -> evaluateOnceAModelIsThere(view, () -> is != null));
        once(model.comparisonProperty(), c -> c != null, () -> {
            MatrixCell biggest = MatrixCell.biggestChange(model.comparisonProperty().get().comparison().confusionDifference());
            if (biggest != null) view.selectComparisonCell(biggest);
        });
        evaluateOnceAModelIsThere(view, () -> model.compareWithProperty().get() != null);
    }

    private void evaluateOnceAModelIsThere(EvaluationView view, java.util.function.BooleanSupplier ready) {
        var model = view.viewModel();
        Runnable go = () -> {
            if (context.currentModel() != null && ready.getAsBoolean() && model.result() == null
                    && !model.runningProperty().get()) model.evaluate();
        };
        if (context.currentModel() != null) go.run();
        else once(context.currentModelProperty(), m -> m != null, go);
    }

    // ---- network

    private void network(NetworkView view) {
        String sample = get("hws.network.sample");
        if (!sample.isEmpty()) view.viewModel().selectTestImage(Integer.parseInt(sample));
        String projection = get("hws.network.projection");
        if (!projection.isEmpty()) view.viewModel().projectionMethodProperty().set(projection);
        String tab = get("hws.network.tab");
        if (tab.equals("filters") || tab.equals("projection")) selectTab(view.root(), "#network-tabs", "tab-" + tab);
        String layer = get("hws.network.layer");
        if (!layer.isEmpty()) view.preselectLayer(Integer.parseInt(layer));
    }

    // ---- draw

    private void draw(DrawView view) {
        String picture = get("hws.demo.image");
        if (!picture.isEmpty()) view.viewModel().open(Path.of(picture));
        String line = get("hws.demo.line");
        String linePicture = get("hws.demo.lineImage");
        var lines = view.lineViewModel();
        if (!line.isEmpty()) {
            fire(view.root(), "#draw-mode-line");
            DemoSketches.line(line, 30, 150).forEach(lines.sketch()::add);
        } else if (!linePicture.isEmpty()) {
            fire(view.root(), "#draw-mode-line");
            lines.openFile(Path.of(linePicture));
        }
        String select = get("hws.demo.lineSelect");
        if (!select.isEmpty()) { // the blank pad's reading may come first: wait for one that has the character
            int index = Integer.parseInt(select);
            once(lines.resultProperty(), r -> r != null && r.characters().size() > index, () -> lines.select(index));
        }
        String character = get("hws.demo.draw");
        if (!character.isEmpty()) DemoSketches.digit(character.charAt(0)).forEach(view.viewModel().sketch()::add);
    }

    // ---- the user's hands

    private static void fire(Node root, String selector) {
        if (root.lookup(selector) instanceof ButtonBase b) b.fire();
    }

    private static void selectTab(Node root, String tabPane, String tabId) {
        if (!(root.lookup(tabPane) instanceof TabPane tabs)) return;
        for (Tab t : tabs.getTabs()) if (tabId.equals(t.getId())) tabs.getSelectionModel().select(t);
    }

    /** Runs {@code action} the first time {@code value} meets {@code condition} (now, if it already does). */
    private static <T> void once(ObservableValue<T> value, Predicate<T> condition, Runnable action) {
        if (condition.test(value.getValue())) {
            action.run();
            return;
        }
        value.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends T> o, T was, T is) {
                if (!condition.test(is)) return;
                o.removeListener(this);
                action.run();
            }
        });
    }
}
