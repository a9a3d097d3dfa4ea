package org.threelists.matchmaker.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.threelists.matchmaker.ProjectWorld;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.testing.RealInfrastructure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.matchmaker.Fixtures.PROBLEMS;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.ProjectWorld.assigned;
import static org.threelists.matchmaker.ProjectWorld.claimConfirmed;
import static org.threelists.matchmaker.ProjectWorld.listedDemand;
import static org.threelists.matchmaker.ProjectWorld.projectMessages;
import static org.threelists.matchmaker.ProjectWorld.stored;
import static org.threelists.matchmaker.ProjectWorld.unit;

/**
 * Hours cannot be invented: a delivery names only active volunteers of a holding unit, recorded for the unit they
 * serve with, on a day that has come; anything else is a 400 and nothing changes.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DeliveryHoursResourceTest {

    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    @Test
    void a_report_naming_anyone_but_the_holders_volunteers_or_a_day_to_come_is_refused_and_changes_nothing() {
        Unit holder = unit("CULTURE_FESTIVALS", List.of(), 20);
        Unit other = unit("CULTURE_FESTIVALS", List.of(), 20);
        String projectId = claimed(holder);
        String own = ProjectWorld.volunteer(holder);
        String others = ProjectWorld.volunteer(other);
        long version = stored(projectId).version;

        refused(holder, projectId, report(TODAY, Map.of("volunteerId", UUID.randomUUID().toString(), "hours", 3)),
                "volunteers[0].volunteerId");
        refused(holder, projectId, report(TODAY, Map.of("volunteerId", others, "hours", 3)), "volunteers[0].volunteerId");
        refused(holder, projectId, report(TODAY, Map.of("volunteerId", own, "unitId", other.unitId(), "hours", 3)),
                "volunteers[0].unitId");
        refused(holder, projectId, report(LocalDate.parse(TODAY).plusDays(1).toString(),
                Map.of("volunteerId", own, "hours", 3)), "report.date");
        refused(holder, projectId, report(LocalDate.parse(TODAY).minusYears(1).toString(),
                Map.of("volunteerId", own, "hours", 3)), "report.date");
        refused(holder, projectId, report(TODAY, Map.of("volunteerId", own, "hours", new BigDecimal("2.125"))),
                "volunteers[0].hours");
        as(holder.token()).body(report(TODAY, Map.of("volunteerId", own, "hours", 25)))
                .post("/projects/{id}/delivery", projectId).then().statusCode(400)
                .body("violations[0].field", equalTo("volunteers[0].hours"));

        assertThat(stored(projectId).version).isEqualTo(version);
        assertThat(stored(projectId).status.name()).isEqualTo("CLAIMED");
        assertThat(projectMessages(projectId).stream().map(m -> m.path("type").asText()))
                .doesNotContain("threelists.project.delivered.v1");

        JsonPath delivered = as(holder.token()).body(report(TODAY, Map.of("volunteerId", own, "hours", 3)))
                .post("/projects/{id}/delivery", projectId).then().statusCode(200).extract().jsonPath();
        assertThat(delivered.getString("report.volunteers[0].unitId")).isEqualTo(holder.unitId());
    }

    static String claimed(Unit holder) {
        JsonPath created = assigned(holder, List.of(listedDemand("CULTURE_FESTIVALS", null, "NORMAL", 4)));
        String projectId = created.getString("projectId");
        claimConfirmed(projectId, created.getString("claims[0].claimId"), 16);
        return projectId;
    }

    static Map<String, Object> report(String date, Map<String, Object> volunteer) {
        return Map.of("date", date, "place", "嘉福社区文化站", "residentsServed", 12, "volunteers", List.of(volunteer));
    }

    static void refused(Unit holder, String projectId, Map<String, Object> report, String field) {
        as(holder.token()).body(report).post("/projects/{id}/delivery", projectId).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-input")).body("violations[0].field", equalTo(field));
    }
}
