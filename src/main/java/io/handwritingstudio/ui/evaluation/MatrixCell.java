package io.handwritingstudio.ui.evaluation;

/** One confusion-matrix cell: the images of class {@code trueClass} that the model called {@code predictedClass}. */
public record MatrixCell(int trueClass, int predictedClass) {
    public boolean isDiagonal() {
        return trueClass == predictedClass;
    }
}
