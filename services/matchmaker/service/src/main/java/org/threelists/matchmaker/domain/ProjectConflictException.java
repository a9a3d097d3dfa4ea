package org.threelists.matchmaker.domain;

import org.threelists.platform.domain.DomainException;

import java.util.Map;

/**
 * Someone else got there first: the project is claimed, the need is pledged, the claim id or the rating is taken.
 * The facts say what is in the way (the state, the open amount, the claim id) without naming another unit.
 */
public class ProjectConflictException extends DomainException {

    public ProjectConflictException(String message, Map<String, Object> facts) {
        super(Kind.CONFLICT, message, facts);
    }
}
