package org.threelists.ledger.service;

import org.threelists.ledger.projection.entries.RebuildLock;
import org.threelists.ledger.projection.runs.RunStore;
import org.threelists.ledger.projection.verification.ChainVerification;

/**
 * A second replica of the ledger as far as its runs go (services/ledger/README.md, "Verification runs" and "Rebuild
 * runs"): runs of its own, a walker, a rebuild worker and a heartbeat of its own, over the same database as the
 * replica under test. What one replica holds in memory the other never sees; what they share is the database.
 */
public final class OtherReplica implements AutoCloseable {

    public final VerificationRuns verifications;
    public final RebuildRuns rebuilds;

    public OtherReplica(ChainVerification verification, LedgerRebuild rebuild, ReplayExtent extent,
            RebuildLock rebuildLock, RunStore store) {
        verifications = new VerificationRuns(verification, store);
        rebuilds = new RebuildRuns(rebuild, extent, rebuildLock, store);
    }

    /** The replica stops, as a pod does when it is scaled down. */
    @Override
    public void close() {
        verifications.stop();
        rebuilds.stop();
    }
}
