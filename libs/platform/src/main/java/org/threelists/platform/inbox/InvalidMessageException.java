package org.threelists.platform.inbox;

/** The message can never be processed (malformed, fails its schema): it goes to the DLQ without retries. */
public class InvalidMessageException extends Exception {

    public InvalidMessageException(String reason) {
        super(reason);
    }

    public InvalidMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
