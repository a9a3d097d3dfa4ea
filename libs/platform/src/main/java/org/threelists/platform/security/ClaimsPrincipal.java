package org.threelists.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * SmallRye's principal, told a claim's kind without an exception. SmallRye finds out whether a claim is a standard one
 * with {@code Claims.valueOf(name)} and catches the {@link IllegalArgumentException} it throws for any other name, twice
 * per read; our scope claims ({@code street}, {@code community}, {@code unit}) are such names, read on every request
 * that checks its caller's place, and each throw fills in the stack trace of a request some hundred frames deep
 * (~10 µs with C1). The flight recorder does not see that time (it is spent in the VM), only the allocations
 * (bench/README.md, "Fast path, part twelve"). The answer for every name is the same as SmallRye's.
 */
final class ClaimsPrincipal extends DefaultJWTCallerPrincipal {

    private static final Map<String, Claims> STANDARD = Arrays.stream(Claims.values())
            .collect(Collectors.toUnmodifiableMap(Claims::name, Function.identity()));

    private static final DefaultJWTTokenParser PARSER = new DefaultJWTTokenParser();

    private ClaimsPrincipal(String tokenType, JwtClaims claims) {
        super(tokenType, claims);
    }

    /** Verifies the token as SmallRye's default factory does and keeps its claims in this principal. */
    static ClaimsPrincipal verify(String token, JWTAuthContextInfo context) throws ParseException {
        JwtContext verified = PARSER.parse(token, context);
        String type = verified.getJoseObjects().get(0).getHeader("typ");
        return new ClaimsPrincipal(type, verified.getJwtClaims());
    }

    @Override
    protected Claims getClaimType(String claimName) {
        return STANDARD.getOrDefault(claimName, Claims.UNKNOWN);
    }
}
