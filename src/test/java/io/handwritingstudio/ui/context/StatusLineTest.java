package io.handwritingstudio.ui.context;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StatusLineTest {
    private final List<Runnable> due = new ArrayList<>();
    private final StatusLine status = new StatusLine(due::add);

    private void timePasses() {
        List<Runnable> now = List.copyOf(due);
        due.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void newsGoesAfterAWhile() {
        status.news("Saved a \"7\" to samples");
        assertEquals("Saved a \"7\" to samples", status.text());
        timePasses();
        assertEquals("", status.text());
    }

    @Test
    void newerNewsIsNotClearedByTheOlderOnesClock() {
        status.news("Opened letters");
        status.news("Reading with mnist");
        due.remove(0).run(); // the older message's time is up; the newer one's is not
        assertEquals("Reading with mnist", status.text());
        timePasses();
        assertEquals("", status.text());
    }

    @Test
    void workUnderWayAndProblemsStayUntilReplaced() {
        status.news("Opened letters");
        status.working("Loading mnist.zip...");
        timePasses();
        assertEquals("Loading mnist.zip...", status.text());
        status.problem("Could not open x.zip: not a model");
        timePasses();
        assertEquals("Could not open x.zip: not a model", status.text());
        status.news("Reading with mnist");
        timePasses();
        assertEquals("", status.text());
    }
}
