package io.handwritingstudio.evaluation;

import io.handwritingstudio.data.ClassNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ReportCsvTest {
    @TempDir
    Path tmp;

    private final EvaluationReport report = new EvaluationReport(ClassNames.of("a,b", "say \"c\"", "d"),
            new int[]{0, 0, 1, 2, 2}, new int[]{0, 1, 1, 2, 0},
            new float[]{.9f, .1f, 0, .4f, .6f, 0, 0, 1, 0, 0, 0, 1, .5f, 0, .5f});

    @Test
    void matrixRoundTripsWithQuotedClassNames() throws Exception {
        Path file = tmp.resolve("sub/m.csv");
        ReportCsv.writeAtomically(file, ReportCsv.confusionMatrix(report));
        assertArrayEquals(report.confusionMatrix(), ReportCsv.readConfusionMatrix(file));
        List<String> header = ReportCsv.split(Files.readAllLines(file).get(0));
        assertEquals(List.of("true \\ predicted", "a,b", "say \"c\"", "d"), header);
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void perClassRowsCarryPrecisionRecallF1AndSupport() throws Exception {
        Path file = tmp.resolve("p.csv");
        ReportCsv.writeAtomically(file, "old");
        ReportCsv.writeAtomically(file, ReportCsv.perClass(report));
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size());
        assertEquals(List.of("a,b", "0.5000", "0.5000", "0.5000", "2"), ReportCsv.split(lines.get(1)));
        assertEquals(List.of("d", "1.0000", "0.5000", "0.6667", "2"), ReportCsv.split(lines.get(3)));
    }

    @Test
    void anExportedCsvIsReadableByOthersLikeAnyNewFile() throws Exception {
        Path file = tmp.resolve("matrix.csv");
        ReportCsv.writeAtomically(file, ReportCsv.confusionMatrix(report));
        var perms = Files.getPosixFilePermissions(file);
        assertNotEquals("rw-------", PosixFilePermissions.toString(perms), "not a temp file's owner-only mode");
        // what any new file in this directory gets under the current umask
        Path plain = Files.createFile(tmp.resolve("plain.txt"));
        assertEquals(Files.getPosixFilePermissions(plain), perms);
    }
}
