package org.threelists.console.signin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Outside the local run the console mints no dev token: the demo sign-in is off by default and refused. */
@QuarkusTest
class DevSignInRefusedTest {

    @Test
    void offersNoSignInMethodByDefault() {
        given().when().get("/console/sign-in-methods")
                .then().statusCode(200).body("methods", empty());
    }

    @Test
    void refusesToListTheDemoIdentities() {
        given().when().get("/console/dev-sign-in/identities?street=dianqian")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://threelists.dev/problems/forbidden"))
                .body("title", equalTo("本地登录未开启"))
                .body("detail", containsString("threelists.console.dev-sign-in.enabled"));
    }

    @Test
    void refusesToMintAToken() {
        given().contentType(ContentType.JSON).body("{\"identity\": \"desk:dianqian\"}")
                .when().post("/console/dev-sign-in/tokens")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("本地登录未开启"))
                .body("$", not(org.hamcrest.Matchers.hasKey("token")));
    }
}
