package org.threelists.demand.domain;

/**
 * A member unit holding the project that serves a demand, by the claim or pledge it holds it with
 * (project-list.events.v1 {@code holders[]}). While the demand is served, these units may read the resident's contact.
 */
public record ProjectHolder(String claimId, String unitId) {
}
