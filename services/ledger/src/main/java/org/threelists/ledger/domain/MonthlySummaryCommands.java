package org.threelists.ledger.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the {@link MonthlySummary} aggregate. */
public final class MonthlySummaryCommands {

    private MonthlySummaryCommands() {
    }

    /** Sends a street's figures of a month to the municipal platform; the id is {@code <street>:<month>}. */
    public record SubmitMonthlySummary(@TargetAggregateIdentifier String summaryId, String streetCode, String month,
            MonthlyFigures figures, String ledgerHead, String actor) {
    }
}
