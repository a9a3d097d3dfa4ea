package org.threelists.demand.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.threelists.demand.Fixtures;
import org.threelists.demand.projection.DemandView;
import org.threelists.devkit.DevTokens;
import org.threelists.testing.RealInfrastructure;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.threelists.demand.Fixtures.COURT_UNIT;
import static org.threelists.demand.Fixtures.DIANQIAN_AUDITOR;
import static org.threelists.demand.Fixtures.JIAFU_WORKER;
import static org.threelists.demand.Fixtures.LIANQIAO_WORKER;
import static org.threelists.demand.Fixtures.as;

/** Input the topic could not carry is refused at the door, and callers see only what their place entitles them to. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TrustedInputTest {

    private static final String HEPING_UNIT = DevTokens.unit("heping-clinic", "unit-heping-clinic", "heping");
    /** 嘉福 lies in 殿前街道, not in 和平街道: the token contradicts the directory. */
    private static final String FORGED_WORKER = DevTokens.community("mallory", "heping", "jiafu");

    @Test
    void an_empty_compound_means_none_and_is_published_without_one() {
        String id = as(JIAFU_WORKER).body(Fixtures.with(Fixtures.with(Fixtures.legalAdviceDemand(), "compound", ""),
                "building", " ")).post("/demands").then().statusCode(201).extract().path("demandId");

        assertThat(Fixtures.stored(id).compound).isNull();
        assertThat(Fixtures.stored(id).building).isNull();
    }

    @Test
    void a_compound_longer_than_the_topic_allows_is_refused_and_nothing_is_stored() {
        long before = Fixtures.count();
        as(JIAFU_WORKER).body(Fixtures.with(Fixtures.legalAdviceDemand(), "compound", "小".repeat(101)))
                .post("/demands").then().statusCode(400).body("violations.field", hasItem("compound"));
        as(JIAFU_WORKER).body(Fixtures.with(Fixtures.legalAdviceDemand(), "building", "楼".repeat(51)))
                .post("/demands").then().statusCode(400).body("violations.field", hasItem("building"));
        assertThat(Fixtures.count()).isEqualTo(before);
    }

    @Test
    void text_at_its_bound_in_astral_characters_is_accepted_as_the_contract_counts_it() {
        String id = as(JIAFU_WORKER).body(Fixtures.with(Fixtures.legalAdviceDemand(), "compound", "𠀀".repeat(100)))
                .post("/demands").then().statusCode(201).extract().path("demandId");
        assertThat(Fixtures.stored(id).compound).isEqualTo("𠀀".repeat(100));
    }

    @Test
    void beneficiaries_that_do_not_fit_are_refused_not_cut() {
        for (String value : new String[] {"3000000000", "12.5", "100001"}) {
            as(JIAFU_WORKER).body(bodyWithBeneficiaries(value))
                    .post("/demands").then().statusCode(400).body("violations[0].field", equalTo("beneficiaries"));
        }
        as(JIAFU_WORKER).body(Fixtures.with(Fixtures.legalAdviceDemand(), "estimatedHours", 0.001))
                .post("/demands").then().statusCode(400).body("violations.field", hasItem("estimatedHours"));
    }

    /**
     * Years no four-digit date carries (Jackson reads them) and years before the records' first: refused at the door
     * on a submission and on an amendment, naming the field, and nothing changes. Accepted, the topic's date pattern
     * would refuse the event and every consumer would drop the demand.
     */
    @Test
    void dates_beyond_the_records_years_are_refused_and_nothing_changes() {
        String id = Fixtures.submitted();
        Map<String, Object> amendment = Fixtures.with(Fixtures.legalAdviceDemand(), "communityCode", null);
        DemandView before = Fixtures.stored(id);
        long count = Fixtures.count();
        String end = java.time.LocalDate.now().plusDays(21).toString();
        for (String date : new String[] {"+10000-01-01", "-0001-01-01", "+999999999-12-31", "1999-12-31"}) {
            Map<String, Map<String, Object>> bodies = Map.of(
                    "window.start", Fixtures.with(Fixtures.legalAdviceDemand(), "window", Map.of("start", date, "end", end)),
                    "window.end", Fixtures.with(Fixtures.legalAdviceDemand(), "window", Map.of("start", end, "end", date)),
                    "deadline", Fixtures.with(Fixtures.legalAdviceDemand(), "deadline", date));
            bodies.forEach((field, body) -> {
                as(JIAFU_WORKER).body(body).post("/demands").then().statusCode(400)
                        .body("violations.field", hasItem(field));
                as(JIAFU_WORKER).body(Fixtures.with(body, "communityCode", null)).post("/demands/{id}/amend", id)
                        .then().statusCode(400).body("violations.field", hasItem(field));
            });
        }
        assertThat(Fixtures.count()).isEqualTo(count);
        DemandView after = Fixtures.stored(id);
        assertThat(after.windowStart).isEqualTo(before.windowStart);
        assertThat(after.windowEnd).isEqualTo(before.windowEnd);
        assertThat(after.deadline).isEqualTo(before.deadline);
        // the bounds themselves are records' dates
        as(JIAFU_WORKER).body(Fixtures.with(amendment, "deadline", "2999-12-31")).post("/demands/{id}/amend", id)
                .then().statusCode(200);
    }

    @Test
    void a_unit_reads_only_demands_of_its_own_street() {
        String id = Fixtures.listed();
        as(COURT_UNIT).get("/demands/{id}", id).then().statusCode(200);
        as(HEPING_UNIT).get("/demands/{id}", id).then().statusCode(403);
        as(HEPING_UNIT).get("/demands?size=100").then().statusCode(200).body("items.demandId", not(hasItem(id)));
    }

    @Test
    void an_auditor_never_sees_the_resident() {
        String id = Fixtures.listed();
        as(DIANQIAN_AUDITOR).get("/demands/{id}", id).then().statusCode(200)
                .body("resident", nullValue()).body("hasResidentContact", equalTo(true));
        String body = as(DIANQIAN_AUDITOR).get("/demands?size=100").then().statusCode(200).extract().asString();
        assertThat(body).doesNotContain("13800000001").doesNotContain("陈阿姨");
    }

    @Test
    void a_token_whose_community_is_not_in_its_street_is_forbidden() {
        String id = Fixtures.submitted();
        as(FORGED_WORKER).get("/demands/{id}", id).then().statusCode(403);
        as(FORGED_WORKER).get("/demands").then().statusCode(403);
        as(FORGED_WORKER).post("/demands/{id}/verify", id).then().statusCode(403);
        as(FORGED_WORKER).body(Fixtures.legalAdviceDemand()).post("/demands").then().statusCode(403);
        assertThat(Fixtures.stored(id).status.name()).isEqualTo("SUBMITTED");
    }

    @Test
    void a_caller_outside_the_demands_place_is_refused_before_its_body_is_judged() {
        String id = Fixtures.submitted();
        Map<String, Object> invalid = Fixtures.with(Fixtures.legalAdviceDemand(), "description", "");
        as(LIANQIAO_WORKER).body(Fixtures.with(invalid, "communityCode", null)).post("/demands/{id}/amend", id)
                .then().statusCode(403);
        as(LIANQIAO_WORKER).body(Map.of("reason", "")).post("/demands/{id}/reject", id).then().statusCode(403);
        as(LIANQIAO_WORKER).body(Map.of()).post("/demands/{id}/merge", id).then().statusCode(403);
        as(LIANQIAO_WORKER).body(Map.of("reason", "x".repeat(3000))).post("/demands/{id}/withdraw", id).then().statusCode(403);
        as(LIANQIAO_WORKER).body(Map.of("noSuchField", 1)).post("/demands/{id}/amend", id).then().statusCode(403);
        as(LIANQIAO_WORKER).body(Map.of("beneficiaries", 12.5)).post("/demands/{id}/amend", id).then().statusCode(403);
        as(LIANQIAO_WORKER).body(invalid).post("/demands").then().statusCode(403);
        as(LIANQIAO_WORKER).body(Map.of("communityCode", "jiafu", "noSuchField", 1)).post("/demands").then().statusCode(403);
        as(COURT_UNIT).body(invalid).post("/demands").then().statusCode(403);
        assertThat(Fixtures.stored(id).status.name()).isEqualTo("SUBMITTED");
    }

    private static String bodyWithBeneficiaries(String literal) {
        String json = org.threelists.platform.json.Json.mapper().valueToTree(
                Fixtures.with(Fixtures.legalAdviceDemand(), "beneficiaries", 7)).toString();
        return json.replace("\"beneficiaries\":7", "\"beneficiaries\":" + literal);
    }
}
