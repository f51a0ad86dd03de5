package io.handwritingstudio.model.design;

import io.handwritingstudio.data.MnistFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a design does to a 28x28x1 image, layer by layer, computed from the design alone (no network is built):
 * each layer's output shape, parameters and multiply-adds per image, or the error that stops it, in words. The
 * designer shows it live; {@code info} prints it; the network builder refuses a design with any error.
 * <p>
 * Shapes follow Deeplearning4j: valid padding gives (in - kernel) / stride + 1 (rounded down), same padding
 * in / stride (rounded up). Batch norm holds four numbers per channel (scale, shift, running mean and variance).
 */
public record DesignAnalysis(List<Row> rows, Row output, long parameters, long multiplyAdds, String error, int errorLayer) {
    /** The largest network a model file may hold (see ModelZip): a design above it is refused here, not at save. */
    public static final long MAX_PARAMETERS = 20_000_000;
    static final int SIDE = MnistFormat.SIDE;

    /**
     * One layer: shape after it ({@code height x width x channels}, or {@code units} once flat), its parameters and
     * multiply-adds, and its error (null when it is fine). Rows after an error have no shape.
     */
    public record Row(int index, String description, Shape shape, long parameters, long multiplyAdds, String error) {
    }

    /** Height x width x channels; a flat vector is 1 x 1 x units with {@code flat} set. */
    public record Shape(int height, int width, int channels, boolean flat) {
        public long size() {
            return (long) height * width * channels;
        }

        @Override
        public String toString() {
            return flat ? String.valueOf(channels) : height + "x" + width + "x" + channels;
        }
    }

    public boolean valid() {
        return error == null;
    }

    /** Training time per epoch at {@code macsPerSecond} of forward+backward throughput (3 passes' worth per image). */
    public double estimatedEpochSeconds(int images, double trainingMacsPerSecond) {
        return images * 3.0 * multiplyAdds / trainingMacsPerSecond;
    }

    public static DesignAnalysis of(NetworkDesign design, int classes) {
        List<Row> rows = new ArrayList<>();
        Shape shape = new Shape(SIDE, SIDE, 1, false);
        long params = 0, macs = 0;
        String error = null;
        int errorLayer = -1;
        LayerSpec previous = null;
        for (int i = 0; i < design.layers().size(); i++) {
            LayerSpec spec = design.layers().get(i);
            if (error != null) {
                rows.add(new Row(i + 1, spec.describe(), null, 0, 0, null));
                continue;
            }
            Step step = step(spec, shape, previous);
            if (step.error == null && params + step.parameters > MAX_PARAMETERS) {
                step = Step.error(String.format(Locale.ROOT, "takes the network past %,d parameters, the most a model"
                        + " file holds", MAX_PARAMETERS));
            }
            rows.add(new Row(i + 1, spec.describe(), step.shape, step.parameters, step.multiplyAdds, step.error));
            if (step.error != null) {
                error = "layer " + (i + 1) + " (" + spec.describe() + "): " + step.error;
                errorLayer = i + 1;
                continue;
            }
            shape = step.shape;
            params += step.parameters;
            macs += step.multiplyAdds;
            previous = spec;
        }
        Row output = null;
        if (error == null) {
            if (classes < 2) {
                error = "the output needs at least 2 classes";
            } else {
                long in = shape.size();
                long outParams = in * classes + classes;
                output = new Row(design.layers().size() + 1, "output softmax " + classes, new Shape(1, 1, classes, true),
                        outParams, in * classes, null);
                params += outParams;
                macs += in * classes;
                if (params > MAX_PARAMETERS) {
                    error = String.format(Locale.ROOT, "the output layer takes the network past %,d parameters", MAX_PARAMETERS);
                    errorLayer = design.layers().size() + 1;
                }
            }
        }
        return new DesignAnalysis(List.copyOf(rows), output, params, macs, error, errorLayer);
    }

    private record Step(Shape shape, long parameters, long multiplyAdds, String error) {
        static Step error(String message) {
            return new Step(null, 0, 0, message);
        }
    }

    private static Step step(LayerSpec spec, Shape in, LayerSpec previous) {
        if (spec instanceof LayerSpec.Convolution c) {
            if (in.flat()) return Step.error(afterFlat(in));
            if (c.filters() < 1) return Step.error("needs at least 1 filter");
            if (c.kernel() < 1 || c.stride() < 1) return Step.error("kernel and stride must be 1 or more");
            int h = spatial(in.height(), c.kernel(), c.stride(), c.padding());
            int w = spatial(in.width(), c.kernel(), c.stride(), c.padding());
            if (h < 1 || w < 1) return Step.error(tooSmall(in, c.kernel()));
            long weights = (long) c.kernel() * c.kernel() * in.channels() * c.filters();
            Shape out = new Shape(h, w, c.filters(), false);
            return new Step(out, weights + (c.bias() ? c.filters() : 0), out.size() * c.kernel() * c.kernel() * in.channels(), null);
        }
        if (spec instanceof LayerSpec.Pooling p) {
            if (in.flat()) return Step.error(afterFlat(in));
            if (p.size() < 1 || p.stride() < 1) return Step.error("size and stride must be 1 or more");
            int h = spatial(in.height(), p.size(), p.stride(), LayerSpec.Padding.VALID);
            int w = spatial(in.width(), p.size(), p.stride(), LayerSpec.Padding.VALID);
            if (h < 1 || w < 1) return Step.error(tooSmall(in, p.size()));
            return new Step(new Shape(h, w, in.channels(), false), 0, 0, null);
        }
        if (spec instanceof LayerSpec.BatchNorm) {
            return new Step(in, 4L * in.channels(), in.size(), null);
        }
        if (spec instanceof LayerSpec.ActivationLayer) {
            return new Step(in, 0, 0, null);
        }
        if (spec instanceof LayerSpec.Dropout d) {
            if (!(d.rate() >= 0 && d.rate() < 1)) return Step.error("the rate must be at least 0 and below 1 (0.5 drops half)");
            if (previous instanceof LayerSpec.Dropout) return Step.error("two dropouts in a row: use one");
            return new Step(in, 0, 0, null);
        }
        LayerSpec.Dense d = (LayerSpec.Dense) spec;
        if (d.units() < 1) return Step.error("needs at least 1 unit");
        long inputs = in.size();
        return new Step(new Shape(1, 1, d.units(), true), inputs * d.units() + (d.bias() ? d.units() : 0),
                inputs * d.units(), null);
    }

    static int spatial(int in, int kernel, int stride, LayerSpec.Padding padding) {
        return padding == LayerSpec.Padding.SAME ? (in + stride - 1) / stride
                : in < kernel ? 0 : (in - kernel) / stride + 1;
    }

    private static String afterFlat(Shape in) {
        return "needs an image, but after a dense layer there are only " + in.channels()
                + " numbers: put convolutions and pooling before the dense layers";
    }

    private static String tooSmall(Shape in, int window) {
        return "the image is only " + in.height() + "x" + in.width() + " here: a " + window + "x" + window
                + " window does not fit (remove a pooling layer or use same padding)";
    }
}
