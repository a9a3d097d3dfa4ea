package org.threelists.ledger.domain;

/** Events of the {@link MonthlySummary} aggregate; the relay publishes them to municipal.service-records.v1. */
public final class MonthlySummaryEvents {

    private MonthlySummaryEvents() {
    }

    public record MonthlySummarySubmitted(String summaryId, String streetCode, String month, MonthlyFigures figures,
            String ledgerHead, String actor) {
    }
}
