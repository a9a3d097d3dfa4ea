package org.threelists.matchmaker.messaging;

/** The topics the matchmaker consumes and the one it publishes (contracts/asyncapi.yaml). */
public final class Topics {

    public static final String DEMAND_EVENTS = "demand-list.events.v1";
    public static final String RESOURCE_EVENTS = "resource-list.events.v1";
    public static final String PROJECT_EVENTS = "project-list.events.v1";

    private Topics() {
    }
}
