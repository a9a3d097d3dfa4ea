package org.threelists.resource.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** When a resource can be used: recurring weekly slots and/or date ranges; both empty means "by arrangement". */
public record Availability(List<WeeklySlot> weeklySlots, List<DateRange> dateRanges) {

    static final String TIME_OF_DAY = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

    public Availability {
        weeklySlots = weeklySlots == null ? List.of() : List.copyOf(weeklySlots);
        dateRanges = dateRanges == null ? List.of() : List.copyOf(dateRanges);
    }

    /**
     * Times are kept to the minute: a slot is "Saturday 09:00–11:30", never finer; the REST document states the same
     * "HH:MM" as resource-list.events.v1's timeOfDay.
     */
    public record WeeklySlot(DayOfWeek dayOfWeek,
            @Schema(implementation = String.class, type = SchemaType.STRING, pattern = TIME_OF_DAY, examples = "09:00") @JsonFormat(pattern = "HH:mm")
            LocalTime start,
            @Schema(implementation = String.class, type = SchemaType.STRING, pattern = TIME_OF_DAY, examples = "11:30") @JsonFormat(pattern = "HH:mm")
            LocalTime end) {
        public WeeklySlot {
            start = start == null ? null : start.truncatedTo(ChronoUnit.MINUTES);
            end = end == null ? null : end.truncatedTo(ChronoUnit.MINUTES);
        }
    }

    public record DateRange(LocalDate start, LocalDate end) {
    }
}
