package org.threelists.matchmaker.planning;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.threelists.contracts.Category;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.matchmaker.domain.ProjectCommands.ProposeProject;
import org.threelists.matchmaker.domain.ProjectCommands.SupersedeProposal;
import org.threelists.matchmaker.domain.ProjectStatus;
import org.threelists.matchmaker.domain.ProjectValues;
import org.threelists.matchmaker.domain.ProjectValues.Alternative;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.domain.ProjectValues.Score;
import org.threelists.matchmaker.matching.Assignment;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.MatchingPlan;
import org.threelists.matchmaker.matching.PlannedInstance;
import org.threelists.matchmaker.matching.ProposedProject;
import org.threelists.matchmaker.matching.Scoring;
import org.threelists.matchmaker.projection.AvailableResourceView;
import org.threelists.matchmaker.projection.MemberUnitView;
import org.threelists.matchmaker.projection.OpenDemandView;
import org.threelists.matchmaker.projection.ProjectQueries;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.matchmaker.projection.RowsById;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns the engine's plan of a street into Project proposals (待审议, origin ENGINE) for the desk to review: one per
 * bundle of demands one unit serves in one community and category, with the score, an explanation and the
 * alternatives that lost. Only demands that no active project serves are proposed, so planning again never proposes
 * a demand twice.
 *
 * <p>Proposals are kept while they still make sense, so the desk does not review a moving target; a proposal not yet
 * published whose demand left the list (withdrawn, rejected, merged) or whose offer or unit is gone is superseded:
 * cancelled, and its demands that are still listed are planned again in the same pass. A published project is the
 * joint meeting's decision and is never superseded by the engine.
 */
@ApplicationScoped
public class Proposals {

    /** Who proposes and supersedes on its own: the engine, when re-planning after a change. */
    public static final String ENGINE_ACTOR = "matchmaker";

    private final Planner planner;
    private final StreetInstances streets;
    private final ProjectQueries projects;
    private final KeptPlans kept;
    private final Instance<CommandGateway> commands;
    private final ZoneId zone;

    Proposals(Planner planner, StreetInstances streets, ProjectQueries projects, KeptPlans kept,
            Instance<CommandGateway> commands, @ConfigProperty(name = "threelists.matchmaker.time-zone") ZoneId zone) {
        this.planner = planner;
        this.streets = streets;
        this.projects = projects;
        this.kept = kept;
        this.commands = commands;
        this.zone = zone;
    }

    /** The plan of a street and the projects it proposed. */
    public record Outcome(MatchingPlan plan, List<String> proposedProjectIds, List<String> supersededProjectIds) {
    }

    /** What one proposal write did: the projects and the demands they serve, and the street's version after it. */
    record Written(List<String> projectIds, Set<String> demandIds, long versionAfter) {
    }

    /** The street changed since its kept plan was read: the proposals were not written. */
    static final class StaleStreet extends RuntimeException {
        StaleStreet(String street, long expected, long found) {
            super("street " + street + " is at version " + found + ", its kept plan at " + expected);
        }
    }

    /**
     * Supersedes stale proposals, plans the street's unassigned demands and proposes the bundles. The solve runs
     * outside any transaction; the proposals of one street are written under a lock on the street, so two planners
     * (the desk and the re-planner, or two replicas) never propose the same demand twice. The plan is kept for the
     * street's next listings ({@link KeptPlans}) when nobody changed the street between reading and writing it and
     * every assignment became a proposal.
     */
    public Outcome replan(String street, String actor) {
        List<String> superseded = QuarkusTransaction.requiringNew().call(() -> supersede(street, actor));
        LocalDate today = LocalDate.now(zone);
        long[] read = new long[1];
        MatchingInstance instance = QuarkusTransaction.requiringNew().call(() -> {
            read[0] = StreetVersions.current(street);
            return streets.of(street, today);
        });
        PlannedInstance planned = planner.planKeepingState(instance);
        MatchingPlan plan = planned.plan();
        Written written = QuarkusTransaction.requiringNew().call(() -> propose(street, plan, actor, -1));
        if (written.versionAfter() == read[0] + 1 && written.demandIds().equals(assignedDemands(plan))) {
            planned.settle(written.demandIds());
            kept.keep(street, new KeptPlans.KeptPlan(planned, today, written.versionAfter()));
        } else {
            kept.drop(street);
        }
        return new Outcome(plan, written.projectIds(), superseded);
    }

    static Set<String> assignedDemands(MatchingPlan plan) {
        Set<String> ids = new HashSet<>();
        plan.assignments().forEach(a -> ids.add(a.demandId()));
        return ids;
    }

    private List<String> supersede(String street, String actor) {
        lockStreet(street);
        List<String> cancelled = new ArrayList<>();
        for (ProjectView p : ProjectView.TABLE.where("street_code = ? AND status = ? AND origin = ?", street,
                ProjectStatus.PROPOSED, Origin.ENGINE)) {
            String why = staleness(p);
            // a proposal the desk published since it was read stands
            if (why != null && Boolean.TRUE.equals(commands.get().sendAndWait(
                    new SupersedeProposal(p.projectId, "superseded: " + why, actor)))) {
                cancelled.add(p.projectId);
            }
        }
        return cancelled;
    }

    /** Why a proposal no longer stands, or null when it does. */
    private static String staleness(ProjectView p) {
        for (String demandId : p.demandIds) {
            OpenDemandView d = OpenDemandView.findById(demandId);
            if (d == null || !OpenDemandView.LISTED.equals(d.status)) {
                return "demand " + demandId + " is " + (d == null ? "unknown" : d.status);
            }
        }
        if (p.proposedResourceId != null) {
            AvailableResourceView r = AvailableResourceView.findById(p.proposedResourceId);
            if (r == null || !AvailableResourceView.ACTIVE.equals(r.status)) {
                return "offer " + p.proposedResourceId + " is " + (r == null ? "unknown" : r.status);
            }
        }
        if (p.proposedUnitId != null) {
            MemberUnitView u = MemberUnitView.findById(p.proposedUnitId);
            if (u == null || !MemberUnitView.ACTIVE.equals(u.status)) {
                return "unit " + p.proposedUnitId + " is " + (u == null ? "unknown" : u.status);
            }
        }
        return null;
    }

    /**
     * Writes the plan's bundles as proposals under the street's lock; with an {@code expectedVersion} of 0 or more,
     * only when the street is still at that version (else {@link StaleStreet}, nothing written).
     */
    Written propose(String street, MatchingPlan plan, String actor, long expectedVersion) {
        long version = StreetVersions.lockAndCount(street);
        if (expectedVersion >= 0 && version != expectedVersion + 1) {
            throw new StaleStreet(street, expectedVersion, version - 1);
        }
        Set<String> served = new HashSet<>();
        Map<String, Assignment> byDemand = plan.assignments().stream()
                .collect(Collectors.toMap(Assignment::demandId, a -> a, (a, b) -> a, LinkedHashMap::new));
        Set<String> taken = projects.taken(byDemand.keySet());
        Round round = Round.read(plan);
        List<String> proposed = new ArrayList<>();
        // The round's proposals are one unit of work: their events are appended with one batch at its commit, and the
        // projection's rows flushed with the transaction, instead of one append per project (bench/README.md,
        // "Proposals in a second").
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("proposal round"));
        try {
            for (ProposedProject bundle : plan.projects()) {
                List<OpenDemandView> demands = bundle.demandIds().stream().filter(id -> !taken.contains(id))
                        .map(round.demands::get)
                        .filter(d -> d != null && OpenDemandView.LISTED.equals(d.status)).toList();
                if (demands.isEmpty()) {
                    continue;
                }
                List<Assignment> assignments = demands.stream().map(d -> byDemand.get(d.demandId)).toList();
                String resourceId = assignments.get(0).resourceId();
                AvailableResourceView resource = round.resources.get(resourceId);
                if (resource == null) {
                    continue;
                }
                String projectId = UUID.randomUUID().toString();
                commands.get().sendAndWait(proposal(projectId, street, bundle, demands, assignments, resource,
                        round.units.get(bundle.unitId()), actor));
                proposed.add(projectId);
                demands.forEach(d -> served.add(d.demandId));
            }
            unitOfWork.commit();
        } catch (RuntimeException | Error e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
        return new Written(proposed, served, version);
    }

    /** The rows a round of proposals reads: its demands, offers and units, one query each. */
    private record Round(Map<String, OpenDemandView> demands, Map<String, AvailableResourceView> resources,
            Map<String, MemberUnitView> units) {

        static Round read(MatchingPlan plan) {
            Set<String> demandIds = new HashSet<>();
            Set<String> resourceIds = new HashSet<>();
            Set<String> unitIds = new HashSet<>();
            plan.assignments().forEach(a -> {
                demandIds.add(a.demandId());
                resourceIds.add(a.resourceId());
            });
            plan.projects().forEach(p -> unitIds.add(p.unitId()));
            return new Round(
                    RowsById.read(demandIds, in -> OpenDemandView.TABLE.where("demand_id = any(?)", in),
                            d -> d.demandId),
                    RowsById.read(resourceIds,
                            in -> AvailableResourceView.TABLE.where("resource_id = any(?)", in),
                            r -> r.resourceId),
                    RowsById.read(unitIds, in -> MemberUnitView.TABLE.where("unit_id = any(?)", in),
                            u -> u.unitId));
        }
    }

    private static ProposeProject proposal(String projectId, String street, ProposedProject bundle,
            List<OpenDemandView> demands, List<Assignment> assignments, AvailableResourceView resource,
            MemberUnitView unit, String actor) {
        BigDecimal hours = demands.stream().map(d -> d.estimatedHours).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Double> terms = new LinkedHashMap<>();
        double total = 0;
        for (Assignment a : assignments) {
            total += a.score();
            a.terms().forEach((term, value) -> terms.merge(term, value, Double::sum));
        }
        terms.replaceAll((term, value) -> Scoring.round(value));
        String unitName = unit == null ? bundle.unitId() : unit.name;
        String explanation = explanation(unitName, resource, assignments);
        Category category = EngineValues.category(bundle.category());
        return new ProposeProject(projectId, Origin.ENGINE, street, bundle.communityCode(), category,
                ProjectValues.highestUrgency(demands.stream().map(d -> d.urgency).toList()),
                title(bundle.communityCode(), category, demands.size()),
                demands.stream().map(d -> d.demandId).toList(), new Need(hours, resource.capacityUnit),
                bundle.unitId(), resource.resourceId, new Score(Scoring.round(total), terms), explanation,
                alternatives(assignments, bundle.unitId()), actor);
    }

    public static String title(String communityCode, Category category, int demands) {
        String community = CommunityDirectory.standard().find(communityCode).map(CommunityDirectory.Community::name)
                .orElse(communityCode);
        String label = category.zh();
        return community + " · " + label + (demands > 1 ? "（" + demands + "项需求）" : "");
    }

    private static String explanation(String unitName, AvailableResourceView resource, List<Assignment> assignments) {
        StringBuilder text = new StringBuilder("引擎选择 ").append(unitName).append("（").append(resource.title)
                .append("）服务 ").append(assignments.size()).append(" 项需求：");
        for (Assignment a : assignments) {
            text.append(" 需求 ").append(a.demandId(), 0, Math.min(8, a.demandId().length())).append(" 得分 ").append(a.score()).append(" = ")
                    .append(a.terms().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(" + ")))
                    .append(a.alternatives().isEmpty() ? "，无其他可行单位；" : "，优于 " + a.alternatives().size() + " 个备选；");
        }
        return text.length() > 4000 ? text.substring(0, 3999) + "…" : text.toString();
    }

    /** The best losing offers of the bundle's demands, one per offer, other units' first. */
    private static List<Alternative> alternatives(List<Assignment> assignments, String chosenUnit) {
        Map<String, Alternative> best = new LinkedHashMap<>();
        for (Assignment a : assignments) {
            for (org.threelists.matchmaker.matching.Alternative alt : a.alternatives()) {
                Alternative candidate = new Alternative(alt.unitId(), alt.resourceId(), alt.score(),
                        alt.explanation() == null || alt.explanation().isBlank() ? alt.reason().name() : alt.explanation());
                best.merge(alt.resourceId(), candidate, (x, y) -> x.score() >= y.score() ? x : y);
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparing((Alternative a) -> a.unitId().equals(chosenUnit))
                        .thenComparing(Alternative::score, Comparator.reverseOrder()))
                .limit(5).toList();
    }

    /**
     * Serialises the proposal writes of one street across threads and replicas, until the transaction ends, and
     * counts the change in the street's version, so that a plan kept in memory by any replica knows it is stale.
     */
    public static void lockStreet(String street) {
        StreetVersions.lockAndCount(street);
    }
}
