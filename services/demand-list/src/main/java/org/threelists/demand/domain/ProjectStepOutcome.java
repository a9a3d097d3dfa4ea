package org.threelists.demand.domain;

/**
 * What a step of the project list did to a demand. The project list moves on its own clock: a step can arrive again
 * (a replay) or arrive for a demand that has moved on (withdrawn meanwhile, taken by another project). Neither is an
 * error of the message, so the aggregate answers with an outcome instead of refusing.
 */
public enum ProjectStepOutcome {
    /** The demand followed the step: events were recorded. */
    APPLIED,
    /** The demand had already followed this step: nothing recorded. */
    ALREADY_APPLIED,
    /** The step does not concern the demand as it stands now: nothing recorded. */
    NOT_APPLICABLE
}
