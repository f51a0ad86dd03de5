package io.handwritingstudio.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EngineSetupTest {

    @Test
    void openBlasGetsOneThreadSoItsSpinningWorkersDoNotCompeteWithTraining() {
        // ND4J's backend starts OpenBLAS with a thread per core; init() must win over that, whenever it runs
        EngineSetup.init();
        Nd4j.create(new float[]{1, 2, 3, 4}, new long[]{2, 2}).mmul(Nd4j.eye(2).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT));
        assertEquals(Integer.getInteger("hws.blasThreads", 1), Nd4j.factory().blas().getMaxThreads());
    }

    @Test
    void javaCppsResidentMemoryCheckIsSwitchedOffUnlessTheUserSetsALimit() {
        String given = System.getProperty(EngineSetup.PHYSICAL_BYTES_LIMIT);
        try {
            System.clearProperty(EngineSetup.PHYSICAL_BYTES_LIMIT);
            EngineSetup.beforeNativeLoad();
            assertEquals("0", System.getProperty(EngineSetup.PHYSICAL_BYTES_LIMIT));

            System.setProperty(EngineSetup.PHYSICAL_BYTES_LIMIT, "8G");
            EngineSetup.beforeNativeLoad();
            assertEquals("8G", System.getProperty(EngineSetup.PHYSICAL_BYTES_LIMIT));

            System.clearProperty(EngineSetup.PHYSICAL_BYTES_LIMIT);
            System.setProperty(EngineSetup.PHYSICAL_BYTES_LIMIT_CAMEL, "6G");
            EngineSetup.beforeNativeLoad();
            assertNull(System.getProperty(EngineSetup.PHYSICAL_BYTES_LIMIT), "JavaCPP reads the camel-case spelling too");
        } finally {
            System.clearProperty(EngineSetup.PHYSICAL_BYTES_LIMIT_CAMEL);
            if (given == null) System.clearProperty(EngineSetup.PHYSICAL_BYTES_LIMIT);
            else System.setProperty(EngineSetup.PHYSICAL_BYTES_LIMIT, given);
        }
    }

    @Test
    void theSettingReachesJavaCppWhenGivenBeforeItLoads() {
        // The test JVM gets it on its command line (pom.xml), as the launcher sets it before any ND4J class loads.
        EngineSetup.init();
        Nd4j.create(new float[]{1, 2});
        assertEquals(0L, org.bytedeco.javacpp.Pointer.maxPhysicalBytes());
    }
}
