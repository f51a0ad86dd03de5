package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.evaluation.Comparison;

import java.util.List;

/**
 * Two models on the same images: model A's evaluation (the one the other tabs show), model B's, and the engine's
 * {@link Comparison} of the two. Sample indices are shared: index i is the same image in both.
 */
public record ComparedSet(EvaluatedSet a, EvaluatedSet b, Comparison comparison) {

    public int size() {
        return comparison.size();
    }

    /** The disagreements behind one cell of the difference matrix (B minus A), most confident first. */
    public List<Integer> cellSamples(MatrixCell cell) {
        return comparison.cell(cell.trueClass(), cell.predictedClass()).stream()
                .map(Comparison.Disagreement::index).toList();
    }
}
