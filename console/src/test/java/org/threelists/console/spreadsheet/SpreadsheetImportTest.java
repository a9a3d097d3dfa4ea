package org.threelists.console.spreadsheet;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The imports send each row as its REST request with the caller's token, answer row by row, and a re-import of the
 * same file sends nothing new; the services here are a real HTTP stand-in ({@link ServicesUpstream}).
 */
@QuarkusTest
@TestProfile(ServicesStandIn.class)
class SpreadsheetImportTest {

    private static final String DESK = "Bearer desk.token.x";

    @BeforeEach
    void forget() {
        ServicesUpstream.forget();
    }

    private static byte[] unitsAndOffers() throws Exception {
        return Workbooks.workbook()
                .sheet("共建单位", Layout.UNITS.columns(), List.of(
                        List.of("unit-huli-court", "湖里区人民法院", "机关", "联桥社区、丁字口社区", "法院党组", "李法官", "0592-5555555"),
                        List.of("法院二号", "编号写错的单位", "企业", "联桥社区")))
                .sheet("资源", Layout.OFFERS.columns(), List.of(
                        List.of("unit-huli-court", "志愿服务", "法律咨询进社区", "法律咨询", "联桥社区", 20, "每月", LocalDate.of(2026, 12, 1)),
                        List.of("unit-nowhere", "场地", "会议室", "其他", "联桥社区", 10, "总量", LocalDate.of(2026, 12, 1))))
                .bytes();
    }

    private static JsonPath importUnits(byte[] workbook) {
        return given().header("Authorization", DESK).contentType(SpreadsheetResource.XLSX).body(workbook)
                .when().post("/console/import/units-and-offers")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void sendsEachRowAsItsRequestAndAnswersRowByRowWithTheRefusalsProblem() throws Exception {
        JsonPath report = importUnits(unitsAndOffers());

        assertThat(report.getList("rows.outcome")).containsExactly("TAKEN", "REFUSED", "TAKEN", "REFUSED");
        assertThat(report.getList("rows.row", Integer.class)).containsExactly(2, 3, 2, 3);
        assertThat(report.getList("rows.sheet")).containsExactly("共建单位", "共建单位", "资源", "资源");
        assertThat(report.getString("rows[1].key")).isEqualTo("法院二号");
        assertThat(report.getString("rows[1].problem.title")).isEqualTo("Invalid input");
        assertThat(report.getString("rows[1].problem.detail")).isEqualTo("unitId: must match \"^unit-[a-z0-9-]{2,60}$\"");
        assertThat(report.getString("rows[3].problem.detail")).isEqualTo("No member unit unit-nowhere");
        assertThat(report.getLong("taken")).isEqualTo(2);
        assertThat(report.getLong("refused")).isEqualTo(2);

        assertThat(ServicesUpstream.UNITS).containsOnlyKeys("unit-huli-court");
        assertThat(ServicesUpstream.UNITS.get("unit-huli-court").encode()).isEqualTo("{\"unitId\":\"unit-huli-court\","
                + "\"name\":\"湖里区人民法院\",\"kind\":\"GOVERNMENT_BODY\",\"communities\":[\"lianqiao\",\"dingzikou\"],"
                + "\"partyOrganisation\":\"法院党组\",\"contact\":{\"person\":\"李法官\",\"phone\":\"0592-5555555\"}}");
        assertThat(ServicesUpstream.OFFERS).singleElement()
                .satisfies(offer -> assertThat(report.getString("rows[2].id")).isEqualTo(offer.getString("resourceId")));
        assertThat(ServicesUpstream.lastAuthorization).isEqualTo(DESK);
    }

    @Test
    void aReimportOfTheSameFileChangesNothingAndReportsTheRowsAlreadyTaken() throws Exception {
        byte[] workbook = unitsAndOffers();
        importUnits(workbook);
        String offerId = ServicesUpstream.OFFERS.get(0).getString("resourceId");

        JsonPath again = importUnits(workbook);

        assertThat(again.getList("rows.outcome")).containsExactly("ALREADY_TAKEN", "REFUSED", "ALREADY_TAKEN", "REFUSED");
        assertThat(again.getString("rows[2].id")).isEqualTo(offerId);
        assertThat(again.getLong("alreadyTaken")).isEqualTo(2);
        assertThat(ServicesUpstream.UNITS).hasSize(1);
        assertThat(ServicesUpstream.OFFERS).hasSize(1);
    }

    @Test
    void aCommunityImportsItsDemandsOnceAndAReimportSubmitsNothing() throws Exception {
        byte[] workbook = Workbooks.workbook().sheet("需求", Layout.DEMANDS.columns(), List.of(
                List.of("联桥社区", "养老服务", "独居老人上门量血压", 1, "紧急", 2),
                List.of("联桥社区", "法律咨询", "邻里纠纷咨询", 4, "普通", 1.5))).bytes();
        String community = "Bearer community.token.x";

        JsonPath first = given().header("Authorization", community).contentType(SpreadsheetResource.XLSX).body(workbook)
                .when().post("/console/import/demands").then().statusCode(200).extract().jsonPath();
        int posts = ServicesUpstream.POSTS.get();
        JsonPath second = given().header("Authorization", community).contentType(SpreadsheetResource.XLSX).body(workbook)
                .when().post("/console/import/demands").then().statusCode(200).extract().jsonPath();

        assertThat(first.getList("rows.outcome")).containsExactly("TAKEN", "TAKEN");
        assertThat(first.getString("rows[0].key")).isEqualTo("联桥社区 · 独居老人上门量血压");
        assertThat(second.getList("rows.outcome")).containsExactly("ALREADY_TAKEN", "ALREADY_TAKEN");
        assertThat(second.getList("rows.id")).isEqualTo(first.getList("rows.id"));
        assertThat(ServicesUpstream.DEMANDS).extracting(d -> d.getString("communityCode") + "/" + d.getString("category")
                + "/" + d.getValue("estimatedHours")).containsExactly("lianqiao/ELDER_CARE/2", "lianqiao/LEGAL_ADVICE/1.5");
        assertThat(ServicesUpstream.POSTS.get()).isEqualTo(posts);
        assertThat(ServicesUpstream.lastAuthorization).isEqualTo(community);
    }

    @Test
    void anImportWithoutATokenOrOfAFileThatIsNoWorkbookIsRefused() {
        given().contentType(SpreadsheetResource.XLSX).body(new byte[] {1, 2, 3})
                .when().post("/console/import/demands")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://threelists.dev/problems/unauthenticated"));
        given().header("Authorization", DESK).contentType(SpreadsheetResource.XLSX).body("a,b\n1,2".getBytes())
                .when().post("/console/import/units-and-offers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://threelists.dev/problems/malformed-body"))
                .body("title", equalTo("无法读取的表格"));
        assertThat(ServicesUpstream.POSTS.get()).isZero();
    }
}
