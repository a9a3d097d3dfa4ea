package org.threelists.platform.domain;

import java.util.Map;

/**
 * A rule of the domain that refuses a command. Aggregates and application services throw it; they know nothing of
 * HTTP or Kafka. The REST edge turns each {@link Kind} into one problem type ({@code ProblemMapper}); a Kafka handler
 * tells outcomes apart by the subclass or the kind. Nothing has changed when it is thrown.
 *
 * <p>Each kind names what went wrong in the domain's words; a service may subclass a kind to carry its own facts
 * (for instance the state an illegal transition was tried in).
 */
public class DomainException extends RuntimeException {

    /** What kind of rule refused the command; the edge's mapping depends on it and on nothing else. */
    public enum Kind {
        /** A value breaks a rule of its own (a bound, a format, a combination of fields). */
        RULE_BROKEN,
        /** The command is not allowed in the aggregate's current state. */
        ILLEGAL_TRANSITION,
        /** The thing the command names does not exist. */
        NOT_FOUND,
        /** The caller is not the party the rule allows (not the holder, not the demand's community …). */
        NOT_PERMITTED,
        /** It exists already (a second registration under the same key). */
        ALREADY_EXISTS,
        /** Not enough capacity left for what is asked. */
        CAPACITY_EXHAUSTED,
        /** The caller's claim still awaits the reservation of its capacity. */
        CLAIM_PENDING,
        /** The person's personal data was erased. */
        PERSONAL_DATA_ERASED,
        /** Someone else changed the same thing at the same time. */
        CONFLICT
    }

    private final Kind kind;
    private final transient Map<String, Object> facts;

    public DomainException(Kind kind, String message) {
        this(kind, message, Map.of());
    }

    public DomainException(Kind kind, String message, Map<String, Object> facts) {
        super(message);
        this.kind = kind;
        this.facts = Map.copyOf(facts);
    }

    public Kind kind() {
        return kind;
    }

    /** Machine-readable facts about the refusal (the state, the action, the field); shown to the caller. */
    public Map<String, Object> facts() {
        return facts;
    }
}
