package org.threelists.demand.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.threelists.demand.Fixtures;
import org.threelists.demand.domain.DemandStatus;
import org.threelists.demand.projection.DemandView;
import org.threelists.testing.RealInfrastructure;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.threelists.demand.Fixtures.COURT_UNIT;
import static org.threelists.demand.Fixtures.DIANQIAN_AUDITOR;
import static org.threelists.demand.Fixtures.DIANQIAN_DESK;
import static org.threelists.demand.Fixtures.HEPING_DESK;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.LIANQIAO_WORKER;
import static org.threelists.demand.Fixtures.as;
import static org.threelists.demand.Fixtures.legalAdviceDemand;
import static org.threelists.demand.Fixtures.listed;
import static org.threelists.demand.Fixtures.submitted;
import static org.threelists.demand.Fixtures.with;

/** One endpoint per lifecycle command: the stored outcome, and every way a command is refused. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class DemandLifecycleResourceTest {

    private static final String UNKNOWN = "00000000-0000-0000-0000-00000000dead";

    @Test
    void verify_lists_a_submitted_demand() {
        String id = submitted();
        as(JIAFU_WORKER).post("/demands/{id}/verify", id).then().statusCode(200)
                .body("status", equalTo("LISTED")).body("updatedBy", equalTo("community:wang-fang"));
        assertThat(stored(id).status).isEqualTo(DemandStatus.LISTED);
        assertThat(stored(id).version).isEqualTo(1);
    }

    @Test
    void verify_takes_an_empty_body_as_no_change_and_refuses_a_blank_description() {
        String id = submitted();
        as(JIAFU_WORKER).body(Map.of("description", "  ")).post("/demands/{id}/verify", id).then().statusCode(400)
                .body("violations[0].field", equalTo("description")).body("detail", equalTo("description: must not be blank"));
        // the console asks for Chinese: the same refusal in its words, nothing else changed
        as(JIAFU_WORKER).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5").body(Map.of("description", "  "))
                .post("/demands/{id}/verify", id).then().statusCode(400)
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("https://threelists.dev/problems/invalid-input"))
                .body("title", equalTo("填写的内容不符合要求"))
                .body("detail", equalTo("description：不能为空"))
                .body("violations[0].field", equalTo("description"))
                .body("violations[0].message", equalTo("不能为空"));
        assertThat(stored(id).status).isEqualTo(DemandStatus.SUBMITTED);
        as(JIAFU_WORKER).body(Map.of()).post("/demands/{id}/verify", id).then().statusCode(200)
                .body("status", equalTo("LISTED"));
        assertThat(stored(id).status).isEqualTo(DemandStatus.LISTED);
    }

    @Test
    void verify_twice_is_an_illegal_transition() {
        String id = listed();
        as(JIAFU_WORKER).post("/demands/{id}/verify", id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threelists.dev/problems/illegal-transition"))
                .body("state", equalTo("LISTED"));
        assertThat(stored(id).version).isEqualTo(1);
    }

    @Test
    void amend_changes_the_details_and_can_replace_the_contact() {
        String id = submitted();
        Map<String, Object> amended = with(with(legalAdviceDemand(), "beneficiaries", 30), "resident",
                Map.of("name", "陈阿姨", "phone", "13900000002"));
        amended.remove("communityCode");
        as(DIANQIAN_DESK).body(amended).post("/demands/{id}/amend", id).then().statusCode(200)
                .body("beneficiaries", equalTo(30)).body("resident.phone", equalTo("13900000002"));
        assertThat(stored(id).beneficiaries).isEqualTo(30);
        assertThat(stored(id).updatedBy).isEqualTo("desk:desk-dianqian");
    }

    @Test
    void amend_refuses_invalid_details_and_changes_nothing() {
        String id = submitted();
        Map<String, Object> amended = with(legalAdviceDemand(), "beneficiaries", -3);
        amended.remove("communityCode");
        as(JIAFU_WORKER).body(amended).post("/demands/{id}/amend", id).then().statusCode(400)
                .body("violations.field", hasItem("beneficiaries"));
        assertThat(stored(id).beneficiaries).isEqualTo(12);
        assertThat(stored(id).version).isZero();
    }

    @Test
    void amend_after_withdrawal_is_an_illegal_transition() {
        String id = submitted();
        as(JIAFU_WORKER).body(Map.of("reason", "neighbours helped")).post("/demands/{id}/withdraw", id).then().statusCode(200);
        Map<String, Object> amended = with(legalAdviceDemand(), "communityCode", null);
        as(JIAFU_WORKER).body(amended).post("/demands/{id}/amend", id).then().statusCode(409);
        assertThat(stored(id).status).isEqualTo(DemandStatus.WITHDRAWN);
    }

    @Test
    void withdraw_records_the_reason() {
        String id = listed();
        as(JIAFU_WORKER).body(Map.of("reason", "邻里已帮忙解决")).post("/demands/{id}/withdraw", id).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("statusReason", equalTo("邻里已帮忙解决"));
        assertThat(stored(id).statusReason).isEqualTo("邻里已帮忙解决");
        as(JIAFU_WORKER).body(Map.of()).post("/demands/{id}/withdraw", id).then().statusCode(409);
    }

    @Test
    void reject_needs_a_reason_and_records_it() {
        String id = submitted();
        as(DIANQIAN_DESK).body(Map.of()).post("/demands/{id}/reject", id).then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        assertThat(stored(id).status).isEqualTo(DemandStatus.SUBMITTED);
        as(DIANQIAN_DESK).body(Map.of("reason", "属于物业管理范围")).post("/demands/{id}/reject", id).then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        assertThat(stored(id).statusReason).isEqualTo("属于物业管理范围");
        as(DIANQIAN_DESK).body(Map.of("reason", "again")).post("/demands/{id}/reject", id).then().statusCode(409);
    }

    @Test
    void merge_closes_a_duplicate_into_a_demand_of_the_same_community() {
        String original = listed();
        String duplicate = submitted();
        as(JIAFU_WORKER).body(Map.of("duplicateOf", original)).post("/demands/{id}/merge", duplicate).then()
                .statusCode(200).body("status", equalTo("MERGED")).body("duplicateOf", equalTo(original));
        assertThat(stored(duplicate).status).isEqualTo(DemandStatus.MERGED);
        assertThat(stored(original).status).isEqualTo(DemandStatus.LISTED);
    }

    @Test
    void merge_refuses_an_unknown_self_or_foreign_target() {
        String id = submitted();
        String foreign = as(LIANQIAO_WORKER).body(with(legalAdviceDemand(), "communityCode", "lianqiao")).post("/demands")
                .then().statusCode(201).extract().path("demandId");
        as(JIAFU_WORKER).body(Map.of("duplicateOf", UNKNOWN)).post("/demands/{id}/merge", id).then().statusCode(400);
        as(JIAFU_WORKER).body(Map.of("duplicateOf", id)).post("/demands/{id}/merge", id).then().statusCode(400)
                .body("violations.field", hasItem("duplicateOf"));
        as(JIAFU_WORKER).body(Map.of("duplicateOf", foreign)).post("/demands/{id}/merge", id).then().statusCode(400)
                .body("detail", containsString("same community"));
        as(JIAFU_WORKER).body(Map.of()).post("/demands/{id}/merge", id).then().statusCode(400);
        assertThat(stored(id).status).isEqualTo(DemandStatus.SUBMITTED);
    }

    @Test
    void every_command_on_an_unknown_demand_is_404() {
        for (String command : new String[] {"verify", "withdraw"}) {
            as(JIAFU_WORKER).body(Map.of()).post("/demands/{id}/" + command, UNKNOWN).then().statusCode(404)
                    .body("type", equalTo("https://threelists.dev/problems/not-found"));
        }
        as(JIAFU_WORKER).body(Map.of("reason", "x")).post("/demands/{id}/reject", UNKNOWN).then().statusCode(404);
        as(JIAFU_WORKER).body(Map.of("duplicateOf", listed())).post("/demands/{id}/merge", UNKNOWN).then().statusCode(404);
        as(JIAFU_WORKER).body(with(legalAdviceDemand(), "communityCode", null)).post("/demands/{id}/amend", UNKNOWN)
                .then().statusCode(404);
        as(JIAFU_WORKER).delete("/demands/{id}/resident", UNKNOWN).then().statusCode(404);
        assertThat(DemandView.findById(UNKNOWN)).isNull();
    }

    @Test
    void commands_need_a_token() {
        String id = submitted();
        given().contentType(ContentType.JSON).post("/demands/{id}/verify", id).then().statusCode(401)
                .body("type", equalTo("https://threelists.dev/problems/unauthenticated"));
        given().delete("/demands/{id}/resident", id).then().statusCode(401);
        assertThat(stored(id).status).isEqualTo(DemandStatus.SUBMITTED);
    }

    @Test
    void commands_from_outside_the_demands_community_or_street_or_role_are_403() {
        String id = submitted();
        for (String token : new String[] {LIANQIAO_WORKER, HEPING_DESK, COURT_UNIT, DIANQIAN_AUDITOR}) {
            as(token).post("/demands/{id}/verify", id).then().statusCode(403)
                    .body("type", equalTo("https://threelists.dev/problems/forbidden"));
            as(token).body(Map.of("reason", "no")).post("/demands/{id}/reject", id).then().statusCode(403);
            as(token).body(Map.of()).post("/demands/{id}/withdraw", id).then().statusCode(403);
            as(token).delete("/demands/{id}/resident", id).then().statusCode(403);
        }
        assertThat(stored(id).status).isEqualTo(DemandStatus.SUBMITTED);
        assertThat(stored(id).version).isZero();
        assertThat(stored(id).residentErased).isFalse();
    }

    private static DemandView stored(String id) {
        return Fixtures.stored(id);
    }
}
