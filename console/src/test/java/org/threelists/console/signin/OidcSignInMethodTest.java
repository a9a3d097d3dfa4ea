package org.threelists.console.signin;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

/**
 * A deployed console names its identity provider: the front end learns the issuer, the public client and the scopes
 * to start the code flow with, and nothing secret; the demo sign-in stays off and refused.
 */
@QuarkusTest
@TestProfile(OidcSignInMethodTest.ProviderConfigured.class)
class OidcSignInMethodTest {

    public static class ProviderConfigured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "threelists.console.oidc.issuer", "https://auth.street.example/realms/threelists",
                    "threelists.console.oidc.client-id", "street-console",
                    "threelists.console.oidc.scopes", "openid profile threelists");
        }
    }

    @Test
    void announcesTheProvidersCodeFlowAlone() {
        given().when().get("/console/sign-in-methods")
                .then().statusCode(200)
                .body("methods", contains("oidc"))
                .body("oidc.issuer", equalTo("https://auth.street.example/realms/threelists"))
                .body("oidc.clientId", equalTo("street-console"))
                .body("oidc.scopes", equalTo("openid profile threelists"))
                .body("oidc", not(hasKey("clientSecret")));
    }

    @Test
    void stillMintsNoDemoToken() {
        given().when().get("/console/dev-sign-in/identities?street=dianqian")
                .then().statusCode(403).body("title", equalTo("本地登录未开启"));
    }
}
