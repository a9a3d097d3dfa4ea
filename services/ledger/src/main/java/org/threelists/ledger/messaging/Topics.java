package org.threelists.ledger.messaging;

/** The topics the ledger consumes and the one it produces (contracts/asyncapi.yaml). */
public final class Topics {

    public static final String PROJECT_EVENTS = "project-list.events.v1";
    public static final String DEMAND_EVENTS = "demand-list.events.v1";
    public static final String RESOURCE_EVENTS = "resource-list.events.v1";
    public static final String SERVICE_RECORDS = "municipal.service-records.v1";
    public static final String SOURCE = "/threelists/ledger";

    private Topics() {
    }
}
