package org.threelists.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jboss.logging.Logger;
import org.threelists.platform.domain.DomainException;
import org.threelists.platform.domain.RuleBrokenException;
import org.threelists.platform.json.TextWithoutNul;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place where errors become RFC 9457 problem details, with a stable {@code type} per kind of error
 * ({@link ProblemType}). Nothing here changes state: every mapped request was refused before it changed anything.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.type(), e.getMessage(), uri, e.extensions());
    }

    @ServerExceptionMapper
    public Response refused(DomainException e, UriInfo uri) {
        ProblemType type = DomainProblems.typeOf(e.kind());
        Map<String, Object> extensions = e instanceof RuleBrokenException broken
                ? Map.of("violations", List.of(new Violation(broken.field(), broken.rule())))
                : e.facts();
        return respond(type, e.getMessage(), uri, extensions);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(ProblemType.INVALID_INPUT, detail, uri, Map.of("violations", violations));
    }

    // Quarkus ships mappers for some Jackson exceptions; naming each type here makes ours the closest match.
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, ValueInstantiationException.class})
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = pathOf(mapping);
            String message = messageFor(mapping);
            return respond(ProblemType.INVALID_INPUT, field + ": " + message, uri,
                    Map.of("violations", List.of(new Violation(field, message))));
        }
        return respond(ProblemType.MALFORMED_BODY, "The body is not valid JSON: " + e.getOriginalMessage(), uri, Map.of());
    }

    private static String messageFor(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof TextWithoutNul.NulInText) {
            return TextWithoutNul.NulInText.MESSAGE;
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            return "'" + format.getValue() + "' is not one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        }
        if (e instanceof InvalidFormatException format) {
            return "'" + format.getValue() + "' is not a valid " + format.getTargetType().getSimpleName();
        }
        return "has the wrong type or format";
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHENTICATED,
                        "Send a valid bearer token in the Authorization header", uri, Map.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "Your role may not call this endpoint", uri, Map.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        Response response = respond(type, e.getMessage(), uri, Map.of());
        return status == type.status() ? response : Response.fromResponse(response).status(status).build();
    }

    @ServerExceptionMapper
    public Response commandFailed(CommandExecutionException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof ProblemException problem) {
            return problem(problem, uri);
        }
        if (cause instanceof DomainException refusal) {
            return refused(refusal, uri);
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response aggregateMissing(AggregateNotFoundException e, UriInfo uri) {
        return respond(ProblemType.NOT_FOUND, "No such resource: " + e.getAggregateIdentifier(), uri, Map.of());
    }

    @ServerExceptionMapper
    public Response concurrent(ConcurrencyException e, UriInfo uri) {
        return respond(ProblemType.CONFLICT, "The resource was changed at the same time; read it again and retry", uri,
                Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (Overload.isOverload(e)) {
            // Overload passes: say so, and when to come back, rather than a 500 a client cannot act on.
            LOG.warnf("Refused as overloaded on %s: %s", uri.getPath(), Overload.describe(e));
            return retryLater(ProblemType.SERVICE_UNAVAILABLE, "The service could not finish the request in time ("
                    + Overload.describe(e) + "); nothing was changed. Retry after " + Overload.RETRY_AFTER_SECONDS
                    + " s", uri, Overload.RETRY_AFTER_SECONDS);
        }
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return respond(ProblemType.INTERNAL, "An unexpected error occurred; it has been logged", uri, Map.of());
    }

    /**
     * A refusal the client may send again after {@code seconds}: the problem with {@code retryAfter}, and Retry-After
     * (RFC 9110 §10.2.3) in seconds.
     */
    public static Response retryLater(ProblemType type, String detail, UriInfo uri, long seconds) {
        return Response.fromResponse(respond(type, detail, uri, Map.of("retryAfter", seconds)))
                .header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    private static Response respond(ProblemType type, String detail, UriInfo uri, Map<String, Object> extensions) {
        Problem body = new Problem(type.uri(), type.title(), type.status(), detail,
                uri == null ? null : uri.getPath(), extensions);
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    /** "create.request.description" → "description": the method and parameter prefix mean nothing to a client. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }
}
