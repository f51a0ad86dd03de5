package io.handwritingstudio.ui.draw;

import io.handwritingstudio.inference.sketch.Stroke;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import java.util.ArrayList;
import java.util.List;

/**
 * The drawing on the pad: finished strokes plus the one being drawn. Lives on the JavaFX thread;
 * {@link #snapshot()} hands an immutable copy to the recognizer's thread.
 */
public final class Sketch {
    /** Side of the square pad in pad units (the on-screen canvas is this many pixels). */
    public static final double SIZE = 320;

    private final List<Stroke> strokes = new ArrayList<>();
    private StrokeBuilder current;
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();

    /** Bumped on every change, for bindings (undo enabled, hint shown, repaint). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public void begin(double x, double y, double width, boolean eraser) {
        current = new StrokeBuilder(width, eraser);
        current.add(x, y);
        changed();
    }

    public void extend(double x, double y) {
        if (current == null) return;
        current.add(x, y);
        changed();
    }

    /** Ends the stroke being drawn; returns false when there was none. */
    public boolean end() {
        if (current == null) return false;
        strokes.add(current.freeze());
        current = null;
        changed();
        return true;
    }

    public boolean isDrawing() {
        return current != null;
    }

    /** Adds a whole stroke at once (demo drawings, tests). */
    public void add(Stroke stroke) {
        strokes.add(stroke);
        changed();
    }

    public void undo() {
        if (current != null) current = null;
        else if (!strokes.isEmpty()) strokes.remove(strokes.size() - 1);
        changed();
    }

    public void clear() {
        strokes.clear();
        current = null;
        changed();
    }

    public int strokeCount() {
        return strokes.size();
    }

    /** True when nothing has been drawn (eraser strokes alone do not count). */
    public boolean isBlank() {
        return snapshot().stream().noneMatch(s -> !s.eraser());
    }

    /** Every stroke, including the one being drawn, as immutable data. */
    public List<Stroke> snapshot() {
        List<Stroke> all = new ArrayList<>(strokes);
        if (current != null) all.add(current.freeze());
        return List.copyOf(all);
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }
}
