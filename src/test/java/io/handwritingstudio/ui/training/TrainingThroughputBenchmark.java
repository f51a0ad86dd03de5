package io.handwritingstudio.ui.training;

import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.training.Trainer;
import io.handwritingstudio.training.TrainingControl;
import io.handwritingstudio.training.TrainingListener;
import io.handwritingstudio.training.TrainingRequest;
import io.handwritingstudio.ui.StudioApp;
import io.handwritingstudio.ui.StudioContext;
import io.handwritingstudio.ui.shell.MainWindow;
import io.handwritingstudio.ui.shell.PulseGapMonitor;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Not a unit test (run by hand): one epoch of {@code classic} on the same MNIST subset, once with the bare engine
 * Trainer and once through the studio's TrainingController with the training view on screen. Prints images/s of
 * both and the worst JavaFX frame gap during the studio run.
 *
 * <pre>java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -cp ... \
 *     io.handwritingstudio.ui.training.TrainingThroughputBenchmark [images]</pre>
 */
public final class TrainingThroughputBenchmark {
    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        LabeledImages train = DatasetRepository.createDefault().load("mnist", Split.TRAIN, null).limit(images);
        Hyperparameters d = Hyperparameters.defaults(Architecture.CLASSIC);
        Hyperparameters hp = new Hyperparameters(Architecture.CLASSIC, 1, d.batchSize(), d.learningRate(),
                d.lrDecayPerEpoch(), d.optimizer(), d.seed(), false, images);

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        StudioContext context = new StudioContext();
        TrainingController controller = new TrainingController(context, DatasetRepository.createDefault());
        Platform.runLater(() -> {
            io.handwritingstudio.ui.shell.Theme.apply(false);
            MainWindow window = new MainWindow(context, List.of(new TrainingView(context, controller)));
            window.show("training");
            Scene scene = new Scene(window.root(), 1280, 800);
            scene.getStylesheets().add(StudioApp.class.getResource(StudioApp.STYLESHEET).toExternalForm());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
        // warm-up: the first epoch in a JVM is slower (JIT, native kernel selection)
        System.out.printf("warm-up epoch (bare):  %.1f img/s%n", bare(hp, train));
        // interleaved, so that load from other processes on the machine hits both alike
        for (int round = 1; round <= 2; round++) {
            double bare = bare(hp, train);
            PulseGapMonitor pulses = new PulseGapMonitor();
            double studio = studio(controller, pulses, hp, train, images);
            System.out.printf("round %d: bare Trainer %.1f img/s, studio controller %.1f img/s (%.1f%%), "
                    + "worst frame gap %.1f ms over %d frames%n", round, bare, studio, 100 * studio / bare,
                    pulses.maxGapMillis(), pulses.frames());
        }
        Platform.exit();
        System.exit(0);
    }

    private static double studio(TrainingController controller, PulseGapMonitor pulses, Hyperparameters hp,
                                 LabeledImages train, int images) throws Exception {
        CompletableFuture<Object> done = new CompletableFuture<>();
        long[] wallStart = new long[1];
        Platform.runLater(() -> {
            // -Dbench.noPulseMonitor=true: the monitor's AnimationTimer forces 60 fps rendering, which a real window
            // only does while something changes; without it the run shows the controller's own cost.
            if (!Boolean.getBoolean("bench.noPulseMonitor")) pulses.start();
            wallStart[0] = System.nanoTime();
            var task = controller.start(new TrainingSettings("mnist", hp, images, 0), train, null);
            task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> done.complete(task.getValue()));
            task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_FAILED,
                    e -> done.completeExceptionally(task.getException()));
        });
        done.get();
        double rate = images / ((System.nanoTime() - wallStart[0]) / 1e9);
        Platform.runLater(pulses::stop);
        Thread.sleep(200);
        return rate;
    }

    private static double bare(Hyperparameters hp, LabeledImages train) throws Exception {
        long start = System.nanoTime();
        new Trainer(TrainingRequest.fresh(hp, "mnist", train, null)).run(new TrainingListener() { }, new TrainingControl());
        // wall clock includes the train-accuracy pass after the epoch, as the studio figure does
        return train.size() / ((System.nanoTime() - start) / 1e9);
    }
}
