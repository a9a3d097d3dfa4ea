package org.threelists.demand.slip;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.demand.domain.slip.HoursSource;
import org.threelists.demand.domain.slip.SlipStatus;
import org.threelists.demand.projection.SlipView;
import org.threelists.platform.checkin.CheckInCodes;
import org.threelists.platform.checkin.CheckInPurpose;
import org.threelists.testing.RealInfrastructure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.as;
import static org.threelists.demand.slip.SlipWorld.published;

/**
 * Check-in and check-out (签到/签退) with the leader's signed, short-lived codes: what a code does not open —
 * forged, expired, used, of the other purpose or slip, outside its place, in another member's hands — is refused with a
 * problem document and changes nothing; hours nobody checked count only once the leader confirms them.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class SlipCheckInResourceTest {

    private static final String PROBLEMS = "https://threelists.dev/problems/";
    /** 嘉福盐业小区, roughly. */
    private static final double LAT = 24.497125;
    private static final double LON = 118.139481;

    @Inject
    CheckInCodes codes;

    @Test
    void forged_expired_reused_and_wrong_purpose_codes_are_refused_and_change_nothing() {
        SlipWorld world = new SlipWorld();
        String slipId = accepted(world);
        String other = accepted(world);
        Instant now = Instant.now();
        CheckInCodes elsewhere = new CheckInCodes("another-key-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8),
                Duration.ofMinutes(5));
        String genuine = world.code(slipId, "CHECK_IN");
        String tampered = genuine.substring(0, 20) + (genuine.charAt(20) == 'A' ? 'B' : 'A') + genuine.substring(21);
        long version = SlipWorld.stored(slipId).version;

        refused(world.volunteer, slipId, "check-in", elsewhere.issue(slipId, CheckInPurpose.CHECK_IN, Optional.empty(),
                now).text(), "not a check-in code");
        refused(world.volunteer, slipId, "check-in", tampered, "not a check-in code");
        refused(world.volunteer, slipId, "check-in", codes.issue(slipId, CheckInPurpose.CHECK_IN, Optional.empty(),
                now.minus(Duration.ofMinutes(6))).text(), "expired");
        refused(world.volunteer, slipId, "check-in", world.code(slipId, "CHECK_OUT"), "(CHECK_OUT) code");
        refused(world.volunteer, slipId, "check-in", world.code(other, "CHECK_IN"), "another slip");
        refused(world.volunteer, slipId, "check-out", world.code(slipId, "CHECK_IN"), "(CHECK_IN) code");
        as(world.volunteer).body(Map.of("code", "not a code!")).post("/slips/{id}/check-in", slipId)
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "invalid-input"));
        assertThat(SlipWorld.stored(slipId).version).as("nothing recorded").isEqualTo(version);
        assertThat(SlipWorld.stored(slipId).checkedIn).isFalse();

        as(world.volunteer).body(Map.of("code", genuine)).post("/slips/{id}/check-in", slipId).then().statusCode(200);
        String checkOut = world.code(slipId, "CHECK_OUT");
        as(world.volunteer).body(Map.of("code", checkOut)).post("/slips/{id}/check-out", slipId).then().statusCode(200);
        SlipView done = SlipWorld.stored(slipId);
        refused(world.volunteer, slipId, "check-in", genuine, "used already");
        refused(world.volunteer, slipId, "check-out", checkOut, "used already");
        SlipView after = SlipWorld.stored(slipId);
        assertThat(after.version).isEqualTo(done.version);
        assertThat(after.checkedIn).isFalse();
        assertThat(after.checkedHours).isEqualByComparingTo(done.checkedHours);
        published(slipId, "checked-in", 1);
        published(slipId, "checked-out", 1);
    }

    @Test
    void only_the_slips_member_checks_in_and_only_the_leader_shows_codes() {
        SlipWorld world = new SlipWorld();
        String slipId = accepted(world);
        String code = world.code(slipId, "CHECK_IN");
        long version = SlipWorld.stored(slipId).version;

        as(world.resident).body(Map.of("code", code)).post("/slips/{id}/check-in", slipId)
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        as(world.leader).body(Map.of("code", code)).post("/slips/{id}/check-in", slipId).then().statusCode(403);
        as(world.volunteer).body(Map.of("purpose", "CHECK_IN")).post("/slips/{id}/check-in-code", slipId)
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        as(JIAFU_WORKER).body(Map.of("purpose", "CHECK_IN")).post("/slips/{id}/check-in-code", slipId)
                .then().statusCode(403);
        assertThat(SlipWorld.stored(slipId).version).isEqualTo(version);

        String dispatched = world.dispatched(world.heldDemand(), world.volunteerId);
        as(world.leader).body(Map.of("purpose", "CHECK_IN")).post("/slips/{id}/check-in-code", dispatched)
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "illegal-transition"));
        as(world.volunteer).body(Map.of("code", code)).post("/slips/{id}/check-in", slipId).then().statusCode(200);
    }

    @Test
    void a_code_with_a_place_opens_only_within_its_radius_and_the_position_is_not_kept() {
        SlipWorld world = new SlipWorld();
        String slipId = accepted(world);
        String code = as(world.leader).body(Map.of("purpose", "CHECK_IN",
                        "place", Map.of("latitude", LAT, "longitude", LON, "radiusMetres", 100)))
                .post("/slips/{id}/check-in-code", slipId).then().statusCode(200)
                .body("place.radiusMetres", equalTo(100))
                .extract().path("code");
        assertThat(code).hasSize(79);

        as(world.volunteer).body(Map.of("code", code)).post("/slips/{id}/check-in", slipId)
                .then().statusCode(400).body("violations[0].field", equalTo("position"));
        as(world.volunteer).body(Map.of("code", code, "position", Map.of("latitude", LAT + 0.002, "longitude", LON)))
                .post("/slips/{id}/check-in", slipId)
                .then().statusCode(400).body("violations[0].field", equalTo("position"))
                .body("violations[0].message", containsString("222 m"));
        assertThat(SlipWorld.stored(slipId).checkedIn).isFalse();

        as(world.volunteer).body(Map.of("code", code, "position", Map.of("latitude", LAT + 0.0005, "longitude", LON)))
                .post("/slips/{id}/check-in", slipId).then().statusCode(200)
                .body("atPlace", equalTo(true));
        JsonNode message = published(slipId, "checked-in", 1).get(0);
        assertThat(message.path("data").path("atPlace").asBoolean()).isTrue();
        assertThat(message.toString()).doesNotContain(String.valueOf(LAT + 0.0005).substring(0, 8));
    }

    @Test
    void a_member_who_did_not_check_in_gets_hours_only_when_the_leader_confirms_them() {
        SlipWorld world = new SlipWorld();
        String slipId = accepted(world);
        as(world.volunteer).body(Map.of("service", "电话解答低保政策", "hours", 1.5, "mode", "ONLINE"))
                .post("/slips/{id}/report", slipId).then().statusCode(200)
                .body("reportedHours", equalTo(1.5f))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("hours")));
        long version = SlipWorld.stored(slipId).version;

        as(JIAFU_WORKER).body(Map.of("score", 5)).post("/slips/{id}/satisfaction", slipId)
                .then().statusCode(409).body("type", equalTo(PROBLEMS + "illegal-transition"));
        as(world.volunteer).body(Map.of("hours", 1.5, "reason", "自己确认")).post("/slips/{id}/hours-confirmation", slipId)
                .then().statusCode(403);
        assertThat(SlipWorld.stored(slipId).version).isEqualTo(version);
        assertThat(SlipWorld.stored(slipId).status).isEqualTo(SlipStatus.REPORTED);

        as(world.leader).body(Map.of("hours", 1, "reason", "居民家中无信号，未能签到")).post("/slips/{id}/hours-confirmation", slipId)
                .then().statusCode(200)
                .body("hours", equalTo(1))
                .body("hoursSource", equalTo("CONFIRMED_BY_LEADER"))
                .body("hoursDifference", equalTo(0.5f))
                .body("hoursConfirmationReason", equalTo("居民家中无信号，未能签到"));
        as(JIAFU_WORKER).body(Map.of("score", 4)).post("/slips/{id}/satisfaction", slipId).then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        SlipView closed = SlipWorld.stored(slipId);
        assertThat(closed.hours).isEqualByComparingTo("1");
        assertThat(closed.hoursSource).isEqualTo(HoursSource.CONFIRMED_BY_LEADER);
        assertThat(closed.hoursConfirmedBy).isEqualTo("member:" + world.leaderId);
        JsonNode confirmed = published(slipId, "hours-confirmed", 1).get(0).path("data");
        assertThat(confirmed.path("hours").decimalValue()).isEqualByComparingTo("1");
        assertThat(confirmed.has("reason")).as("the leader's words stay in the service").isFalse();
        JsonNode closedMessage = published(slipId, "closed", 1).get(0).path("data");
        assertThat(closedMessage.path("hours").decimalValue()).isEqualByComparingTo("1");
        assertThat(closedMessage.path("reportedHours").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(closedMessage.has("checkedHours")).isFalse();
        assertThat(closedMessage.path("hoursSource").asText()).isEqualTo("CONFIRMED_BY_LEADER");
    }

    @Test
    void a_checked_time_is_not_overruled_by_a_confirmation() {
        SlipWorld world = new SlipWorld();
        String slipId = accepted(world);
        world.checkedInAndOut(slipId, world.volunteer);
        as(world.volunteer).body(Map.of("service", "上门清理楼道", "hours", 3, "mode", "ON_SITE"))
                .post("/slips/{id}/report", slipId).then().statusCode(200);

        as(world.leader).body(Map.of("hours", 3, "reason", "按上报时长")).post("/slips/{id}/hours-confirmation", slipId)
                .then().statusCode(409);
        assertThat(SlipWorld.stored(slipId).hours).isEqualByComparingTo("0.25");
        assertThat(SlipWorld.stored(slipId).hoursSource).isEqualTo(HoursSource.CHECKED);
    }

    private static String accepted(SlipWorld world) {
        String slipId = world.dispatched(world.heldDemand(), world.volunteerId);
        as(world.volunteer).post("/slips/{id}/accept", slipId).then().statusCode(200);
        return slipId;
    }

    private static ValidatableResponse refused(String token, String slipId, String step, String code, String why) {
        return as(token).body(Map.of("code", code)).post("/slips/{id}/" + step, slipId).then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "invalid-input"))
                .body("violations[0].field", equalTo("code"))
                .body("violations[0].message", containsString(why));
    }
}
