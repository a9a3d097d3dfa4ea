package org.threelists.resource.domain;

import org.threelists.contracts.Category;
import org.threelists.platform.problem.ProblemException;

import java.time.LocalDate;
import java.util.List;

/** The offer itself: what, for which needs, with which skills, where, when and how much. */
public record ResourceDetails(String title, String description, List<Category> categories, List<String> skills,
        List<String> serviceArea, Availability availability, Capacity capacity, LocalDate validFrom,
        LocalDate validUntil) {

    public ResourceDetails {
        categories = categories == null ? List.of() : List.copyOf(categories);
        skills = skills == null ? List.of() : List.copyOf(skills);
        serviceArea = serviceArea == null ? List.of() : List.copyOf(serviceArea);
        availability = availability == null ? new Availability(List.of(), List.of()) : availability;
    }

    void check() {
        if (title == null || title.isBlank()) {
            throw ProblemException.invalid("title", "must not be blank");
        }
        if (categories.isEmpty()) {
            throw ProblemException.invalid("categories", "an offer serves at least one category of needs");
        }
        if (categories.stream().distinct().count() != categories.size()) {
            throw ProblemException.invalid("categories", "must not repeat a category");
        }
        if (serviceArea.isEmpty()) {
            throw ProblemException.invalid("serviceArea", "an offer serves at least one community");
        }
        if (serviceArea.stream().distinct().count() != serviceArea.size()) {
            throw ProblemException.invalid("serviceArea", "must not repeat a community");
        }
        if (capacity == null || capacity.amount() == null || capacity.amount().signum() <= 0) {
            throw ProblemException.invalid("capacity.amount", "must be greater than 0");
        }
        if (capacity.period() == null) {
            throw ProblemException.invalid("capacity.period", "is required");
        }
        if (validFrom == null) {
            throw ProblemException.invalid("validFrom", "is required");
        }
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw ProblemException.invalid("validUntil", "is before validFrom");
        }
        for (Availability.WeeklySlot slot : availability.weeklySlots()) {
            if (slot.dayOfWeek() == null || slot.start() == null || slot.end() == null || !slot.end().isAfter(slot.start())) {
                throw ProblemException.invalid("availability.weeklySlots", "each slot needs a day and a start before its end");
            }
        }
        for (Availability.DateRange range : availability.dateRanges()) {
            if (range.start() == null || range.end() == null || range.end().isBefore(range.start())) {
                throw ProblemException.invalid("availability.dateRanges", "each range needs a start not after its end");
            }
        }
    }
}
