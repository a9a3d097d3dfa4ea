package org.threelists.platform.domain;

/** The demand, unit, project … a command names does not exist (or the caller may not know that it does). */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(Kind.NOT_FOUND, what + " " + id + " does not exist");
    }
}
