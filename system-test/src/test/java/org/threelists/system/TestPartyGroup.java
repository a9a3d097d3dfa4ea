package org.threelists.system;

import org.threelists.devkit.DevTokens;
import org.threelists.localstack.LocalStack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.system.Api.eventually;

/**
 * A building Party group of 嘉福社区 that a test registers for itself in resource-list, with two resident members (the
 * first one leads), once demand-list has heard of it and its leader. It covers one building of 嘉福盐业小区 that no
 * other test uses, so that no other test's small need is routed to it (services/demand-list/README.md, "The second
 * lane").
 */
public record TestPartyGroup(String groupId, String name, String building, String leaderId, String memberId) {

    /** Registers the group, its leader and its member, and waits until demand-list routes to it. */
    public static TestPartyGroup register(String name, String building, String category,
            Map<String, String> leader, Map<String, String> member) {
        String groupId = Api.post(LocalStack.RESOURCE_LIST, DemoWorld.COMMUNITY_WORKER, "/party-groups", Map.of(
                "name", name, "compound", "嘉福盐业小区", "buildings", List.of(building)), 201).extract().path("groupId");
        String leaderId = addResident(groupId, leader);
        String memberId = addResident(groupId, member);
        Api.post(LocalStack.RESOURCE_LIST, DemoWorld.COMMUNITY_WORKER, "/party-groups/" + groupId + "/leader",
                Map.of("memberId", leaderId), 200);
        TestPartyGroup group = new TestPartyGroup(groupId, name, building, leaderId, memberId);

        // demand-list learns of groups through resource-list.events.v1: a probe demand shows when it has
        String probe = DemoWorld.listedDemand(category, "NORMAL", 1, "探针需求 " + groupId.substring(0, 6));
        eventually("demand-list routing to the new group", () -> Api.as(LocalStack.DEMAND_LIST, DemoWorld.COMMUNITY_WORKER)
                .body(Map.of("lane", "PARTY_GROUP", "groupId", groupId)).post("/demands/" + probe + "/route")
                .statusCode(), status -> status == 200);
        eventually("the leader named in demand-list", () -> Api.get(LocalStack.DEMAND_LIST, group.leaderToken(),
                "/demands?size=100").extract().<List<String>>path("items.demandId"), ids -> ids.contains(probe));
        Api.post(LocalStack.DEMAND_LIST, DemoWorld.COMMUNITY_WORKER, "/demands/" + probe + "/withdraw",
                Map.of("reason", "测试探针"), 200);
        return group;
    }

    public String leaderToken() {
        return DevTokens.member(leaderId, DemoWorld.STREET, DemoWorld.COMMUNITY);
    }

    public String memberToken() {
        return DevTokens.member(memberId, DemoWorld.STREET, DemoWorld.COMMUNITY);
    }

    /** {@code resident} is {name, phone, skill}: a resident Party member, with consent; returns their member id. */
    private static String addResident(String groupId, Map<String, String> resident) {
        List<String> before = memberIds(groupId);
        Api.post(LocalStack.RESOURCE_LIST, DemoWorld.COMMUNITY_WORKER, "/party-groups/" + groupId + "/members", Map.of(
                "person", Map.of("name", resident.get("name"), "phone", resident.get("phone")),
                "skills", List.of(resident.get("skill")), "consent", true), 200);
        List<String> after = new ArrayList<>(memberIds(groupId));
        after.removeAll(before);
        assertThat(after).hasSize(1);
        return after.get(0);
    }

    private static List<String> memberIds(String groupId) {
        return Api.get(LocalStack.RESOURCE_LIST, DemoWorld.COMMUNITY_WORKER, "/party-groups/" + groupId).extract()
                .path("members.memberId");
    }
}
