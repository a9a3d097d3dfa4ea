package org.threelists.demand.messaging;

import org.threelists.testing.ContractMessages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * resource-list.events.v1 Party group messages as resource-list publishes them (key = group id), each checked
 * against contracts/schemas/resource-list.events.v1.schema.json before it is sent; sending waits until the demand
 * list's inbox has dealt with it.
 */
public final class PartyGroupMessages {

    public static final String GROUP = "demand-list.resource-list";
    private static final String SOURCE = "/threelists/resource-list";

    private PartyGroupMessages() {
    }

    /** Creates a group of 嘉福社区 covering {@code compound} (and {@code buildings}); returns its id. */
    public static String created(String compound, List<String> buildings) {
        return created("dianqian", "jiafu", compound, buildings);
    }

    /** Creates a group of {@code community} covering {@code compound} (and {@code buildings}); returns its id. */
    public static String created(String street, String community, String compound, List<String> buildings) {
        String groupId = UUID.randomUUID().toString();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("groupId", groupId);
        data.put("streetCode", street);
        data.put("communityCode", community);
        data.put("name", "党小组 " + groupId.substring(0, 8));
        if (compound != null) {
            data.put("compound", compound);
        }
        data.put("buildings", buildings);
        data.put("actor", "community:wang-fang");
        sendAndAwait(groupId, "created", data);
        return groupId;
    }

    /** Adds a dual-registered volunteer of {@code unitId}; returns the member id. */
    public static String memberAdded(String groupId, String unitId) {
        return memberAdded(groupId, "jiafu", UUID.randomUUID().toString(), unitId);
    }

    /** Adds {@code memberId}: a dual-registered volunteer of {@code unitId}, or a resident member when it is null. */
    public static String memberAdded(String groupId, String community, String memberId, String unitId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("groupId", groupId);
        data.put("communityCode", community);
        data.put("memberId", memberId);
        data.put("kind", unitId == null ? "RESIDENT" : "VOLUNTEER");
        if (unitId != null) {
            data.put("homeUnitId", unitId);
        }
        data.put("maskedName", "王*明");
        data.put("skills", List.of("政策咨询"));
        data.put("actor", "community:wang-fang");
        sendAndAwait(groupId, "member-added", data);
        return memberId;
    }

    public static void leaderNamed(String groupId, String memberId) {
        leaderNamed(groupId, "jiafu", memberId);
    }

    public static void leaderNamed(String groupId, String community, String memberId) {
        sendAndAwait(groupId, "leader-named", Map.of("groupId", groupId, "communityCode", community, "memberId",
                memberId, "actor", "community:wang-fang"));
    }

    private static void sendAndAwait(String groupId, String type, Map<String, Object> data) {
        var message = ContractMessages.send(Topics.RESOURCE_EVENTS, groupId, ContractMessages.message(SOURCE,
                "threelists.party-group." + type + ".v1", groupId, data));
        awaitHandled(message.id());
    }

    private static void awaitHandled(String messageId) {
        InboxRows.awaitOutcome(GROUP, messageId);
    }
}
