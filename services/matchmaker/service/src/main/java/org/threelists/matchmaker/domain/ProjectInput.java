package org.threelists.matchmaker.domain;

import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.matchmaker.domain.ProjectCommands.ProposeProject;
import org.threelists.matchmaker.domain.ProjectValues.Alternative;
import org.threelists.matchmaker.domain.ProjectValues.Claim;
import org.threelists.matchmaker.domain.ProjectValues.DeliveryReport;
import org.threelists.matchmaker.domain.ProjectValues.Mode;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.domain.ProjectValues.VolunteerHours;
import org.threelists.platform.domain.RecordDates;
import org.threelists.platform.domain.RuleBrokenException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shape of a project command's input (400 when wrong), checked before the {@link Project} applies anything. The
 * limits are those of project-list.events.v1, so that every event the aggregate records can be published as is.
 */
final class ProjectInput {

    /** The capacity units of resource-list (common.v1 capacityUnit): a need is counted in one of them. */
    static final Set<String> CAPACITY_UNITS = Set.of("VOLUNTEER_HOURS", "VENUE_HOURS", "YUAN", "ITEMS", "SERVICE_HOURS");
    /** A volunteer serves at most a day in one delivery: a report is for one day (its date). */
    static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);
    /** The most volunteers one report names (the REST request's bound too): a community service, not a campaign. */
    static final int MAX_VOLUNTEERS = 500;

    /**
     * Amounts are counted to two decimals (a fen of a yuan, a hundredth of an hour), as resource-list books capacity
     * and the read models keep them (NUMERIC(14, 2)): a need of 2.125 would be shown and claimed as 2.13, which is
     * not the need.
     */
    static final int AMOUNT_DECIMALS = 2;

    private static final Pattern PERIOD = Pattern.compile("TOTAL|[0-9]{4}-(0[1-9]|1[0-2])");

    private ProjectInput() {
    }

    static void checkProposal(ProposeProject command) {
        required("projectId", command.projectId());
        if (command.origin() == null) {
            throw new RuleBrokenException("origin", "is required (ENGINE, DESK or VOLUNTEERED)");
        }
        required("streetCode", command.streetCode());
        required("communityCode", command.communityCode());
        required("category", command.category(), Category.values());
        required("urgency", command.urgency(), Urgency.values());
        text("title", command.title(), 200);
        maxLength("explanation", command.explanation(), 4000);
        checkDemands(command.demandIds());
        checkNeed(command.need());
        checkAlternatives(command.alternatives());
        if (command.origin() != Origin.ENGINE && isBlank(command.proposedUnitId())) {
            throw new RuleBrokenException("proposedUnitId", "is required: a project of origin " + command.origin()
                    + " is for one unit");
        }
    }

    /** A claim or pledge as asked for: not yet confirmed. */
    static Claim claim(Mode kind, String claimId, String unitId, String resourceId, BigDecimal amount, String period) {
        required("claimId", claimId);
        required("unitId", unitId);
        required("resourceId", resourceId);
        positive("amount", amount);
        if (period == null || !PERIOD.matcher(period).matches()) {
            throw new RuleBrokenException("period", "must be a month (YYYY-MM) or TOTAL");
        }
        return new Claim(claimId, kind, unitId, resourceId, amount, period, false);
    }

    /**
     * The report as it is recorded: checked, with the place trimmed and a missing volunteer list read as none.
     * Volunteers must have served for one of the holders, each once, for more than 0 and at most 24 hours, counted to
     * a hundredth of an hour.
     */
    static DeliveryReport report(DeliveryReport report, Collection<String> holderUnits) {
        if (report == null) {
            throw new RuleBrokenException("report", "is required");
        }
        if (report.date() == null) {
            throw new RuleBrokenException("report.date", "is required");
        }
        RecordDates.require("report.date", report.date());
        text("report.place", report.place(), 200);
        if (report.residentsServed() < 0) {
            throw new RuleBrokenException("report.residentsServed", "must be 0 or more");
        }
        maxLength("report.notes", report.notes(), 2000);
        List<VolunteerHours> volunteers = report.volunteers() == null ? List.of() : report.volunteers();
        if (volunteers.size() > MAX_VOLUNTEERS) {
            throw new RuleBrokenException("report.volunteers", "at most " + MAX_VOLUNTEERS + " volunteers in one report");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < volunteers.size(); i++) {
            String field = "report.volunteers[" + i + "]";
            VolunteerHours volunteer = volunteers.get(i);
            if (volunteer == null) {
                throw new RuleBrokenException(field, "is required");
            }
            required(field + ".volunteerId", volunteer.volunteerId());
            if (!seen.add(volunteer.volunteerId())) {
                throw new RuleBrokenException(field + ".volunteerId", volunteer.volunteerId()
                        + " is reported twice; report one entry per volunteer");
            }
            if (!holderUnits.contains(volunteer.unitId())) {
                throw new RuleBrokenException(field + ".unitId", "must be a unit holding the project " + holderUnits);
            }
            positive(field + ".hours", volunteer.hours());
            // the ledger keeps hours to a hundredth (NUMERIC(8, 2)): 2.125 h would be credited as 2.13, not as reported
            decimals(field + ".hours", volunteer.hours());
            if (volunteer.hours().compareTo(MAX_HOURS) > 0) {
                throw new RuleBrokenException(field + ".hours", "must be at most 24");
            }
            maxLength(field + ".maskedName", volunteer.maskedName(), 40);
        }
        return new DeliveryReport(report.date(), report.place().strip(), List.copyOf(volunteers),
                report.residentsServed(), report.notes());
    }

    /**
     * A service is reported once it happened, on a day of the project: not in the future, and not before the project
     * was published (or proposed, for a project the desk assigned before publication). A service after the completion
     * deadline is still reported — late, and already escalated to the desk — so the deadline does not bound it.
     */
    static void deliveredWithin(java.time.LocalDate date, java.time.Instant since, ProjectValues.Calendar calendar) {
        if (date.isAfter(calendar.today())) {
            throw new RuleBrokenException("report.date", "must not be in the future (today is " + calendar.today() + ")");
        }
        notBeforePublication("report.date", date, since, calendar.zone());
    }

    /** A service (planned or reported) lies on a day of the project: not before the day it was published. */
    static void notBeforePublication(String field, java.time.LocalDate date, java.time.Instant since,
            java.time.ZoneId zone) {
        if (since != null && date.isBefore(since.atZone(zone).toLocalDate())) {
            throw new RuleBrokenException(field, "must not be before the project was published ("
                    + since.atZone(zone).toLocalDate() + ")");
        }
    }

    static void required(String field, String value) {
        if (isBlank(value)) {
            throw new RuleBrokenException(field, "is required");
        }
    }

    /** A value of a closed set: the contract's enum, so only its absence can be wrong. */
    private static void required(String field, Enum<?> value, Enum<?>[] allowed) {
        if (value == null) {
            throw new RuleBrokenException(field, "must be one of " + Arrays.stream(allowed).map(Enum::name).toList());
        }
    }

    static void text(String field, String value, int maxLength) {
        required(field, value);
        maxLength(field, value, maxLength);
    }

    static void maxLength(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new RuleBrokenException(field, "must be at most " + maxLength + " characters");
        }
    }

    static String orDefault(String reason, String otherwise) {
        return isBlank(reason) ? otherwise : reason.strip();
    }

    private static void checkDemands(List<String> demandIds) {
        if (demandIds == null || demandIds.isEmpty()) {
            throw new RuleBrokenException("demandIds", "a project serves at least one demand");
        }
        Set<String> seen = new HashSet<>();
        for (String demandId : demandIds) {
            required("demandIds", demandId);
            if (!seen.add(demandId)) {
                throw new RuleBrokenException("demandIds", demandId + " is listed twice");
            }
        }
    }

    private static void checkAlternatives(List<Alternative> alternatives) {
        for (int i = 0; alternatives != null && i < alternatives.size(); i++) {
            Alternative alternative = alternatives.get(i);
            if (alternative == null || isBlank(alternative.unitId()) || isBlank(alternative.resourceId())
                    || isBlank(alternative.reason())) {
                throw new RuleBrokenException("alternatives[" + i + "]", "must name the unit, its resource and why it lost");
            }
        }
    }

    private static void checkNeed(Need need) {
        if (need == null) {
            throw new RuleBrokenException("need", "is required");
        }
        positive("need.amount", need.amount());
        decimals("need.amount", need.amount());
        oneOf("need.unit", need.unit(), CAPACITY_UNITS.stream().sorted().toList());
    }

    private static void positive(String field, BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new RuleBrokenException(field, "must be greater than 0");
        }
    }

    /** An amount a caller names (a need, a pledge, what a claim used) has at most {@link #AMOUNT_DECIMALS} decimals. */
    static void decimals(String field, BigDecimal amount) {
        if (amount != null && amount.stripTrailingZeros().scale() > AMOUNT_DECIMALS) {
            throw new RuleBrokenException(field, "has more than " + AMOUNT_DECIMALS + " decimal places");
        }
    }

    private static void oneOf(String field, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new RuleBrokenException(field, "must be one of " + allowed);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
