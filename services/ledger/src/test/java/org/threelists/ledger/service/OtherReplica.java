package org.threelists.ledger.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.threelists.ledger.projection.entries.RebuildLock;
import org.threelists.ledger.projection.runs.RunStore;
import org.threelists.ledger.projection.verification.ChainVerification;

/**
 * A second replica of the ledger as far as its runs go (services/ledger/README.md, "Verification runs" and "Rebuild
 * runs"): runs of its own, a walker, a rebuild worker and a heartbeat of its own, over the same database as the
 * replica under test. What one replica holds in memory the other never sees; what they share is the database.
 */
public final class OtherReplica implements AutoCloseable {

    /** What a second replica is built from: this replica's beans, whose state is all in the database. */
    @ApplicationScoped
    public static class Parts {

        @Inject
        ChainVerification verification;
        @Inject
        LedgerRebuild rebuild;
        @Inject
        ReplayExtent extent;
        @Inject
        RebuildLock rebuildLock;
        @Inject
        RunStore store;

        /** A second replica's runs, started now; close it to stop them. */
        public OtherReplica start() {
            return new OtherReplica(verification, rebuild, extent, rebuildLock, store);
        }
    }

    public final VerificationRuns verifications;
    public final RebuildRuns rebuilds;

    OtherReplica(ChainVerification verification, LedgerRebuild rebuild, ReplayExtent extent,
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
