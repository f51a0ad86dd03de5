package io.handwritingstudio.ui.context;

/**
 * A 28x28 input the user picked somewhere (a dataset grid, an error list, the drawing pad) that other views can
 * inspect. {@code pixels} are 784 values in [0,1], ink bright; {@code trueLabel} is -1 when unknown.
 *
 * @param source where it came from, for display ("mnist test #1234", "drawing")
 */
public record SampleRef(String source, int index, int trueLabel, float[] pixels) {
}
