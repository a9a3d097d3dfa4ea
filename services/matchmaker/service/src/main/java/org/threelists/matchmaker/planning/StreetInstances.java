package org.threelists.matchmaker.planning;

import io.quarkus.hibernate.orm.panache.Panache;
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
        List<DemandInput> demands = OpenDemandView.<OpenDemandView>list("streetCode = ?1 and status = ?2 order by demandId",
                streetCode, OpenDemandView.LISTED).stream().filter(d -> !taken.contains(d.demandId))
                .map(d -> demand(d, today)).toList();

        List<AvailableResourceView> offers = Panache.getEntityManager().createQuery(
                        "select r from AvailableResourceView r, MemberUnitView u where u.unitId = r.unitId"
                                + " and u.streetCode = :street and u.status = :active and r.status = :active"
                                + " and r.capacityUnit in :units and (r.availableUntil is null or r.availableUntil >= :today)"
                                + " order by r.resourceId", AvailableResourceView.class)
                .setParameter("street", streetCode).setParameter("active", MemberUnitView.ACTIVE)
                .setParameter("units", HOUR_UNITS).setParameter("today", today)
                .getResultList();
        Map<String, ResourceRemainingView> remaining = new HashMap<>();
        if (!offers.isEmpty()) {
            ResourceRemainingView.<ResourceRemainingView>list("resourceId in ?1 and period in ?2",
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
        for (ProjectView p : ProjectView.<ProjectView>list("streetCode = ?1 and status in ?2 and proposedResourceId is not null",
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
