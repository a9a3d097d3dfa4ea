package org.threelists.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.eclipse.microprofile.jwt.Claims;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bearer token is verified once while it is valid, never kept when it fails, and verified again once it is not. */
class VerifiedTokensTest {

    private static final String ISSUER = "https://threelists.local/test";
    private static final KeyPair KEYS = rsa();
    private static final KeyPair STRANGER = rsa();

    @Test
    void a_token_is_verified_once_and_the_same_principal_serves_later_requests() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens();
        String token = token(KEYS, Instant.now(), Instant.now().plusSeconds(600), "jiafu");

        JWTCallerPrincipal first = tokens.parse(token, context(null));
        JWTCallerPrincipal second = tokens.parse(token, context(null));

        assertThat(second).isSameAs(first);
        assertThat(first.getName()).isEqualTo("worker-jiafu");
        assertThat(first.getGroups()).containsExactly(Roles.COMMUNITY);
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void a_token_that_fails_verification_is_refused_every_time_and_never_kept() {
        VerifiedTokens tokens = new VerifiedTokens();
        String forged = token(STRANGER, Instant.now(), Instant.now().plusSeconds(600), "jiafu");
        String valid = token(KEYS, Instant.now(), Instant.now().plusSeconds(600), "jiafu");
        String tampered = valid.substring(0, valid.length() - 2) + (valid.endsWith("A") ? "BB" : "AA");

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.parse(forged, context(null))).isInstanceOf(ParseException.class);
            assertThatThrownBy(() -> tokens.parse(tampered, context(null))).isInstanceOf(ParseException.class);
        }
        assertThat(tokens.size()).isZero();
    }

    @Test
    void a_token_past_its_allowed_age_is_verified_again_and_refused() throws Exception {
        Instant issued = Instant.now();
        String token = token(KEYS, issued, issued.plusSeconds(600), "jiafu");
        VerifiedTokens tokens = new VerifiedTokens();
        JWTCallerPrincipal fresh = tokens.parse(token, context(1L));
        assertThat(fresh.getName()).isEqualTo("worker-jiafu");

        // Still within its expiry, but past the 1-second age the configuration allows: verified again, and refused.
        Thread.sleep(2_100);

        assertThatThrownBy(() -> tokens.parse(token, context(1L))).isInstanceOf(ParseException.class);
    }

    @Test
    void an_expired_token_is_not_served_from_the_cache() throws Exception {
        Instant now = Instant.now();
        String token = token(KEYS, now, now.plusSeconds(600), "jiafu");
        VerifiedTokens tokens = new VerifiedTokens(Clock.fixed(now.plusSeconds(601), ZoneOffset.UTC));

        // Verified (by the verifier's clock) but already past its expiry by the cache's: not kept.
        tokens.parse(token, context(null));

        assertThat(tokens.size()).isZero();
    }

    @Test
    void every_claim_reads_as_smallrye_reads_it() throws Exception {
        String token = token(KEYS, Instant.now(), Instant.now().plusSeconds(600), "jiafu");
        JWTCallerPrincipal ours = new VerifiedTokens().parse(token, context(null));
        JWTCallerPrincipal smallrye = new DefaultJWTCallerPrincipalFactory().parse(token, context(null));

        // The token's own claims, our scope claims it lacks, every standard name, and names that are neither.
        List<String> names = Stream.of(smallrye.getClaimNames().stream(), Stream.of(Caller.STREET_CLAIM, Caller.UNIT_CLAIM,
                "UNKNOWN", "Sub", ""), Stream.of(Claims.values()).map(Claims::name)).flatMap(s -> s).distinct().toList();
        for (String name : names) {
            Object expected = smallrye.getClaim(name);
            assertThat((Object) ours.getClaim(name)).as(name).isEqualTo(expected);
        }
        assertThat(ours.getClaimNames()).isEqualTo(smallrye.getClaimNames());
        assertThat((Object) ours.getClaim(Caller.COMMUNITY_CLAIM)).isEqualTo("jiafu");
        assertThat(ours.getName()).isEqualTo(smallrye.getName());
        assertThat(ours.getGroups()).isEqualTo(smallrye.getGroups());
    }

    private static JWTAuthContextInfo context(Long tokenAge) {
        JWTAuthContextInfo context = new JWTAuthContextInfo(KEYS.getPublic(), ISSUER);
        context.setClockSkew(0);
        context.setTokenAge(tokenAge);
        return context;
    }

    private static String token(KeyPair keys, Instant issued, Instant expires, String community) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("worker-" + community);
        claims.setClaim("upn", "worker-" + community);
        claims.setClaim("groups", List.of(Roles.COMMUNITY));
        claims.setClaim(Caller.COMMUNITY_CLAIM, community);
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(issued.getEpochSecond()));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
