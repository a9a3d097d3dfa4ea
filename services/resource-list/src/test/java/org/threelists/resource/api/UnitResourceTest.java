package org.threelists.resource.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.resource.domain.MembershipStatus;
import org.threelists.resource.domain.UnitKind;
import org.threelists.resource.projection.MemberUnitView;
import org.threelists.testing.RealInfrastructure;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.threelists.resource.Fixtures.DIANQIAN_AUDITOR;
import static org.threelists.resource.Fixtures.DIANQIAN_DESK;
import static org.threelists.resource.Fixtures.HEPING_DESK;
import static org.threelists.resource.Fixtures.JIAFU_WORKER;
import static org.threelists.resource.Fixtures.LIANQIAO_WORKER;
import static org.threelists.resource.Fixtures.PROBLEM_JSON;
import static org.threelists.resource.Fixtures.anonymous;
import static org.threelists.resource.Fixtures.as;
import static org.threelists.resource.Fixtures.newUnitId;
import static org.threelists.resource.Fixtures.problem;
import static org.threelists.resource.Fixtures.registeredHepingUnit;
import static org.threelists.resource.Fixtures.registeredUnit;
import static org.threelists.resource.Fixtures.storedUnit;
import static org.threelists.resource.Fixtures.unit;
import static org.threelists.resource.Fixtures.unitToken;
import static org.threelists.resource.Fixtures.with;
import static org.threelists.resource.Fixtures.without;

/** /units: the desk registers alliance member units; a unit keeps its profile; everyone reads their street's. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class UnitResourceTest {

    private static final String UNKNOWN = "unit-does-not-exist";

    // ---- POST /units ------------------------------------------------------------------------------------------

    @Test
    void the_desk_registers_a_unit_of_its_street_and_it_is_stored() {
        String unitId = newUnitId("court");
        as(DIANQIAN_DESK).body(unit(unitId, "湖里区人民法院")).post("/units")
                .then().statusCode(201)
                .header("Location", endsWith("/units/" + unitId))
                .body("unitId", equalTo(unitId))
                .body("streetCode", equalTo("dianqian"))
                .body("name", equalTo("湖里区人民法院"))
                .body("kind", equalTo("GOVERNMENT_BODY"))
                .body("kindLabel", equalTo("机关"))
                .body("communities", equalTo(List.of("jiafu")))
                .body("contact.phone", equalTo("0592-5600000"))
                .body("status", equalTo("ACTIVE"))
                .body("statusLabel", equalTo("在册"))
                .body("registeredBy", equalTo("desk:desk-dianqian"))
                .body("version", equalTo(0));

        MemberUnitView stored = storedUnit(unitId);
        assertThat(stored.streetCode).isEqualTo("dianqian");
        assertThat(stored.name).isEqualTo("湖里区人民法院");
        assertThat(stored.kind).isEqualTo(UnitKind.GOVERNMENT_BODY);
        assertThat(stored.partyOrganisation).isEqualTo("湖里区人民法院机关党委");
        assertThat(stored.communities).containsExactly("jiafu");
        assertThat(stored.contactPerson).isEqualTo("联络员");
        assertThat(stored.status).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(stored.registeredBy).isEqualTo("desk:desk-dianqian");
        as(JIAFU_WORKER).get("/units/{id}", unitId).then().statusCode(200).body("name", equalTo("湖里区人民法院"));
    }

    @Test
    void the_street_comes_from_the_desks_token_not_from_the_body() {
        String unitId = newUnitId("court");
        as(DIANQIAN_DESK).body(with(unit(unitId, "湖里区人民法院"), "streetCode", "heping")).post("/units")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("invalid-input")))
                .body("violations.field", hasItem("streetCode"));
        assertThat(storedUnit(unitId)).isNull();

        String heping = newUnitId("school");
        as(HEPING_DESK).body(with(unit(heping, "和平街道第一小学"), "communities", List.of("lianqiao", "dingzikou")))
                .post("/units").then().statusCode(201)
                .body("streetCode", equalTo("heping"));
        assertThat(storedUnit(heping).streetCode).isEqualTo("heping");
    }

    @Test
    void a_unit_a_community_or_an_auditor_cannot_register_a_unit() {
        String existing = registeredUnit();
        long before = MemberUnitView.TABLE.count("TRUE");
        for (String token : new String[] {unitToken(existing), JIAFU_WORKER, DIANQIAN_AUDITOR}) {
            String unitId = newUnitId("kindergarten");
            as(token).body(unit(unitId, "嘉福幼儿园")).post("/units").then()
                    .statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo(problem("forbidden")));
            assertThat(storedUnit(unitId)).isNull();
        }
        assertThat(MemberUnitView.TABLE.count("TRUE")).isEqualTo(before);
    }

    @Test
    void another_streets_desk_cannot_register_communities_outside_its_street() {
        String unitId = newUnitId("court");
        as(HEPING_DESK).body(unit(unitId, "湖里区人民法院")).post("/units").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("invalid-input")))
                .body("violations.field", hasItem("communities"))
                .body("detail", containsString("not in street heping"));
        assertThat(storedUnit(unitId)).isNull();
    }

    @Test
    void an_unknown_community_is_refused() {
        String unitId = newUnitId("court");
        as(DIANQIAN_DESK).body(with(unit(unitId, "湖里区人民法院"), "communities", List.of("jiafu", "atlantis")))
                .post("/units").then()
                .statusCode(400)
                .body("type", equalTo(problem("invalid-input")))
                .body("violations.field", hasItem("communities"))
                .body("detail", containsString("atlantis"));
        assertThat(storedUnit(unitId)).isNull();
    }

    @Test
    void invalid_registrations_are_refused_with_the_field_and_nothing_is_stored() {
        long before = MemberUnitView.TABLE.count("TRUE");
        assertInvalid(unit("court-without-prefix", "湖里区人民法院"), "unitId");
        assertInvalid(unit("unit-UPPER-case", "湖里区人民法院"), "unitId");
        assertInvalid(unit("unit-x", "湖里区人民法院"), "unitId");
        String id = newUnitId("court");
        assertInvalid(with(unit(id, "湖里区人民法院"), "name", " "), "name");
        assertInvalid(with(unit(id, "湖里区人民法院"), "kind", null), "kind");
        assertInvalid(with(unit(id, "湖里区人民法院"), "kind", "PUB"), "kind");
        assertInvalid(with(unit(id, "湖里区人民法院"), "communities", List.of()), "communities");
        assertInvalid(with(unit(id, "湖里区人民法院"), "communities", List.of("jiafu", "jiafu")), "communities");
        assertInvalid(with(unit(id, "湖里区人民法院"), "contact", Map.of("phone", "call me maybe")), "contact.phone");
        assertInvalid(with(unit(id, "湖里区人民法院"), "contact", Map.of("email", "not-an-email")), "contact.email");
        assertInvalid(with(unit(id, "湖里区人民法院"), "unexpected", "field"), "unexpected");
        as(DIANQIAN_DESK).body("{not json").post("/units").then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("malformed-body")));
        assertThat(storedUnit(id)).isNull();
        assertThat(MemberUnitView.TABLE.count("TRUE")).isEqualTo(before);
    }

    @Test
    void unit_ids_up_to_the_documented_length_are_accepted() {
        // The API and the aggregate accept "unit-" plus up to 60 characters (65 in all).
        String longest = newUnitId("agency").substring(0, "unit-agency-".length() + 8) + "-" + "a".repeat(44);
        assertThat(longest).hasSize(65).matches("^unit-[a-z0-9-]{2,60}$");
        as(DIANQIAN_DESK).body(unit(longest, "嘉福社会工作服务中心")).post("/units").then()
                .statusCode(201)
                .body("unitId", equalTo(longest));
        assertThat(storedUnit(longest).unitId).isEqualTo(longest);
    }

    @Test
    void registering_a_taken_unit_id_is_409_already_exists_and_keeps_the_first() {
        String unitId = registeredUnit();
        as(DIANQIAN_DESK).body(with(unit(unitId, "另一个单位"), "kind", "ENTERPRISE")).post("/units").then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("already-exists")));
        MemberUnitView stored = storedUnit(unitId);
        assertThat(stored.name).isEqualTo("湖里区人民法院");
        assertThat(stored.kind).isEqualTo(UnitKind.GOVERNMENT_BODY);
        assertThat(stored.version).isZero();
    }

    @Test
    void registering_without_a_token_is_401_and_nothing_is_stored() {
        String unitId = newUnitId("court");
        anonymous().body(unit(unitId, "湖里区人民法院")).post("/units").then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo(problem("unauthenticated")));
        anonymous().auth().oauth2("not-a-token").body(unit(unitId, "湖里区人民法院")).post("/units").then()
                .statusCode(401);
        assertThat(storedUnit(unitId)).isNull();
    }

    // ---- GET /units/{id} and GET /units -----------------------------------------------------------------------

    @Test
    void every_role_of_the_street_reads_a_unit() {
        String unitId = registeredUnit();
        String otherUnit = registeredUnit();
        for (String token : new String[] {DIANQIAN_DESK, DIANQIAN_AUDITOR, JIAFU_WORKER, unitToken(unitId),
                unitToken(otherUnit)}) {
            as(token).get("/units/{id}", unitId).then().statusCode(200)
                    .body("unitId", equalTo(unitId))
                    .body("streetCode", equalTo("dianqian"));
        }
    }

    @Test
    void only_the_unit_and_its_streets_desk_and_community_workers_see_its_contact_person() {
        String unitId = registeredUnit();
        String otherUnit = registeredUnit();
        for (String token : new String[] {DIANQIAN_DESK, JIAFU_WORKER, unitToken(unitId)}) {
            as(token).get("/units/{id}", unitId).then().statusCode(200).body("contact.person", equalTo("联络员"))
                    .body("contact.phone", equalTo("0592-5600000"));
        }
        for (String token : new String[] {DIANQIAN_AUDITOR, unitToken(otherUnit)}) {
            String body = as(token).get("/units/{id}", unitId).then().statusCode(200)
                    .body("name", notNullValue()).body("contact", nullValue()).extract().asString();
            assertThat(body).doesNotContain("联络员", "0592-5600000");
            as(token).queryParam("size", 100).get("/units").then().statusCode(200)
                    .body("items.find { it.unitId == '" + unitId + "' }.contact", nullValue());
        }
        as(DIANQIAN_AUDITOR).queryParam("size", 100).get("/units").then().statusCode(200)
                .body("items.findAll { it.contact != null }.size()", equalTo(0));
        as(DIANQIAN_DESK).queryParam("size", 100).get("/units").then().statusCode(200)
                .body("items.find { it.unitId == '" + unitId + "' }.contact.person", equalTo("联络员"));
    }

    @Test
    void an_unknown_unit_is_404() {
        as(DIANQIAN_DESK).get("/units/{id}", UNKNOWN).then()
                .statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("not-found")));
    }

    @Test
    void a_unit_of_another_street_is_403() {
        String unitId = registeredUnit();
        for (String token : new String[] {HEPING_DESK, LIANQIAO_WORKER, unitToken(newUnitId("other"), "heping")}) {
            as(token).get("/units/{id}", unitId).then()
                    .statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo(problem("forbidden")));
        }
        anonymous().get("/units/{id}", unitId).then().statusCode(401);
    }

    @Test
    void the_list_keeps_to_the_callers_street() {
        String dianqian = registeredUnit();
        String heping = registeredHepingUnit();
        as(DIANQIAN_DESK).queryParam("size", 100).get("/units").then().statusCode(200)
                .body("items.streetCode", everyItem(equalTo("dianqian")))
                .body("items.unitId", not(hasItem(heping)));
        as(HEPING_DESK).queryParam("size", 100).get("/units").then().statusCode(200)
                .body("items.streetCode", everyItem(equalTo("heping")))
                .body("items.unitId", not(hasItem(dianqian)));
        as(JIAFU_WORKER).queryParam("size", 100).get("/units").then().statusCode(200)
                .body("items.streetCode", everyItem(equalTo("dianqian")));
        as(DIANQIAN_AUDITOR).queryParam("size", 100).get("/units").then().statusCode(200)
                .body("items.streetCode", everyItem(equalTo("dianqian")));
        anonymous().get("/units").then().statusCode(401).body("type", equalTo(problem("unauthenticated")));
    }

    @Test
    void the_list_filters_by_community_kind_and_status() {
        String lianqiaoEnterprise = hepingUnit("enterprise", "ENTERPRISE", List.of("lianqiao"));
        String dingzikouSchool = hepingUnit("school", "SCHOOL", List.of("dingzikou"));
        String lianqiaoSchool = hepingUnit("school", "SCHOOL", List.of("lianqiao", "huahuaqiao"));
        as(HEPING_DESK).post("/units/{id}/leave", lianqiaoSchool).then().statusCode(200);

        as(HEPING_DESK).queryParam("community", "lianqiao").queryParam("size", 100).get("/units").then()
                .statusCode(200)
                .body("items.unitId", hasItems(lianqiaoEnterprise, lianqiaoSchool))
                .body("items.unitId", not(hasItem(dingzikouSchool)))
                .body("items.communities", everyItem(hasItem("lianqiao")));
        as(HEPING_DESK).queryParam("kind", "SCHOOL").queryParam("size", 100).get("/units").then()
                .statusCode(200)
                .body("items.unitId", hasItems(dingzikouSchool, lianqiaoSchool))
                .body("items.unitId", not(hasItem(lianqiaoEnterprise)))
                .body("items.kind", everyItem(equalTo("SCHOOL")));
        as(HEPING_DESK).queryParam("kind", "school").queryParam("status", "left").queryParam("size", 100)
                .get("/units").then()
                .statusCode(200)
                .body("items.unitId", hasItem(lianqiaoSchool))
                .body("items.unitId", not(hasItem(dingzikouSchool)))
                .body("items.status", everyItem(equalTo("LEFT")));
        as(HEPING_DESK).queryParam("community", "lianqiao").queryParam("kind", "SCHOOL").queryParam("status", "ACTIVE")
                .queryParam("size", 100).get("/units").then()
                .statusCode(200)
                .body("items.unitId", not(hasItem(lianqiaoSchool)))
                .body("items.unitId", not(hasItem(dingzikouSchool)))
                .body("items.unitId", not(hasItem(lianqiaoEnterprise)));
    }

    @Test
    void the_list_pages_in_name_order() {
        hepingUnit("a", "OTHER", List.of("dingzikou"));
        hepingUnit("b", "OTHER", List.of("dingzikou"));
        hepingUnit("c", "OTHER", List.of("dingzikou"));
        int total = as(HEPING_DESK).queryParam("size", 100).get("/units").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(100))
                .extract().path("total");
        assertThat(total).isGreaterThanOrEqualTo(3);
        List<String> all = as(HEPING_DESK).queryParam("size", 100).get("/units").then().extract().path("items.unitId");
        String first = as(HEPING_DESK).queryParam("size", 1).queryParam("page", 0).get("/units").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("total", equalTo(total))
                .extract().path("items[0].unitId");
        String second = as(HEPING_DESK).queryParam("size", 1).queryParam("page", 1).get("/units").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("page", equalTo(1)).body("size", equalTo(1))
                .body("total", greaterThanOrEqualTo(3))
                .extract().path("items[0].unitId");
        assertThat(List.of(first, second)).isEqualTo(all.subList(0, 2));
        as(HEPING_DESK).queryParam("size", 100).queryParam("page", 1000).get("/units").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", equalTo(total));
    }

    @Test
    void bad_list_parameters_are_400() {
        as(DIANQIAN_DESK).queryParam("kind", "CASTLE").get("/units").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("invalid-input")))
                .body("violations.field", hasItem("kind"));
        as(DIANQIAN_DESK).queryParam("status", "GONE").get("/units").then()
                .statusCode(400).body("violations.field", hasItem("status"));
        as(DIANQIAN_DESK).queryParam("size", 1000).get("/units").then()
                .statusCode(400).body("violations.field", hasItem("size"));
        as(DIANQIAN_DESK).queryParam("size", 0).get("/units").then()
                .statusCode(400).body("violations.field", hasItem("size"));
        as(DIANQIAN_DESK).queryParam("page", -1).get("/units").then()
                .statusCode(400).body("violations.field", hasItem("page"));
    }

    // ---- POST /units/{id}/amend -------------------------------------------------------------------------------

    @Test
    void the_unit_itself_amends_its_profile() {
        String unitId = registeredUnit();
        Map<String, Object> amended = with(with(without(unit(unitId, "湖里区人民法院"), "unitId"), "kind",
                "PUBLIC_INSTITUTION"), "contact", Map.of("person", "张法官", "phone", "0592-5611111",
                "email", "court@example.org"));
        as(unitToken(unitId)).body(amended).post("/units/{id}/amend", unitId).then()
                .statusCode(200)
                .body("kind", equalTo("PUBLIC_INSTITUTION"))
                .body("contact.person", equalTo("张法官"))
                .body("contact.email", equalTo("court@example.org"))
                .body("updatedBy", equalTo("unit:staff-" + unitId))
                .body("version", equalTo(1));
        MemberUnitView stored = storedUnit(unitId);
        assertThat(stored.kind).isEqualTo(UnitKind.PUBLIC_INSTITUTION);
        assertThat(stored.contactPerson).isEqualTo("张法官");
        assertThat(stored.contactPhone).isEqualTo("0592-5611111");
        assertThat(stored.contactEmail).isEqualTo("court@example.org");
        assertThat(stored.registeredBy).isEqualTo("desk:desk-dianqian");
        assertThat(stored.updatedBy).isEqualTo("unit:staff-" + unitId);
        assertThat(stored.version).isEqualTo(1);
    }

    @Test
    void the_desk_amends_a_unit_of_its_street_and_may_remove_the_contact() {
        String unitId = registeredUnit();
        Map<String, Object> amended = with(without(unit(unitId, "湖里区人民法院（新）"), "unitId", "contact"),
                "partyOrganisation", "湖里区人民法院党组");
        as(DIANQIAN_DESK).body(amended).post("/units/{id}/amend", unitId).then()
                .statusCode(200)
                .body("name", equalTo("湖里区人民法院（新）"))
                .body("contact", nullValue());
        MemberUnitView stored = storedUnit(unitId);
        assertThat(stored.name).isEqualTo("湖里区人民法院（新）");
        assertThat(stored.partyOrganisation).isEqualTo("湖里区人民法院党组");
        assertThat(stored.contactPerson).isNull();
        assertThat(stored.contactPhone).isNull();
        assertThat(stored.updatedBy).isEqualTo("desk:desk-dianqian");
    }

    @Test
    void amending_is_refused_to_everyone_else_and_changes_nothing() {
        String unitId = registeredUnit();
        String otherUnit = registeredUnit();
        Map<String, Object> amended = with(without(unit(unitId, "被篡改的名字"), "unitId"), "kind", "ENTERPRISE");
        for (String token : new String[] {unitToken(otherUnit), HEPING_DESK, JIAFU_WORKER, DIANQIAN_AUDITOR}) {
            as(token).body(amended).post("/units/{id}/amend", unitId).then()
                    .statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("type", equalTo(problem("forbidden")));
        }
        anonymous().body(amended).post("/units/{id}/amend", unitId).then().statusCode(401);
        MemberUnitView stored = storedUnit(unitId);
        assertThat(stored.name).isEqualTo("湖里区人民法院");
        assertThat(stored.version).isZero();
    }

    @Test
    void amending_with_invalid_details_is_400_and_changes_nothing() {
        String unitId = registeredUnit();
        Map<String, Object> valid = without(unit(unitId, "湖里区人民法院"), "unitId");
        as(DIANQIAN_DESK).body(with(valid, "name", "")).post("/units/{id}/amend", unitId).then()
                .statusCode(400).body("violations.field", hasItem("name"));
        as(DIANQIAN_DESK).body(with(valid, "communities", List.of("lianqiao"))).post("/units/{id}/amend", unitId).then()
                .statusCode(400).body("type", equalTo(problem("invalid-input")))
                .body("violations.field", hasItem("communities"));
        as(DIANQIAN_DESK).body(with(valid, "unitId", unitId)).post("/units/{id}/amend", unitId).then()
                .statusCode(400).body("violations.field", hasItem("unitId"));
        assertThat(storedUnit(unitId).version).isZero();
        assertThat(storedUnit(unitId).communities).containsExactly("jiafu");
    }

    @Test
    void amending_an_unknown_unit_is_404() {
        as(DIANQIAN_DESK).body(without(unit(UNKNOWN, "无"), "unitId")).post("/units/{id}/amend", UNKNOWN).then()
                .statusCode(404).body("type", equalTo(problem("not-found")));
        assertThat(storedUnit(UNKNOWN)).isNull();
    }

    @Test
    void a_unit_that_left_cannot_be_amended() {
        String unitId = registeredUnit();
        as(DIANQIAN_DESK).post("/units/{id}/leave", unitId).then().statusCode(200);
        as(DIANQIAN_DESK).body(without(unit(unitId, "新名字"), "unitId")).post("/units/{id}/amend", unitId).then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("illegal-transition")))
                .body("state", equalTo("LEFT"));
        assertThat(storedUnit(unitId).name).isEqualTo("湖里区人民法院");
    }

    // ---- leave and rejoin -------------------------------------------------------------------------------------

    @Test
    void a_unit_leaves_the_alliance_with_a_reason() {
        String unitId = registeredUnit();
        as(unitToken(unitId)).body(Map.of("reason", "单位搬迁")).post("/units/{id}/leave", unitId).then()
                .statusCode(200)
                .body("status", equalTo("LEFT"))
                .body("statusLabel", equalTo("已退出"))
                .body("statusReason", equalTo("单位搬迁"));
        MemberUnitView stored = storedUnit(unitId);
        assertThat(stored.status).isEqualTo(MembershipStatus.LEFT);
        assertThat(stored.statusReason).isEqualTo("单位搬迁");
        assertThat(stored.updatedBy).isEqualTo("unit:staff-" + unitId);
        assertThat(stored.version).isEqualTo(1);
    }

    @Test
    void the_desk_records_a_leaving_without_a_reason() {
        String unitId = registeredUnit();
        as(DIANQIAN_DESK).post("/units/{id}/leave", unitId).then().statusCode(200)
                .body("status", equalTo("LEFT"))
                .body("statusReason", equalTo("no reason given"));
        assertThat(storedUnit(unitId).status).isEqualTo(MembershipStatus.LEFT);
    }

    @Test
    void leaving_twice_is_an_illegal_transition() {
        String unitId = registeredUnit();
        as(DIANQIAN_DESK).body(Map.of("reason", "第一次")).post("/units/{id}/leave", unitId).then().statusCode(200);
        as(DIANQIAN_DESK).body(Map.of("reason", "第二次")).post("/units/{id}/leave", unitId).then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("illegal-transition")))
                .body("state", equalTo("LEFT"));
        MemberUnitView stored = storedUnit(unitId);
        assertThat(stored.statusReason).isEqualTo("第一次");
        assertThat(stored.version).isEqualTo(1);
    }

    @Test
    void leaving_is_refused_to_other_units_and_other_roles() {
        String unitId = registeredUnit();
        String otherUnit = registeredUnit();
        for (String token : new String[] {unitToken(otherUnit), HEPING_DESK, JIAFU_WORKER, DIANQIAN_AUDITOR}) {
            as(token).post("/units/{id}/leave", unitId).then().statusCode(403)
                    .body("type", equalTo(problem("forbidden")));
        }
        anonymous().post("/units/{id}/leave", unitId).then().statusCode(401);
        as(DIANQIAN_DESK).post("/units/{id}/leave", UNKNOWN).then().statusCode(404);
        as(DIANQIAN_DESK).body(Map.of("reason", "x".repeat(2001))).post("/units/{id}/leave", unitId).then()
                .statusCode(400).body("violations.field", hasItem("reason"));
        assertThat(storedUnit(unitId).status).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(storedUnit(unitId).version).isZero();
    }

    @Test
    void the_desk_rejoins_a_unit_that_left() {
        String unitId = registeredUnit();
        as(DIANQIAN_DESK).body(Map.of("reason", "暂停")).post("/units/{id}/leave", unitId).then().statusCode(200);
        as(DIANQIAN_DESK).post("/units/{id}/rejoin", unitId).then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("statusReason", nullValue())
                .body("version", equalTo(2));
        MemberUnitView stored = storedUnit(unitId);
        assertThat(stored.status).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(stored.statusReason).isNull();
        assertThat(stored.version).isEqualTo(2);
    }

    @Test
    void only_a_unit_that_left_can_rejoin() {
        String unitId = registeredUnit();
        as(DIANQIAN_DESK).post("/units/{id}/rejoin", unitId).then()
                .statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("illegal-transition")))
                .body("state", equalTo("ACTIVE"));
        assertThat(storedUnit(unitId).version).isZero();
        as(DIANQIAN_DESK).post("/units/{id}/rejoin", UNKNOWN).then().statusCode(404)
                .body("type", equalTo(problem("not-found")));
    }

    @Test
    void only_the_desk_of_the_units_street_may_rejoin_it() {
        String unitId = registeredUnit();
        as(DIANQIAN_DESK).post("/units/{id}/leave", unitId).then().statusCode(200);
        for (String token : new String[] {unitToken(unitId), HEPING_DESK, JIAFU_WORKER, DIANQIAN_AUDITOR}) {
            as(token).post("/units/{id}/rejoin", unitId).then().statusCode(403)
                    .body("type", equalTo(problem("forbidden")));
        }
        anonymous().post("/units/{id}/rejoin", unitId).then().statusCode(401);
        assertThat(storedUnit(unitId).status).isEqualTo(MembershipStatus.LEFT);
        assertThat(storedUnit(unitId).version).isEqualTo(1);
    }

    private static String hepingUnit(String prefix, String kind, List<String> communities) {
        String unitId = newUnitId(prefix);
        as(HEPING_DESK).body(with(with(unit(unitId, "和平" + prefix + unitId), "kind", kind), "communities", communities))
                .post("/units").then().statusCode(201);
        return unitId;
    }

    private static void assertInvalid(Map<String, Object> body, String field) {
        as(DIANQIAN_DESK).body(body).post("/units").then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(problem("invalid-input")))
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field));
    }
}
