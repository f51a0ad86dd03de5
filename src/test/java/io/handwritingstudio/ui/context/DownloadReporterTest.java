package io.handwritingstudio.ui.context;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DownloadReporterTest {
    @Test
    void saysHowMuchOfHowMuchInEveryLocaleAndStopsOnceCancelled() {
        Locale was = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            List<String> messages = new ArrayList<>();
            List<long[]> progress = new ArrayList<>();
            AtomicBoolean cancelled = new AtomicBoolean();
            var reporter = new DownloadReporter("mnist", cancelled::get, (d, t) -> progress.add(new long[]{d, t}), messages::add);
            reporter.onProgress("train-images-idx3-ubyte", 4_200_000, 9_912_422);
            reporter.onProgress("t10k-labels-idx1-ubyte", 1_500, -1);
            assertEquals(List.of("Downloading train-images-idx3-ubyte: 4.2 of 9.9 MB",
                    "Downloading t10k-labels-idx1-ubyte: 0.0 MB"), messages);
            assertEquals(4_200_000, progress.get(0)[0]);
            assertEquals(-1, progress.get(1)[0], "an unknown size shows an indeterminate bar");

            cancelled.set(true);
            assertThrows(CancellationException.class, () -> reporter.onProgress("train-images-idx3-ubyte", 5_000_000, 9_912_422));
            assertEquals(2, messages.size());
        } finally {
            Locale.setDefault(was);
        }
    }
}
