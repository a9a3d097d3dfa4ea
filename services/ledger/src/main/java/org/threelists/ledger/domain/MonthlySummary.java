package org.threelists.ledger.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.threelists.ledger.domain.MonthlySummaryCommands.SubmitMonthlySummary;
import org.threelists.ledger.domain.MonthlySummaryEvents.MonthlySummarySubmitted;
import org.threelists.platform.domain.RuleBrokenException;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A street's summary of one month for the municipal platform. One aggregate per street and month, created by its only
 * event: the event store refuses a second stream with the same id, so the summary is sent exactly once (the relay
 * publishes what the store committed, once).
 */
public class MonthlySummary {

    @AggregateIdentifier
    private String summaryId;

    protected MonthlySummary() {
    }

    public static String idOf(String streetCode, String month) {
        return streetCode + ":" + month;
    }

    @CommandHandler
    public MonthlySummary(SubmitMonthlySummary command) {
        try {
            YearMonth.parse(command.month());
        } catch (DateTimeParseException e) {
            throw new RuleBrokenException("month", "'" + command.month() + "' is not a month (YYYY-MM)");
        }
        if (!command.summaryId().equals(idOf(command.streetCode(), command.month()))) {
            throw new RuleBrokenException("summaryId", "must be " + idOf(command.streetCode(), command.month()));
        }
        apply(new MonthlySummarySubmitted(command.summaryId(), command.streetCode(), command.month(), command.figures(),
                command.ledgerHead(), command.actor()));
    }

    @EventSourcingHandler
    void on(MonthlySummarySubmitted event) {
        summaryId = event.summaryId();
    }
}
