package org.threelists.platform.checkin;

import org.threelists.platform.domain.RuleBrokenException;

/**
 * A check-in code that does not open what it was shown for: forged or damaged, expired, of the other purpose, or of
 * another slip or activity. A refusal of the {@code code} field; nothing is recorded.
 */
public class CheckInCodeRefusedException extends RuleBrokenException {

    /** Why, for the caller and for tests; the message says it in words. */
    public enum Reason {
        FORGED, EXPIRED, WRONG_PURPOSE, OTHER_SUBJECT
    }

    private final Reason reason;

    public CheckInCodeRefusedException(Reason reason, String rule) {
        super("code", rule);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
