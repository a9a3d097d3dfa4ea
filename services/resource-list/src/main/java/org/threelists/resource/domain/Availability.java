package org.threelists.resource.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * When a resource can be used: recurring weekly slots and/or date ranges; both empty means "by arrangement".
 * <p>
 * Both lists are bounded, in the request, the aggregate and both contracts alike: an offer is one Kafka record of
 * resource-list.events.v1, and a record larger than the producer's 1 MB would stop the relay, and with it everything
 * the service publishes (services/resource-list/README.md, "Bounds"). A week of a unit's opening hours is at most a
 * few windows a day ({@value #MAX_WEEKLY_SLOTS}: seven a day, every day); the date ranges are the dated
 * occasions of an offer's validity, a year of weekends with the holidays ({@value #MAX_DATE_RANGES}).
 */
public record Availability(@Size(max = Availability.MAX_WEEKLY_SLOTS) List<WeeklySlot> weeklySlots,
        @Size(max = Availability.MAX_DATE_RANGES) List<DateRange> dateRanges) {

    public static final int MAX_WEEKLY_SLOTS = 50;
    public static final int MAX_DATE_RANGES = 100;

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
