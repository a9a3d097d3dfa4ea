package org.threelists.matchmaker.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.matchmaker.domain.ProjectValues.VolunteerHours;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.matchmaker.projection.RosterVolunteerView;
import org.threelists.matchmaker.projection.RowsById;
import org.threelists.platform.domain.RuleBrokenException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Hours cannot be invented (README "REST"): a delivery report names only volunteers on resource-list's roster, active
 * and registered with a unit that holds the project (a dual-registered member, 双报到, counts through the unit it
 * registered with), and each entry is recorded for that unit — never for a unit the reporter chose. The roster is the
 * matchmaker's read model of threelists.volunteer.* (resource-list.events.v1).
 */
@ApplicationScoped
public class DeliveryVolunteers {

    /**
     * The report's volunteers, each for the unit it is registered with. {@code reported}: as the holder reported
     * them, the unit optional; anyone not on a holder's roster breaks the rule. The roster rows are read with one
     * query, not one per volunteer: a report may name up to 500, and each read is a round trip inside the delivery's
     * request (bench/README.md, "Delivery: the matchmaker's side").
     */
    List<VolunteerHours> of(ProjectView project, List<VolunteerHours> reported) {
        List<String> holders = project.holderUnitIds == null ? List.of() : Arrays.asList(project.holderUnitIds);
        Set<String> ids = new LinkedHashSet<>();
        reported.stream().map(VolunteerHours::volunteerId).filter(Objects::nonNull).forEach(ids::add);
        Map<String, RosterVolunteerView> roster = RowsById.read(ids,
                in -> RosterVolunteerView.TABLE.where("volunteer_id = any(?)", in), v -> v.volunteerId);
        List<VolunteerHours> volunteers = new ArrayList<>();
        for (int i = 0; i < reported.size(); i++) {
            VolunteerHours entry = reported.get(i);
            String field = "volunteers[" + i + "]";
            RosterVolunteerView registered = entry.volunteerId() == null ? null : roster.get(entry.volunteerId());
            if (registered == null || !RosterVolunteerView.ACTIVE.equals(registered.status)
                    || !holders.contains(registered.unitId)) {
                throw new RuleBrokenException(field + ".volunteerId", entry.volunteerId()
                        + " is not an active volunteer of a unit holding the project");
            }
            if (entry.unitId() != null && !entry.unitId().equals(registered.unitId)) {
                throw new RuleBrokenException(field + ".unitId", "volunteer " + entry.volunteerId()
                        + " serves with " + registered.unitId);
            }
            // the roster's masked name, never the reporter's text: the delivery goes into the event store and onto
            // Kafka, where a name typed in clear could never be taken back (and none once the volunteer was erased)
            volunteers.add(new VolunteerHours(entry.volunteerId(), registered.unitId, registered.maskedName,
                    entry.hours()));
        }
        return volunteers;
    }
}
