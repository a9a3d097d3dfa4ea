package org.threelists.demand.projection;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.inbox.InvalidMessageException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The communities' building Party groups, kept from resource-list.events.v1 (threelists.party-group.*), and the
 * reads the second lane needs. The rest of that topic (units, resources, volunteers) is not the demand list's.
 * Runs inside the inbox transaction.
 */
@ApplicationScoped
public class PartyGroupDirectory {

    public void apply(InboundEvent event) throws InvalidMessageException {
        if (!event.name().startsWith("party-group.")) {
            return;
        }
        JsonNode data = event.data();
        String groupId = data.get("groupId").asText();
        PartyGroupRef group = Panache.getEntityManager().find(PartyGroupRef.class, groupId);
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
                group.updatedAt = event.time();
                if (!group.isPersistent()) {
                    group.persist();
                }
            }
            case "party-group.member-added" -> {
                var key = new PartyGroupMemberRef.Key(groupId, data.get("memberId").asText());
                PartyGroupMemberRef member = Panache.getEntityManager().find(PartyGroupMemberRef.class, key);
                if (member == null) {
                    member = new PartyGroupMemberRef();
                    member.key = key;
                }
                member.kind = data.get("kind").asText();
                member.homeUnitId = event.text("homeUnitId");
                member.maskedName = data.get("maskedName").asText();
                if (!member.isPersistent()) {
                    member.persist();
                }
            }
            case "party-group.member-removed" ->
                    PartyGroupMemberRef.delete("key", new PartyGroupMemberRef.Key(groupId, data.get("memberId").asText()));
            case "party-group.leader-named" -> group.leaderId = data.get("memberId").asText();
            default -> throw new InvalidMessageException("Unhandled event type " + event.type());
        }
        group.updatedAt = event.time();
    }

    public Optional<PartyGroupRef> group(String groupId) {
        return Optional.ofNullable(PartyGroupRef.findById(groupId));
    }

    /**
     * The one group of the community covering the place; empty when none does, or several do (then people decide).
     * The read does not flush the transaction first: only the inbox's own transaction writes {@code party_group}, so a
     * request's pending changes (the verified demand's row) cannot change its answer, and Hibernate's automatic flush
     * before a query dirty-checked every entity of the request for nothing (bench/README.md, "The e2e path profiled").
     */
    public Optional<PartyGroupRef> coveringGroup(String communityCode, String compound, String building) {
        List<PartyGroupRef> covering = Panache.getEntityManager()
                .createQuery(COMMUNITY_GROUPS, PartyGroupRef.class)
                .setParameter("community", communityCode)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList().stream().filter(g -> g.covers(compound, building)).toList();
        return covering.size() == 1 ? Optional.of(covering.get(0)) : Optional.empty();
    }

    private static final String COMMUNITY_GROUPS =
            "FROM PartyGroupRef g WHERE g.communityCode = :community ORDER BY g.groupId";

    public Optional<PartyGroupMemberRef> member(String groupId, String memberId) {
        return Optional.ofNullable(PartyGroupMemberRef.findById(new PartyGroupMemberRef.Key(groupId, memberId)));
    }
}
