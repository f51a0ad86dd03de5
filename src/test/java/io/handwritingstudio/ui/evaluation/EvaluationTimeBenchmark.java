package io.handwritingstudio.ui.evaluation;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.DownloadListener;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.evaluation.Evaluator;
import io.handwritingstudio.model.ModelStore;
import io.handwritingstudio.model.TrainedModel;
import io.handwritingstudio.ui.context.ModelHandle;
import io.handwritingstudio.ui.context.StudioContext;
import javafx.application.Platform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Evaluation of the 10,000 MNIST test images in the studio (the Evaluation view's model: load, evaluate with
 * progress, build the drill-down set, on a background task) against the CLI's path (load + {@link Evaluator}), in
 * one JVM, rounds alternated. A benchmark, not a test:
 * <pre>
 * mvn -q -o -DskipTests package && mvn -q -o test-compile
 * java -cp "target/test-classes:target/classes:target/lib/*:$HOME/.m2/repository/org/testfx/openjfx-monocle/17.0.10/openjfx-monocle-17.0.10.jar" io.handwritingstudio.ui.evaluation.EvaluationTimeBenchmark [rounds] [model.zip]
 * </pre>
 */
public final class EvaluationTimeBenchmark {
    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        TrainedModel model = ModelStore.load(Path.of(args.length > 1 ? args[1] : "models/mnist.zip"));
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        double[] studio = new double[rounds], cli = new double[rounds];
        for (int r = -1; r < rounds; r++) { // round -1 warms both paths up
            double c = cli(model), s = studio(model);
            if (r < 0) continue;
            cli[r] = c;
            studio[r] = s;
            System.out.printf(Locale.ROOT, "round %d: CLI path %.2f s, studio %.2f s, ratio %.2f%n", r + 1, c, s, s / c);
        }
        java.util.Arrays.sort(cli);
        java.util.Arrays.sort(studio);
        System.out.printf(Locale.ROOT, "median: CLI path %.2f s, studio %.2f s, studio/CLI %.2f%n",
                cli[rounds / 2], studio[rounds / 2], studio[rounds / 2] / cli[rounds / 2]);
        Platform.exit();
    }

    private static double cli(TrainedModel model) throws Exception {
        long t0 = System.nanoTime();
        LabeledImages images = DatasetRepository.createDefault().load("mnist", Split.TEST, DownloadListener.SILENT);
        Evaluator.evaluate(model, images);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double studio(TrainedModel model) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        long[] t = new long[2];
        Platform.runLater(() -> {
            StudioContext context = new StudioContext();
            context.setCurrentModel(ModelHandle.of(model, "bench"));
            EvaluationViewModel vm = new EvaluationViewModel(context);
            vm.limitProperty().set(0);
            vm.splitProperty().set(Split.TEST);
            vm.resultProperty().addListener((o, was, is) -> {
                if (is != null) {
                    t[1] = System.nanoTime();
                    done.countDown();
                }
            });
            t[0] = System.nanoTime();
            vm.evaluate();
        });
        if (!done.await(10, TimeUnit.MINUTES)) throw new IllegalStateException("the studio's evaluation did not finish");
        return (t[1] - t[0]) / 1e9;
    }
}
