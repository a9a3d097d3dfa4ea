package org.threelists.ledger.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.threelists.ledger.domain.LedgerCorrection;
import org.threelists.ledger.domain.LedgerEntry;
import org.threelists.ledger.domain.OnlyHoursAreCorrected;
import org.threelists.ledger.projection.entries.CorrectionChain;
import org.threelists.ledger.projection.entries.Entries;
import org.threelists.ledger.projection.entries.Generations;
import org.threelists.ledger.projection.entries.StoredEntry;
import org.threelists.ledger.projection.statements.OutdatedStatements;
import org.threelists.ledger.projection.summaries.SummaryCorrections;
import org.threelists.platform.domain.NotFoundException;
import org.threelists.platform.domain.RuleBrokenException;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The desk's corrections of a volunteer's hours: a new record in the corrections chain that points at the entry; the
 * entry itself never changes (services/ledger/README.md, "Entries and the hash chains"). A correction of hours that a
 * month's municipal summary already counted is a correction needed ("Monthly municipal summary"); one of hours that a
 * statement certified outdates the statement ("Hour statements").
 */
@ApplicationScoped
public class EntryCorrections {

    private final Entries entries;
    private final CorrectionChain chain;
    private final Generations generations;
    private final SummaryCorrections summaryCorrections;
    private final OutdatedStatements outdatedStatements;

    EntryCorrections(Entries entries, CorrectionChain chain, Generations generations,
            SummaryCorrections summaryCorrections, OutdatedStatements outdatedStatements) {
        this.entries = entries;
        this.chain = chain;
        this.generations = generations;
        this.summaryCorrections = summaryCorrections;
        this.outdatedStatements = outdatedStatements;
    }

    /** The entry of the current generation with its corrections; the caller checks it may act on it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public StoredEntry entry(String entryId) {
        return entries.find(entryId).orElseThrow(() -> new NotFoundException("Entry", entryId));
    }

    /** Corrects the hours in force of an HOURS entry to {@code hours}. */
    @Transactional
    public LedgerCorrection correct(StoredEntry stored, BigDecimal hours, String reason, String actor) {
        if (stored.entry().kind() != LedgerEntry.Kind.HOURS) {
            throw new OnlyHoursAreCorrected(stored.entry().kind());
        }
        if (hours.compareTo(stored.hoursInForce()) == 0) {
            throw new RuleBrokenException("hours", "equals the hours in force: nothing to correct");
        }
        // as an event's application: a monthly summary reading its figures (the lock held exclusively) either holds
        // this correction or is recorded before it, and then the correction is noted for the desk to report
        generations.lockCurrent();
        LedgerCorrection correction = chain.append(stored, hours, reason, actor, Instant.now());
        summaryCorrections.noteCorrection(correction.correctionId());
        // still under the chain's lock, which a statement being issued holds shared from before it reads the hours
        // (HourStatements.issue): a statement issued meanwhile either read this correction or is committed, with the
        // entries it certified, before this finds it
        outdatedStatements.outdateBy(correction);
        return correction;
    }
}
