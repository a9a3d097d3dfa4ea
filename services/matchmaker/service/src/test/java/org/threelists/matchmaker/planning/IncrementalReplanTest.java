package org.threelists.matchmaker.planning;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.testing.RealInfrastructure;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.Fixtures.await;
import static org.threelists.matchmaker.Fixtures.change;
import static org.threelists.matchmaker.Fixtures.demandEvent;
import static org.threelists.matchmaker.Fixtures.publish;
import static org.threelists.matchmaker.ProjectWorld.listedDemand;
import static org.threelists.matchmaker.ProjectWorld.messages;
import static org.threelists.matchmaker.ProjectWorld.projectServing;
import static org.threelists.matchmaker.ProjectWorld.uniqueSkill;
import static org.threelists.matchmaker.ProjectWorld.unit;
import static org.threelists.matchmaker.messaging.Topics.DEMAND_EVENTS;

/**
 * Re-planning follows the lists without anyone asking: a demand that is listed where an offer fits becomes a
 * proposal within the debounce interval; when its demand leaves the list before the desk published it, the proposal
 * is superseded (cancelled), and published projects are never touched.
 */
@QuarkusTest
@TestProfile(ReplanProfile.class)
@QuarkusTestResource(RealInfrastructure.class)
class IncrementalReplanTest {

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
                ProjectView.count("array_contains(demandIds, ?1)", demand))).isEqualTo(1);
    }
}
