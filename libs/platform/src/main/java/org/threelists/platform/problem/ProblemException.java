package org.threelists.platform.problem;

import java.util.Map;

/**
 * An error that the caller can act on, rendered as RFC 9457 problem details by {@link ProblemMapper}.
 * Aggregates and application services throw it; nothing has been changed when it is thrown.
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

    /** A lifecycle command that the current state does not allow. */
    public static ProblemException illegalTransition(String action, Object currentState) {
        return new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                "Cannot " + action + " in state " + currentState,
                Map.of("state", String.valueOf(currentState), "action", action));
    }
}
