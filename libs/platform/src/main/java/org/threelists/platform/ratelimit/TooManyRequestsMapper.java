package org.threelists.platform.ratelimit;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.threelists.platform.problem.ProblemMapper;
import org.threelists.platform.problem.ProblemType;

/** A rate-limited client gets 429 as RFC 9457 problem details, and Retry-After (RFC 9110 §10.2.3) in seconds. */
public class TooManyRequestsMapper {

    @ServerExceptionMapper
    public Response tooMany(TooManyRequestsException e, UriInfo uri) {
        return ProblemMapper.retryLater(ProblemType.TOO_MANY_REQUESTS, e.getMessage(), uri, e.retryAfterSeconds());
    }
}
