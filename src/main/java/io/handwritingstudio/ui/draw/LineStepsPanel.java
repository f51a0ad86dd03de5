package io.handwritingstudio.ui.draw;

import io.handwritingstudio.ui.kit.Texts;
import io.handwritingstudio.data.MnistFormat;

import io.handwritingstudio.ui.kit.GrayImages;

import io.handwritingstudio.ui.kit.ExplainNote;

import atlantafx.base.theme.Styles;

import io.handwritingstudio.ui.kit.Palette;

import io.handwritingstudio.ui.kit.ColorMaps;

import io.handwritingstudio.inference.GrayImage;
import io.handwritingstudio.inference.reading.LineReading;
import io.handwritingstudio.inference.reading.LineSteps;
import io.handwritingstudio.ui.kit.Formats;
import io.handwritingstudio.ui.kit.PixelGrid;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.List;

/**
 * How the line was read, like the single character's preprocessing steps: the ink mask, its connected components,
 * the characters found (groups cut where characters touch), and the 28x28 input of each character; clicking an
 * input opens it in "Inside the network".
 */
final class LineStepsPanel extends VBox {
    static final double STEP_W = 250;
    static final double STEP_H = 70;
    private static final double INPUT = 48;

    private final LineReadingViewModel vm;
    private final Canvas[] steps = {new Canvas(STEP_W, STEP_H), new Canvas(STEP_W, STEP_H), new Canvas(STEP_W, STEP_H)};
    private final FlowPane inputs = new FlowPane(8, 8);

    LineStepsPanel(LineReadingViewModel vm) {
        super(10);
        this.vm = vm;
        getStyleClass().addAll("card-pane", "draw-column");
        Label title = Texts.title("How the line was read");
        HBox row = new HBox(12, step(0, "1  Ink mask"), step(1, "2  Connected pieces"), step(2, "3  Characters"));
        row.setAlignment(Pos.TOP_LEFT);
        Label inputsTitle = new Label("4  Each character framed 28 × 28, as the network reads it (click one to look inside)");
        inputsTitle.getStyleClass().add("draw-subtitle");
        Texts.wrapping(inputsTitle);
        inputs.setId("line-inputs");
        Label explain = ExplainNote.inline("Pieces of ink that share columns are one character (the dot of an i, a broken stroke); "
                + "a piece wider than a character usually is may be touching characters: it is cut where the ink is thin "
                + "and the model scores every way of cutting it, keeping the most probable reading.");
        getChildren().addAll(title, row, inputsTitle, inputs, explain);
        vm.resultProperty().addListener((o, a, r) -> show(r));
        vm.correctionsProperty().addListener((o, a, b) -> show(vm.resultProperty().get()));
    }

    private VBox step(int i, String caption) {
        steps[i].setId("line-step-" + i);
        Label label = new Label(caption);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, "draw-step-caption");
        VBox box = new VBox(4, steps[i], label);
        box.getStyleClass().add("line-step");
        return box;
    }

    private void show(LineReadingViewModel.Result r) {
        LineSteps s = r == null ? null : r.steps();
        for (int i = 0; i < steps.length; i++) {
            GraphicsContext g = steps[i].getGraphicsContext2D();
            g.setFill(Color.BLACK);
            g.fillRect(0, 0, STEP_W, STEP_H);
            if (s == null) continue;
            double k = Math.min(STEP_W / s.mask().width(), STEP_H / s.mask().height());
            drawMask(g, s.mask(), k);
            g.setLineWidth(1.5);
            if (i == 1) boxes(g, s.components(), k, true);
            if (i == 2) {
                boxes(g, s.groups(), k, false);
                g.setStroke(Palette.current().success());
                List<LineReading.Character> cs = r.characters();
                for (LineReading.Character c : cs) {
                    double f = k / s.scale();
                    g.strokeRect(c.x() * f, c.y() * f, c.width() * f, c.height() * f);
                }
            }
        }
        inputs.getChildren().clear();
        if (r == null) return;
        List<LineReading.Character> cs = r.characters();
        for (int i = 0; i < cs.size(); i++) inputs.getChildren().add(input(i, cs.get(i)));
    }

    private VBox input(int i, LineReading.Character c) {
        PixelGrid grid = new PixelGrid(INPUT);
        grid.showInput(c.networkInput(), MnistFormat.SIDE, MnistFormat.SIDE);
        grid.setCursor(Cursor.HAND);
        grid.setId("line-input-" + i);
        grid.setOnMouseClicked(e -> vm.inspect(i));
        Tooltip.install(grid, new Tooltip("Open character " + (i + 1) + " in Inside the network"));
        Label caption = new Label(vm.label(i) + "  " + Formats.percent(c.confidence()));
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        if (c.confidence() < LineReadingViewModel.LOW_CONFIDENCE) caption.getStyleClass().add("line-low-text");
        VBox box = new VBox(2, grid, caption);
        box.setAlignment(Pos.TOP_CENTER);
        return box;
    }

    /** The mask (working pixels) scaled by nearest sampling: only the thumbnail's pixels are visited. */
    private static void drawMask(GraphicsContext g, GrayImage mask, double k) {
        g.drawImage(GrayImages.scaled(mask.values(), mask.width(), mask.height(), k, v -> v > 0.5 ? 0xFFFFFFFF : 0xFF000000), 0, 0);
    }

    private static void boxes(GraphicsContext g, List<int[]> boxes, double k, boolean colours) {
        for (int i = 0; i < boxes.size(); i++) {
            int[] b = boxes.get(i);
            g.setStroke(colours ? ColorMaps.classColor(i) : Palette.current().accent()); // one colour per component
            g.strokeRect(b[0] * k, b[1] * k, b[2] * k, b[3] * k);
        }
    }
}
