package org.threelists.platform.security;

import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Authorisation comes before validation (README "Roles"): these filters run before the request is matched to an
 * endpoint, so that what a caller learns depends first on who they are.
 *
 * <ul>
 *   <li>A request without a bearer token to anything but a public path is answered 401 at once: a stranger learns
 *       neither whether the path exists (404/405) nor what its body should look like (400/415).</li>
 *   <li>A POST without a body (whatever Content-Type it names, or none) is read as an empty JSON body, so it reaches the endpoint's
 *       role check (401/403) and, where the body is optional, the endpoint itself, instead of being refused as an
 *       unsupported media type before anyone asked who sent it.</li>
 * </ul>
 * Public paths: the management endpoints under {@code /q/} (health, metrics, OpenAPI; on their own port in
 * production) and the patterns a service lists in {@code threelists.security.public-paths}.
 */
public class SignInFirst {

    private static final String BEARER = "bearer ";

    private final List<Pattern> publicPaths;

    @Inject
    public SignInFirst(@ConfigProperty(name = "threelists.security.public-paths") Optional<List<String>> publicPaths) {
        this.publicPaths = publicPaths.orElse(List.of()).stream().map(Pattern::compile).toList();
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public void requireTokenBeforeMatching(ContainerRequestContext request, HttpServerRequest vertxRequest) {
        String path = request.getUriInfo().getPath();
        if (isPublic(path) || hasBearerToken(request)) {
            if (isBodiless(request)) {
                // endpoint matching reads the media type from the HTTP request itself, not from the JAX-RS view of it
                vertxRequest.headers().set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
                request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            }
            return;
        }
        throw new UnauthorizedException();
    }

    private boolean isPublic(String path) {
        return path.startsWith("/q/") || publicPaths.stream().anyMatch(p -> p.matcher(path).matches());
    }

    private static boolean hasBearerToken(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.length() > BEARER.length()
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    /**
     * A POST, PUT or PATCH that carries no body (no length or a length of 0, and not chunked), whatever type it
     * claims for the body it does not have: clients label an empty body differently (curl sends no type, some
     * libraries text/plain or application/octet-stream).
     */
    private static boolean isBodiless(ContainerRequestContext request) {
        String method = request.getMethod();
        boolean mayCarryBody = "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
        return mayCarryBody && request.getHeaderString("Transfer-Encoding") == null && request.getLength() <= 0;
    }
}
