package io.handwritingstudio.ui.shell;

import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.ui.StudioFixture;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * Tabs through every view as a keyboard user would: focus always lands on something visible inside the window,
 * it follows the reading order (never back up the same column), every view's controls are reachable, and Enter or
 * Space act only on the focused control (no default button fires from elsewhere, no window opens on its own).
 */
class KeyboardWalkTest extends ApplicationTest {
    private static final List<String> VIEWS = List.of("datasets", "training", "evaluation", "network", "draw");
    private static final int MAX_STEPS = 80;
    private static TrainedModel digits;
    private Stage stage;

    @BeforeAll
    static void loadModel() throws Exception {
        digits = ModelStore.load(Path.of("models", "mnist.zip"));
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        StudioFixture.on(stage).withModel(digits).studio("datasets");
    }

    @Test
    void tabFollowsTheReadingOrderAndEnterActsOnlyOnTheFocusedControl() throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> lookup("#visible-count").tryQuery()
                .map(n -> ((Labeled) n).getText().endsWith("samples")).orElse(false));
        // an evaluation on screen, so that its matrix, table and lists are in the walk
        clickOn("#nav-evaluation");
        interact(() -> ((javafx.scene.control.ComboBox<Integer>) lookup("#eval-limit").query()).setValue(1_000));
        clickOn("#eval-run");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> lookup("#accuracy-value").tryQuery()
                .map(n -> ((Labeled) n).getText().endsWith("%")).orElse(false));
        List<String> problems = new ArrayList<>();
        for (String view : VIEWS) {
            clickOn("#nav-" + view);
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            interact(() -> defaultButtons(view, problems));
            List<Node> order = walk(view);
            System.out.println("Tab order in " + view + ": " + order.stream().map(KeyboardWalkTest::describe).toList());
            check(view, order, problems);
        }
        assertTrue(problems.isEmpty(), problems.size() + " keyboard problems:\n" + String.join("\n", problems));
    }

    /** Presses Tab from the view's sidebar button until focus comes back round; the focus owners in order. */
    private List<Node> walk(String view) {
        Node start = lookup("#nav-" + view).query();
        interact(start::requestFocus);
        List<Node> order = new ArrayList<>();
        for (int i = 0; i < MAX_STEPS; i++) {
            type(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            Node owner = stage.getScene().getFocusOwner();
            if (owner == null || owner == start || order.contains(owner)) break;
            order.add(owner);
        }
        return order;
    }

    private void check(String view, List<Node> order, List<String> problems) {
        long windows = Window.getWindows().size();
        Node previous = null;
        for (Node n : order) {
            if (!visible(n)) problems.add(view + ": Tab moved the focus to " + describe(n) + ", which is not visible");
            if (previous != null && (isAncestor(previous, n) || isAncestor(n, previous))) {
                problems.add(view + ": Tab stops twice on one control: " + describe(previous) + ", then " + describe(n));
            }
            if (previous != null && inContent(previous) && inContent(n) && goesBackUp(previous, n)) {
                problems.add(view + ": Tab went back up from " + describe(previous) + " to " + describe(n));
            }
            previous = n;
        }
        if (order.stream().noneMatch(KeyboardWalkTest::inContent)) problems.add(view + ": Tab never reaches the view");
        if (Window.getWindows().size() != windows) problems.add(view + ": a window opened while tabbing");
    }

    /** A button that fires on Enter wherever the focus is breaks "Enter acts on the focused control". */
    private void defaultButtons(String view, List<String> problems) {
        for (Node n : stage.getScene().getRoot().lookupAll(".button")) {
            if (n instanceof Button b && visible(b) && b.isDefaultButton()) {
                problems.add(view + ": " + describe(b) + " is a default button (Enter anywhere fires it)");
            }
        }
    }

    /** b sits above a in the same column: reading order goes left to right, then down. */
    private static boolean goesBackUp(Node a, Node b) {
        Bounds ba = a.localToScene(a.getLayoutBounds()), bb = b.localToScene(b.getLayoutBounds());
        boolean above = bb.getMaxY() <= ba.getMinY() + 1;
        boolean sameColumn = bb.getMinX() < ba.getMaxX() - 1 && bb.getMaxX() > ba.getMinX() + 1;
        return above && sameColumn;
    }

    /** A tab pane's own stop is its tab strip (arrows switch tabs), so its content following it is not a repeat. */
    private static boolean isAncestor(Node parent, Node n) {
        if (parent instanceof javafx.scene.control.TabPane) return false;
        for (Node p = n.getParent(); p != null; p = p.getParent()) if (p == parent) return true;
        return false;
    }

    private static boolean inContent(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (p.getStyleClass().contains("studio-nav")) return false;
        return true;
    }

    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        if (n.getScene() == null) return false;
        Bounds b = n.localToScene(n.getLayoutBounds());
        return b.getWidth() > 0 && b.getHeight() > 0 && b.getMinX() >= -1 && b.getMinY() >= -1
                && b.getMaxX() <= n.getScene().getWidth() + 1 && b.getMaxY() <= n.getScene().getHeight() + 1;
    }

    private static String describe(Node n) {
        String name = n.getClass().getSimpleName();
        if (n.getId() != null) return name + " #" + n.getId();
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) return name + " \"" + l.getText() + "\"";
        for (Node p = n.getParent(); p != null; p = p.getParent()) if (p.getId() != null) return name + " in #" + p.getId();
        return name;
    }
}
