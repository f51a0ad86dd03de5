package io.handwritingstudio.ui.training;

import java.util.Locale;
import io.handwritingstudio.data.DatasetRepository;
import io.handwritingstudio.data.LabeledImages;
import io.handwritingstudio.data.Split;
import io.handwritingstudio.model.Architecture;
import io.handwritingstudio.model.Hyperparameters;
import io.handwritingstudio.training.Trainer;
import io.handwritingstudio.training.TrainingControl;
import io.handwritingstudio.training.TrainingObserver;
import io.handwritingstudio.training.TrainingRequest;
import io.handwritingstudio.ui.StudioApp;
import io.handwritingstudio.ui.context.StudioContext;
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
 *     io.handwritingstudio.ui.training.TrainingThroughputBenchmark [images] [rounds]</pre>
 * Without the Monocle properties, under {@code xvfb-run}, the view is in a real window. Each round runs both, in
 * alternating order so drift in the machine's load hits both alike; the summary is the median of the rounds'
 * ratios. {@code -Dbench.noPulseMonitor=true} leaves out the frame-gap monitor (see {@link #studio}).
 */
public final class TrainingThroughputBenchmark {
    public static void main(String[] args) throws Exception {
        int images = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
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
            io.handwritingstudio.ui.kit.Theme.apply(false);
            MainWindow window = new MainWindow(context, List.of(new TrainingView(context, controller)));
            window.show("training");
            Scene scene = new Scene(window.root(), 1280, 800);
            scene.getStylesheets().add(StudioApp.class.getResource(StudioApp.STYLESHEET).toExternalForm());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
        // warm-up: the first epoch in a JVM is slower (JIT, native kernel selection)
        System.out.printf(Locale.ROOT, "warm-up epoch (bare):  %.1f img/s%n", bare(hp, train));
        // the studio trains on its own worker thread, whose native thread team and workspaces start cold too
        System.out.printf(Locale.ROOT, "warm-up epoch (studio): %.1f img/s%n", studio(controller, new PulseGapMonitor(), hp, train, images));
        // interleaved, so that load from other processes on the machine hits both alike
        double[] ratios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        for (int round = 1; round <= rounds; round++) {
            PulseGapMonitor pulses = new PulseGapMonitor();
            double bare, studio;
            long bareCpu, studioCpu;
            boolean bareFirst = round % 2 == 1;
            var t0 = ThreadCpu.snapshot();
            long c0 = machineCpuNanos();
            double first = bareFirst ? bare(hp, train) : studio(controller, pulses, hp, train, images);
            var t1 = ThreadCpu.snapshot();
            long c1 = machineCpuNanos();
            double second = bareFirst ? studio(controller, pulses, hp, train, images) : bare(hp, train);
            var t2 = ThreadCpu.snapshot();
            long c2 = machineCpuNanos();
            bare = bareFirst ? first : second;
            studio = bareFirst ? second : first;
            bareCpu = bareFirst ? c1 - c0 : c2 - c1;
            studioCpu = bareFirst ? c2 - c1 : c1 - c0;
            if (Boolean.getBoolean("bench.threads")) {
                System.out.println("  busiest threads, bare run:");
                ThreadCpu.printTop(bareFirst ? t0 : t1, bareFirst ? t1 : t2, 6);
                System.out.println("  busiest threads, studio run:");
                ThreadCpu.printTop(bareFirst ? t1 : t0, bareFirst ? t2 : t1, 6);
            }
            ratios[round - 1] = studio / bare;
            cpuRatios[round - 1] = (double) studioCpu / bareCpu;
            System.out.printf(Locale.ROOT, "  CPU time (this process and the X server): bare %.1f s, studio %.1f s (%+.1f%%)%n",
                    bareCpu / 1e9, studioCpu / 1e9, 100.0 * studioCpu / bareCpu - 100);
            System.out.printf(Locale.ROOT, "round %d: bare Trainer %.1f img/s, studio controller %.1f img/s (%.1f%%), "
                    + "worst frame gap %.1f ms over %d frames%n", round, bare, studio, 100 * studio / bare,
                    pulses.maxGapMillis(), pulses.frames());
        }
        double[] cpuSorted = cpuRatios.clone();
        java.util.Arrays.sort(cpuSorted);
        System.out.printf(Locale.ROOT, "studio CPU / bare CPU over %d rounds: median %.1f%%, range %.1f-%.1f%%%n", rounds,
                100 * cpuSorted[rounds / 2], 100 * cpuSorted[0], 100 * cpuSorted[rounds - 1]);
        double[] sorted = ratios.clone();
        java.util.Arrays.sort(sorted);
        double median = rounds % 2 == 1 ? sorted[rounds / 2] : (sorted[rounds / 2 - 1] + sorted[rounds / 2]) / 2;
        double mean = java.util.Arrays.stream(ratios).average().orElse(0);
        double var = java.util.Arrays.stream(ratios).map(r -> (r - mean) * (r - mean)).sum() / Math.max(1, rounds - 1);
        double half = 1.96 * Math.sqrt(var / rounds); // normal approximation of the mean's 95% interval
        System.out.printf(Locale.ROOT, "studio / bare over %d rounds: median %.1f%%, mean %.1f%% (95%% interval %.1f-%.1f%%), "
                + "range %.1f-%.1f%%%n", rounds, 100 * median, 100 * mean, 100 * (mean - half), 100 * (mean + half),
                100 * sorted[0], 100 * sorted[rounds - 1]);
        Platform.exit();
        System.exit(0);
    }

    private static double studio(TrainingController controller, PulseGapMonitor pulses, Hyperparameters hp,
                                 LabeledImages train, int images) throws Exception {
        CompletableFuture<Object> done = new CompletableFuture<>();
        long[] wallStart = new long[1];
        long uiCpuBefore = uiThreadsCpuNanos();
        long xCpuBefore = displayServerCpuNanos();
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
        double seconds = (System.nanoTime() - wallStart[0]) / 1e9;
        double rate = images / seconds;
        long ui = uiThreadsCpuNanos() - uiCpuBefore;
        long x = displayServerCpuNanos() - xCpuBefore;
        System.out.printf(Locale.ROOT, "  studio epoch %.1f s; CPU of the JavaFX and render threads %.0f ms, of the X server %.0f ms: "
                + "%.1f%% of one core together%n", seconds, ui / 1e6, x / 1e6, 100 * (ui + x) / 1e9 / seconds);
        Platform.runLater(pulses::stop);
        Thread.sleep(200);
        return rate;
    }

    /** CPU time of the threads that run the UI: the JavaFX thread, the renderer and the throttle timer. */
    private static long uiThreadsCpuNanos() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (var info : mx.dumpAllThreads(false, false)) {
            String name = info.getThreadName();
            if (name.startsWith("JavaFX Application") || name.startsWith("QuantumRenderer")
                    || name.startsWith("training-ui-throttle")) {
                total += Math.max(0, mx.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** CPU time of this JVM (every thread: training, prefetch, UI) plus the X server's. */
    private static long machineCpuNanos() {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() + displayServerCpuNanos();
    }

    /** CPU time of the X server the window is shown on (Xvfb), 0 when there is none (Monocle). */
    private static long displayServerCpuNanos() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("Xvfb") || c.endsWith("Xorg")).orElse(false))
                .mapToLong(p -> p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L)).sum();
    }

    private static final java.util.concurrent.ExecutorService BARE_THREAD = java.util.concurrent.Executors.newSingleThreadExecutor();

    private static double bare(Hyperparameters hp, LabeledImages train) throws Exception {
        // -Dbench.bareThread=true: the bare Trainer also runs on a long-lived worker thread instead of main, to tell
        // the cost of training off the main thread from the cost of the UI
        if (Boolean.getBoolean("bench.bareThread")) return BARE_THREAD.submit(() -> bareHere(hp, train)).get();
        return bareHere(hp, train);
    }

    private static double bareHere(Hyperparameters hp, LabeledImages train) throws Exception {
        long start = System.nanoTime();
        new Trainer(TrainingRequest.fresh(hp, "mnist", train, null)).run(new TrainingObserver() { }, new TrainingControl());
        // wall clock includes the train-accuracy pass after the epoch, as the studio figure does
        return train.size() / ((System.nanoTime() - start) / 1e9);
    }
}
