package org.threelists.matchmaker.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.matchmaker.projection.ProjectClaimView;
import org.threelists.testing.RealInfrastructure;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.Fixtures.await;
import static org.threelists.matchmaker.ProjectWorld.claim;
import static org.threelists.matchmaker.ProjectWorld.claimRequested;
import static org.threelists.matchmaker.ProjectWorld.messages;
import static org.threelists.matchmaker.ProjectWorld.publishedProposal;
import static org.threelists.matchmaker.ProjectWorld.reserve;
import static org.threelists.matchmaker.ProjectWorld.uniqueSkill;
import static org.threelists.matchmaker.ProjectWorld.unit;
import static org.threelists.matchmaker.deadline.ClaimAnswerDeadlineTest.answerDeadline;
import static org.threelists.matchmaker.deadline.ClaimAnswerDeadlineTest.claim;

/**
 * A dead-lettered claim request replayed after its claim was released makes resource-list reserve again: that
 * reservation is given back (threelists.project.reservation-returned.v1), so the replay cannot leak capacity.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ReplayedReservationTest {

    @Test
    void a_reservation_replayed_after_the_claim_was_released_is_given_back_again() {
        String projectId = publishedProposal("SAFETY", uniqueSkill(), "NORMAL", 2, "CLAIM");
        Unit patrol = unit("SAFETY", List.of(), 10);
        String claimId = claim(patrol, projectId);
        JsonNode requested = claimRequested(projectId, claimId);
        reserve(requested, 8);
        await(() -> claim(claimId), c -> c.status == ProjectClaimView.Status.CONFIRMED);
        assertThat(answerDeadline(projectId, claimId)).isNull();
        as(patrol.token()).body(Map.of("reason", "人手不足")).post("/projects/{id}/release", projectId)
                .then().statusCode(200);
        messages(projectId, "claim-released", 1);

        // resource-list reserved again for the same claim (a dead-lettered request replayed after the release).
        reserve(requested, 8);
        JsonNode returned = messages(projectId, "reservation-returned", 1).get(0).path("data");
        assertThat(returned.path("releases").get(0).path("claimId").asText()).isEqualTo(claimId);
        assertThat(claim(claimId).status).isEqualTo(ProjectClaimView.Status.RELEASED);
    }

}
