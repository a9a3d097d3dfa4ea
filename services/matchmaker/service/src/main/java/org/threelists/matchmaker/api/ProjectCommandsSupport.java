package org.threelists.matchmaker.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.threelists.matchmaker.projection.AvailableResource;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.threelists.contracts.Urgency;
import org.threelists.matchmaker.api.ProjectResponses.Project;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.planning.StreetInstances;
import org.threelists.matchmaker.projection.OpenDemand;
import org.threelists.matchmaker.projection.ProjectQueries;
import org.threelists.platform.problem.ProblemType;
import org.threelists.platform.security.Caller;
import java.time.ZoneId;

/**
 * What the project list's resources check and render the same way: the demands a project may take, the offer a unit
 * draws on and its capacity period, the need, and the project as the caller may see it.
 */
@ApplicationScoped
public class ProjectCommandsSupport {

    private final ZoneId zone;
    private final ProjectQueries queries;
    private final ProjectAccess access;
    private final Caller caller;

    ProjectCommandsSupport(@ConfigProperty(name = "threelists.matchmaker.time-zone") ZoneId zone, ProjectQueries queries,
            ProjectAccess access, Caller caller) {
        this.zone = zone;
        this.queries = queries;
        this.access = access;
        this.caller = caller;
    }

    /** The communities' time zone: "today" of a report, "this month" of a capacity. */
    public ZoneId zone() {
        return zone;
    }

    /** The project as the caller may see it. */
    public Project render(ProjectView project) {
        return Project.of(project, queries.claims(project.projectId), access.seesHolders(project),
                caller.unit().orElse(null));
    }

    /** Listed demands that no active project serves yet: 409 otherwise. Call under the street's lock. */
    void requireAssignable(List<OpenDemand> demands) {
        for (OpenDemand demand : demands) {
            if (!OpenDemand.LISTED.equals(demand.status)) {
                throw ProblemException.illegalTransition("assign demand " + demand.demandId, demand.status);
            }
        }
        Set<String> taken = queries.taken(demands.stream().map(d -> d.demandId).toList());
        if (!taken.isEmpty()) {
            throw new ProblemException(ProblemType.ALREADY_EXISTS, "A project already serves demand(s) " + taken,
                    Map.of("demandIds", List.copyOf(taken)));
        }
    }

    void requireOffers(AvailableResource offer, String category) {
        if (!Arrays.asList(offer.categories).contains(category)) {
            throw ProblemException.invalid("resourceId", "offer " + offer.resourceId + " does not offer " + category);
        }
    }

    /** The need: as given, or the demands' estimated hours in the offer's unit when the offer counts hours. */
    Need need(ProjectRequests.NeedRequest given, AvailableResource offer, List<OpenDemand> demands) {
        if (given != null) {
            if (!given.unit().equals(offer.capacityUnit)) {
                throw ProblemException.invalid("need.unit", "must be " + offer.capacityUnit + ", the unit offer "
                        + offer.resourceId + " counts in");
            }
            return new Need(given.amount(), given.unit());
        }
        if (!StreetInstances.HOUR_UNITS.contains(offer.capacityUnit)) {
            throw ProblemException.invalid("need", "is required for an offer counted in " + offer.capacityUnit);
        }
        return new Need(demands.stream().map(d -> d.estimatedHours).reduce(BigDecimal.ZERO, BigDecimal::add),
                offer.capacityUnit);
    }

    String urgency(List<OpenDemand> demands) {
        return demands.stream().map(d -> Urgency.valueOf(d.urgency)).max(Comparator.naturalOrder())
                .orElse(Urgency.NORMAL).name();
    }


    /** The unit's active offer, counted in the project's need unit; 400 otherwise. */
    public AvailableResource offerOf(String unitId, String resourceId, ProjectView project) {
        AvailableResource offer = offerOf(unitId, resourceId);
        if (project != null && !offer.capacityUnit.equals(project.needUnit)) {
            throw ProblemException.invalid("resourceId", "offer " + resourceId + " counts " + offer.capacityUnit
                    + " but the project needs " + project.needUnit);
        }
        return offer;
    }

    public AvailableResource offerOf(String unitId, String resourceId) {
        AvailableResource offer = AvailableResource.findById(resourceId);
        if (offer == null) {
            throw ProblemException.invalid("resourceId", "no offer " + resourceId + " on the resource list");
        }
        if (!offer.unitId.equals(unitId)) {
            throw ProblemException.invalid("resourceId", "offer " + resourceId + " is not an offer of " + unitId);
        }
        if (!AvailableResource.ACTIVE.equals(offer.status)) {
            throw ProblemException.invalid("resourceId", "offer " + resourceId + " is " + offer.status);
        }
        return offer;
    }

    /** The capacity period a reservation draws on: the given one if it fits the offer, else this month or TOTAL. */
    public String period(AvailableResource offer, String requested) {
        boolean monthly = AvailableResource.MONTHLY.equals(offer.capacityPeriod);
        if (requested == null) {
            return monthly ? YearMonth.now(zone).toString() : AvailableResource.TOTAL;
        }
        if (monthly == AvailableResource.TOTAL.equals(requested)) {
            throw ProblemException.invalid("period", monthly ? "offer " + offer.resourceId
                    + " has a monthly capacity: name a month (YYYY-MM)" : "offer " + offer.resourceId
                    + " has one capacity for its whole validity: use TOTAL");
        }
        return requested;
    }
}
