package org.threelists.demand.domain;

/**
 * The bounds of a demand's content: one source for the REST request DTOs (and so the served OpenAPI document), the
 * aggregate's checks and the municipal intake. Each bound is at most the one contracts/schemas/demand-list.events.v1
 * sets, so whatever REST or the hotline accepts can be published. Text lengths count Unicode code points, as JSON
 * Schema's maxLength does.
 */
public final class DemandLimits {

    /** demand-list.events.v1: compound maxLength. */
    public static final int COMPOUND_MAX = 100;
    /** demand-list.events.v1: building maxLength. */
    public static final int BUILDING_MAX = 50;
    /** The public description, from REST or a hotline ticket. */
    public static final int DESCRIPTION_MAX = 4000;
    public static final int BENEFICIARIES_MIN = 1;
    /** More residents than a street holds is a typing error, not a demand. */
    public static final int BENEFICIARIES_MAX = 100_000;
    public static final String HOURS_MAX = "10000";
    /** Hours are kept to the hundredth (the read model stores NUMERIC(8, 2)); finer input would be rounded away. */
    public static final int HOURS_FRACTION_DIGITS = 2;
    public static final int HOURS_INTEGER_DIGITS = 5;
    public static final int SKILLS_MAX = 20;
    public static final int SKILL_MAX = 100;
    /** A withdrawal's or rejection's reason. */
    public static final int REASON_MAX = 2000;
    /**
     * A 12345 ticket's id (municipal.requests.v1 service_request_id maxLength): kept with the demand
     * ({@code demand_view.municipal_ticket_id}) and published as its municipalTicketId, both at most 200.
     */
    public static final int TICKET_ID_MAX = 200;
    /** A resident's name, phone and address, from REST or a ticket (whose family and given names take 50 each). */
    public static final int RESIDENT_NAME_MAX = 100;
    public static final int PHONE_MAX = 30;
    public static final int ADDRESS_MAX = 300;

    private DemandLimits() {
    }

    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }
}
