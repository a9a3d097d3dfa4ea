package org.threelists.matchmaker.planning;

import org.threelists.platform.projection.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.ResourceInput;
import org.threelists.matchmaker.projection.AvailableResourceView;
import org.threelists.matchmaker.projection.MemberUnitView;
import org.threelists.matchmaker.projection.OpenDemandView;
import org.threelists.matchmaker.projection.ProjectQueries;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.matchmaker.projection.ResourceRemainingView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A street's matching instance, from the read models: its LISTED demands × the ACTIVE offers of its ACTIVE member
 * units, each with what is left of its capacity in the period the plan draws on (this month for a MONTHLY capacity,
 * the whole offer for a TOTAL one). Demands are counted in hours, so only offers counted in hours take part; funds and
 * materials are pledged to projects, not matched by hours.
 *
 * <p>Planning is incremental: demands that an active project already serves are left out, and the hours that open
 * proposals (proposed or published, not yet claimed) would draw from an offer are subtracted from what is left of it,
 * so a re-plan never promises the same hours twice.
 */
@ApplicationScoped
public class StreetInstances {

    private final ProjectQueries projects;

    StreetInstances(ProjectQueries projects) {
        this.projects = projects;
    }

    public static final List<String> HOUR_UNITS = List.of("VOLUNTEER_HOURS", "VENUE_HOURS", "SERVICE_HOURS");

    @Transactional(Transactional.TxType.SUPPORTS)
    public MatchingInstance of(String streetCode, LocalDate today) {
        String month = YearMonth.from(today).toString();
        Set<String> taken = projects.takenInStreet(streetCode);
        List<DemandInput> demands = OpenDemandView.TABLE.where("street_code = ? AND status = ? ORDER BY demand_id",
                streetCode, OpenDemandView.LISTED).stream().filter(d -> !taken.contains(d.demandId))
                .map(d -> demand(d, today)).toList();

        List<AvailableResourceView> offers = Jdbc.list("SELECT " + AvailableResourceView.TABLE.columns("r")
                        + " FROM available_resource r JOIN member_unit u ON u.unit_id = r.unit_id"
                        + " WHERE u.street_code = ? AND u.status = ? AND r.status = ? AND r.capacity_unit = any(?)"
                        + " AND (r.available_until IS NULL OR r.available_until >= ?) ORDER BY r.resource_id",
                AvailableResourceView.TABLE::read, streetCode, MemberUnitView.ACTIVE, AvailableResourceView.ACTIVE,
                HOUR_UNITS, today);
        Map<String, ResourceRemainingView> remaining = new HashMap<>();
        if (!offers.isEmpty()) {
            ResourceRemainingView.TABLE.where("resource_id = any(?) AND period = any(?)",
                            offers.stream().map(r -> r.resourceId).toList(), List.of(month, AvailableResourceView.TOTAL))
                    .forEach(r -> remaining.put(r.resourceId + "/" + r.period, r));
        }
        Map<String, BigDecimal> promised = promised(streetCode);
        Map<String, Double> left = new HashMap<>();
        Map<String, Double> unitLoad = new HashMap<>();
        for (AvailableResourceView offer : offers) {
            String period = AvailableResourceView.MONTHLY.equals(offer.capacityPeriod) ? month : AvailableResourceView.TOTAL;
            ResourceRemainingView row = remaining.get(offer.resourceId + "/" + period);
            BigDecimal free = row == null ? offer.capacityAmount : row.remainingOf(offer.capacityAmount);
            free = free.subtract(promised.getOrDefault(offer.resourceId, BigDecimal.ZERO)).max(BigDecimal.ZERO);
            left.put(offer.resourceId, free.doubleValue());
            // Fairness: the hours a unit has already taken on weigh against it when alternatives score the same.
            unitLoad.merge(offer.unitId, offer.capacityAmount.subtract(free).max(BigDecimal.ZERO).doubleValue(), Double::sum);
        }
        List<ResourceInput> resources = offers.stream()
                .map(r -> new ResourceInput(r.resourceId, r.unitId, List.of(r.categories), List.of(r.skills),
                        List.of(r.serviceArea), r.availableFrom, r.availableUntil, left.get(r.resourceId), null,
                        unitLoad.get(r.unitId)))
                .sorted(Comparator.comparing(ResourceInput::id))
                .toList();
        return new MatchingInstance(demands, resources);
    }

    /** What the street's open proposals (not yet holding a reservation) would draw from each offer. */
    private static Map<String, BigDecimal> promised(String streetCode) {
        Map<String, BigDecimal> promised = new HashMap<>();
        for (ProjectView p : ProjectView.TABLE.where("street_code = ? AND status = any(?) AND proposed_resource_id IS NOT NULL",
                streetCode, List.of(ProjectStatus.PROPOSED, ProjectStatus.PUBLISHED))) {
            promised.merge(p.proposedResourceId, p.needAmount, BigDecimal::add);
        }
        return promised;
    }

    static DemandInput demand(OpenDemandView d, LocalDate today) {
        return new DemandInput(d.demandId, d.communityCode, d.streetCode, EngineValues.category(d.category),
                List.of(d.requiredSkills), EngineValues.urgency(d.urgency), d.estimatedHours.doubleValue(), d.windowStart, d.windowEnd, d.deadline,
                d.deadline != null && d.deadline.isBefore(today));
    }
}
