package org.threelists.matchmaker.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.matchmaker.projection.ProjectClaimView;
import org.threelists.testing.AllAtOnce;
import org.threelists.testing.RealInfrastructure;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.ProjectWorld.messages;
import static org.threelists.matchmaker.ProjectWorld.publishedProposal;
import static org.threelists.matchmaker.ProjectWorld.uniqueSkill;
import static org.threelists.matchmaker.ProjectWorld.units;

/**
 * Valid commands on one project at the same moment all succeed: eight units pledge a share each of a project open for
 * pledges, together less than its need. The event store refuses all but one of the clashing appends; each refused
 * request runs again on the project as the others left it (libs/platform/README.md, "Commands") instead of answering
 * 409.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class PledgeConcurrencyTest {

    private static final int UNITS = 8;

    private record Answer(String unitId, int status, String body) {
    }

    @Test
    void eight_units_pledge_to_one_project_at_once_and_every_pledge_is_accepted() throws Exception {
        String projectId = publishedProposal("SANITATION", uniqueSkill(), "NORMAL", 2 * UNITS, "PLEDGE");
        List<Unit> pledgers = units(UNITS, "SANITATION", 10);

        List<Answer> answers = AllAtOnce.call(pledgers, unit -> {
            var response = as(unit.token()).body(Map.of("resourceId", unit.resourceId(), "amount", 1))
                    .post("/projects/{id}/pledges", projectId);
            return new Answer(unit.unitId(), response.statusCode(), response.asString());
        });

        assertThat(answers).as("answers to %s concurrent pledges", UNITS).allSatisfy(a -> assertThat(a.status())
                .as(a.body()).isEqualTo(202));
        List<String> claimIds = answers.stream().map(a -> JsonPath.from(a.body()).getString("claimId")).toList();
        List<ProjectClaimView> pledges = QuarkusTransaction.requiringNew().call(() ->
                ProjectClaimView.TABLE.where("project_id = ?", projectId));
        assertThat(pledges).extracting(c -> c.claimId).containsExactlyInAnyOrderElementsOf(claimIds);
        assertThat(pledges).extracting(c -> c.unitId)
                .containsExactlyInAnyOrderElementsOf(pledgers.stream().map(Unit::unitId).toList());
        assertThat(pledges).allSatisfy(c -> assertThat(c.status).isEqualTo(ProjectClaimView.Status.PENDING));
        messages(projectId, "claim-requested", UNITS);
    }
}
