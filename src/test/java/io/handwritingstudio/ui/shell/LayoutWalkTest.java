package io.handwritingstudio.ui.shell;

import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.StudioFixture;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every view at laptop sizes as a user would see it, with a model loaded, a training run in progress and an
 * evaluation on screen: no label or button may be cut short (its ellipsis string, "..." by default), and no view may scroll sideways. (Exceptions on the JavaFX thread fail
 * it too: {@code FxExceptionGuard}.)
 */
class LayoutWalkTest extends ApplicationTest {
    private static final List<String> VIEWS = List.of("datasets", "training", "evaluation", "network", "draw");
    private static TrainedModel digits;
    private static TrainedModel characters;
    private StudioContext context;
    private Stage stage;

    @BeforeAll
    static void loadModel() throws Exception {
        digits = ModelStore.load(Path.of("models", "mnist.zip"));
        characters = ModelStore.load(Path.of("models", "characters.zip"));
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        context = StudioFixture.on(stage).withModel(digits).studio("datasets");
    }

    @Test
    void nothingIsCutOrScrollsSidewaysAt1024x700And1280x800() throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> lookup("#visible-count").tryQuery()
                .map(n -> ((Labeled) n).getText().endsWith("samples")).orElse(false));
        clickOn("#nav-evaluation");
        interact(() -> ((javafx.scene.control.ComboBox<Integer>) lookup("#eval-limit").query()).setValue(1_000));
        clickOn("#eval-run");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> lookup("#accuracy-value").tryQuery()
                .map(n -> ((Labeled) n).getText().endsWith("%")).orElse(false));
        // a run in progress: the training view's badge, message and numbers (with the time left) are at their longest
        clickOn("#nav-training");
        interact(() -> {
            ((javafx.scene.control.TextField) lookup("#subset-field").query()).setText("3000");
            ((javafx.scene.control.TextField) lookup("#test-subset-field").query()).setText("500");
        });
        clickOn("#start-button");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> lookup("#training-numbers").tryQuery()
                .map(n -> ((Labeled) n).getText().contains("left")).orElse(false));
        List<String> problems = new ArrayList<>();
        for (int[] size : new int[][]{{1024, 700}, {1280, 800}}) {
            interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (String view : VIEWS) {
                clickOn("#nav-" + view);
                WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS); // background work of the view settles
                WaitForAsyncUtils.waitForFxEvents();
                String where = view + " at " + size[0] + "x" + size[1];
                interact(() -> inspect(stage.getScene().getRoot(), where, problems));
                if (view.equals("training")) { // its designer and timeline tabs too
                    for (String tab : List.of("design", "timeline", "progress")) {
                        clickOn("#tab-" + tab);
                        WaitForAsyncUtils.waitForFxEvents();
                        interact(() -> inspect(stage.getScene().getRoot(), where + " (" + tab + " tab)", problems));
                    }
                }
            }
        }
        clickOn("#nav-training");
        clickOn("#stop-button");
        // 36 classes: the pad's bars take three columns
        interact(() -> context.setCurrentModel(ModelHandle.of(characters, "bundled")));
        for (int[] size : new int[][]{{1024, 700}, {1280, 800}}) { // Monocle's headless screen is 1280x800
            interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            clickOn("#nav-draw");
            WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            interact(() -> inspect(stage.getScene().getRoot(), "draw (36 classes) at " + size[0] + "x" + size[1], problems));
        }
        // the pad's line mode with a written number: boxes, readings, steps and the chosen character
        interact(() -> {
            Node draw = stage.getScene().lookup("#draw-view");
            var line = (io.handwritingstudio.ui.draw.LineReadingViewModel) draw.getProperties()
                    .get(io.handwritingstudio.ui.draw.LineReadingViewModel.class);
            io.handwritingstudio.ui.draw.DemoSketches.line("4071", 30, 150).forEach(line.sketch()::add);
        });
        clickOn("#draw-mode-line");
        for (int[] size : new int[][]{{1024, 700}, {1280, 800}}) {
            interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.sleep(400, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            interact(() -> inspect(stage.getScene().getRoot(), "draw line mode at " + size[0] + "x" + size[1], problems));
        }
        assertTrue(problems.isEmpty(), problems.size() + " layout problems:\n" + String.join("\n", problems));
    }

    private static void inspect(Parent root, String where, List<String> problems) {
        for (Node n : root.lookupAll("*")) {
            if (!treeVisible(n) || !onScreen(n)) continue;
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
                Node shown = l.lookup(".text");
                String ellipsis = l.getEllipsisString();
                if (shown instanceof Text t && t.getText() != null && !t.getText().equals(l.getText())
                        && t.getText().endsWith(ellipsis) && !l.getText().endsWith(ellipsis)) {
                    problems.add(where + ": " + kind(l) + " \"" + l.getText() + "\" shows \"" + t.getText() + "\"");
                }
            }
            if (n instanceof javafx.scene.control.Control c && !(n instanceof ScrollBar) && !scrolled(c)) {
                Bounds b = c.localToScene(c.getLayoutBounds());
                double w = c.getScene().getWidth(), h = c.getScene().getHeight();
                if (b.getMaxX() > w + 1 || b.getMaxY() > h + 1) {
                    problems.add(where + ": " + describe(c) + " reaches past the window (" + Math.round(b.getMaxX())
                            + "x" + Math.round(b.getMaxY()) + " in a " + Math.round(w) + "x" + Math.round(h) + " scene)");
                }
            }
            if (n instanceof javafx.scene.control.Control c && !(n instanceof ScrollBar) && !scrolled(c)) {
                Bounds b = c.localToScene(c.getLayoutBounds());
                for (Parent p = c.getParent(); p != null; p = p.getParent()) {
                    if (!(p instanceof javafx.scene.layout.Region region) || region.getWidth() <= 0) continue;
                    Bounds room = p.localToScene(p.getLayoutBounds());
                    if (b.getMaxX() > room.getMaxX() + 1) {
                        problems.add(where + ": " + describe(c) + " sticks out of its container " + describe(p)
                                + " by " + Math.round(b.getMaxX() - room.getMaxX()) + " px (cut off)");
                        break;
                    }
                }
            }
            if (n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL && bar.getVisibleAmount() < bar.getMax() - bar.getMin()) {
                problems.add(where + ": a horizontal scroll bar in " + describe(bar.getParent()));
            }
        }
    }

    /** Inside something that scrolls (its own scroll bars are checked instead). */
    private static boolean scrolled(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane || p instanceof javafx.scene.control.skin.VirtualFlow) return true;
        }
        return false;
    }

    private static boolean treeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    /** Inside the window (cells recycled off screen by virtual flows do not count). */
    private static boolean onScreen(Node n) {
        if (n.getScene() == null) return false;
        Bounds b = n.localToScene(n.getLayoutBounds());
        return b.getWidth() > 0 && b.getMaxX() > 0 && b.getMinX() < n.getScene().getWidth()
                && b.getMaxY() > 0 && b.getMinY() < n.getScene().getHeight();
    }

    private static String kind(Labeled l) {
        return (l instanceof Button ? "button" : l.getClass().getSimpleName()) + (l.getId() == null ? "" : " #" + l.getId());
    }

    private static String describe(Node n) {
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) return kind(l) + " \"" + l.getText() + "\"";
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getId() != null) return (p == n ? "" : n.getClass().getSimpleName() + " in ") + p.getClass().getSimpleName() + " #" + p.getId();
        }
        return String.valueOf(n);
    }
}
