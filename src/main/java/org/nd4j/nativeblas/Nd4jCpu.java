package org.nd4j.nativeblas;

/**
 * Workaround for a Deeplearning4j 1.0.0-M2.1 bug that silently disables the oneDNN (MKL-DNN) layer helpers.
 *
 * <p>DL4J's {@code BaseMKLDNNHelper.mklDnnEnabled()} looks up {@code org.nd4j.nativeblas.Nd4jCpu$Environment}
 * and calls {@code isUseMKLDNN()}, but in M2.1 that class moved to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment} and the method became {@code isUseONEDNN()}.
 * The lookup fails, DL4J falls back to its slow built-in convolutions, and training runs 4-5x slower.
 * This class restores the old name and forwards to the new one. {@code ModelStoreTest} proves the helpers are active.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The name DL4J looks for; forwards to the real native environment. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
