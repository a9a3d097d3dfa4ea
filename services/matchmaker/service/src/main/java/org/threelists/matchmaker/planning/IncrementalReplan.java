package org.threelists.matchmaker.planning;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.MatchingPlan;
import org.threelists.matchmaker.projection.OpenDemandView;
import org.threelists.matchmaker.projection.ProjectQueries;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A street's re-plan after its demands were listed (services/matchmaker/service/README.md, "Re-planning"): from the
 * street's kept plan when it still describes the street, each new demand is added to it ({@code
 * PlannedInstance.addDemand}: only the component it joins is searched), and only the new assignments are proposed;
 * every proposal already made stays as it is. When the kept plan is stale — the street's version moved (the desk,
 * another replica, an offer or capacity changed), a demand of the plan left the list or was taken, or the day
 * changed — the street is planned afresh ({@link Proposals#replan}) and that plan is kept instead.
 */
@ApplicationScoped
public class IncrementalReplan {

    private static final Logger LOG = Logger.getLogger(IncrementalReplan.class);

    private final Proposals proposals;
    private final KeptPlans kept;
    private final ProjectQueries projects;
    private final ZoneId zone;

    IncrementalReplan(Proposals proposals, KeptPlans kept, ProjectQueries projects,
            @ConfigProperty(name = "threelists.matchmaker.time-zone") ZoneId zone) {
        this.proposals = proposals;
        this.kept = kept;
        this.projects = projects;
        this.zone = zone;
    }

    /** How a street was re-planned, for the log and the tests. */
    public enum Path { WARM, FULL }

    /** The outcome, and whether the kept plan served. */
    public record Replanned(Proposals.Outcome outcome, Path path) {
    }

    /**
     * Re-plans the street: the demands {@code listed} since its last re-plan from its kept plan when it holds, else
     * the whole street afresh; {@code afresh} skips the kept plan.
     */
    public Replanned replan(String street, boolean afresh, Set<String> listed, String actor) {
        KeptPlans.KeptPlan plan = afresh ? null : kept.of(street);
        if (plan != null) {
            Proposals.Outcome outcome = fromKept(street, plan, listed, actor);
            if (outcome != null) {
                return new Replanned(outcome, Path.WARM);
            }
            kept.drop(street, plan);
        }
        return new Replanned(proposals.replan(street, actor), Path.FULL);
    }

    /** The new listings planned from the kept plan; null when it no longer describes the street. */
    private Proposals.Outcome fromKept(String street, KeptPlans.KeptPlan plan, Set<String> listed, String actor) {
        LocalDate today = LocalDate.now(zone);
        if (!today.equals(plan.day)) {
            return null; // overdue flags, offers' last days and this month's capacity follow the day
        }
        List<DemandInput> added = QuarkusTransaction.requiringNew().call(() -> newListings(street, plan, listed, today));
        if (added == null) {
            return null;
        }
        for (DemandInput demand : added) {
            plan.planned.addDemand(demand);
        }
        MatchingPlan assigned = plan.planned.assignedPlan();
        if (assigned.assignments().isEmpty()) {
            return new Proposals.Outcome(assigned, List.of(), List.of());
        }
        Proposals.Written written;
        try {
            written = QuarkusTransaction.requiringNew().call(() -> proposals.propose(street, assigned, actor,
                    plan.version));
        } catch (RuntimeException e) {
            if (stale(e)) {
                LOG.debugf("Kept plan of %s is stale: %s", street, e.getMessage());
                return null;
            }
            throw e;
        }
        plan.version = written.versionAfter();
        if (!written.demandIds().equals(Proposals.assignedDemands(assigned))) {
            // an assignment did not become a proposal (its demand left meanwhile): the plan holds hours nobody took
            kept.drop(street, plan);
        } else {
            plan.planned.settle(written.demandIds());
        }
        return new Proposals.Outcome(assigned, written.projectIds(), List.of());
    }

    /**
     * Of the demands {@code listed}, those of the street still listed, served by no project and not in the kept plan,
     * in the order they were listed; null when the street's version moved or a demand of the plan is no longer listed
     * and free. Reads the new demands and the plan's own, never the street's whole list.
     */
    private List<DemandInput> newListings(String street, KeptPlans.KeptPlan plan, Set<String> listed, LocalDate today) {
        if (StreetVersions.current(street) != plan.version) {
            return null;
        }
        Set<String> inPlan = new HashSet<>();
        plan.planned.instance().demands().forEach(d -> inPlan.add(d.id()));
        Set<String> asked = new HashSet<>(listed);
        asked.addAll(inPlan);
        if (asked.isEmpty()) {
            return List.of();
        }
        Set<String> taken = projects.taken(asked);
        List<OpenDemandView> rows = OpenDemandView.TABLE.where(
                "demand_id = any(?) ORDER BY updated_at, demand_id", asked);
        Set<String> free = new HashSet<>();
        rows.stream().filter(d -> street.equals(d.streetCode) && OpenDemandView.LISTED.equals(d.status)
                && !taken.contains(d.demandId)).forEach(d -> free.add(d.demandId));
        if (!free.containsAll(inPlan)) {
            return null;
        }
        return rows.stream().filter(d -> free.contains(d.demandId) && !inPlan.contains(d.demandId))
                .map(d -> StreetInstances.demand(d, today)).toList();
    }

    private static boolean stale(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Proposals.StaleStreet) {
                return true;
            }
        }
        return false;
    }
}
