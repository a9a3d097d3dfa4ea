package org.threelists.resource.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.platform.projection.jdbc.Jdbc;

import java.util.List;
import java.util.Optional;

/** Reads of the Party groups and their members. */
@ApplicationScoped
public class PartyGroupQueries {

    public Optional<PartyGroupView> group(String groupId) {
        return Optional.ofNullable(PartyGroupView.findById(groupId));
    }

    /** The groups of a community, or of every community of a street when {@code community} is null. */
    public List<PartyGroupView> groups(String street, String community) {
        if (community != null) {
            return PartyGroupView.TABLE.where("street_code = ? AND community_code = ? ORDER BY name, group_id", street,
                    community);
        }
        return PartyGroupView.TABLE.where("street_code = ? ORDER BY community_code, name, group_id", street);
    }

    public List<PartyMemberView> members(String groupId) {
        return PartyMemberView.TABLE.where("group_id = ? ORDER BY added_at, member_id", groupId);
    }

    public Optional<PartyMemberView> member(String groupId, String memberId) {
        return Optional.ofNullable(PartyMemberView.findById(groupId, memberId));
    }

    /** The groups of the community someone is a member of now (a member belongs to one group per community). */
    public List<String> groupsOf(String memberId, String community) {
        return Jdbc.list("SELECT m.group_id FROM party_member_view m JOIN party_group_view g ON g.group_id = m.group_id"
                + " WHERE m.member_id = ? AND g.community_code = ?", row -> row.getString(1), memberId, community);
    }
}
