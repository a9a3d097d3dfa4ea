package org.threelists.platform.security;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a bearer token once for as long as it is valid, not on every request. A desk or a community worker sends
 * the same token all day (README "Tokens"); verifying it (JSON parsing, base64, the RS256 signature, the claims'
 * checks) on each request was a tenth of demand-list's CPU per demand and a quarter of what it allocated
 * (bench/README.md, "Fast path, part two"). A token is looked up by its whole text, so a token that differs in any
 * character is verified afresh; a verified one is reused only until it expires or reaches the 12-hour age the
 * configuration allows, whichever comes first, without the clock-skew allowance (it is then verified again, with it).
 * A token that fails verification is never kept. The cache is bounded: when full, expired entries go, and if that
 * is not enough, all of them.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends JWTCallerPrincipalFactory {

    static final int MAX_ENTRIES = 10_000;

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Clock clock;

    public VerifiedTokens() {
        this(Clock.systemUTC());
    }

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    private record Verified(JWTCallerPrincipal principal, Instant until) {
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null && now.isBefore(known.until())) {
            return known.principal();
        }
        JWTCallerPrincipal principal = ClaimsPrincipal.verify(token, context);
        Instant until = validUntil(principal, context);
        if (until != null && now.isBefore(until)) {
            makeRoom(now);
            verified.put(token, new Verified(principal, until));
        }
        return principal;
    }

    /** The earlier of the token's expiry and its issue time plus the allowed age; null when it carries neither. */
    private static Instant validUntil(JWTCallerPrincipal principal, JWTAuthContextInfo context) {
        long expires = principal.getExpirationTime();
        if (expires <= 0) {
            return null;
        }
        Instant until = Instant.ofEpochSecond(expires);
        Long maxAge = context.getTokenAge();
        if (maxAge != null) {
            long issued = principal.getIssuedAtTime();
            if (issued <= 0) {
                return null;
            }
            Instant aged = Instant.ofEpochSecond(issued).plusSeconds(maxAge);
            until = aged.isBefore(until) ? aged : until;
        }
        return until;
    }

    private void makeRoom(Instant now) {
        if (verified.size() < MAX_ENTRIES) {
            return;
        }
        verified.values().removeIf(entry -> !now.isBefore(entry.until()));
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
    }

    int size() {
        return verified.size();
    }
}
