package org.threelists.matchmaker.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.testing.fuzz.RowCounts;
import org.threelists.matchmaker.ProjectWorld;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.testing.RealInfrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.Fixtures.await;

/**
 * The start-up warm-up carries a made-up project to its delivery for real (the project is DELIVERED inside its
 * transaction and the answer rendered) and leaves nothing behind: no event in the store, no project, claim, deadline
 * or roster row, and no message on project-list.events.v1, even once the relay has published a later project.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DeliveryWarmUpTest {

    @Inject
    DeliveryWarmUp warmUp;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_warm_up_delivers_a_project_and_rolls_it_back() {
        DeliveryWarmUp.Outcome outcome = warmUp.warm();

        assertThat(outcome.status()).isEqualTo("DELIVERED");
        assertThat(outcome.answerBytes()).isPositive();
        assertThat(outcome.lastEventReadBack()).as("the delivery read back as the relay reads it").isEqualTo("ProjectDelivered");
        assertThat(warmUpRows(outcome)).as("what the warm-up would have left").allSatisfy((table, rows) ->
                assertThat(rows).as(table).isZero());

        // a project written after the warm-up is published: the relay has gone past the warm-up's events
        Unit unit = ProjectWorld.unit("CULTURE_FESTIVALS", List.of(), 20);
        String later = ProjectWorld.assigned(unit, List.of(ProjectWorld.listedDemand("CULTURE_FESTIVALS", null,
                "NORMAL", 2))).getString("projectId");
        await(() -> ProjectWorld.types(later), types -> types.contains("claim-requested"));
        assertThat(ProjectWorld.projectMessages(outcome.projectId())).isEmpty();
    }

    /** The rows of the warm-up's project, claim, volunteer, place and unit in every table its path writes. */
    private Map<String, Long> warmUpRows(DeliveryWarmUp.Outcome outcome) {
        String project = "'" + outcome.projectId() + "'";
        String place = "'" + DeliveryWarmUp.PLACE + "'";
        String unit = "'" + DeliveryWarmUp.UNIT + "'";
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("domain_event_entry", "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = "
                + project);
        queries.put("project_view", "SELECT count(*) FROM project_view WHERE project_id = " + project
                + " OR street_code = " + place);
        queries.put("project_claim", "SELECT count(*) FROM project_claim WHERE project_id = " + project
                + " OR claim_id = '" + outcome.claimId() + "' OR unit_id = " + unit);
        queries.put("project_deadline", "SELECT count(*) FROM project_deadline WHERE project_id = " + project);
        queries.put("volunteer_roster", "SELECT count(*) FROM volunteer_roster WHERE volunteer_id = '"
                + outcome.volunteerId() + "' OR unit_id = " + unit);
        queries.put("escalation", "SELECT count(*) FROM escalation WHERE project_id = " + project);
        return RowCounts.counts(dataSource, queries);
    }
}
