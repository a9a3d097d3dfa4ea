package org.threelists.console.signin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** With the demo sign-in on (the local run), a street's identities are listed and each gets its dev token. */
@QuarkusTest
@TestProfile(DevSignInTest.DevSignInOn.class)
class DevSignInTest {

    /** Its own profile, so that the default (sign-in off) application of the other tests stays as it is. */
    public static class DevSignInOn implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ResourceListUpstream.class));
        }
    }

    @Test
    void announcesTheDevSignIn() {
        given().when().get("/console/sign-in-methods").then().statusCode(200).body("methods", contains("dev"));
    }

    @Test
    void listsTheStreetsDeskCommunityWorkersUnitsPartyGroupMembersAuditorAndTheOperator() {
        given().when().get("/console/dev-sign-in/identities?street=dianqian")
                .then().statusCode(200)
                .body("items.id", contains("desk:dianqian", "community:dianqian:jiafu", "unit:dianqian:unit-huli-court",
                        "member:dianqian:jiafu:volunteer-1", "member:dianqian:jiafu:resident-1", "auditor:dianqian",
                        "operator:dianqian"))
                .body("items.name", contains("殿前街道 街道协调台", "嘉福社区 社区工作者", "湖里区人民法院",
                        "陈*（嘉福盐业小区楼栋党小组 · 组长）", "林*珍（嘉福盐业小区楼栋党小组）", "殿前街道 审计员",
                        "运维值班"))
                .body("items.roleLabel", contains("街道协调台", "社区", "共建单位", "党员志愿者", "党员志愿者", "审计",
                        "运维"));
    }

    @Test
    void listsTheStreetsOfficeIdentitiesWithoutAskingResourceList() {
        int asked = ResourceListUpstream.REQUESTS.get();
        given().when().get("/console/dev-sign-in/identities?street=dianqian&scope=office")
                .then().statusCode(200)
                .body("items.id", contains("desk:dianqian", "community:dianqian:jiafu", "auditor:dianqian",
                        "operator:dianqian"));
        assertThat(ResourceListUpstream.REQUESTS.get()).as("the office's identities need no other service")
                .isEqualTo(asked);
    }

    @Test
    void mintsAPartyGroupMembersTokenWhoseSubjectIsTheMemberId() {
        String token = given().contentType(ContentType.JSON)
                .body("{\"identity\": \"member:dianqian:jiafu:resident-1\"}")
                .when().post("/console/dev-sign-in/tokens")
                .then().statusCode(200)
                .body("identity.role", equalTo("member"))
                .body("identity.member", equalTo("resident-1"))
                .body("identity.community", equalTo("jiafu"))
                .extract().path("token");
        JsonObject claims = ResourceListUpstream.claimsOf("Bearer " + token);
        // demand-list reads the member from the subject: the member's own slips, and leadership of their group
        assertThat(claims.getString("sub")).isEqualTo("resident-1");
        assertThat(claims.getString("community")).isEqualTo("jiafu");
        assertThat(claims.getString("street")).isEqualTo("dianqian");
        assertThat(claims.getJsonArray("groups").getList()).containsExactly("member");
    }

    @Test
    void mintsAUnitsTokenWithItsScope() {
        String token = given().contentType(ContentType.JSON).body("{\"identity\": \"unit:dianqian:unit-huli-court\"}")
                .when().post("/console/dev-sign-in/tokens")
                .then().statusCode(200)
                .body("identity.role", equalTo("unit"))
                .body("identity.roleLabel", equalTo("共建单位"))
                .extract().path("token");
        JsonObject claims = ResourceListUpstream.claimsOf("Bearer " + token);
        assertThat(claims.getString("iss")).isEqualTo(DevTokens.ISSUER);
        assertThat(claims.getString("unit")).isEqualTo("unit-huli-court");
        assertThat(claims.getString("street")).isEqualTo("dianqian");
        assertThat(claims.getJsonArray("groups").getList()).containsExactly("unit");
        assertThat(claims.getString("sub")).isEqualTo("console-unit-dianqian-unit-huli-court");
    }

    @Test
    void mintsACommunityWorkersTokenForItsCommunity() {
        String token = given().contentType(ContentType.JSON).body("{\"identity\": \"community:dianqian:jiafu\"}")
                .when().post("/console/dev-sign-in/tokens")
                .then().statusCode(200).extract().path("token");
        JsonObject claims = ResourceListUpstream.claimsOf("Bearer " + token);
        assertThat(claims.getString("community")).isEqualTo("jiafu");
        assertThat(claims.getJsonArray("groups").getList()).containsExactly("community");
    }

    @Test
    void refusesAnIdentityThatIsNotOneOfTheStreets() {
        given().contentType(ContentType.JSON).body("{\"identity\": \"unit:dianqian:unit-somebody-else\"}")
                .when().post("/console/dev-sign-in/tokens")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("没有这个身份"));
        given().contentType(ContentType.JSON).body("{\"identity\": \"community:dianqian:xintangli\"}")
                .when().post("/console/dev-sign-in/tokens")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"identity\": \"member:dianqian:jiafu:somebody-else\"}")
                .when().post("/console/dev-sign-in/tokens")
                .then().statusCode(404);
    }
}
