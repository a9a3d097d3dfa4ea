package org.threelists.platform.domain;

/**
 * The caller is not the party a domain rule allows: a unit that does not hold the project, a community that is not
 * the demand's. Role checks stay at the edge; this is for rules that need the aggregate's state to decide.
 */
public class NotPermittedException extends DomainException {

    public NotPermittedException(String message) {
        super(Kind.NOT_PERMITTED, message);
    }
}
