package org.threelists.devkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens for local runs and tests, signed (RS256) with the dev key pair shipped in this module. Services
 * accept them when configured with {@link #ISSUER} and the dev public key ({@link #writePublicKey(Path)}).
 *
 * <p>Every token carries {@code sub} and {@code upn} (the subject), {@code groups} (exactly one role) and the
 * scope claims that say where the holder may act: {@code street}, {@code community}, {@code unit}.
 * The dev private key is public knowledge: never configure a deployed service to trust this issuer.
 */
public final class DevTokens {

    public static final String ISSUER = "https://threelists.local/dev";
    public static final String KEY_ID = "threelists-dev";
    /** The audience every service requires (mp.jwt.verify.audiences in the platform's defaults). */
    public static final String AUDIENCE = "threelists";
    /**
     * The oldest token a service accepts (mp.jwt.verify.token.age, README "Tokens"): one working day. Dev tokens
     * live exactly that long, so the tokens the local run prints keep working all day.
     */
    public static final Duration MAX_LIFETIME = Duration.ofHours(12);
    public static final Duration DEFAULT_LIFETIME = MAX_LIFETIME;

    public static final String ROLE_COMMUNITY = "community";
    public static final String ROLE_UNIT = "unit";
    public static final String ROLE_DESK = "desk";
    public static final String ROLE_AUDITOR = "auditor";
    public static final String ROLE_OPERATOR = "operator";
    public static final String ROLE_MEMBER = "member";
    public static final Set<String> ROLES = Set.of(ROLE_COMMUNITY, ROLE_UNIT, ROLE_DESK, ROLE_AUDITOR, ROLE_OPERATOR,
            ROLE_MEMBER);

    public static final String CLAIM_STREET = "street";
    public static final String CLAIM_COMMUNITY = "community";
    public static final String CLAIM_UNIT = "unit";
    public static final Set<String> SCOPE_CLAIMS = Set.of(CLAIM_STREET, CLAIM_COMMUNITY, CLAIM_UNIT);

    private static final String PRIVATE_KEY_RESOURCE = "/threelists-dev/private-key.pem";
    private static final String PUBLIC_KEY_RESOURCE = "/threelists-dev/public-key.pem";

    private DevTokens() {
    }

    /** A community worker, who submits and verifies the demands of one community. */
    public static String community(String subject, String streetCode, String communityCode) {
        return token(ROLE_COMMUNITY, subject, scope(CLAIM_STREET, streetCode, CLAIM_COMMUNITY, communityCode), DEFAULT_LIFETIME);
    }

    /** The coordination desk of one street. */
    public static String desk(String subject, String streetCode) {
        return token(ROLE_DESK, subject, scope(CLAIM_STREET, streetCode), DEFAULT_LIFETIME);
    }

    /** Someone acting for an alliance member unit, in the street where the unit serves. */
    public static String unit(String subject, String unitId, String streetCode) {
        return token(ROLE_UNIT, subject, scope(CLAIM_UNIT, unitId, CLAIM_STREET, streetCode), DEFAULT_LIFETIME);
    }

    /** An auditor, who reads reports and verifies statements. */
    public static String auditor(String subject, String streetCode) {
        return token(ROLE_AUDITOR, subject, scope(CLAIM_STREET, streetCode), DEFAULT_LIFETIME);
    }

    /**
     * A Party member volunteering in a community (党员志愿者): the subject is their member id (the volunteer id from
     * 双报到, or the resident member's id), the community where they serve and its street.
     */
    public static String member(String memberId, String streetCode, String communityCode) {
        return token(ROLE_MEMBER, memberId, scope(CLAIM_STREET, streetCode, CLAIM_COMMUNITY, communityCode),
                DEFAULT_LIFETIME);
    }

    /** An operator, who runs rebuilds and other whole-system maintenance (no street). */
    public static String operator(String subject) {
        return token(ROLE_OPERATOR, subject, Map.of(), DEFAULT_LIFETIME);
    }

    /**
     * Any token: one role from {@link #ROLES}, scope claims only from {@link #SCOPE_CLAIMS} (null values are left
     * out), a positive lifetime of at most {@link #MAX_LIFETIME} (services refuse longer ones).
     */
    public static String token(String role, String subject, Map<String, String> scopeClaims, Duration lifetime) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role " + role + "; roles are " + ROLES);
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a token needs a subject");
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a token needs a positive lifetime, not " + lifetime);
        }
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("services refuse tokens living longer than " + MAX_LIFETIME + ", not " + lifetime);
        }
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .issuedAt(now)
                .expiresAt(now.plus(lifetime));
        scopeClaims.forEach((name, value) -> {
            if (!SCOPE_CLAIMS.contains(name)) {
                throw new IllegalArgumentException("unknown scope claim " + name + "; scope claims are " + SCOPE_CLAIMS);
            }
            if (value != null) {
                claims.claim(name, value);
            }
        });
        return claims.jws().keyId(KEY_ID).sign(PrivateKeyHolder.KEY);
    }

    /**
     * Signs any claims with the dev key, unchecked: for tests that need tokens a service must refuse (no audience,
     * issued long ago, a scope that does not add up).
     */
    public static String signUnchecked(JwtClaimsBuilder claims) {
        return claims.jws().keyId(KEY_ID).sign(PrivateKeyHolder.KEY);
    }

    public static String publicKeyPem() {
        return resource(PUBLIC_KEY_RESOURCE);
    }

    public static PublicKey publicKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBody(publicKeyPem())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the dev public key is not an X.509 RSA key", e);
        }
    }

    /** Writes the dev public key as PEM, for services that take the key's location as a file path. */
    public static Path writePublicKey(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, publicKeyPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dev public key to " + file, e);
        }
    }

    private static Map<String, String> scope(String... namesAndValues) {
        Map<String, String> scope = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null || namesAndValues[i + 1].isBlank()) {
                throw new IllegalArgumentException("the " + namesAndValues[i] + " claim needs a value");
            }
            scope.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return scope;
    }

    private static String resource(String name) {
        try (InputStream in = DevTokens.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static byte[] pemBody(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").strip());
    }

    /** Loaded on first use, once: parsing the key is the slow part of signing. */
    private static final class PrivateKeyHolder {
        static final PrivateKey KEY = load();

        private static PrivateKey load() {
            try {
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBody(resource(PRIVATE_KEY_RESOURCE))));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the dev private key is not a PKCS#8 RSA key", e);
            }
        }
    }
}
