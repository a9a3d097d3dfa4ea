package org.threelists.demand.messaging;

/** The topics the demand list publishes to and consumes from (contracts/asyncapi.yaml). */
public final class Topics {

    public static final String DEMAND_EVENTS = "demand-list.events.v1";
    public static final String MUNICIPAL_REQUESTS = "municipal.requests.v1";
    public static final String MUNICIPAL_FEEDBACK = "municipal.feedback.v1";
    public static final String PROJECT_EVENTS = "project-list.events.v1";
    public static final String RESOURCE_EVENTS = "resource-list.events.v1";
    public static final String SOURCE = "/threelists/demand-list";

    private Topics() {
    }
}
