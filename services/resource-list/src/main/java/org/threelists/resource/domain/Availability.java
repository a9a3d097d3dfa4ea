package org.threelists.resource.domain;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** When a resource can be used: recurring weekly slots and/or date ranges; both empty means "by arrangement". */
public record Availability(List<WeeklySlot> weeklySlots, List<DateRange> dateRanges) {

    public Availability {
        weeklySlots = weeklySlots == null ? List.of() : List.copyOf(weeklySlots);
        dateRanges = dateRanges == null ? List.of() : List.copyOf(dateRanges);
    }

    /** Times are kept to the minute: a slot is "Saturday 09:00–11:30", never finer. */
    public record WeeklySlot(DayOfWeek dayOfWeek, @JsonFormat(pattern = "HH:mm") LocalTime start,
            @JsonFormat(pattern = "HH:mm") LocalTime end) {
        public WeeklySlot {
            start = start == null ? null : start.truncatedTo(ChronoUnit.MINUTES);
            end = end == null ? null : end.truncatedTo(ChronoUnit.MINUTES);
        }
    }

    public record DateRange(LocalDate start, LocalDate end) {
    }
}
