package org.threelists.ledger.domain;

import org.threelists.platform.domain.DomainException;

import java.util.Map;

/**
 * One rebuild of the ledger at a time: a second one, asked while a run is queued or running, is refused and names
 * that run, or says that another replica runs one (services/ledger/README.md, "Rebuild runs").
 */
public class RebuildUnderWay extends DomainException {

    public RebuildUnderWay(String runId, String startedBy) {
        super(Kind.ILLEGAL_TRANSITION, "Rebuild run " + runId + " started by " + startedBy
                + " is under way: one rebuild at a time", Map.of("runId", runId, "startedBy", startedBy));
    }

    private RebuildUnderWay(String message) {
        super(Kind.ILLEGAL_TRANSITION, message, Map.of("state", "REBUILDING"));
    }

    /** A run of another replica holds the rebuild lock; its runs live in that replica's memory. */
    public static RebuildUnderWay onAnotherReplica() {
        return new RebuildUnderWay("A rebuild is under way on another replica: one rebuild at a time");
    }
}
