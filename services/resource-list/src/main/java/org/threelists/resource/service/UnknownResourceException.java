package org.threelists.resource.service;

import org.threelists.platform.domain.DomainException;

/**
 * A claim's delivery consumes capacity of a resource that is not on the resource list: nothing was ever reserved
 * there, so the consumption can never apply.
 */
public class UnknownResourceException extends DomainException {

    public UnknownResourceException(String projectId, String claimId, String resourceId) {
        super(Kind.NOT_FOUND, "Claim " + claimId + " of project " + projectId + " consumes resource " + resourceId
                + ", which is not on the resource list");
    }
}
