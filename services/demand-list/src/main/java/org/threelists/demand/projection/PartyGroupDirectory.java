package org.threelists.demand.projection;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.InvalidMessageException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The communities' building Party groups, kept from resource-list.events.v1 (threelists.party-group.*), and the
 * reads the second lane needs. The rest of that topic (units, resources, volunteers) is not the demand list's.
 * Runs inside the inbox transaction; each row is written as its event is applied, on the transaction's connection.
 */
@ApplicationScoped
public class PartyGroupDirectory {

    public void apply(InboundEvent event) throws InvalidMessageException {
        if (!event.name().startsWith("party-group.")) {
            return;
        }
        JsonNode data = event.data();
        String groupId = data.get("groupId").asText();
        PartyGroupRef group = PartyGroupRef.findById(groupId);
        if (group == null && !event.name().equals("party-group.created")) {
            // The topic is read from its beginning and a group's events share its key: creation comes first.
            throw new InvalidMessageException("No Party group " + groupId + " before " + event.type());
        }
        switch (event.name()) {
            case "party-group.created" -> {
                if (group == null) {
                    group = new PartyGroupRef();
                    group.groupId = groupId;
                }
                group.streetCode = data.get("streetCode").asText();
                group.communityCode = data.get("communityCode").asText();
                group.name = data.get("name").asText();
                group.compound = event.text("compound");
                List<String> buildings = new ArrayList<>();
                data.get("buildings").forEach(b -> buildings.add(b.asText()));
                group.buildings = buildings.toArray(String[]::new);
            }
            case "party-group.member-added" -> {
                // every column of the member's row is the event's: written whole, whether it was there or not
                PartyGroupMemberRef member = new PartyGroupMemberRef();
                member.groupId = groupId;
                member.memberId = data.get("memberId").asText();
                member.kind = data.get("kind").asText();
                member.homeUnitId = event.text("homeUnitId");
                member.maskedName = data.get("maskedName").asText();
                member.save();
            }
            case "party-group.member-removed" -> PartyGroupMemberRef.deleteById(groupId, data.get("memberId").asText());
            case "party-group.leader-named" -> group.leaderId = data.get("memberId").asText();
            default -> throw new InvalidMessageException("Unhandled event type " + event.type());
        }
        group.updatedAt = event.time();
        group.save();
    }

    public Optional<PartyGroupRef> group(String groupId) {
        return Optional.ofNullable(PartyGroupRef.findById(groupId));
    }

    /** The one group of the community covering the place; empty when none does, or several do (then people decide). */
    public Optional<PartyGroupRef> coveringGroup(String communityCode, String compound, String building) {
        List<PartyGroupRef> covering = PartyGroupRef.TABLE.where("community_code = ? ORDER BY group_id", communityCode)
                .stream().filter(g -> g.covers(compound, building)).toList();
        return covering.size() == 1 ? Optional.of(covering.get(0)) : Optional.empty();
    }

    public Optional<PartyGroupMemberRef> member(String groupId, String memberId) {
        return Optional.ofNullable(PartyGroupMemberRef.findById(groupId, memberId));
    }
}
