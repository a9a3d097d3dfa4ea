package org.threelists.ledger.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.threelists.ledger.domain.MonthNotEnded;
import org.threelists.ledger.domain.MonthlyFigures;
import org.threelists.ledger.domain.MonthlySummary;
import org.threelists.ledger.domain.MonthlySummaryCommands.SubmitMonthlySummary;
import org.threelists.ledger.domain.SummaryDuringRebuild;
import org.threelists.ledger.domain.SummarySentAlready;
import org.threelists.ledger.projection.Labels;
import org.threelists.ledger.projection.entries.Generations;
import org.threelists.ledger.projection.entries.RebuildLock;
import org.threelists.ledger.projection.reports.LedgerReports;
import org.threelists.ledger.projection.reports.LedgerReports.GroupBy;
import org.threelists.ledger.projection.reports.LedgerReports.Scope;
import org.threelists.ledger.projection.summaries.MunicipalSummaries;
import org.threelists.ledger.projection.summaries.SummaryCorrections;
import org.threelists.ledger.projection.verification.ChainVerification;
import org.threelists.platform.domain.RuleBrokenException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The street's monthly summary to the municipal platform (municipal.service-records.v1): the confirmed figures of a
 * month that has ended, with the ledger head they were computed from, sent exactly once per street and month
 * (services/ledger/README.md, "Monthly municipal summary").
 */
@ApplicationScoped
public class MunicipalSummarySubmission {

    private final CommandGateway commands;
    private final LedgerReports reports;
    private final MunicipalSummaries summaries;
    private final ChainVerification verification;
    private final Generations generations;
    private final RebuildLock rebuildLock;
    private final ZoneId zone;

    MunicipalSummarySubmission(CommandGateway commands, LedgerReports reports, MunicipalSummaries summaries,
            ChainVerification verification, Generations generations, RebuildLock rebuildLock,
            @ConfigProperty(name = "threelists.ledger.time-zone") ZoneId zone) {
        this.commands = commands;
        this.reports = reports;
        this.summaries = summaries;
        this.verification = verification;
        this.generations = generations;
        this.rebuildLock = rebuildLock;
        this.zone = zone;
    }

    /**
     * Sends the street's summary of {@code month} (YYYY-MM); answers it as recorded. From reading the figures until the
     * summary is recorded, no event is applied (the generation lock, held exclusively as a rebuild's flip holds it): an
     * event applied live is then either in the figures or finds the summary and is noted as a correction needed
     * ({@link SummaryCorrections.After#SUMMARY_RECORDED}), never neither. A summary is sent once a month per street;
     * the live consumers wait while it reads its figures and the chain heads and records itself (and it waits, as they
     * do, for a rebuild's flip). Nor is it sent while a rebuild runs ({@link RebuildLock}, 409): the rebuild's replay
     * goes by the summaries it finds, and one recorded half-way through would escape it.
     */
    @Transactional
    public MunicipalSummaries.Sent submit(String street, YearMonth month, String actor) {
        requireEnded(month);
        if (!rebuildLock.tryHoldSharedForTransaction()) {
            throw new SummaryDuringRebuild(month.toString());
        }
        generations.lockExclusively();
        String id = MonthlySummary.idOf(street, month.toString());
        // under the lock, a second request for the month waits for the first to commit and finds it here
        if (summaries.exists(id)) {
            throw new SummarySentAlready(street, month.toString());
        }
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Scope scope = new Scope(street, null);
        var total = reports.totals(scope, from, to);
        MonthlyFigures figures = new MonthlyFigures(Labels.streetName(street), total.hours(), total.activities(),
                total.volunteers(), total.residentsServed(), groups(scope, GroupBy.COMMUNITY, from, to),
                groups(scope, GroupBy.CATEGORY, from, to));
        commands.sendAndWait(new SubmitMonthlySummary(id, street, month.toString(), figures, verification.currentHead(),
                actor));
        return summaries.list(street, id).get(0);
    }

    /**
     * A month is summarised once, so only a closed one: the current month is still filling, a future one has nothing
     * yet. "Now" is the communities' time zone.
     */
    private void requireEnded(YearMonth month) {
        YearMonth current = YearMonth.now(zone);
        if (month.isAfter(current)) {
            throw new RuleBrokenException("month", "is in the future: only a month that has ended can be summarised");
        }
        if (month.equals(current)) {
            throw new MonthNotEnded(month);
        }
    }

    private List<MonthlyFigures.Group> groups(Scope scope, GroupBy by, LocalDate from, LocalDate to) {
        return reports.report(scope, by, from, to, true).stream().map(r -> new MonthlyFigures.Group(r.key(), r.label(),
                r.hours(), r.activities(), r.volunteers(), r.residentsServed())).toList();
    }
}
