package org.threelists.demand.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import org.threelists.platform.problem.ProblemException;
import org.threelists.platform.problem.ProblemType;
import org.threelists.platform.problem.Violation;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and checks a request body only after the caller has been authorised for the demand: a caller outside the
 * demand's place learns nothing from a validation problem, not even which fields exist
 * (services/demand-list/README.md, "Order of checks"). Resources therefore take the body as text; a typed or
 * {@code @Valid} parameter would be read and checked before the resource method runs. The body comes as bytes, not
 * text, so that invalid UTF-8 is refused by the JSON parser rather than replaced on decoding. Read errors surface as
 * {@link JsonProcessingException}s, which the platform's problem mapper turns into the usual 400.
 */
@ApplicationScoped
public class ValidBodies {

    private final ObjectMapper mapper;
    private final Validator validator;

    ValidBodies(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The body as a JSON tree, for the one field a check needs before the body is judged; null when empty. */
    public JsonNode tree(byte[] json) throws JsonProcessingException {
        return isEmpty(json) ? null : read(() -> mapper.readTree(json));
    }

    public <T> T require(byte[] json, Class<T> type) throws JsonProcessingException {
        T body = optional(json, type);
        if (body == null) {
            throw ProblemException.invalid("body", "is required");
        }
        return body;
    }

    /** The body already read by {@link #tree}, judged as {@link #require(byte[], Class)} would: read once, not twice. */
    public <T> T require(JsonNode tree, Class<T> type) throws JsonProcessingException {
        if (tree == null) {
            throw ProblemException.invalid("body", "is required");
        }
        return judge(tree, type);
    }

    public <T> T optional(byte[] json, Class<T> type) throws JsonProcessingException {
        if (isEmpty(json)) {
            return null;
        }
        return judge(read(() -> mapper.readTree(json)), type);
    }

    private <T> T judge(JsonNode tree, Class<T> type) throws JsonProcessingException {
        if (tree == null || !tree.isObject()) {
            // an optional body may be left out, but one that is sent is an object: a JSON null is not "no body"
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        T body = read(() -> mapper.treeToValue(tree, type));
        if (body == null) {
            return null;
        }
        List<Violation> violations = validator.validate(body).stream()
                .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        if (!violations.isEmpty()) {
            String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
            throw new ProblemException(ProblemType.INVALID_INPUT, detail, Map.of("violations", violations));
        }
        return body;
    }

    /** No body, or only white space: as if none was sent. */
    private static boolean isEmpty(byte[] json) {
        if (json == null) {
            return true;
        }
        for (byte b : json) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Reading bytes can only fail as JSON does: an IOException here is a malformed body. */
    private static <T> T read(Reading<T> reading) throws JsonProcessingException {
        try {
            return reading.read();
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonParseException(null, e.getMessage(), e);
        }
    }

    private interface Reading<T> {
        T read() throws IOException;
    }
}
