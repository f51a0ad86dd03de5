package io.handwritingstudio.model;

import org.nd4j.linalg.factory.Nd4j;

/**
 * One-time configuration of ND4J/DL4J for speed on CPU. Call {@link #init()} before the first ND4J use.
 */
public final class EngineSetup {
    /** M2.1 disables the oneDNN helpers unless this property is "false". */
    static final String HELPERS_DISABLE = "org.eclipse.deeplearning4j.helpers.disable";
    /** JavaCPP's resident-memory limit; "0" switches its check off (see {@link #beforeNativeLoad()}). */
    static final String PHYSICAL_BYTES_LIMIT = "org.bytedeco.javacpp.maxphysicalbytes";
    /** The same setting as JavaCPP also reads it. */
    static final String PHYSICAL_BYTES_LIMIT_CAMEL = "org.bytedeco.javacpp.maxPhysicalBytes";
    /** Threads for OpenBLAS's matrix products; default 1 (see {@link #init()}). */
    static final String BLAS_THREADS = "hws.blasThreads";
    private static volatile boolean done;

    private EngineSetup() {
    }

    /**
     * System properties the native libraries read once, when their classes load: call before anything touches ND4J
     * (the launcher does, first thing). Touches no ND4J class itself, so a command that never trains stays fast.
     * <p>
     * JavaCPP checks the process's resident memory against a limit on every native allocation it tracks, and ND4J
     * makes several per op (shape descriptors): reading the resident size cost 5% of a training iteration's
     * main-thread samples, and switching the check off made a {@code classic} training loop 1.12x faster
     * (docs/BENCHMARKS.md, "Fifth pass"). JavaCPP's own byte limit ({@code maxbytes}) still applies. Either setting
     * given on the command line wins.
     */
    public static void beforeNativeLoad() {
        if (System.getProperty(HELPERS_DISABLE) == null) System.setProperty(HELPERS_DISABLE, "false");
        if (System.getProperty(PHYSICAL_BYTES_LIMIT) == null && System.getProperty(PHYSICAL_BYTES_LIMIT_CAMEL) == null) {
            System.setProperty(PHYSICAL_BYTES_LIMIT, "0");
        }
    }

    public static synchronized void init() {
        if (done) return;
        beforeNativeLoad();
        Nd4j.setDefaultDataTypes(org.nd4j.linalg.api.buffer.DataType.FLOAT, org.nd4j.linalg.api.buffer.DataType.FLOAT);
        // ND4J gives OpenBLAS one thread per core, and OpenBLAS's extra threads busy-wait (sched_yield) between
        // matrix products while ND4J's own OpenMP team needs the same cores: on 2 cores one such thread burnt 3-6 s
        // of CPU per 7 s epoch. The products of these small networks gain little from threads of their own.
        Nd4j.factory().blas().setMaxThreads(Integer.getInteger(BLAS_THREADS, 1));
        done = true;
    }

    /**
     * Makes native ops called from the current thread use one OpenMP thread (the setting is per thread, so
     * training elsewhere keeps every core). For interactive one-image inference: splitting a tiny forward pass
     * across the cores gains nothing, and when the UI thread holds one core the split pass waits for it, which
     * made the drawing pad's slowest answers 3-5 times its median.
     */
    public static void useOneNativeThreadHere() {
        init();
        org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
    }

    /** Whether the native backend reports oneDNN as usable (the layer helpers depend on it). */
    public static boolean oneDnnAvailable() {
        init();
        return org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled();
    }
}
