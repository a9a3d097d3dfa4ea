package org.threelists.matchmaker.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.threelists.contracts.Category;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.planning.StreetInstances;
import org.threelists.matchmaker.projection.AvailableResourceView;
import org.threelists.matchmaker.projection.OpenDemandView;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.domain.RuleBrokenException;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/**
 * The offer a unit draws on when it takes a project (README "The capacity saga"): its own, active, counted in the
 * project's need unit, offering the demands' category; the capacity period the reservation draws on; and the need
 * when the desk does not name one. What resource-list would refuse anyway is refused here first, as a rule broken.
 */
@ApplicationScoped
public class Offers {

    private final ZoneId zone;

    Offers(@ConfigProperty(name = "threelists.matchmaker.time-zone") ZoneId zone) {
        this.zone = zone;
    }

    /** The communities' time zone: "today" of a report, "this month" of a capacity. */
    public ZoneId zone() {
        return zone;
    }

    /** The unit's active offer, counted in the project's need unit. */
    AvailableResourceView offerOf(String unitId, String resourceId, ProjectView project) {
        AvailableResourceView offer = offerOf(unitId, resourceId);
        if (project != null && !offer.capacityUnit.equals(project.needUnit)) {
            throw new RuleBrokenException("resourceId", "offer " + resourceId + " counts " + offer.capacityUnit
                    + " but the project needs " + project.needUnit);
        }
        return offer;
    }

    AvailableResourceView offerOf(String unitId, String resourceId) {
        AvailableResourceView offer = AvailableResourceView.findById(resourceId);
        if (offer == null) {
            throw new RuleBrokenException("resourceId", "no offer " + resourceId + " on the resource list");
        }
        if (!offer.unitId.equals(unitId)) {
            throw new RuleBrokenException("resourceId", "offer " + resourceId + " is not an offer of " + unitId);
        }
        if (!AvailableResourceView.ACTIVE.equals(offer.status)) {
            throw new RuleBrokenException("resourceId", "offer " + resourceId + " is " + offer.status);
        }
        return offer;
    }

    void requireOffers(AvailableResourceView offer, Category category) {
        if (!Arrays.asList(offer.categories).contains(category.name())) {
            throw new RuleBrokenException("resourceId", "offer " + offer.resourceId + " does not offer " + category);
        }
    }

    /** The need: as given, or the demands' estimated hours in the offer's unit when the offer counts hours. */
    Need need(Need given, AvailableResourceView offer, List<OpenDemandView> demands) {
        if (given != null) {
            if (!given.unit().equals(offer.capacityUnit)) {
                throw new RuleBrokenException("need.unit", "must be " + offer.capacityUnit + ", the unit offer "
                        + offer.resourceId + " counts in");
            }
            return given;
        }
        if (!StreetInstances.HOUR_UNITS.contains(offer.capacityUnit)) {
            throw new RuleBrokenException("need", "is required for an offer counted in " + offer.capacityUnit);
        }
        return new Need(demands.stream().map(d -> d.estimatedHours).reduce(BigDecimal.ZERO, BigDecimal::add),
                offer.capacityUnit);
    }

    /** The capacity period a reservation draws on: the given one if it fits the offer, else this month or TOTAL. */
    String period(AvailableResourceView offer, String requested) {
        boolean monthly = AvailableResourceView.MONTHLY.equals(offer.capacityPeriod);
        if (requested == null) {
            return monthly ? YearMonth.now(zone).toString() : AvailableResourceView.TOTAL;
        }
        if (monthly == AvailableResourceView.TOTAL.equals(requested)) {
            throw new RuleBrokenException("period", monthly ? "offer " + offer.resourceId
                    + " has a monthly capacity: name a month (YYYY-MM)" : "offer " + offer.resourceId
                    + " has one capacity for its whole validity: use TOTAL");
        }
        return requested;
    }
}
