package org.threelists.matchmaker.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.matchmaker.ProjectWorld;
import org.threelists.matchmaker.ProjectWorld.Unit;
import org.threelists.matchmaker.projection.ProjectProjection;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.checkin.CheckInCodes;
import org.threelists.platform.checkin.CheckInPurpose;
import org.threelists.testing.RealInfrastructure;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.threelists.matchmaker.Fixtures.PROBLEMS;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.ProjectWorld.COMMUNITY;
import static org.threelists.matchmaker.ProjectWorld.COMMUNITY_WORKER;
import static org.threelists.matchmaker.ProjectWorld.DESK;
import static org.threelists.matchmaker.ProjectWorld.STREET;
import static org.threelists.matchmaker.ProjectWorld.messages;
import static org.threelists.matchmaker.ProjectWorld.stored;
import static org.threelists.matchmaker.ProjectWorld.unit;

/**
 * Check-in and check-out at a project's scheduled activity (签到/签退) with the holder's signed, short-lived codes,
 * and the delivery report reconciled against them: what a code does not open — forged, expired, used, of the other
 * purpose or project, in the hands of a member on no holder's roster — is refused with a problem document and changes
 * nothing; the ledger gets the checked hours, and the report's as confirmed by the unit where nobody checked.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class ActivityCheckInResourceTest {

    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    @Inject
    CheckInCodes codes;

    @Test
    void the_delivery_is_reconciled_with_the_check_ins_and_the_ledger_gets_the_checked_hours() {
        Unit holder = unit("CULTURE_FESTIVALS", List.of(), 20);
        String projectId = scheduled(holder);
        String wang = ProjectWorld.volunteer(holder);
        String li = ProjectWorld.volunteer(holder);

        String checkIn = code(holder.token(), projectId, "CHECK_IN");
        as(member(wang)).body(Map.of("code", checkIn)).post("/projects/{id}/check-in", projectId).then()
                .statusCode(200).body("volunteerId", equalTo(wang)).body("unitId", equalTo(holder.unitId()))
                .body("checkedInAt", notNullValue()).body("date", equalTo(TODAY));
        as(member(li)).body(Map.of("code", checkIn)).post("/projects/{id}/check-in", projectId).then().statusCode(200);
        as(member(wang)).body(Map.of("code", code(DESK, projectId, "CHECK_OUT")))
                .post("/projects/{id}/check-out", projectId).then().statusCode(200)
                .body("checkedHours", equalTo(0.25f)).body("checkedInAt", equalTo(null));
        assertThat(ProjectProjection.attendance(stored(projectId).attendance))
                .extracting(ProjectProjection.AttendanceLine::volunteerId).containsExactly(wang, li);

        as(holder.token()).body(Map.of("date", TODAY, "place", "嘉福社区文化站", "residentsServed", 12, "volunteers",
                        List.of(Map.of("volunteerId", wang, "hours", 2), Map.of("volunteerId", li, "hours", 1.5))))
                .post("/projects/{id}/delivery", projectId).then().statusCode(200)
                .body("hoursDiffer", equalTo(true))
                .body("reconciliation[0].basis", equalTo("CHECKED"))
                .body("reconciliation[0].difference", equalTo(1.75f));

        ProjectView delivered = stored(projectId);
        assertThat(delivered.hoursDiffer).isTrue();
        JsonPath seen = as(DESK).get("/projects/{id}", projectId).then().statusCode(200).extract().jsonPath();
        assertThat(seen.getList("reconciliation.volunteerId")).containsExactly(wang, li);
        assertThat(seen.getString("reconciliation[0].basisLabel")).isEqualTo("签到签退");
        assertThat(new BigDecimal(seen.getString("reconciliation[0].creditedHours"))).isEqualByComparingTo("0.25");
        assertThat(new BigDecimal(seen.getString("reconciliation[0].reportedHours"))).isEqualByComparingTo("2");
        assertThat(seen.getString("reconciliation[1].basis")).isEqualTo("CONFIRMED_BY_UNIT");
        assertThat(new BigDecimal(seen.getString("reconciliation[1].creditedHours"))).isEqualByComparingTo("1.5");
        assertThat(seen.getString("reconciliation[1].difference")).as("nothing checked to compare").isNull();
        as(DESK).queryParam("hoursDiffer", true).queryParam("size", 100).get("/projects").then().statusCode(200)
                .body("items.projectId", hasItem(projectId))
                .body("items.hoursDiffer", not(hasItem(false)));

        JsonNode message = messages(projectId, "delivered", 1).get(0).path("data");
        List<JsonNode> volunteers = StreamSupport.stream(message.path("report").path("volunteers").spliterator(), false)
                .toList();
        assertThat(volunteers.get(0).path("hours").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(volunteers.get(0).path("reportedHours").decimalValue()).isEqualByComparingTo("2");
        assertThat(volunteers.get(0).path("checkedHours").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(volunteers.get(0).path("hoursBasis").asText()).isEqualTo("CHECKED");
        assertThat(volunteers.get(1).path("hours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(volunteers.get(1).path("hoursBasis").asText()).isEqualTo("CONFIRMED_BY_UNIT");
        assertThat(volunteers.get(1).has("checkedHours")).isFalse();
    }

    @Test
    void forged_expired_reused_foreign_and_wrong_purpose_codes_are_refused_and_change_nothing() {
        Unit holder = unit("CULTURE_FESTIVALS", List.of(), 20);
        String projectId = scheduled(holder);
        String wang = ProjectWorld.volunteer(holder);
        Instant now = Instant.now();
        CheckInCodes elsewhere = new CheckInCodes("another-key-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(5));
        String genuine = code(holder.token(), projectId, "CHECK_IN");
        long version = stored(projectId).version;

        refused(wang, projectId, "check-in", elsewhere.issue(projectId, CheckInPurpose.CHECK_IN, Optional.empty(), now)
                .text(), "not a check-in code");
        refused(wang, projectId, "check-in", codes.issue(projectId, CheckInPurpose.CHECK_IN, Optional.empty(),
                now.minus(Duration.ofMinutes(6))).text(), "expired");
        refused(wang, projectId, "check-in", codes.issue(UUID.randomUUID().toString(), CheckInPurpose.CHECK_IN,
                Optional.empty(), now).text(), "another slip or activity");
        refused(wang, projectId, "check-in", code(holder.token(), projectId, "CHECK_OUT"), "(CHECK_OUT) code");
        as(member(wang)).body(Map.of("code", "not a code!")).post("/projects/{id}/check-in", projectId)
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-input"));
        as(member(wang)).body(Map.of("code", code(holder.token(), projectId, "CHECK_OUT")))
                .post("/projects/{id}/check-out", projectId).then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "illegal-transition"));
        assertThat(stored(projectId).version).as("nothing recorded").isEqualTo(version);
        assertThat(stored(projectId).attendance).isNull();

        as(member(wang)).body(Map.of("code", genuine)).post("/projects/{id}/check-in", projectId).then().statusCode(200);
        String checkOut = code(holder.token(), projectId, "CHECK_OUT");
        as(member(wang)).body(Map.of("code", checkOut)).post("/projects/{id}/check-out", projectId).then()
                .statusCode(200);
        long done = stored(projectId).version;
        refused(wang, projectId, "check-in", genuine, "used already");
        refused(wang, projectId, "check-out", checkOut, "used already");
        assertThat(stored(projectId).version).isEqualTo(done);
    }

    @Test
    void only_volunteers_on_a_holders_roster_check_in_and_only_holders_or_the_desk_show_codes() {
        Unit holder = unit("CULTURE_FESTIVALS", List.of(), 20);
        Unit other = unit("CULTURE_FESTIVALS", List.of(), 20);
        String claimedOnly = ProjectWorld.claimedBy(holder, "CULTURE_FESTIVALS");
        as(holder.token()).body(Map.of("purpose", "CHECK_IN")).post("/projects/{id}/check-in-code", claimedOnly)
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "illegal-transition"));

        String projectId = scheduled(holder);
        String outsider = ProjectWorld.volunteer(other);
        String code = code(holder.token(), projectId, "CHECK_IN");
        long version = stored(projectId).version;

        as(member(outsider)).body(Map.of("code", code)).post("/projects/{id}/check-in", projectId).then()
                .statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        as(member(UUID.randomUUID().toString())).body(Map.of("code", code)).post("/projects/{id}/check-in", projectId)
                .then().statusCode(403);
        as(holder.token()).body(Map.of("code", code)).post("/projects/{id}/check-in", projectId).then().statusCode(403);
        as(other.token()).body(Map.of("purpose", "CHECK_IN")).post("/projects/{id}/check-in-code", projectId)
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        as(COMMUNITY_WORKER).body(Map.of("purpose", "CHECK_IN")).post("/projects/{id}/check-in-code", projectId)
                .then().statusCode(403);
        as(ProjectWorld.OTHER_DESK).body(Map.of("purpose", "CHECK_IN")).post("/projects/{id}/check-in-code", projectId)
                .then().statusCode(403);
        assertThat(stored(projectId).version).isEqualTo(version);
    }

    @Test
    void a_code_with_a_place_opens_only_within_its_radius() {
        Unit holder = unit("CULTURE_FESTIVALS", List.of(), 20);
        String projectId = scheduled(holder);
        String wang = ProjectWorld.volunteer(holder);
        double lat = 24.497125;
        double lon = 118.139481;
        String code = as(holder.token()).body(Map.of("purpose", "CHECK_IN",
                        "place", Map.of("latitude", lat, "longitude", lon, "radiusMetres", 100)))
                .post("/projects/{id}/check-in-code", projectId).then().statusCode(200)
                .body("place.radiusMetres", equalTo(100)).body("purposeLabel", equalTo("签到"))
                .extract().path("code");

        as(member(wang)).body(Map.of("code", code)).post("/projects/{id}/check-in", projectId)
                .then().statusCode(400).body("violations[0].field", equalTo("position"));
        as(member(wang)).body(Map.of("code", code, "position", Map.of("latitude", lat + 0.002, "longitude", lon)))
                .post("/projects/{id}/check-in", projectId).then().statusCode(400)
                .body("violations[0].message", containsString("222 m"));
        assertThat(stored(projectId).attendance).isNull();
        as(member(wang)).body(Map.of("code", code, "position", Map.of("latitude", lat + 0.0005, "longitude", lon)))
                .post("/projects/{id}/check-in", projectId).then().statusCode(200).body("atPlace", equalTo(true));
    }

    /** A project of {@code holder}, claimed and scheduled for today. */
    static String scheduled(Unit holder) {
        String projectId = ProjectWorld.claimedBy(holder, "CULTURE_FESTIVALS");
        as(holder.token()).body(Map.of("date", TODAY, "place", "嘉福社区文化站")).post("/projects/{id}/schedule", projectId)
                .then().statusCode(200).body("status", equalTo("SCHEDULED"));
        return projectId;
    }

    static String code(String token, String projectId, String purpose) {
        return as(token).body(Map.of("purpose", purpose)).post("/projects/{id}/check-in-code", projectId).then()
                .statusCode(200).body("projectId", equalTo(projectId)).extract().path("code");
    }

    static String member(String volunteerId) {
        return DevTokens.member(volunteerId, STREET, COMMUNITY);
    }

    static void refused(String volunteerId, String projectId, String step, String code, String why) {
        as(member(volunteerId)).body(Map.of("code", code)).post("/projects/{id}/" + step, projectId).then()
                .statusCode(400).body("type", equalTo(PROBLEMS + "invalid-input"))
                .body("violations[0].field", equalTo("code"))
                .body("violations[0].message", containsString(why));
    }
}
