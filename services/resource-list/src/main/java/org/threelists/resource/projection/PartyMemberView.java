package org.threelists.resource.projection;

import org.threelists.platform.projection.jdbc.ViewTable;
import org.threelists.resource.domain.PartyMemberKind;

import java.time.Instant;

/**
 * A present member of a Party group, keyed by the group and the member; a resident's person only sealed. Written only
 * by {@link PartyGroupProjection}.
 */
public class PartyMemberView {

    public static final ViewTable<PartyMemberView> TABLE = ViewTable.of(PartyMemberView.class, "party_member_view",
            "groupId", "memberId");

    public String groupId;
    public String memberId;
    /** The group's community: a member is in at most one group of it (unique, V4). */
    public String communityCode;
    public PartyMemberKind kind;
    public String homeUnitId;
    public String maskedName;
    public String[] skills;
    public String sealedPerson;
    public Instant addedAt;
    public String addedBy;

    /** The unique index that keeps a person in at most one group of a community. */
    public static final String ONE_GROUP_PER_COMMUNITY = "party_member_view_one_group_per_community";

    public static PartyMemberView findById(String groupId, String memberId) {
        return TABLE.find(groupId, memberId);
    }

    /** Writes the row whole (inserted, or every column updated). */
    public void save() {
        TABLE.save(this);
    }
}
