package io.handwritingstudio.ui.evaluation;

/** Plain-language notes for learners, one per part of the Evaluation view. */
final class Explanations {
    private Explanations() {
    }

    static final String MATRIX = """
            A confusion matrix counts how the model answered for every true class.
            Each row is the truth (what the image really shows); each column is the model's guess.
            The diagonal, in green, holds the right answers. Every red cell is a kind of mistake: the darker the red, \
            the larger the share of that row the model got wrong this way.
            Click a cell to see the images behind it. Arrow keys move between cells.""";

    static final String METRICS = """
            Precision: when the model says "7", how often is it really a 7? Low precision means other classes \
            are being read as this one.
            Recall: of all the real 7s, how many did the model find? Low recall means this class is often read \
            as something else.
            F1 combines both into one score. Support is how many images of the class were evaluated. \
            Scores under 90% are highlighted.""";

    static final String ERRORS = """
            Every image the model got wrong. Sorted by confidence, the top of the list shows confident \
            mistakes: the model was sure and still wrong. These matter most, because nothing warns the user, \
            and they often reveal a sloppy label or a shape the model never learned.
            Click an error to open it in the network view and watch how each layer reads it.""";

    static final String PREDICTIONS = """
            A sample of evaluated images with the model's answer and how sure it was. Red frames mark wrong answers.
            Order by "least confident first" to see the hard cases: images the model hesitated on, where a \
            second class got a real share of the probability.""";
}
