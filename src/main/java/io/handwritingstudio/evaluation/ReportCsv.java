package io.handwritingstudio.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes an evaluation's confusion matrix and per-class metrics as CSV (RFC 4180 quoting, '.' decimals),
 * atomically: a half-written file never replaces a good one.
 */
public final class ReportCsv {
    private ReportCsv() {
    }

    /** Header "true \ predicted", then one row per true class: its name followed by the counts per predicted class. */
    public static String confusionMatrix(EvaluationReport report) {
        int k = report.classes().size();
        int[][] m = report.confusionMatrix();
        StringBuilder sb = new StringBuilder(quote("true \\ predicted"));
        for (int c = 0; c < k; c++) sb.append(',').append(quote(report.classes().name(c)));
        sb.append("\r\n");
        for (int t = 0; t < k; t++) {
            sb.append(quote(report.classes().name(t)));
            for (int p = 0; p < k; p++) sb.append(',').append(m[t][p]);
            sb.append("\r\n");
        }
        return sb.toString();
    }

    /** One row per class: class, precision, recall, f1, support. */
    public static String perClass(EvaluationReport report) {
        StringBuilder sb = new StringBuilder("class,precision,recall,f1,support\r\n");
        for (ClassMetrics m : report.perClass()) {
            sb.append(quote(m.name())).append(',')
                    .append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%d", m.precision(), m.recall(), m.f1(), m.support()))
                    .append("\r\n");
        }
        return sb.toString();
    }

    /** Writes {@code text} whole or not at all. */
    public static void writeAtomically(Path target, String text) throws IOException {
        io.handwritingstudio.files.AtomicFiles.writeString(target, text);
    }

    /** Reads a matrix written by {@link #confusionMatrix}: counts only, [true][predicted]. */
    public static int[][] readConfusionMatrix(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<int[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            List<String> cells = split(line);
            int[] row = new int[cells.size() - 1];
            for (int i = 1; i < cells.size(); i++) row[i - 1] = Integer.parseInt(cells.get(i).trim());
            rows.add(row);
        }
        return rows.toArray(int[][]::new);
    }

    /** Splits one CSV line, honouring double-quoted fields. */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cell.append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.append(ch);
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }

    static String quote(String s) {
        boolean needs = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.contains("\\");
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
