package org.threelists.demand.projection;

import org.threelists.platform.projection.jdbc.ViewTable;

/**
 * A present member of a Party group, by id and masked name only. Written only by {@link PartyGroupDirectory}. Each
 * public field is the {@code party_group_member} column of its name in snake case (plain JDBC, {@link ViewTable});
 * the key is the group and the member.
 */
public class PartyGroupMemberRef {

    public static final ViewTable<PartyGroupMemberRef> TABLE = ViewTable.of(PartyGroupMemberRef.class,
            "party_group_member", "groupId", "memberId");

    public String groupId;
    public String memberId;
    /** VOLUNTEER (双报到, with a home unit) or RESIDENT, as published. */
    public String kind;
    public String homeUnitId;
    public String maskedName;

    public static PartyGroupMemberRef findById(String groupId, String memberId) {
        return TABLE.find(groupId, memberId);
    }

    /** Deletes the member's row; answers whether it was there. */
    public static boolean deleteById(String groupId, String memberId) {
        return TABLE.delete(groupId, memberId);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }
}
