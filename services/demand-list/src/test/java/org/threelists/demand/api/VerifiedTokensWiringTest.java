package org.threelists.demand.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.platform.security.VerifiedTokens;
import org.threelists.testing.RealInfrastructure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service verifies bearer tokens through the platform's {@link VerifiedTokens} (bench/README.md, "Fast path, part
 * two"): the token a request was let in with is then answered from the cache, as the same principal.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class VerifiedTokensWiringTest {

    @Inject
    JWTCallerPrincipalFactory factory;

    @Inject
    JWTAuthContextInfo context;

    @Test
    void a_token_a_request_was_let_in_with_is_answered_from_the_cache() throws Exception {
        assertThat(factory).isInstanceOf(VerifiedTokens.class);
        String token = DevTokens.community("cache-probe-" + System.nanoTime(), "dianqian", "jiafu");

        given().auth().oauth2(token).get("/demands").then().statusCode(200);

        assertThat(factory.parse(token, context)).isSameAs(factory.parse(token, context));
        assertThat(factory.parse(token, context).getName()).startsWith("cache-probe-");
    }
}
