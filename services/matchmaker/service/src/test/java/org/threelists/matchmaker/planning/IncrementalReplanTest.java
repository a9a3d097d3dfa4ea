package org.threelists.matchmaker.planning;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.matchmaker.domain.ProjectCommands.ProposeProject;
import org.threelists.matchmaker.domain.ProjectValues.Need;
import org.threelists.matchmaker.domain.ProjectValues.Origin;
import org.threelists.matchmaker.matching.DemandInput;
import org.threelists.matchmaker.matching.MatchingEngine;
import org.threelists.matchmaker.matching.MatchingInstance;
import org.threelists.matchmaker.matching.MatchingPlan;
import org.threelists.matchmaker.matching.ResourceInput;
import org.threelists.matchmaker.matching.Scoring;
import org.threelists.matchmaker.matching.Weights;
import org.threelists.matchmaker.projection.AvailableResourceView;
import org.threelists.matchmaker.projection.OpenDemandView;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.testing.KafkaProbe;
import org.threelists.testing.RealInfrastructure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.Fixtures.await;
import static org.threelists.matchmaker.Fixtures.change;
import static org.threelists.matchmaker.Fixtures.demandEvent;
import static org.threelists.matchmaker.Fixtures.newDemandId;
import static org.threelists.matchmaker.Fixtures.publish;
import static org.threelists.matchmaker.Fixtures.submitted;
import static org.threelists.matchmaker.Fixtures.with;
import static org.threelists.matchmaker.ProjectWorld.COMMUNITY;
import static org.threelists.matchmaker.ProjectWorld.STREET;
import static org.threelists.matchmaker.ProjectWorld.listedDemand;
import static org.threelists.matchmaker.ProjectWorld.messages;
import static org.threelists.matchmaker.ProjectWorld.projectServing;
import static org.threelists.matchmaker.ProjectWorld.uniqueSkill;
import static org.threelists.matchmaker.ProjectWorld.unit;
import static org.threelists.matchmaker.messaging.Topics.DEMAND_EVENTS;

/**
 * Re-planning follows the lists without anyone asking: a demand that is listed where an offer fits becomes a
 * proposal within the debounce interval; when its demand leaves the list before the desk published it, the proposal
 * is superseded (cancelled), and published projects are never touched. Listings are planned from the street's kept
 * plan: proposals already made stay as they are, the result is as good as planning the street's listings at once, and
 * a change by another writer (the desk, another replica) makes the street be planned afresh.
 */
@QuarkusTest
@TestProfile(ReplanProfile.class)
@QuarkusTestResource(RealInfrastructure.class)
class IncrementalReplanTest {

    private static final String CATEGORY = "POLICY_CONSULTATION";

    @Inject
    Replanner replanner;

    @Inject
    CommandGateway commands;

    @Test
    void a_listed_demand_becomes_a_proposal_and_the_proposal_is_superseded_when_the_demand_is_withdrawn() {
        String skill = uniqueSkill();
        Unit unit = unit("POLICY_CONSULTATION", List.of(skill), 12);
        String demand = listedDemand("POLICY_CONSULTATION", skill, "NORMAL", 2);

        String projectId = projectServing(demand);
        ProjectView proposal = await(() -> ProjectView.<ProjectView>findById(projectId), p -> true);
        assertThat(proposal.origin).isEqualTo("ENGINE");
        assertThat(proposal.status.name()).isEqualTo("PROPOSED");
        assertThat(proposal.proposedUnitId).isEqualTo(unit.unitId());
        assertThat(proposal.proposedBy).isEqualTo("matchmaker");
        assertThat(messages(projectId, "proposed", 1).get(0).path("data").path("origin").asText()).isEqualTo("ENGINE");

        publish(DEMAND_EVENTS, demand, demandEvent("withdrawn", change(demand, "WITHDRAWN", "reason", "邻里已帮忙解决")));

        ProjectView superseded = await(() -> ProjectView.<ProjectView>findById(projectId),
                p -> p.status.name().equals("CANCELLED"));
        assertThat(superseded.statusReason).startsWith("superseded: demand " + demand);
        assertThat(messages(projectId, "cancelled", 1).get(0).path("data").path("releases")).isEmpty();
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                ProjectView.TABLE.count("? = any(demand_ids)", demand))).isEqualTo(1);
    }

    @Test
    void listings_planned_one_at_a_time_and_in_a_burst_keep_their_proposals_and_match_a_plan_of_all_of_them_at_once() {
        String shared = uniqueSkill();
        String onlySecond = uniqueSkill();
        Unit first = unit(CATEGORY, List.of(shared), 12);
        Unit second = unit(CATEGORY, List.of(shared, onlySecond, uniqueSkill(), uniqueSkill()), 30);
        long warmBefore = replanner.warmReplans();

        Map<String, String> proposalOf = new LinkedHashMap<>();
        for (Object[] listing : new Object[][] {{shared, "HIGH", 3}, {onlySecond, "NORMAL", 2}, {shared, "LOW", 4},
                {shared, "CRITICAL", 2}}) {
            String demand = listedDemand(CATEGORY, (String) listing[0], (String) listing[1], (Integer) listing[2]);
            proposalOf.put(demand, projectServing(demand));
        }
        // a burst: three listings reach the matchmaker together and are planned in one re-plan
        List<String> burst = listedTogether(List.of(new Object[] {shared, "NORMAL", 2}, new Object[] {onlySecond, "HIGH", 1},
                new Object[] {shared, "NORMAL", 1}));
        burst.forEach(demand -> projectServing(demand));

        List<String> demands = new ArrayList<>(proposalOf.keySet());
        demands.addAll(burst);
        Map<String, ProjectView> servedBy = new HashMap<>();
        for (String demand : demands) {
            List<ProjectView> projects = QuarkusTransaction.requiringNew().call(() ->
                    ProjectView.TABLE.where("? = any(demand_ids)", demand));
            assertThat(projects).as("projects serving " + demand).hasSize(1);
            assertThat(projects.get(0).status.name()).isEqualTo("PROPOSED");
            assertThat(projects.get(0).origin).isEqualTo("ENGINE");
            servedBy.put(demand, projects.get(0));
        }
        // no churn: what was proposed for the first listings is still the proposal after the later ones
        proposalOf.forEach((demand, projectId) -> assertThat(servedBy.get(demand).projectId).isEqualTo(projectId));
        assertThat(replanner.warmReplans() - warmBefore).as("re-plans from the kept plan").isGreaterThanOrEqualTo(3);

        // the assignments made listing by listing, scored like a plan of all of them at once, lose at most what
        // that plan proves it may itself lose
        MatchingInstance atOnce = QuarkusTransaction.requiringNew().call(() -> instanceAsFirstOffered(demands,
                List.of(first, second)));
        MatchingPlan full = new MatchingEngine(new MatchingEngine.Options(5, 2, true)).plan(atOnce);
        Map<String, ResourceInput> resources = new HashMap<>();
        atOnce.resources().forEach(r -> resources.put(r.id(), r));
        double incremental = atOnce.demands().stream().mapToDouble(d -> Scoring.score(d,
                resources.get(servedBy.get(d.id()).proposedResourceId), Weights.DEFAULTS)).sum();
        assertThat(full.unmatchedDemandIds()).isEmpty();
        assertThat(incremental).isGreaterThanOrEqualTo(full.objective() - (full.upperBound() - full.objective()) - 1e-6);
        System.out.printf("listing by listing %.4f, all at once %.4f (bound %.4f)%n", incremental, full.objective(),
                full.upperBound());
    }

    @Test
    void a_proposal_written_elsewhere_makes_the_street_planned_afresh_so_no_offer_is_promised_twice() {
        String skill = uniqueSkill();
        Unit small = unit(CATEGORY, List.of(skill), 5);
        Unit large = unit(CATEGORY, List.of(skill, uniqueSkill(), uniqueSkill()), 30);
        String before = listedDemand(CATEGORY, skill, "NORMAL", 2);
        assertThat(stored(projectServing(before)).proposedResourceId).isEqualTo(small.resourceId());

        // another writer (another replica, the desk) proposes the 3 hours left on the small offer under the street's
        // lock, for a demand this replica's plan holds unmatched: the kept plan does not know the hours are gone
        String elsewhere = listedDemand(CATEGORY, uniqueSkill(), "NORMAL", 3);
        long fullBefore = replanner.fullReplans();
        QuarkusTransaction.requiringNew().run(() -> {
            Proposals.lockStreet(STREET);
            commands.sendAndWait(new ProposeProject(UUID.randomUUID().toString(), Origin.DESK, STREET, COMMUNITY,
                    Category.valueOf(CATEGORY), Urgency.NORMAL, "另一处写入的提议", List.of(elsewhere),
                    new Need(new BigDecimal("3"), "SERVICE_HOURS"), small.unitId(), small.resourceId(), null, null,
                    List.of(), "desk-elsewhere"));
        });

        String after = listedDemand(CATEGORY, skill, "NORMAL", 2);
        ProjectView proposal = stored(projectServing(after));

        assertThat(proposal.proposedResourceId).as("the small offer has no hours left").isEqualTo(large.resourceId());
        assertThat(replanner.fullReplans() - fullBefore).as("planned afresh").isPositive();
    }

    private static ProjectView stored(String projectId) {
        return await(() -> ProjectView.<ProjectView>findById(projectId), p -> true);
    }

    /** Listed demands of 嘉福社区 ({skill, urgency, hours} each), sent to the topic together. */
    private static List<String> listedTogether(List<Object[]> listings) {
        List<String> ids = new ArrayList<>();
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (Object[] listing : listings) {
            String id = newDemandId();
            Map<String, Object> data = with(with(with(with(submitted(id), "streetCode", STREET), "communityCode",
                    COMMUNITY), "category", CATEGORY), "requiredSkills", List.of(listing[0]));
            data = with(with(data, "urgency", listing[1]), "estimatedHours", listing[2]);
            data = with(data, "window", Map.of("start", LocalDate.now().plusDays(2).toString(),
                    "end", LocalDate.now().plusDays(25).toString()));
            records.add(Map.entry(id, demandEvent("submitted", data).json()));
            records.add(Map.entry(id, demandEvent("verified", change(id, "LISTED")).json()));
            ids.add(id);
        }
        KafkaProbe.sendAll(DEMAND_EVENTS, records);
        return ids;
    }

    /** The demands and the units' offers as they were before any of the demands was proposed. */
    private static MatchingInstance instanceAsFirstOffered(List<String> demandIds, List<Unit> units) {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        List<DemandInput> demands = demandIds.stream()
                .map(id -> StreetInstances.demand(OpenDemandView.<OpenDemandView>findById(id), today)).toList();
        List<ResourceInput> resources = units.stream().map(u -> {
            AvailableResourceView r = AvailableResourceView.findById(u.resourceId());
            return new ResourceInput(r.resourceId, r.unitId, List.of(r.categories), List.of(r.skills),
                    List.of(r.serviceArea), r.availableFrom, r.availableUntil, r.capacityAmount.doubleValue(), null, 0.0);
        }).toList();
        return new MatchingInstance(demands, resources);
    }
}
