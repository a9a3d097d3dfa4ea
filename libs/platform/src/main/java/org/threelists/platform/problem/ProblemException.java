package org.threelists.platform.problem;

import java.util.Map;

/**
 * An error that the caller can act on, rendered as RFC 9457 problem details by {@link ProblemMapper}.
 * The REST edge throws it for the shape of a request and the caller's scope (the domain throws
 * {@link org.threelists.platform.domain.DomainException}); nothing has been changed when it is thrown.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final transient Map<String, Object> extensions;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ProblemException(ProblemType type, String detail, Map<String, Object> extensions) {
        super(detail);
        this.type = type;
        this.extensions = Map.copyOf(extensions);
    }

    public ProblemType type() {
        return type;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(ProblemType.INVALID_INPUT, field + ": " + message,
                Map.of("violations", java.util.List.of(new Violation(field, message))));
    }
}
