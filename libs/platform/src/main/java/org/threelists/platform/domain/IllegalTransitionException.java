package org.threelists.platform.domain;

import java.util.Map;

/** A lifecycle command that the aggregate's current state does not allow. */
public class IllegalTransitionException extends DomainException {

    public IllegalTransitionException(String action, Object currentState) {
        super(Kind.ILLEGAL_TRANSITION, "Cannot " + action + " in state " + currentState,
                Map.of("state", String.valueOf(currentState), "action", action));
    }
}
