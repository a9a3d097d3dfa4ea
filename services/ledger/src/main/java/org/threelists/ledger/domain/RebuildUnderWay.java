package org.threelists.ledger.domain;

import org.threelists.platform.domain.DomainException;

import java.util.Map;

/**
 * One rebuild of the ledger at a time: a second one, asked while a run is queued or running, is refused and names
 * that run (services/ledger/README.md, "Rebuild runs").
 */
public class RebuildUnderWay extends DomainException {

    public RebuildUnderWay(String runId, String startedBy) {
        super(Kind.ILLEGAL_TRANSITION, "Rebuild run " + runId + " started by " + startedBy
                + " is under way: one rebuild at a time", Map.of("runId", runId, "startedBy", startedBy));
    }
}
