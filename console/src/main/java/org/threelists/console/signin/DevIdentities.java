package org.threelists.console.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.threelists.console.config.ConsoleConfig;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.contracts.CommunityDirectory.Community;
import org.threelists.devkit.DevTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The demo identities of a street: its desk, its auditor, a worker of each of its communities (from the shared
 * reference data), each member unit resource-list has registered there now (so units the desk registers today can
 * sign in too), each member of its communities' building Party groups (党员志愿者, the leader first in each group) and
 * the operator on duty (运维值班), who belongs to no street.
 */
@ApplicationScoped
public class DevIdentities {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(DevIdentities.class);
    /** The auditor and the operator: listed after the units and Party members. */
    private static final int STAFF_AFTER_MEMBERS = 2;

    private final URI resourceList;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    DevIdentities(ConsoleConfig config, ObjectMapper json) {
        this.resourceList = config.upstream().resourceList();
        this.json = json;
    }

    public List<DevIdentity> of(String street) {
        List<Community> communities = communitiesOf(street);
        if (communities.isEmpty()) {
            return List.of();
        }
        String streetName = communities.get(0).streetName();
        // both asked at once: the sign-in page waits for this answer (console/README.md, "The first page")
        CompletableFuture<JsonNode> units = itemsOf("/units?size=100", street, "units");
        CompletableFuture<JsonNode> groups = itemsOf("/party-groups", street, "Party groups");
        List<DevIdentity> office = officeOf(street, streetName, communities);
        List<DevIdentity> identities = new ArrayList<>(office.subList(0, office.size() - STAFF_AFTER_MEMBERS));
        identities.addAll(unitsOf(street, streetName, units.join()));
        identities.addAll(partyMembersOf(street, streetName, groups.join()));
        identities.addAll(office.subList(office.size() - STAFF_AFTER_MEMBERS, office.size()));
        return identities;
    }

    /**
     * The identities of a street that need no other service: its desk, a worker of each community, its auditor and its
     * operator (these two listed after the units and Party members), from the shared reference data alone. The
     * sign-in page shows them at once, and the units and Party members once resource-list has answered
     * (console/README.md, "The first page").
     */
    public List<DevIdentity> officeOf(String street) {
        List<Community> communities = communitiesOf(street);
        return communities.isEmpty() ? List.of() : officeOf(street, communities.get(0).streetName(), communities);
    }

    private static List<DevIdentity> officeOf(String street, String streetName, List<Community> communities) {
        List<DevIdentity> office = new ArrayList<>();
        office.add(DevIdentity.desk(street, streetName));
        for (Community community : communities) {
            office.add(DevIdentity.communityWorker(street, streetName, community.code(), community.name()));
        }
        office.add(DevIdentity.auditor(street, streetName));
        office.add(DevIdentity.operator(street, streetName));
        return office;
    }

    /** The identity with this id, if it is one of its street's now. */
    public Optional<DevIdentity> find(String id) {
        String[] parts = id == null ? new String[0] : id.split(":", -1);
        if (parts.length < 2) {
            return Optional.empty();
        }
        return of(parts[1]).stream().filter(identity -> identity.id().equals(id)).findFirst();
    }

    private static List<Community> communitiesOf(String street) {
        return CommunityDirectory.standard().all().stream()
                .filter(community -> community.streetCode().equals(street))
                .sorted(Comparator.comparing(Community::code))
                .toList();
    }

    private static List<DevIdentity> unitsOf(String street, String streetName, JsonNode items) {
        List<DevIdentity> units = new ArrayList<>();
        for (JsonNode unit : items) {
            units.add(DevIdentity.unit(street, streetName, unit.path("unitId").asText(), unit.path("name").asText()));
        }
        return units;
    }

    /** The members of the street's Party groups as the desk reads them: masked names only, never a phone. */
    private static List<DevIdentity> partyMembersOf(String street, String streetName, JsonNode groups) {
        List<DevIdentity> members = new ArrayList<>();
        for (JsonNode group : groups) {
            String leaderId = group.path("leaderId").asText(null);
            List<JsonNode> roster = new ArrayList<>();
            group.path("members").forEach(roster::add);
            roster.sort(Comparator.comparing((JsonNode m) -> !m.path("memberId").asText().equals(leaderId)));
            for (JsonNode member : roster) {
                String memberId = member.path("memberId").asText();
                members.add(DevIdentity.member(street, streetName, group.path("communityCode").asText(), memberId,
                        member.path("maskedName").asText(), group.path("name").asText(), memberId.equals(leaderId)));
            }
        }
        return members;
    }

    /**
     * The {@code items} of a resource-list listing, read as the street's desk; none when it does not answer: without
     * resource-list the desk, the communities and the auditor can still sign in, the rest come back with it.
     */
    private CompletableFuture<JsonNode> itemsOf(String path, String street, String what) {
        HttpRequest request = HttpRequest.newBuilder(resourceList.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + DevTokens.desk("console-dev-sign-in", street))
                .header("Accept", "application/json")
                .GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((answer, failure) -> {
            if (failure != null) {
                LOG.warnf("resource-list is not reachable at %s (%s); no identities of %s", resourceList,
                        failure.getMessage(), what);
                return MissingNode.getInstance();
            }
            if (answer.statusCode() != 200) {
                LOG.warnf("resource-list answered %d for the %s of %s; no such identities", answer.statusCode(), what,
                        street);
                return MissingNode.getInstance();
            }
            try {
                return json.readTree(answer.body()).path("items");
            } catch (IOException e) {
                LOG.warnf("resource-list's %s of %s are not JSON (%s); no such identities", what, street,
                        e.getMessage());
                return MissingNode.getInstance();
            }
        });
    }
}
