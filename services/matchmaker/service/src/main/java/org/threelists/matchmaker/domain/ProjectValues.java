package org.threelists.matchmaker.domain;

import org.threelists.contracts.Urgency;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Value objects of the {@link Project} aggregate, carried by its commands and events. */
public final class ProjectValues {

    private ProjectValues() {
    }

    /**
     * A project's urgency: the highest of its demands' (NORMAL for none). It sets the project's claim and
     * completion deadlines (README "Deadlines").
     */
    public static Urgency highestUrgency(Collection<Urgency> demands) {
        return demands.stream().max(Comparator.naturalOrder()).orElse(Urgency.NORMAL);
    }

    /** Where a project came from. */
    public enum Origin {
        /** A proposal of the matching engine. */
        ENGINE,
        /** Created by the coordination desk and assigned to a unit. */
        DESK,
        /** A unit volunteered for a listed demand (揭榜). */
        VOLUNTEERED
    }

    /** How units take a published project. */
    public enum Mode {
        /** One unit claims the whole project (认领). */
        CLAIM,
        /** Several units pledge shares until the need is covered (红色众筹). */
        PLEDGE
    }

    /** Which time limit passed. */
    public enum DeadlineKind {
        /** Published → taken. */
        CLAIM,
        /** Taken → delivered. */
        COMPLETION,
        /** Delivered → confirmed by the community (确认完成); README "Confirmation wait". */
        CONFIRMATION,
        /** A unit's 揭榜 → approved or refused by the desk or the community; README "The 揭榜's approval wait". */
        APPROVAL
    }

    /**
     * The desk confirmed a delivery on the community's behalf (代为确认完成), once the confirmation wait had passed,
     * with why it may: typically that it asked the community or the resident. Kept in the matchmaker, never published:
     * free text may name a resident.
     */
    public record OnBehalf(String reason) {
    }

    /**
     * How much the project needs, in one capacity unit of resource-list ({@code VOLUNTEER_HOURS}, {@code VENUE_HOURS},
     * {@code YUAN}, {@code ITEMS}, {@code SERVICE_HOURS}).
     */
    public record Need(BigDecimal amount, String unit) {
    }

    /** The engine's score of a proposal: its total and its named terms. */
    public record Score(double total, Map<String, Double> terms) {
    }

    /** A unit the engine considered and did not choose, and why. */
    public record Alternative(String unitId, String resourceId, Double score, String reason) {
    }

    /**
     * A claim or pledge: asked for ({@code confirmed == false}) until resource-list has reserved the capacity.
     * {@code period}: the month ("2026-12") for a monthly capacity, or "TOTAL".
     */
    public record Claim(String claimId, Mode kind, String unitId, String resourceId, BigDecimal amount, String period,
            boolean confirmed) {

        public Claim confirm() {
            return new Claim(claimId, kind, unitId, resourceId, amount, period, true);
        }
    }

    /** One volunteer's service in a delivery (by id and masked name only). */
    public record VolunteerHours(String volunteerId, String unitId, String maskedName, BigDecimal hours) {
    }

    /**
     * Where a volunteer's credited hours come from (README "Check-in and reconciliation"): the time between their
     * check-in and check-out at the activity, or — for a volunteer who did not check in and out — the unit's report,
     * recorded as confirmed by the unit.
     */
    public enum HoursBasis {
        CHECKED("签到签退"),
        CONFIRMED_BY_UNIT("单位确认");

        private final String zh;

        HoursBasis(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    /**
     * One volunteer's line of a delivery's reconciliation: the report's hours beside the checked ones. {@code credited}
     * is what the ledger gets ({@code basis} says from where); {@code difference} is reported − checked when both are
     * known, −checked for a volunteer who checked in and out but is not in the report (then nothing is credited), null
     * for one who did not check in and out.
     */
    public record ReconciledHours(String volunteerId, String unitId, BigDecimal reportedHours, BigDecimal checkedHours,
            BigDecimal creditedHours, HoursBasis basis, BigDecimal difference) {

        public boolean differs() {
            return difference != null && difference.signum() != 0;
        }
    }

    /** The delivery report (三联单 service slip). */
    public record DeliveryReport(LocalDate date, String place, List<VolunteerHours> volunteers, int residentsServed,
            String notes) {
    }

    /**
     * The calendar a delivery report is checked against: today and the time zone of the communities (the report's
     * date is a day there, while the project's publication is an instant).
     */
    public record Calendar(LocalDate today, java.time.ZoneId zone) {
    }

    /** What a holder used of its reservation; resource-list consumes it and returns the rest. */
    public record Consumption(String claimId, String unitId, String resourceId, BigDecimal amount) {
    }

    /** A claim or pledge whose reserved capacity resource-list is to give back. */
    public record Release(String claimId, String unitId, String resourceId) {
    }
}
