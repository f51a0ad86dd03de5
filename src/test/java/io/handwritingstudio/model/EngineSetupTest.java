package io.handwritingstudio.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EngineSetupTest {

    @Test
    void openBlasGetsOneThreadSoItsSpinningWorkersDoNotCompeteWithTraining() {
        // ND4J's backend starts OpenBLAS with a thread per core; init() must win over that, whenever it runs
        EngineSetup.init();
        Nd4j.create(new float[]{1, 2, 3, 4}, new long[]{2, 2}).mmul(Nd4j.eye(2).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT));
        assertEquals(Integer.getInteger("hws.blasThreads", 1), Nd4j.factory().blas().getMaxThreads());
    }
}
