package org.threelists.matchmaker.domain;

import org.threelists.platform.domain.DomainException;

import java.util.Map;

/**
 * A command the project's state does not allow, told in the project's own words (published for pledges, not yet
 * approved, held by nobody) with the state, the mode and the action as facts.
 */
public class ProjectStateException extends DomainException {

    public ProjectStateException(String message, Map<String, Object> facts) {
        super(Kind.ILLEGAL_TRANSITION, message, facts);
    }
}
