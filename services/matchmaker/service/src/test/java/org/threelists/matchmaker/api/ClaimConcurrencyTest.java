package org.threelists.matchmaker.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.matchmaker.projection.ProjectClaimView;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.testing.AllAtOnce;
import org.threelists.testing.RealInfrastructure;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.Fixtures.PROBLEMS;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.Fixtures.sleep;
import static org.threelists.matchmaker.ProjectWorld.messages;
import static org.threelists.matchmaker.ProjectWorld.projectMessages;
import static org.threelists.matchmaker.ProjectWorld.publishedProposal;
import static org.threelists.matchmaker.ProjectWorld.stored;
import static org.threelists.matchmaker.ProjectWorld.uniqueSkill;
import static org.threelists.matchmaker.ProjectWorld.units;

/**
 * DESIGN.md §6 "nothing lost": fifty different units claim one published project at the same moment. Exactly one claim
 * is accepted and asked of resource-list — one claim-requested message, so the capacity is reserved once — and every
 * other unit gets a 409 problem; nothing else is stored.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ClaimConcurrencyTest {

    private static final int UNITS = 50;

    private record Answer(String unitId, int status, String body) {
    }

    @Test
    void fifty_units_claim_one_project_at_once_and_exactly_one_claim_is_accepted() throws Exception {
        String projectId = publishedProposal("CULTURE_FESTIVALS", uniqueSkill(), "NORMAL", 4, "CLAIM");
        List<Unit> claimants = units(UNITS, "CULTURE_FESTIVALS", 10);

        List<Answer> answers = AllAtOnce.call(claimants, unit -> {
            var response = as(unit.token()).body(Map.of("resourceId", unit.resourceId()))
                    .post("/projects/{id}/claims", projectId);
            return new Answer(unit.unitId(), response.statusCode(), response.asString());
        });

        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        assertThat(byStatus).as("statuses of %s concurrent claims: %s", UNITS, answers)
                .containsOnlyKeys(202, 409)
                .containsEntry(202, 1L)
                .containsEntry(409, (long) UNITS - 1);
        assertThat(answers.stream().filter(a -> a.status() == 409).map(a -> JsonPath.from(a.body()).getString("type")))
                .allSatisfy(type -> assertThat(type).isIn(PROBLEMS + "conflict", PROBLEMS + "illegal-transition"));
        Answer winner = answers.stream().filter(a -> a.status() == 202).findFirst().orElseThrow();
        String claimId = JsonPath.from(winner.body()).getString("claimId");

        List<ProjectClaimView> claims = QuarkusTransaction.requiringNew().call(() ->
                ProjectClaimView.TABLE.where("project_id = ?", projectId));
        assertThat(claims).singleElement().satisfies(c -> {
            assertThat(c.claimId).isEqualTo(claimId);
            assertThat(c.unitId).isEqualTo(winner.unitId());
            assertThat(c.status).isEqualTo(ProjectClaimView.Status.PENDING);
        });
        ProjectView project = stored(projectId);
        assertThat(project.status.name()).isEqualTo("CLAIM_PENDING");
        messages(projectId, "claim-requested", 1);
        sleep(1500); // let a second message, if any had been committed, reach the topic
        assertThat(projectMessages(projectId).stream()
                .filter(m -> m.path("type").asText().equals("threelists.project.claim-requested.v1")))
                .singleElement()
                .satisfies(m -> assertThat(m.path("data").path("claimId").asText()).isEqualTo(claimId));
    }
}
