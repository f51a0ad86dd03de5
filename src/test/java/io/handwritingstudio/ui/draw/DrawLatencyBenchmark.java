package io.handwritingstudio.ui.draw;

import io.handwritingstudio.inference.sketch.Stroke;

import java.util.Locale;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.StudioApp;
import io.handwritingstudio.ui.context.StudioContext;
import io.handwritingstudio.ui.kit.Theme;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Latency from the end of a stroke (mouse released) to the probability bars showing the answer, through the
 * real pad (rasterize, preprocess, model, bars), in a headless studio. A benchmark, not a test:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.handwritingstudio.ui.draw.DrawLatencyBenchmark [strokes] [model.zip]
 * </pre>
 * Each stroke is drawn point by point at mouse speed (a point every 8 ms), so live predictions run during the
 * stroke as they do for a user; the clock starts when the pen lifts.
 */
public final class DrawLatencyBenchmark {
    private static final char[] DIGITS = {'0', '1', '2', '3', '4', '7'};

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        int strokes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        TrainedModel model = args.length > 1 ? io.handwritingstudio.model.ModelStore.load(java.nio.file.Path.of(args[1]))
                : TestModels.digits();
        System.out.println("model: " + model.displayName() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        StudioContext context = new StudioContext();
        DrawViewModel[] vm = new DrawViewModel[1];
        LinkedBlockingQueue<long[]> shown = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<Long> explained = new LinkedBlockingQueue<>();
        onFx(() -> {
            Theme.apply(false);
            context.setCurrentModel(ModelHandle.of(model, "benchmark"));
            Scene scene = StudioApp.createScene(context, "draw");
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.setWidth(1280); // within Monocle's headless screen
            stage.setHeight(800);
            stage.show();
            context.navigate("draw");
            Node view = scene.lookup("#draw-view");
            vm[0] = (DrawViewModel) view.getProperties().get(DrawViewModel.class);
            // registered after the panels' listeners, so it runs once the bars hold the new values
            vm[0].readingProperty().addListener((o, a, r) -> shown.add(new long[] {
                    System.nanoTime(), r.timing().requested(), r.timing().started(), r.timing().computed()}));
            vm[0].insightProperty().addListener((o, a, insight) -> {
                if (insight != null) explained.add(System.nanoTime());
            });
        });

        long[] latencies = new long[strokes];
        long[][] parts = new long[3][strokes]; // waiting for the worker, computing, reaching the bars
        long[] insights = new long[strokes]; // pen up to feature maps and saliency on screen
        for (int i = 0; i < strokes + 10; i++) { // 10 warm-up strokes
            Stroke stroke = DemoSketches.digit(DIGITS[i % DIGITS.length]).get(0);
            onFx(() -> vm[0].sketch().clear());
            Thread.sleep(60);
            List<Stroke.Point> pts = stroke.points();
            onFx(() -> vm[0].sketch().begin(pts.get(0).x(), pts.get(0).y(), stroke.width(), false));
            for (Stroke.Point p : pts.subList(1, pts.size())) {
                Thread.sleep(8);
                onFx(() -> vm[0].sketch().extend(p.x(), p.y()));
            }
            shown.clear();
            explained.clear();
            AtomicLong start = new AtomicLong();
            Platform.runLater(() -> {
                start.set(System.nanoTime());
                vm[0].sketch().end();
            });
            long[] end;
            while (true) { // readings requested during the stroke may still arrive: wait for the pen-up one
                long[] t = shown.poll(10, TimeUnit.SECONDS);
                if (t == null) throw new IllegalStateException("no reading within 10 s");
                if (start.get() != 0 && t[1] >= start.get()) {
                    end = t;
                    break;
                }
            }
            if (i >= 10) {
                latencies[i - 10] = end[0] - start.get();
                parts[0][i - 10] = end[2] - end[1];
                parts[1][i - 10] = end[3] - end[2];
                parts[2][i - 10] = end[0] - end[3];
            }
            Long insight = explained.poll(10, TimeUnit.SECONDS);
            if (insight == null) throw new IllegalStateException("no feature maps within 10 s");
            if (i >= 10) insights[i - 10] = insight - start.get();
        }
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "stroke end -> bars updated, %d strokes: median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                strokes, ms(latencies, 0.5), ms(latencies, 0.9), ms(latencies, 0.99), latencies[strokes - 1] / 1e6);
        for (long[] p : parts) Arrays.sort(p);
        System.out.printf(Locale.ROOT, "  of which (median / p99): waiting for the recognizer %.1f / %.1f ms, computing %.1f / %.1f ms, "
                        + "reaching the bars %.1f / %.1f ms%n", ms(parts[0], 0.5), ms(parts[0], 0.99),
                ms(parts[1], 0.5), ms(parts[1], 0.99), ms(parts[2], 0.5), ms(parts[2], 0.99));
        Arrays.sort(insights);
        System.out.printf(Locale.ROOT, "stroke end -> feature maps and saliency shown: median %.1f ms, p99 %.1f ms%n",
                ms(insights, 0.5), ms(insights, 0.99));
        breakdown(model); // after the strokes: JIT and the engine are warm by then
        Platform.exit();
        System.exit(0);
    }

    /** Where the time goes, without the UI: median of each step over 150 runs. */
    private static void breakdown(TrainedModel model) {
        var recognizer = new io.handwritingstudio.inference.Recognizer(model);
        var pre = new io.handwritingstudio.inference.MnistPreprocessor();
        int n = 150;
        long[][] t = new long[4][n];
        for (int i = 0; i < n + 10; i++) { // 10 warm-up runs
            List<Stroke> strokes = DemoSketches.digit(DIGITS[i % DIGITS.length]);
            long a = System.nanoTime();
            var image = SketchRasterizer.render(strokes);
            long b = System.nanoTime();
            var stages = pre.stages(image);
            long c = System.nanoTime();
            recognizer.recognize(stages.result());
            long d = System.nanoTime();
            StagePictures.of(stages);
            long e = System.nanoTime();
            if (i < 10) continue;
            t[0][i - 10] = b - a;
            t[1][i - 10] = c - b;
            t[2][i - 10] = d - c;
            t[3][i - 10] = e - d;
        }
        for (long[] x : t) Arrays.sort(x);
        System.out.printf(Locale.ROOT, "median per step: rasterize %.1f ms, preprocess %.1f ms, model %.1f ms, stage pictures %.1f ms%n",
                ms(t[0], 0.5), ms(t[1], 0.5), ms(t[2], 0.5), ms(t[3], 0.5));
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    private DrawLatencyBenchmark() {
    }
}
