package org.threelists.matchmaker.domain;

import org.threelists.matchmaker.domain.ProjectValues.HoursBasis;
import org.threelists.matchmaker.domain.ProjectValues.ReconciledHours;
import org.threelists.matchmaker.domain.ProjectValues.VolunteerHours;
import org.threelists.platform.checkin.CheckedHours;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who checked in and out of a project's activity (README "Check-in and reconciliation"): per volunteer the open
 * check-in, the time of the rounds checked out, and the nonces of the codes they used — one code is shown to every
 * volunteer at the activity, so it opens its purpose once per volunteer. Only the {@link Project}'s event-sourcing
 * handlers change it.
 */
final class Attendance {

    private final Map<String, Volunteer> volunteers = new LinkedHashMap<>();

    private static final class Volunteer {
        private String unitId;
        private Instant checkedInAt;
        private Duration checkedTime = Duration.ZERO;
        private boolean checkedOut;
        private final Set<String> usedCodes = new HashSet<>();

        /** By value, as the aggregate's state is compared when it is rebuilt from its events. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Volunteer v && Objects.equals(unitId, v.unitId)
                    && Objects.equals(checkedInAt, v.checkedInAt) && checkedTime.equals(v.checkedTime)
                    && checkedOut == v.checkedOut && usedCodes.equals(v.usedCodes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(unitId, checkedInAt, checkedTime, checkedOut, usedCodes);
        }
    }

    boolean used(String volunteerId, String codeNonce) {
        Volunteer v = volunteers.get(volunteerId);
        return v != null && v.usedCodes.contains(codeNonce);
    }

    /** Whether the volunteer checked in and out at least once: their hours are checked, not the report's word. */
    boolean checkedOut(String volunteerId) {
        Volunteer v = volunteers.get(volunteerId);
        return v != null && v.checkedOut;
    }

    /** When the volunteer's open round began; null when they are not checked in. */
    Instant checkedInAt(String volunteerId) {
        Volunteer v = volunteers.get(volunteerId);
        return v == null ? null : v.checkedInAt;
    }

    /** The checked time of the volunteer's rounds so far plus one ending {@code at}, as hours. */
    BigDecimal hoursEndingAt(String volunteerId, Instant at) {
        Volunteer v = volunteers.get(volunteerId);
        return CheckedHours.of(v.checkedTime.plus(Duration.between(v.checkedInAt, at)));
    }

    void checkIn(String volunteerId, String unitId, String codeNonce, Instant at) {
        Volunteer v = volunteers.computeIfAbsent(volunteerId, id -> new Volunteer());
        v.unitId = unitId;
        v.checkedInAt = at;
        v.usedCodes.add(codeNonce);
    }

    void checkOut(String volunteerId, String codeNonce, Instant checkedInAt, Instant at) {
        Volunteer v = volunteers.computeIfAbsent(volunteerId, id -> new Volunteer());
        v.checkedTime = v.checkedTime.plus(Duration.between(checkedInAt, at));
        v.checkedOut = true;
        v.checkedInAt = null;
        v.usedCodes.add(codeNonce);
    }

    /** The project went back on the list: its schedule is gone, and with it the activity's check-ins. */
    void forgetAll() {
        volunteers.clear();
    }

    /**
     * The report's volunteers beside their checked time: a volunteer who checked in and out is credited the checked
     * hours; one who did not (or never checked out) the report's hours, as confirmed by the unit. A volunteer who
     * checked in and out but is missing from the report is listed after them, credited nothing, so that the desk sees
     * the difference.
     */
    List<ReconciledHours> reconcile(List<VolunteerHours> reported) {
        List<ReconciledHours> lines = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (VolunteerHours entry : reported) {
            named.add(entry.volunteerId());
            BigDecimal checked = checkedHours(entry.volunteerId());
            if (checked == null) {
                lines.add(new ReconciledHours(entry.volunteerId(), entry.unitId(), entry.hours(), null, entry.hours(),
                        HoursBasis.CONFIRMED_BY_UNIT, null));
            } else {
                lines.add(new ReconciledHours(entry.volunteerId(), entry.unitId(), entry.hours(), checked, checked,
                        HoursBasis.CHECKED, entry.hours().subtract(checked)));
            }
        }
        volunteers.forEach((volunteerId, v) -> {
            BigDecimal checked = checkedHours(volunteerId);
            if (checked != null && !named.contains(volunteerId)) {
                lines.add(new ReconciledHours(volunteerId, v.unitId, null, checked, null, null, checked.negate()));
            }
        });
        return lines;
    }

    /** The hours of the rounds checked out; null for a volunteer who never checked out. */
    private BigDecimal checkedHours(String volunteerId) {
        Volunteer v = volunteers.get(volunteerId);
        return v == null || !v.checkedOut ? null : CheckedHours.of(v.checkedTime);
    }
}
