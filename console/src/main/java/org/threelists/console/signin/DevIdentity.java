package org.threelists.console.signin;

/**
 * A demo identity to sign in as in the local run: one role with the scope claims the services read
 * (README "Roles").
 *
 * @param id        {@code role:street[:community|unit]} ({@code member:street:community:memberId}), what the
 *                  sign-in page sends back
 * @param role      desk, community, unit, member, auditor or operator
 * @param roleLabel the role in Chinese
 * @param name      who it is, in Chinese (the street's desk, a community's worker, a unit's name, a Party group
 *                  member's masked name with the group)
 * @param member    a Party group member's id (the token's subject, as demand-list reads it), null for other roles
 */
public record DevIdentity(String id, String role, String roleLabel, String name, String street, String streetName,
                          String community, String unit, String member) {

    static DevIdentity desk(String street, String streetName) {
        return new DevIdentity("desk:" + street, "desk", "街道协调台", streetName + " 街道协调台", street, streetName,
                null, null, null);
    }

    static DevIdentity auditor(String street, String streetName) {
        return new DevIdentity("auditor:" + street, "auditor", "审计", streetName + " 审计员", street, streetName,
                null, null, null);
    }

    /**
     * The operator on duty (运维值班): whole-system maintenance, no street in the token (README "Roles"); listed with
     * every street so that the local run can sign in as them.
     */
    static DevIdentity operator(String street, String streetName) {
        return new DevIdentity("operator:" + street, "operator", "运维", "运维值班", street, streetName, null, null,
                null);
    }

    static DevIdentity communityWorker(String street, String streetName, String community, String communityName) {
        return new DevIdentity("community:" + street + ":" + community, "community", "社区", communityName + " 社区工作者",
                street, streetName, community, null, null);
    }

    static DevIdentity unit(String street, String streetName, String unit, String unitName) {
        return new DevIdentity("unit:" + street + ":" + unit, "unit", "共建单位", unitName, street, streetName, null,
                unit, null);
    }

    /**
     * A member of a building Party group (党员志愿者), shown by the masked name resource-list publishes and the group;
     * the group's leader (组长) says so, as the leader also dispatches the group's slips.
     */
    static DevIdentity member(String street, String streetName, String community, String memberId, String maskedName,
                              String groupName, boolean leader) {
        return new DevIdentity("member:" + street + ":" + community + ":" + memberId, "member", "党员志愿者",
                maskedName + "（" + groupName + (leader ? " · 组长" : "") + "）", street, streetName, community, null,
                memberId);
    }

    /** The token's subject: stable per identity, so that what one person did is recorded under one name. */
    String subject() {
        return "console-" + id.replace(':', '-');
    }
}
