package org.threelists.ledger.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.threelists.platform.problem.Problem;

import java.net.URI;
import java.util.Map;

/** A rate-limited client gets 429 as RFC 9457 problem details, and Retry-After (RFC 9110 §10.2.3) in seconds. */
public class TooManyRequestsMapper {

    static final URI TYPE = URI.create("https://threelists.dev/problems/too-many-requests");

    @ServerExceptionMapper
    public Response tooMany(ClientRateLimiter.TooManyRequestsException e, UriInfo uri) {
        Problem body = new Problem(TYPE, "Too many requests", 429, e.getMessage(), uri == null ? null : uri.getPath(),
                Map.of("retryAfter", e.retryAfterSeconds()));
        return Response.status(429).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds())
                .entity(body).build();
    }
}
