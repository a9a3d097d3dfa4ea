package org.threelists.platform.security;

/** The roles of the README's "Roles" table, as they appear in a token's {@code groups} claim. */
public final class Roles {

    /** A community worker (社区工作者): submits and verifies its community's demands, confirms completion. */
    public static final String COMMUNITY = "community";
    /** An alliance member unit (共建单位): manages its offers and volunteers, claims and delivers projects. */
    public static final String UNIT = "unit";
    /** The street's coordination desk (联席会): everything inside its street. */
    public static final String DESK = "desk";
    /** Reads reports and verifies statements in its street. */
    public static final String AUDITOR = "auditor";
    /**
     * A Party member volunteering in a community (党员志愿者, a member of a building Party group): the token's subject
     * is the member id (the volunteer id from 双报到, or the resident member's id), its community and street claims
     * where they serve. Sees and answers their own slips; a group's leader also dispatches and follows the group's.
     */
    public static final String MEMBER = "member";
    /** Runs rebuilds and other whole-system maintenance; acts in no street. */
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
