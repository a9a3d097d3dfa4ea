package org.threelists.demand.messaging;

import org.threelists.demand.projection.DemandView;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which municipal ticket each recently submitted demand came from, as its {@code DemandSubmitted} said; a demand's
 * ticket is fixed when it is submitted. The relay maps a demand's later events (verified, matched, a slip's steps)
 * onto municipal.feedback.v1 only for a demand that has a ticket, and asking the read model for every one cost a
 * database round trip per event on the relay's single thread, waiting for a pooled connection behind the requests
 * (bench/README.md, "The relay's hop under load"). Only the relay's thread calls this; a demand not remembered
 * (submitted before a restart, or long ago) is read from the read model as before, so the answer never depends on what
 * is remembered.
 */
final class SubmittedTickets {

    /** Enough for the demands of a long backlog; about a megabyte. */
    private static final int REMEMBERED = 10_000;
    /** A demand remembered without a ticket. */
    private static final String NONE = "";

    private static final Map<String, String> TICKETS = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    private SubmittedTickets() {
    }

    static synchronized void submitted(String demandId, String ticket) {
        TICKETS.put(demandId, ticket == null ? NONE : ticket);
    }

    /** Forgets every demand, as a restart does (the tests' relay that did not see a demand submitted). */
    static synchronized void forgetAll() {
        TICKETS.clear();
    }

    /** The ticket a demand came from; null for a demand that did not come from the municipal platform. */
    static String of(String demandId) {
        String known;
        synchronized (SubmittedTickets.class) {
            known = TICKETS.get(demandId);
        }
        if (known != null) {
            return known.isEmpty() ? null : known;
        }
        DemandView view = DemandView.findById(demandId);
        return view == null ? null : view.municipalTicketId;
    }
}
