package io.handwritingstudio.ui.evaluation;

import java.util.Locale;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.evaluation.EvaluationReport;
import io.handwritingstudio.ui.context.SampleRef;
import io.handwritingstudio.ui.kit.ProbabilityBars;

/**
 * One finished evaluation: what was evaluated (images, split, model) and what the engine found.
 *
 * @param subset whether these are the split's first images rather than all of them (fixed when it ran: the limit
 *               chosen since, or a limit above the split's size, says nothing about it)
 */
public record EvaluatedSet(String modelName, String datasetName, Split split, LabeledImages images,
                           EvaluationReport report, boolean subset) {

    public int size() {
        return report.size();
    }

    public int errorCount() {
        return report.size() - report.correct();
    }

    /** The three most probable classes of sample {@code index}, the true one green and a wrong guess red. */
    public ProbabilityBars topBars(int index) {
        ProbabilityBars bars = ProbabilityBars.topK(3, true);
        bars.setClasses(report.classes().names());
        bars.show(report.probabilities(index), report.trueLabel(index));
        return bars;
    }

    public String className(int classIndex) {
        return report.classes().name(classIndex);
    }

    /** A sample as other views take it (indices are those of the full split: subsets are always its first images). */
    public SampleRef sampleRef(int index) {
        float[] pixels = new float[images.pixelsPerImage()];
        images.copyImage(index, pixels, 0);
        return new SampleRef(datasetName + " " + split.label() + " #" + index, index, images.label(index),
                images.classes().name(images.label(index)), pixels);
    }

    /** "mnist test, first 1,000 images" or "mnist test, all 10,000 images". */
    public String describe() {
        return datasetName + " " + split.label() + ", " + (subset ? "first " : "all ") + String.format(Locale.ROOT, "%,d", size()) + " images";
    }
}
