package org.threelists.ledger.domain;

import org.threelists.platform.domain.DomainException;

import java.util.Map;

/**
 * A monthly summary waits for a rebuild under way (services/ledger/README.md, "Monthly municipal summary"): the
 * rebuild notes what came after a summary by the summaries it finds as it replays, so one sent half-way through would
 * miss an event it replayed before and the live generation had not recorded.
 */
public class SummaryDuringRebuild extends DomainException {

    public SummaryDuringRebuild(String month) {
        super(Kind.ILLEGAL_TRANSITION, "A rebuild of the ledger is under way: the summary of " + month
                + " can be sent once it is done", Map.of("state", "REBUILDING", "action", "summarise"));
    }
}
