package org.threelists.platform.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Ids and filters are printable text: a path or query value holding a control character (a NUL, a line break) is
 * refused as invalid input before it reaches a query, where PostgreSQL would fail on it with a server error.
 */
public class ControlCharacterGuard {

    @ServerRequestFilter
    public void refuseControlCharacters(ContainerRequestContext request) {
        check("path", request.getUriInfo().getPath());
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                check(parameter.getKey(), value);
            }
        }
    }

    private static void check(String field, String value) {
        if (value != null && value.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw ProblemException.invalid(field, "must not hold control characters");
        }
    }
}
