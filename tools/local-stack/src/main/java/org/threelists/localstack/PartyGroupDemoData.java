package org.threelists.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.threelists.devkit.DevTokens;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads the building Party groups of {@code demo/party-groups.json} through resource-list's REST API, as the
 * community worker would: creates the group, adds the volunteers registered at the community (双报到) and the
 * resident Party members, names the first volunteer leader. Loads nothing for a community that has a group already.
 */
final class PartyGroupDemoData {

    static final String RESOURCE = "/demo/party-groups.json";

    private final DemoClient client;
    private final PrintStream out;

    PartyGroupDemoData(String resourceListUrl, PrintStream out) {
        this.client = new DemoClient(LocalStack.RESOURCE_LIST, resourceListUrl);
        this.out = out;
    }

    void loadIfEmpty() {
        for (JsonNode entry : DemoClient.resource(RESOURCE).path("groups")) {
            String community = entry.path("community").asText();
            String worker = DevTokens.community(entry.path("worker").asText(), entry.path("street").asText(), community);
            DemoClient.Answer existing = client.get("/party-groups", worker);
            if (existing.status() != 200) {
                out.println("  demo Party groups of " + community + " not loaded: HTTP " + existing.status());
                continue;
            }
            if (!existing.json().path("items").isEmpty()) {
                out.println("  demo Party groups of " + community + " already there");
                continue;
            }
            load(entry, community, worker);
        }
    }

    /**
     * Member tokens (role member, subject = member id) for the first demo group that has a leader: its leader
     * ({@code LEADER_TOKEN}, who dispatches slips) and another member ({@code MEMBER_TOKEN}, who takes them). Empty
     * when resource-list does not answer or has no such group.
     */
    static Map<String, String> memberTokens(String resourceListUrl) {
        Map<String, String> tokens = new LinkedHashMap<>();
        DemoClient client = new DemoClient(LocalStack.RESOURCE_LIST, resourceListUrl);
        for (JsonNode entry : DemoClient.resource(RESOURCE).path("groups")) {
            String street = entry.path("street").asText();
            String community = entry.path("community").asText();
            String worker = DevTokens.community(entry.path("worker").asText(), street, community);
            DemoClient.Answer groups = client.get("/party-groups", worker);
            if (groups.status() != 200) {
                continue;
            }
            for (JsonNode group : groups.json().path("items")) {
                String leader = group.path("leaderId").asText(null);
                if (leader == null || !tokens.isEmpty()) {
                    continue;
                }
                tokens.put("LEADER_TOKEN", DevTokens.member(leader, street, community));
                for (JsonNode member : group.path("members")) {
                    if (!member.path("memberId").asText().equals(leader)) {
                        tokens.put("MEMBER_TOKEN", DevTokens.member(member.path("memberId").asText(), street, community));
                        break;
                    }
                }
            }
        }
        return tokens;
    }

    private void load(JsonNode entry, String community, String worker) {
        DemoClient.Answer created = client.post("/party-groups", worker, entry.path("group"));
        if (!created.created()) {
            out.println("  demo Party group of " + community + " refused: " + created.describe());
            return;
        }
        String groupId = created.json().path("groupId").asText();
        int wanted = entry.path("volunteerMembers").asInt();
        JsonNode volunteers = client.get("/volunteers?status=ACTIVE&size=" + wanted, worker).json().path("items");
        String leader = null;
        int members = 0;
        for (JsonNode volunteer : volunteers) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("volunteerId", volunteer.path("volunteerId").asText());
            if (client.post("/party-groups/" + groupId + "/members", worker, body).status() == 200) {
                members++;
                leader = leader == null ? volunteer.path("volunteerId").asText() : leader;
            }
        }
        for (JsonNode resident : entry.path("residents")) {
            if (client.post("/party-groups/" + groupId + "/members", worker, resident).status() == 200) {
                members++;
            }
        }
        if (leader != null) {
            client.post("/party-groups/" + groupId + "/leader", worker,
                    JsonNodeFactory.instance.objectNode().put("memberId", leader));
        }
        out.println("  demo Party group of " + community + ": " + entry.path("group").path("name").asText() + ", "
                + members + " members" + (leader == null ? ", no leader" : ", a volunteer leads it"));
    }
}
