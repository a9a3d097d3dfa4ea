package org.threelists.platform.problem;

import org.threelists.platform.domain.DomainException;

/** The one mapping from the domain's kinds of refusal to the problem types clients switch on. */
public final class DomainProblems {

    private DomainProblems() {
    }

    public static ProblemType typeOf(DomainException.Kind kind) {
        return switch (kind) {
            case RULE_BROKEN -> ProblemType.INVALID_INPUT;
            case ILLEGAL_TRANSITION -> ProblemType.ILLEGAL_TRANSITION;
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case NOT_PERMITTED -> ProblemType.FORBIDDEN;
            case ALREADY_EXISTS -> ProblemType.ALREADY_EXISTS;
            case CAPACITY_EXHAUSTED -> ProblemType.CAPACITY_EXHAUSTED;
            case CLAIM_PENDING -> ProblemType.CLAIM_PENDING;
            case PERSONAL_DATA_ERASED -> ProblemType.PERSONAL_DATA_ERASED;
            case CONFLICT -> ProblemType.CONFLICT;
        };
    }
}
