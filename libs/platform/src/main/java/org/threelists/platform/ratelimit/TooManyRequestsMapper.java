package org.threelists.platform.ratelimit;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.threelists.platform.problem.Problem;
import org.threelists.platform.problem.ProblemType;

import java.util.Map;

/** A rate-limited client gets 429 as RFC 9457 problem details, and Retry-After (RFC 9110 §10.2.3) in seconds. */
public class TooManyRequestsMapper {

    @ServerExceptionMapper
    public Response tooMany(TooManyRequestsException e, UriInfo uri) {
        ProblemType type = ProblemType.TOO_MANY_REQUESTS;
        Problem body = new Problem(type.uri(), type.title(), type.status(), e.getMessage(),
                uri == null ? null : uri.getPath(), Map.of("retryAfter", e.retryAfterSeconds()));
        return Response.status(type.status()).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).entity(body).build();
    }
}
