package org.threelists.resource.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.projection.VolunteerView;
import org.threelists.testing.RealInfrastructure;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.threelists.resource.Fixtures.DIANQIAN_AUDITOR;
import static org.threelists.resource.Fixtures.DIANQIAN_DESK;
import static org.threelists.resource.Fixtures.HEPING_AUDITOR;
import static org.threelists.resource.Fixtures.HEPING_DESK;
import static org.threelists.resource.Fixtures.JIAFU_WORKER;
import static org.threelists.resource.Fixtures.LIANQIAO_WORKER;
import static org.threelists.resource.Fixtures.PROBLEM_JSON;
import static org.threelists.resource.Fixtures.anonymous;
import static org.threelists.resource.Fixtures.as;
import static org.threelists.resource.Fixtures.committed;
import static org.threelists.resource.Fixtures.problem;
import static org.threelists.resource.Fixtures.registeredHepingUnit;
import static org.threelists.resource.Fixtures.registeredUnit;
import static org.threelists.resource.Fixtures.registeredVolunteer;
import static org.threelists.resource.Fixtures.storedVolunteer;
import static org.threelists.resource.Fixtures.unitToken;
import static org.threelists.resource.Fixtures.volunteer;
import static org.threelists.resource.Fixtures.with;

/**
 * /volunteers: dual-registered members (双报到). Registered only with consent; who they are is seen only by their
 * unit and the desk, sealed at rest, and erasable on request.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class VolunteerResourceTest {

    private static final String UNKNOWN = "00000000-0000-0000-0000-00000000dead";

    @Inject
    AgroalDataSource dataSource;

    // ---- POST /volunteers -------------------------------------------------------------------------------------

    @Test
    void a_unit_registers_a_volunteer_and_only_a_sealed_person_is_stored() throws Exception {
        String unitId = registeredUnit();
        ExtractableResponse<Response> created = as(unitToken(unitId)).body(volunteer(unitId, "jiafu", "王小明"))
                .post("/volunteers").then()
                .statusCode(201)
                .body("unitId", equalTo(unitId))
                .body("streetCode", equalTo("dianqian"))
                .body("homeCommunity", equalTo("jiafu"))
                .body("skills", equalTo(List.of("法律咨询", "矛盾调解")))
                .body("maskedName", equalTo("王*明"))
                .body("person.name", equalTo("王小明"))
                .body("person.phone", equalTo("13900000123"))
                .body("personalDataErased", equalTo(false))
                .body("status", equalTo("ACTIVE"))
                .body("statusLabel", equalTo("在册"))
                .body("consentGivenAt", notNullValue())
                .body("registeredBy", equalTo("unit:staff-" + unitId))
                .body("version", equalTo(0))
                .extract();
        String volunteerId = created.path("volunteerId");
        assertThat(created.header("Location")).endsWith("/volunteers/" + volunteerId);

        VolunteerView stored = storedVolunteer(volunteerId);
        assertThat(stored.unitId).isEqualTo(unitId);
        assertThat(stored.streetCode).isEqualTo("dianqian");
        assertThat(stored.homeCommunity).isEqualTo("jiafu");
        assertThat(stored.skills).containsExactly("法律咨询", "矛盾调解");
        assertThat(stored.maskedName).isEqualTo("王*明");
        assertThat(stored.sealedPerson).startsWith("v1.").doesNotContain("王小明").doesNotContain("13900000123");
        assertThat(stored.personErased).isFalse();
        assertThat(stored.status).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(stored.consentGivenAt).isNotNull();
        // Nor is the person in clear anywhere in the event store.
        assertThat(String.join("", storedEvents(volunteerId))).contains("王*明")
                .doesNotContain("王小明").doesNotContain("13900000123");
    }

    @Test
    void the_person_is_seen_by_the_unit_and_the_desk_and_only_the_masked_name_by_the_home_community() {
        String unitId = registeredUnit();
        String volunteerId = registeredVolunteer(unitId);
        for (String token : new String[] {unitToken(unitId), DIANQIAN_DESK}) {
            as(token).get("/volunteers/{id}", volunteerId).then().statusCode(200)
                    .body("maskedName", equalTo("王*明"))
                    .body("person.name", equalTo("王小明"))
                    .body("person.phone", equalTo("13900000123"));
        }
        for (String token : new String[] {JIAFU_WORKER, DIANQIAN_AUDITOR}) {
            as(token).get("/volunteers/{id}", volunteerId).then().statusCode(200)
                    .body("maskedName", equalTo("王*明"))
                    .body("$", not(hasKey("person")))
                    .body("skills", hasItem("法律咨询"));
        }
    }

    @Test
    void others_may_not_read_a_volunteer() {
        String unitId = registeredUnit();
        String volunteerId = registeredVolunteer(unitId);
        for (String token : new String[] {unitToken(registeredUnit()), LIANQIAO_WORKER, HEPING_DESK, HEPING_AUDITOR}) {
            as(token).get("/volunteers/{id}", volunteerId).then()
                    .statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo(problem("forbidden")));
        }
        anonymous().get("/volunteers/{id}", volunteerId).then().statusCode(401)
                .body("type", equalTo(problem("unauthenticated")));
        as(DIANQIAN_DESK).get("/volunteers/{id}", UNKNOWN).then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("not-found")));
    }

    @Test
    void the_desk_registers_a_volunteer_of_a_unit_of_its_street() {
        String unitId = registeredUnit();
        String volunteerId = as(DIANQIAN_DESK).body(volunteer(unitId, "jiafu", "李四")).post("/volunteers").then()
                .statusCode(201)
                .body("maskedName", equalTo("李*"))
                .body("person.name", equalTo("李四"))
                .body("registeredBy", equalTo("desk:desk-dianqian"))
                .extract().path("volunteerId");
        assertThat(storedVolunteer(volunteerId).registeredBy).isEqualTo("desk:desk-dianqian");
        assertThat(storedVolunteer(volunteerId).maskedName).isEqualTo("李*");
    }

    @Test
    void without_consent_nobody_is_registered() {
        String unitId = registeredUnit();
        assertInvalid(unitId, with(volunteer(unitId, "jiafu", "王小明"), "consent", false), "consent");
        assertInvalid(unitId, with(volunteer(unitId, "jiafu", "王小明"), "consent", null), "consent");
        assertThat(volunteersOf(unitId)).isZero();
    }

    @Test
    void invalid_registrations_are_400_and_nothing_is_stored() {
        String unitId = registeredUnit();
        Map<String, Object> valid = volunteer(unitId, "jiafu", "王小明");
        assertInvalid(unitId, with(valid, "homeCommunity", "atlantis"), "homeCommunity");
        assertInvalid(unitId, with(valid, "homeCommunity", null), "homeCommunity");
        assertInvalid(unitId, with(valid, "person", null), "person");
        assertInvalid(unitId, with(valid, "person", Map.of("name", " ")), "person.name");
        assertInvalid(unitId, with(valid, "person", Map.of("name", "王小明", "phone", "call me")), "person.phone");
        assertInvalid(unitId, with(valid, "skills", null), "skills");
        assertInvalid(unitId, with(valid, "skills", List.of("法律咨询", " ")), "skills");
        assertInvalid(unitId, with(valid, "unexpected", "field"), "unexpected");
        assertInvalid(unitId, with(valid, "unitId", "unit-nobody-at-all"), "unitId");
        assertThat(volunteersOf(unitId)).isZero();
    }

    @Test
    void a_name_as_long_as_the_api_allows_is_registered() {
        String unitId = registeredUnit();
        String name = "Maria Guadalupe Fernandez de la Concepcion Rodriguez Santos";
        assertThat(name.length()).isBetween(51, 100);
        String volunteerId = as(unitToken(unitId)).body(volunteer(unitId, "jiafu", name)).post("/volunteers").then()
                .statusCode(201)
                .body("person.name", equalTo(name))
                .body("maskedName", startsWith("M*"))
                .extract().path("volunteerId");
        assertThat(storedVolunteer(volunteerId).maskedName).isEqualTo("M********s");
    }

    @Test
    void registering_for_another_unit_is_403_and_nothing_is_stored() {
        String unitId = registeredUnit();
        String otherUnit = registeredUnit();
        for (String token : new String[] {unitToken(otherUnit), HEPING_DESK, JIAFU_WORKER, DIANQIAN_AUDITOR}) {
            as(token).body(volunteer(unitId, "jiafu", "王小明")).post("/volunteers").then()
                    .statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo(problem("forbidden")));
        }
        anonymous().body(volunteer(unitId, "jiafu", "王小明")).post("/volunteers").then().statusCode(401);
        assertThat(volunteersOf(unitId)).isZero();
        assertThat(volunteersOf(otherUnit)).isZero();
    }

    @Test
    void a_unit_that_left_cannot_register_volunteers() {
        String unitId = registeredUnit();
        as(DIANQIAN_DESK).post("/units/{id}/leave", unitId).then().statusCode(200);
        as(unitToken(unitId)).body(volunteer(unitId, "jiafu", "王小明")).post("/volunteers").then()
                .statusCode(409)
                .body("type", equalTo(problem("illegal-transition")))
                .body("state", equalTo("LEFT"));
        assertThat(volunteersOf(unitId)).isZero();
    }

    // ---- GET /volunteers --------------------------------------------------------------------------------------

    @Test
    void a_unit_lists_only_its_own_volunteers() {
        String unitId = registeredUnit();
        String otherUnit = registeredUnit();
        String mine = registeredVolunteer(unitId);
        String mineToo = as(unitToken(unitId)).body(volunteer(unitId, "lianqiao", "赵大勇")).post("/volunteers")
                .then().statusCode(201).extract().path("volunteerId");
        String theirs = registeredVolunteer(otherUnit);

        as(unitToken(unitId)).get("/volunteers").then().statusCode(200)
                .body("items.volunteerId", hasItems(mine, mineToo))
                .body("items.volunteerId", not(hasItem(theirs)))
                .body("items.unitId", everyItem(equalTo(unitId)))
                .body("items.person.name", hasItems("王小明", "赵大勇"))
                .body("total", equalTo(2));
        as(unitToken(unitId)).queryParam("unit", unitId).get("/volunteers").then().statusCode(200)
                .body("total", equalTo(2));
        as(unitToken(unitId)).queryParam("unit", otherUnit).get("/volunteers").then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("forbidden")));
        as(unitToken(unitId)).queryParam("homeCommunity", "lianqiao").get("/volunteers").then().statusCode(200)
                .body("items.volunteerId", equalTo(List.of(mineToo)));
    }

    @Test
    void a_community_lists_only_the_volunteers_who_call_it_home() {
        String unitId = registeredUnit();
        String jiafu = registeredVolunteer(unitId);
        String lianqiao = as(unitToken(unitId)).body(volunteer(unitId, "lianqiao", "赵大勇")).post("/volunteers")
                .then().statusCode(201).extract().path("volunteerId");

        as(JIAFU_WORKER).queryParam("unit", unitId).get("/volunteers").then().statusCode(200)
                .body("items.volunteerId", equalTo(List.of(jiafu)))
                .body("items[0].maskedName", equalTo("王*明"))
                .body("items[0]", not(hasKey("person")));
        as(JIAFU_WORKER).queryParam("size", 100).get("/volunteers").then().statusCode(200)
                .body("items.homeCommunity", everyItem(equalTo("jiafu")))
                .body("items.volunteerId", not(hasItem(lianqiao)));
        as(JIAFU_WORKER).queryParam("homeCommunity", "jiafu").queryParam("unit", unitId).get("/volunteers").then()
                .statusCode(200).body("total", equalTo(1));
        as(JIAFU_WORKER).queryParam("homeCommunity", "lianqiao").get("/volunteers").then()
                .statusCode(403)
                .body("type", equalTo(problem("forbidden")));
        // A volunteer's home may lie in another street than the unit's: that community sees them, masked.
        as(LIANQIAO_WORKER).queryParam("unit", unitId).get("/volunteers").then().statusCode(200)
                .body("items.volunteerId", equalTo(List.of(lianqiao)))
                .body("items[0]", not(hasKey("person")));
    }

    @Test
    void the_desk_and_the_auditor_list_the_volunteers_of_their_street() {
        String unitId = registeredUnit();
        String dianqian = registeredVolunteer(unitId);
        String hepingUnit = registeredHepingUnit();
        String heping = as(HEPING_DESK).body(volunteer(hepingUnit, "lianqiao", "刘一手")).post("/volunteers").then()
                .statusCode(201).extract().path("volunteerId");

        as(DIANQIAN_DESK).queryParam("size", 100).get("/volunteers").then().statusCode(200)
                .body("items.streetCode", everyItem(equalTo("dianqian")))
                .body("items.volunteerId", not(hasItem(heping)));
        as(DIANQIAN_DESK).queryParam("unit", unitId).get("/volunteers").then().statusCode(200)
                .body("items.volunteerId", equalTo(List.of(dianqian)))
                .body("items[0].person.name", equalTo("王小明"));
        as(DIANQIAN_AUDITOR).queryParam("unit", unitId).get("/volunteers").then().statusCode(200)
                .body("items.volunteerId", equalTo(List.of(dianqian)))
                .body("items[0]", not(hasKey("person")));
        as(DIANQIAN_DESK).queryParam("unit", hepingUnit).get("/volunteers").then().statusCode(200)
                .body("total", equalTo(0));
        as(HEPING_DESK).queryParam("size", 100).get("/volunteers").then().statusCode(200)
                .body("items.volunteerId", hasItem(heping))
                .body("items.volunteerId", not(hasItem(dianqian)))
                .body("items.streetCode", everyItem(equalTo("heping")));
        anonymous().get("/volunteers").then().statusCode(401);
    }

    @Test
    void the_list_filters_by_skill_and_status() {
        String unitId = registeredUnit();
        String legal = registeredVolunteer(unitId);
        String medic = as(unitToken(unitId)).body(with(volunteer(unitId, "jiafu", "钱医生"), "skills", List.of("义诊")))
                .post("/volunteers").then().statusCode(201).extract().path("volunteerId");
        as(unitToken(unitId)).post("/volunteers/{id}/leave", medic).then().statusCode(200);

        as(unitToken(unitId)).queryParam("skill", "义诊").get("/volunteers").then().statusCode(200)
                .body("items.volunteerId", equalTo(List.of(medic)));
        as(unitToken(unitId)).queryParam("status", "ACTIVE").get("/volunteers").then().statusCode(200)
                .body("items.volunteerId", equalTo(List.of(legal)));
        as(unitToken(unitId)).queryParam("status", "left").get("/volunteers").then().statusCode(200)
                .body("items.volunteerId", equalTo(List.of(medic)));
        as(unitToken(unitId)).queryParam("size", 1).queryParam("page", 1).get("/volunteers").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("page", equalTo(1)).body("total", equalTo(2));
        as(unitToken(unitId)).queryParam("status", "RETIRED").get("/volunteers").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("status"));
        as(unitToken(unitId)).queryParam("size", 0).get("/volunteers").then()
                .statusCode(400).body("violations.field", hasItem("size"));
    }

    // ---- amend and leave --------------------------------------------------------------------------------------

    @Test
    void the_unit_amends_a_volunteers_home_and_skills() {
        String unitId = registeredUnit();
        String volunteerId = registeredVolunteer(unitId);
        as(unitToken(unitId)).body(Map.of("homeCommunity", "lianqiao", "skills", List.of("心理疏导")))
                .post("/volunteers/{id}/amend", volunteerId).then()
                .statusCode(200)
                .body("homeCommunity", equalTo("lianqiao"))
                .body("skills", equalTo(List.of("心理疏导")))
                .body("person.name", equalTo("王小明"))
                .body("version", equalTo(1));
        VolunteerView stored = storedVolunteer(volunteerId);
        assertThat(stored.homeCommunity).isEqualTo("lianqiao");
        assertThat(stored.skills).containsExactly("心理疏导");
        assertThat(stored.maskedName).isEqualTo("王*明");
        assertThat(stored.updatedBy).isEqualTo("unit:staff-" + unitId);

        as(DIANQIAN_DESK).body(Map.of("homeCommunity", "jiafu", "skills", List.of()))
                .post("/volunteers/{id}/amend", volunteerId).then()
                .statusCode(200).body("updatedBy", equalTo("desk:desk-dianqian"));
        assertThat(storedVolunteer(volunteerId).homeCommunity).isEqualTo("jiafu");
        assertThat(storedVolunteer(volunteerId).skills).isEmpty();
    }

    @Test
    void amending_is_refused_to_others_and_for_bad_input_and_changes_nothing() {
        String unitId = registeredUnit();
        String volunteerId = registeredVolunteer(unitId);
        Map<String, Object> amended = Map.of("homeCommunity", "lianqiao", "skills", List.of("心理疏导"));
        for (String token : new String[] {unitToken(registeredUnit()), HEPING_DESK, JIAFU_WORKER, DIANQIAN_AUDITOR}) {
            as(token).body(amended).post("/volunteers/{id}/amend", volunteerId).then().statusCode(403)
                    .body("type", equalTo(problem("forbidden")));
        }
        anonymous().body(amended).post("/volunteers/{id}/amend", volunteerId).then().statusCode(401);
        as(unitToken(unitId)).body(Map.of("homeCommunity", "atlantis", "skills", List.of()))
                .post("/volunteers/{id}/amend", volunteerId).then()
                .statusCode(400).body("violations.field", hasItem("homeCommunity"));
        as(unitToken(unitId)).body(Map.of("homeCommunity", "jiafu"))
                .post("/volunteers/{id}/amend", volunteerId).then()
                .statusCode(400).body("violations.field", hasItem("skills"));
        as(unitToken(unitId)).body(Map.of("homeCommunity", "jiafu", "skills", List.of(), "person",
                        Map.of("name", "张三"))).post("/volunteers/{id}/amend", volunteerId).then()
                .statusCode(400).body("violations.field", hasItem("person"));
        as(unitToken(unitId)).body(amended).post("/volunteers/{id}/amend", UNKNOWN).then().statusCode(404)
                .body("type", equalTo(problem("not-found")));

        VolunteerView stored = storedVolunteer(volunteerId);
        assertThat(stored.homeCommunity).isEqualTo("jiafu");
        assertThat(stored.skills).containsExactly("法律咨询", "矛盾调解");
        assertThat(stored.version).isZero();
    }

    @Test
    void a_volunteer_leaves_and_leaving_twice_is_an_illegal_transition() {
        String unitId = registeredUnit();
        String volunteerId = registeredVolunteer(unitId);
        as(unitToken(unitId)).body(Map.of("reason", "工作调动")).post("/volunteers/{id}/leave", volunteerId).then()
                .statusCode(200)
                .body("status", equalTo("LEFT"))
                .body("statusLabel", equalTo("已退出"))
                .body("statusReason", equalTo("工作调动"));
        VolunteerView stored = storedVolunteer(volunteerId);
        assertThat(stored.status).isEqualTo(MembershipStatus.LEFT);
        assertThat(stored.statusReason).isEqualTo("工作调动");
        assertThat(stored.version).isEqualTo(1);

        as(DIANQIAN_DESK).post("/volunteers/{id}/leave", volunteerId).then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("illegal-transition")))
                .body("state", equalTo("LEFT"));
        as(unitToken(unitId)).body(Map.of("homeCommunity", "jiafu", "skills", List.of()))
                .post("/volunteers/{id}/amend", volunteerId).then()
                .statusCode(409).body("type", equalTo(problem("illegal-transition")));
        assertThat(storedVolunteer(volunteerId).version).isEqualTo(1);
        assertThat(storedVolunteer(volunteerId).statusReason).isEqualTo("工作调动");
    }

    @Test
    void leaving_is_refused_to_others() {
        String unitId = registeredUnit();
        String volunteerId = registeredVolunteer(unitId);
        for (String token : new String[] {unitToken(registeredUnit()), HEPING_DESK, JIAFU_WORKER, DIANQIAN_AUDITOR}) {
            as(token).post("/volunteers/{id}/leave", volunteerId).then().statusCode(403);
        }
        anonymous().post("/volunteers/{id}/leave", volunteerId).then().statusCode(401);
        as(DIANQIAN_DESK).post("/volunteers/{id}/leave", UNKNOWN).then().statusCode(404);
        assertThat(storedVolunteer(volunteerId).status).isEqualTo(MembershipStatus.ACTIVE);
    }

    // ---- DELETE /volunteers/{id}/personal-data ----------------------------------------------------------------

    @Test
    void erasing_makes_the_person_unreadable_for_everyone_and_keeps_the_masked_name() throws Exception {
        String unitId = registeredUnit();
        String volunteerId = registeredVolunteer(unitId);
        as(unitToken(unitId)).delete("/volunteers/{id}/personal-data", volunteerId).then()
                .statusCode(200)
                .body("personalDataErased", equalTo(true))
                .body("$", not(hasKey("person")))
                .body("maskedName", equalTo("王*明"))
                .body("version", equalTo(1));

        for (String token : new String[] {unitToken(unitId), DIANQIAN_DESK, JIAFU_WORKER, DIANQIAN_AUDITOR}) {
            as(token).get("/volunteers/{id}", volunteerId).then().statusCode(200)
                    .body("person", nullValue())
                    .body("personalDataErased", equalTo(true))
                    .body("maskedName", equalTo("王*明"));
        }
        as(unitToken(unitId)).get("/volunteers").then().statusCode(200)
                .body("items.find { it.volunteerId == '" + volunteerId + "' }.person", nullValue());
        VolunteerView stored = storedVolunteer(volunteerId);
        assertThat(stored.personErased).isTrue();
        assertThat(stored.maskedName).isEqualTo("王*明");
        assertThat(stored.updatedBy).isEqualTo("unit:staff-" + unitId);
        assertThat(keyOf("volunteer:" + volunteerId)).isNull();
    }

    @Test
    void erasing_twice_is_200_and_changes_nothing_the_second_time() {
        String unitId = registeredUnit();
        String volunteerId = registeredVolunteer(unitId);
        as(DIANQIAN_DESK).delete("/volunteers/{id}/personal-data", volunteerId).then().statusCode(200)
                .body("version", equalTo(1));
        Instant first = storedVolunteer(volunteerId).updatedAt;
        as(unitToken(unitId)).delete("/volunteers/{id}/personal-data", volunteerId).then().statusCode(200)
                .body("version", equalTo(1))
                .body("personalDataErased", equalTo(true))
                .body("updatedBy", equalTo("desk:desk-dianqian"));
        assertThat(storedVolunteer(volunteerId).version).isEqualTo(1);
        assertThat(storedVolunteer(volunteerId).updatedAt).isEqualTo(first);
    }

    @Test
    void erasing_one_volunteer_leaves_the_others_readable() {
        String unitId = registeredUnit();
        String erased = registeredVolunteer(unitId);
        String kept = registeredVolunteer(unitId);
        as(unitToken(unitId)).delete("/volunteers/{id}/personal-data", erased).then().statusCode(200);
        as(unitToken(unitId)).get("/volunteers/{id}", kept).then().statusCode(200)
                .body("person.name", equalTo("王小明"));
    }

    @Test
    void erasing_is_refused_to_others() throws Exception {
        String unitId = registeredUnit();
        String volunteerId = registeredVolunteer(unitId);
        for (String token : new String[] {unitToken(registeredUnit()), HEPING_DESK, JIAFU_WORKER, DIANQIAN_AUDITOR}) {
            as(token).delete("/volunteers/{id}/personal-data", volunteerId).then().statusCode(403)
                    .body("type", equalTo(problem("forbidden")));
        }
        anonymous().delete("/volunteers/{id}/personal-data", volunteerId).then().statusCode(401);
        as(DIANQIAN_DESK).delete("/volunteers/{id}/personal-data", UNKNOWN).then().statusCode(404);
        assertThat(storedVolunteer(volunteerId).personErased).isFalse();
        assertThat(keyOf("volunteer:" + volunteerId)).isNotNull();
        as(unitToken(unitId)).get("/volunteers/{id}", volunteerId).then().body("person.name", equalTo("王小明"));
    }

    private static long volunteersOf(String unitId) {
        return committed(() -> VolunteerView.TABLE.count("unit_id = ?", unitId));
    }

    private static void assertInvalid(String unitId, Map<String, Object> body, String field) {
        as(unitToken(unitId)).body(body).post("/volunteers").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("invalid-input")))
                .body("violations.field", hasItem(startsWith(field)));
    }

    private List<String> storedEvents(String aggregateId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            select.setString(1, aggregateId);
            List<String> payloads = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    payloads.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
                }
            }
            assertThat(payloads).isNotEmpty();
            return payloads;
        }
    }

    private byte[] keyOf(String subject) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT wrapped_key FROM personal_data_key WHERE subject_id = ?")) {
            select.setString(1, subject);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }
}
