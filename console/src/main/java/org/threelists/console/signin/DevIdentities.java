package org.threelists.console.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * The demo identities of a street: its desk, its auditor, a worker of each of its communities (from the shared
 * reference data) and each member unit resource-list has registered there now (so units the desk registers
 * today can sign in too).
 */
@ApplicationScoped
public class DevIdentities {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(DevIdentities.class);

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
        List<DevIdentity> identities = new ArrayList<>();
        identities.add(DevIdentity.desk(street, streetName));
        for (Community community : communities) {
            identities.add(DevIdentity.communityWorker(street, streetName, community.code(), community.name()));
        }
        identities.addAll(unitsOf(street, streetName));
        identities.add(DevIdentity.auditor(street, streetName));
        return identities;
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

    private List<DevIdentity> unitsOf(String street, String streetName) {
        HttpRequest request = HttpRequest.newBuilder(resourceList.resolve("/units?size=100"))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + DevTokens.desk("console-dev-sign-in", street))
                .header("Accept", "application/json")
                .GET().build();
        // without resource-list the desk, the communities and the auditor can still sign in; the units come back with it
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                LOG.warnf("resource-list answered %d for the units of %s; no unit identities", answer.statusCode(), street);
                return List.of();
            }
            List<DevIdentity> units = new ArrayList<>();
            for (JsonNode unit : json.readTree(answer.body()).path("items")) {
                units.add(DevIdentity.unit(street, streetName, unit.path("unitId").asText(), unit.path("name").asText()));
            }
            return units;
        } catch (IOException e) {
            LOG.warnf("resource-list is not reachable at %s (%s); no unit identities", resourceList, e.getMessage());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking resource-list", e);
        }
    }
}
