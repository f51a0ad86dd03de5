package io.handwritingstudio.ui.evaluation;

/** One confusion-matrix cell: the images of class {@code trueClass} that the model called {@code predictedClass}. */
public record MatrixCell(int trueClass, int predictedClass) {
    public boolean isDiagonal() {
        return trueClass == predictedClass;
    }

    /** The off-diagonal cell with the most samples, or null when the model made no mistake. */
    public static MatrixCell mostFrequentConfusion(int[][] matrix) {
        return largestOffDiagonal(matrix);
    }

    /** The off-diagonal cell that changed most between two models (either way), or null when none changed. */
    public static MatrixCell biggestChange(int[][] difference) {
        int[][] size = new int[difference.length][];
        for (int t = 0; t < difference.length; t++) {
            size[t] = new int[difference[t].length];
            for (int p = 0; p < size[t].length; p++) size[t][p] = Math.abs(difference[t][p]);
        }
        return largestOffDiagonal(size);
    }

    private static MatrixCell largestOffDiagonal(int[][] m) {
        MatrixCell best = null;
        int most = 0;
        for (int t = 0; t < m.length; t++) {
            for (int p = 0; p < m[t].length; p++) {
                if (t != p && m[t][p] > most) {
                    most = m[t][p];
                    best = new MatrixCell(t, p);
                }
            }
        }
        return best;
    }
}
