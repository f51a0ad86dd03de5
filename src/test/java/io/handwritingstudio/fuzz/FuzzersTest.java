package io.handwritingstudio.fuzz;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing (Jazzer, libFuzzer's engine) of everything that reads a file a user hands us: IDX
 * datasets, model files and cards, Keras configurations, images. Each target runs in its own JVM for
 * {@code hws.fuzz.seconds} (10 in the normal build, 600 with {@code mvn -Pfuzz verify}; {@code -Dhws.fuzz.only=keras}
 * runs one target) starting from the seeds and
 * every earlier finding in {@code src/test/resources/fuzz/<target>/}; a crash, an exception other than the target's
 * refusal, a hang over 10 s or an OutOfMemoryError (1 GB heap, 1 GB native) is a finding, saved under
 * {@code target/fuzz/findings/}. A fixed
 * finding is copied into the seed folder so it runs first from then on.
 */
class FuzzersTest {
    private static final Path RESOURCES = Path.of("src", "test", "resources", "fuzz");
    private static final Path WORK = Path.of("target", "fuzz");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "idx   | io.handwritingstudio.data.IdxFuzzer         | io.handwritingstudio.**",
            "model | io.handwritingstudio.model.ModelFileFuzzer  | io.handwritingstudio.**:org.deeplearning4j.nn.conf.**",
            "keras | io.handwritingstudio.model.KerasConfigFuzzer | io.handwritingstudio.**:org.deeplearning4j.nn.modelimport.**",
            "image | io.handwritingstudio.inference.ImageFuzzer  | io.handwritingstudio.**"})
    void findsNothing(String name, String targetClass, String instrumented) throws Exception {
        String only = System.getProperty("hws.fuzz.only", "");
        org.junit.jupiter.api.Assumptions.assumeTrue(only.isEmpty() || only.equals(name), "only " + only + " this run");
        int seconds = Integer.getInteger("hws.fuzz.seconds", 10);
        Path corpus = Files.createDirectories(WORK.resolve("corpus").resolve(name));
        Path findings = Files.createDirectories(WORK.resolve("findings"));
        Path log = WORK.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                // native (ND4J) memory bounded too: an input that asks for more fails inside the target, a finding
                "-Dorg.bytedeco.javacpp.maxbytes=1g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=3g",
                "-Dorg.eclipse.deeplearning4j.helpers.disable=false", "-cp", classPath(),
                "com.code_intelligence.jazzer.Jazzer", "--target_class=" + targetClass,
                "--instrumentation_includes=" + instrumented,
                // libFuzzer's RSS limit reads the process's peak RSS, which Linux carries over from the parent (this
                // test JVM, gigabytes into the suite) across fork and exec: it would fire on the first input. The
                // heap and native limits above bound memory instead; exceeding them is an OutOfMemoryError, a finding.
                "-max_total_time=" + seconds, "-timeout=10", "-rss_limit_mb=0",
                "-artifact_prefix=" + findings.toAbsolutePath() + "/" + name + "-",
                corpus.toString(), RESOURCES.resolve(name).toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(seconds + 180L, TimeUnit.SECONDS), name + " fuzzer overran its time; log: " + log);
        String summary = summary(log);
        assertEquals(0, p.exitValue(), name + " found a crash or hang: " + summary + " (inputs in " + findings + ")");
        assertTrue(summary.contains("Done "), "the fuzzer ran to its end: " + summary);
    }

    /** The fuzzer's closing lines: how many inputs it ran, and what it found. */
    private static String summary(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.filter(l -> !l.startsWith("INFO:")).filter(l -> l.startsWith("Done ")
                    || l.contains("ERROR") || l.contains("Exception") || l.startsWith("#") && l.contains("DONE")).toList();
            return String.join(" | ", all.subList(Math.max(0, all.size() - 8), all.size()));
        }
    }

    /** Surefire starts tests through a manifest-only jar; the real class path is in this property. */
    private static String classPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null ? cp : System.getProperty("java.class.path");
    }
}
