package io.handwritingstudio.ui.context;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Orders requests whose results can arrive out of order (a slow file read finishing after a later, quicker one):
 * each request takes a ticket, and only the newest ticket's result may take effect. Thread-safe, so a worker can
 * also skip a request that a newer one replaced before it started.
 */
public final class LatestRequest {
    private final AtomicLong issued = new AtomicLong();

    /** A new request: every ticket handed out before it is stale from now on. */
    public Ticket next() {
        return new Ticket(issued.incrementAndGet());
    }

    /** Something else took over (the pad was cleared, a run started): every ticket handed out so far is stale. */
    public void supersede() {
        issued.incrementAndGet();
    }

    /** One request's place in line. */
    public final class Ticket {
        private final long number;

        private Ticket(long number) {
            this.number = number;
        }

        /** True until a newer request is made or {@link #supersede()} is called. */
        public boolean isLatest() {
            return issued.get() == number;
        }

        /** Increases with every request, for ordering results that are all shown (newer over older). */
        public long number() {
            return number;
        }
    }
}
