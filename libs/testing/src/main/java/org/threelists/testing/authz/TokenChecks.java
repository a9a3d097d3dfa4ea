package org.threelists.testing.authz;

import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.threelists.devkit.DevTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service refuses whatever the operation (README "Tokens"): a token not meant for threelists, one issued
 * too long ago or for too long, and a community worker's token whose community is not in its street. Each check
 * signs a token with the dev key, so only the one property under test is wrong.
 */
public final class TokenChecks {

    private TokenChecks() {
    }

    /** A desk token of {@code street}, correct in every respect but the ones the caller changes. */
    public static JwtClaimsBuilder deskClaims(String street, Instant issuedAt, Duration lifetime) {
        return Jwt.claims()
                .issuer(DevTokens.ISSUER)
                .subject("desk-" + street)
                .upn("desk-" + street)
                .groups(Set.of(DevTokens.ROLE_DESK))
                .claim(DevTokens.CLAIM_STREET, street)
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime));
    }

    /**
     * {@code path} (a GET the desk of {@code street} may call) answers the well-formed desk token, and answers 401 with
     * a problem document to the same token without an audience, with a foreign audience, issued 13 hours ago (though
     * not yet expired), or issued for 24 hours.
     */
    public static void assertAudienceAndAgeEnforced(String path, String street) {
        Instant now = Instant.now();
        Duration hour = Duration.ofHours(1);
        assertThat(get(path, DevTokens.signUnchecked(deskClaims(street, now, hour).audience(DevTokens.AUDIENCE))).statusCode())
                .as("a well-formed desk token on " + path).isEqualTo(200);
        assertUnauthenticated(path, "no audience", DevTokens.signUnchecked(deskClaims(street, now, hour)));
        assertUnauthenticated(path, "another system's audience",
                DevTokens.signUnchecked(deskClaims(street, now, hour).audience("another-system")));
        assertUnauthenticated(path, "issued 13 h ago, expiring in 1 h", DevTokens.signUnchecked(
                deskClaims(street, now.minus(Duration.ofHours(13)), Duration.ofHours(14)).audience(DevTokens.AUDIENCE)));
        assertUnauthenticated(path, "issued now for 24 h", DevTokens.signUnchecked(
                deskClaims(street, now, Duration.ofHours(24)).audience(DevTokens.AUDIENCE)));
    }

    /**
     * A community worker's token naming {@code foreignCommunity} (of another street) beside {@code street} is refused
     * with 403 by {@code method} {@code path}, which the community worker of {@code community} in {@code street} may
     * call (checked first).
     */
    public static void assertCommunityMustBelongToStreet(String path, String street, String community, String foreignCommunity) {
        assertThat(get(path, DevTokens.community("worker", street, community)).statusCode())
                .as("the token of a worker of " + community + " in " + street + " on " + path).isEqualTo(200);
        Response response = get(path, DevTokens.community("worker", street, foreignCommunity));
        assertThat(response.statusCode()).as(foreignCommunity + " is not in " + street + ": " + response.asString()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("detail")).contains(foreignCommunity).contains(street);
    }

    private static void assertUnauthenticated(String path, String what, String token) {
        Response response = get(path, token);
        assertThat(response.statusCode()).as("a token with " + what + " on " + path + ": " + response.asString()).isEqualTo(401);
        assertThat(response.contentType()).as("a problem document").startsWith("application/problem+json");
    }

    private static Response get(String path, String token) {
        return given().auth().oauth2(token).accept("application/json").get(path);
    }
}
