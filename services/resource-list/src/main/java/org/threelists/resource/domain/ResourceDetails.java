package org.threelists.resource.domain;

import org.threelists.contracts.Category;
import org.threelists.platform.domain.RecordDates;
import org.threelists.platform.domain.RuleBrokenException;

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
            throw new RuleBrokenException("title", "must not be blank");
        }
        PersonalDataInText.refuse("title", title);
        PersonalDataInText.refuse("description", description);
        if (categories.isEmpty()) {
            throw new RuleBrokenException("categories", "an offer serves at least one category of needs");
        }
        if (categories.stream().distinct().count() != categories.size()) {
            throw new RuleBrokenException("categories", "must not repeat a category");
        }
        if (serviceArea.isEmpty()) {
            throw new RuleBrokenException("serviceArea", "an offer serves at least one community");
        }
        if (serviceArea.stream().distinct().count() != serviceArea.size()) {
            throw new RuleBrokenException("serviceArea", "must not repeat a community");
        }
        if (capacity == null || capacity.amount() == null || capacity.amount().signum() <= 0) {
            throw new RuleBrokenException("capacity.amount", "must be greater than 0");
        }
        if (capacity.period() == null) {
            throw new RuleBrokenException("capacity.period", "is required");
        }
        if (validFrom == null) {
            throw new RuleBrokenException("validFrom", "is required");
        }
        RecordDates.require("validFrom", validFrom);
        RecordDates.require("validUntil", validUntil);
        if (validUntil != null && validUntil.isBefore(validFrom)) {
            throw new RuleBrokenException("validUntil", "is before validFrom");
        }
        if (availability.weeklySlots().size() > Availability.MAX_WEEKLY_SLOTS) {
            throw new RuleBrokenException("availability.weeklySlots", "at most " + Availability.MAX_WEEKLY_SLOTS
                    + " weekly slots, not " + availability.weeklySlots().size());
        }
        if (availability.dateRanges().size() > Availability.MAX_DATE_RANGES) {
            throw new RuleBrokenException("availability.dateRanges", "at most " + Availability.MAX_DATE_RANGES
                    + " date ranges, not " + availability.dateRanges().size());
        }
        for (Availability.WeeklySlot slot : availability.weeklySlots()) {
            if (slot.dayOfWeek() == null || slot.start() == null || slot.end() == null || !slot.end().isAfter(slot.start())) {
                throw new RuleBrokenException("availability.weeklySlots", "each slot needs a day and a start before its end");
            }
        }
        for (Availability.DateRange range : availability.dateRanges()) {
            if (range.start() == null || range.end() == null || range.end().isBefore(range.start())) {
                throw new RuleBrokenException("availability.dateRanges", "each range needs a start not after its end");
            }
            RecordDates.require("availability.dateRanges", range.start());
            RecordDates.require("availability.dateRanges", range.end());
        }
    }
}
