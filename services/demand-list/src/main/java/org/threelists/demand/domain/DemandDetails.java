package org.threelists.demand.domain;

import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What residents need: the part of a demand that the community may amend until it is matched. */
public record DemandDetails(String compound, String building, Category category, String description,
        int beneficiaries, Urgency urgency, TimeWindow window, LocalDate deadline, BigDecimal estimatedHours,
        List<String> requiredSkills) {

    public DemandDetails {
        requiredSkills = requiredSkills == null ? List.of() : List.copyOf(requiredSkills);
    }

    /** The rules every demand obeys; checked by the aggregate before it accepts a submission or an amendment. */
    void check() {
        if (category == null) {
            throw ProblemException.invalid("category", "is required");
        }
        if (urgency == null) {
            throw ProblemException.invalid("urgency", "is required");
        }
        if (description == null || description.isBlank()) {
            throw ProblemException.invalid("description", "must not be blank");
        }
        if (beneficiaries < 1) {
            throw ProblemException.invalid("beneficiaries", "must be at least 1");
        }
        if (estimatedHours == null || estimatedHours.signum() <= 0) {
            throw ProblemException.invalid("estimatedHours", "must be greater than 0");
        }
        if (window != null && (window.start() == null || window.end() == null)) {
            throw ProblemException.invalid("window", "needs both start and end");
        }
        if (window != null && window.end().isBefore(window.start())) {
            throw ProblemException.invalid("window", "ends before it starts");
        }
        if (deadline != null && window != null && deadline.isBefore(window.start())) {
            throw ProblemException.invalid("deadline", "is before the wished window starts");
        }
        if (requiredSkills.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw ProblemException.invalid("requiredSkills", "must not contain blank skills");
        }
    }
}
