package org.threelists.demand.domain;

/**
 * Why a demand went back on the list ({@link DemandEvents.DemandReopened}): a code chosen by demand-list, which is
 * what leaves the service ("reasonCode" on demand-list.events.v1, a fixed note on municipal.feedback.v1). The words
 * behind it (the desk's cancellation reason, the unit's release reason) stay in the event's {@code reason}, which only
 * the demand's community and the street's desk read (services/demand-list/README.md, "Personal data").
 */
public enum ReopenCause {
    /** The project serving the demand was cancelled. */
    PROJECT_CANCELLED("project cancelled", ": "),
    /** The unit holding the project gave its claim back. */
    CLAIM_RELEASED("claim released", ": "),
    /** The claim was not confirmed by its deadline. */
    CLAIM_EXPIRED("claim deadline passed", ": "),
    /** The resident rated the service 1 or 2 of 5. */
    LOW_RATING("resident rated the service", " ");

    /**
     * How the reason demand-list records begins, for the community and the desk ("project cancelled: " and the desk's
     * words): also the only way to tell the cause of events recorded before it was ({@link #recordedAs}).
     */
    private final String text;
    /** Between the text and the detail: the words after a colon, the rating ("2 of 5") after a space. */
    private final String beforeDetail;

    ReopenCause(String text, String beforeDetail) {
        this.text = text;
        this.beforeDetail = beforeDetail;
    }

    /** The reason recorded when nobody's words come with the cause. */
    public String reason() {
        return text;
    }

    /** The reason recorded with {@code detail}: the words of whoever gave the project up, or the rating. */
    public String reason(String detail) {
        return text + beforeDetail + detail;
    }

    /**
     * The cause of a reopening recorded without one (events stored before it was recorded), from the reason demand-list
     * wrote then; null when the reason does not say.
     */
    public static ReopenCause recordedAs(String reason) {
        if (reason == null) {
            return null;
        }
        for (ReopenCause cause : values()) {
            if (reason.startsWith(cause.text)) {
                return cause;
            }
        }
        return null;
    }
}
