package org.threelists.demand.domain;

import org.threelists.platform.domain.DomainException;

/**
 * One demand of a project refuses the project's step, whatever state it is in (a project of another community, a
 * step without its project): the step can never apply to it. Carries the demand, and the refusal as its cause.
 */
public class ProjectStepRefusedException extends DomainException {

    private final String demandId;

    public ProjectStepRefusedException(String demandId, DomainException refusal) {
        super(refusal.kind(), refusal.getMessage(), refusal.facts());
        this.demandId = demandId;
        initCause(refusal);
    }

    public String demandId() {
        return demandId;
    }
}
