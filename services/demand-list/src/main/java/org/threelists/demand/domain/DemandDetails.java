package org.threelists.demand.domain;

import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.platform.domain.RecordDates;
import org.threelists.platform.domain.RuleBrokenException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What residents need: the part of a demand that the community may amend until it is matched. */
public record DemandDetails(String compound, String building, Category category, String description,
        int beneficiaries, Urgency urgency, TimeWindow window, LocalDate deadline, BigDecimal estimatedHours,
        List<String> requiredSkills) {

    public DemandDetails {
        // An empty form field means "no compound"/"no building": the topic knows only absent or non-empty.
        compound = blankToNull(compound);
        building = blankToNull(building);
        requiredSkills = requiredSkills == null ? List.of() : List.copyOf(requiredSkills);
    }

    public DemandDetails withDescription(String newDescription) {
        return new DemandDetails(compound, building, category, newDescription, beneficiaries, urgency, window,
                deadline, estimatedHours, requiredSkills);
    }

    /** The rules every demand obeys; checked by the aggregate before it accepts a submission or an amendment. */
    public void check() {
        if (category == null) {
            throw new RuleBrokenException("category", "is required");
        }
        if (urgency == null) {
            throw new RuleBrokenException("urgency", "is required");
        }
        if (description == null || description.isBlank()) {
            throw new RuleBrokenException("description", "must not be blank");
        }
        if (beneficiaries < DemandLimits.BENEFICIARIES_MIN || beneficiaries > DemandLimits.BENEFICIARIES_MAX) {
            throw new RuleBrokenException("beneficiaries", "must be between " + DemandLimits.BENEFICIARIES_MIN
                    + " and " + DemandLimits.BENEFICIARIES_MAX);
        }
        if (estimatedHours == null || estimatedHours.signum() <= 0
                || estimatedHours.compareTo(new BigDecimal(DemandLimits.HOURS_MAX)) > 0) {
            throw new RuleBrokenException("estimatedHours", "must be greater than 0 and at most " + DemandLimits.HOURS_MAX);
        }
        if (estimatedHours.stripTrailingZeros().scale() > DemandLimits.HOURS_FRACTION_DIGITS) {
            throw new RuleBrokenException("estimatedHours", "has more than " + DemandLimits.HOURS_FRACTION_DIGITS
                    + " decimal places");
        }
        requireAtMost("compound", compound, DemandLimits.COMPOUND_MAX);
        requireAtMost("building", building, DemandLimits.BUILDING_MAX);
        requireAtMost("description", description, DemandLimits.DESCRIPTION_MAX);
        if (window != null && (window.start() == null || window.end() == null)) {
            throw new RuleBrokenException("window", "needs both start and end");
        }
        // before the order of the dates: a date beyond the records' years is a typing slip, and the topic's four-digit
        // dates could not carry it (every consumer would drop the demand)
        if (window != null) {
            RecordDates.require("window.start", window.start());
            RecordDates.require("window.end", window.end());
        }
        RecordDates.require("deadline", deadline);
        if (window != null && window.end().isBefore(window.start())) {
            throw new RuleBrokenException("window", "ends before it starts");
        }
        if (deadline != null && window != null && deadline.isBefore(window.start())) {
            throw new RuleBrokenException("deadline", "is before the wished window starts");
        }
        if (requiredSkills.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new RuleBrokenException("requiredSkills", "must not contain blank skills");
        }
        if (requiredSkills.size() > DemandLimits.SKILLS_MAX) {
            throw new RuleBrokenException("requiredSkills", "at most " + DemandLimits.SKILLS_MAX + " skills");
        }
        requiredSkills.forEach(skill -> requireAtMost("requiredSkills", skill, DemandLimits.SKILL_MAX));
    }

    private static void requireAtMost(String field, String text, int max) {
        if (DemandLimits.length(text) > max) {
            throw new RuleBrokenException(field, "must be at most " + max + " characters");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
