package org.threelists.resource.projection;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

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
            return PartyGroupView.list("streetCode = ?1 and communityCode = ?2", Sort.by("name").and("groupId"), street,
                    community);
        }
        return PartyGroupView.list("streetCode", Sort.by("communityCode").and("name").and("groupId"), street);
    }

    public List<PartyMemberView> members(String groupId) {
        return PartyMemberView.list("key.groupId", Sort.by("addedAt").and("key.memberId"), groupId);
    }

    public Optional<PartyMemberView> member(String groupId, String memberId) {
        return Optional.ofNullable(PartyMemberView.findById(new PartyMemberView.Key(groupId, memberId)));
    }

    /** The groups of the community someone is a member of now (a member belongs to one group per community). */
    public List<String> groupsOf(String memberId, String community) {
        return PartyMemberView.<PartyMemberView>list("key.memberId", memberId).stream()
                .map(m -> m.key.groupId())
                .filter(g -> group(g).map(v -> v.communityCode.equals(community)).orElse(false))
                .toList();
    }
}
