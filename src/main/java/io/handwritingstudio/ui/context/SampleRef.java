package io.handwritingstudio.ui.context;

/**
 * A 28x28 input the user picked somewhere (a dataset grid, an error list, the drawing pad) that other views can
 * inspect. {@code pixels} are 784 values in [0,1], ink bright.
 *
 * @param source    where it came from, for display ("mnist test #1234", "drawing")
 * @param trueLabel the class index in the source's own classes, -1 when unknown
 * @param trueClass that class's name, null when unknown: a dataset's class 0 is "A" for letters, whatever the model reads
 */
public record SampleRef(String source, int index, int trueLabel, String trueClass, float[] pixels) {
    /** A picture with no known class (a drawing). */
    public static SampleRef unlabelled(String source, float[] pixels) {
        return new SampleRef(source, -1, -1, null, pixels);
    }
}
