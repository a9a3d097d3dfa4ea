package org.threelists.matchmaker.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.ProjectWorld;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.matchmaker.projection.ProjectClaimView;
import org.threelists.matchmaker.projection.ProjectDeadline;
import org.threelists.testing.RealInfrastructure;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.Fixtures.await;
import static org.threelists.matchmaker.ProjectWorld.claimRequested;
import static org.threelists.matchmaker.ProjectWorld.messages;
import static org.threelists.matchmaker.ProjectWorld.publishedProposal;
import static org.threelists.matchmaker.ProjectWorld.reserve;
import static org.threelists.matchmaker.ProjectWorld.stored;
import static org.threelists.matchmaker.ProjectWorld.uniqueSkill;
import static org.threelists.matchmaker.ProjectWorld.unit;

/**
 * A claim waits for resource-list's answer only {@code threelists.deadlines.claim-pending} (4 s in {@link ShortAnswerWaitProfile}):
 * then it is refused with the reason and the project is open again; a reservation that still comes is given back on
 * project-list.events.v1 (threelists.project.reservation-returned.v1).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@TestProfile(ShortAnswerWaitProfile.class)
class ClaimAnswerDeadlineTest {

    @Test
    void a_claim_resource_list_never_answers_is_refused_and_a_late_reservation_is_given_back() {
        String projectId = publishedProposal("SAFETY", uniqueSkill(), "NORMAL", 2, "CLAIM");
        Unit patrol = unit("SAFETY", List.of(), 10);
        String claimId = ProjectWorld.claim(patrol, projectId);
        assertThat(answerDeadline(projectId, claimId)).isNotNull();

        ProjectClaimView refused = await(() -> claim(claimId), c -> c.status == ProjectClaimView.Status.REFUSED);
        assertThat(refused.reason).isEqualTo("resource-list did not answer within PT4S");
        assertThat(stored(projectId).status.name()).isEqualTo("PUBLISHED");
        assertThat(answerDeadline(projectId, claimId)).isNull();
        JsonNode refusal = messages(projectId, "claim-refused", 1).get(0).path("data");
        assertThat(refusal.path("claimId").asText()).isEqualTo(claimId);
        assertThat(refusal.path("reason").asText()).contains("did not answer");

        reserve(claimRequested(projectId, claimId), 8);
        JsonNode returned = messages(projectId, "reservation-returned", 1).get(0).path("data");
        assertThat(returned.path("releases")).hasSize(1);
        assertThat(returned.path("releases").get(0).path("claimId").asText()).isEqualTo(claimId);
        assertThat(returned.path("releases").get(0).path("resourceId").asText()).isEqualTo(patrol.resourceId());
        assertThat(returned.path("releases").get(0).path("unitId").asText()).isEqualTo(patrol.unitId());
        assertThat(claim(claimId).status).isEqualTo(ProjectClaimView.Status.REFUSED);
        assertThat(stored(projectId).status.name()).isEqualTo("PUBLISHED");
    }

    static ProjectClaimView claim(String claimId) {
        return QuarkusTransaction.requiringNew().call(() -> ProjectClaimView.findById(claimId));
    }

    static ProjectDeadline answerDeadline(String projectId, String claimId) {
        return QuarkusTransaction.requiringNew().call(() ->
                ProjectDeadline.findById(ProjectDeadline.Key.reservation(projectId, claimId)));
    }
}
