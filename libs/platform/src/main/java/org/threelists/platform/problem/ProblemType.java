package org.threelists.platform.problem;

import java.net.URI;

/**
 * The stable kinds of error every service answers with. Clients switch on {@link #uri()}; the title is for people.
 */
public enum ProblemType {
    INVALID_INPUT(400, "invalid-input", "The request is not valid"),
    MALFORMED_BODY(400, "malformed-body", "The request body cannot be read"),
    UNAUTHENTICATED(401, "unauthenticated", "A valid bearer token is required"),
    FORBIDDEN(403, "forbidden", "You may not do this"),
    NOT_FOUND(404, "not-found", "No such resource"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    ILLEGAL_TRANSITION(409, "illegal-transition", "Not allowed in the current state"),
    CONFLICT(409, "conflict", "The resource was changed concurrently"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    PERSONAL_DATA_ERASED(409, "personal-data-erased", "The person's personal data was erased"),
    ALREADY_EXISTS(409, "already-exists", "It exists already"),
    CAPACITY_EXHAUSTED(409, "capacity-exhausted", "Not enough capacity left"),
    CLAIM_PENDING(409, "claim-pending", "Your claim still awaits the reservation of its capacity"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    INTERNAL(500, "internal-error", "Internal error");

    static final String BASE = "https://threelists.dev/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_INPUT;
    }
}
