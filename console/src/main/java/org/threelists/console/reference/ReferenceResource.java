package org.threelists.console.reference;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.threelists.contracts.Category;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.contracts.CommunityDirectory.Community;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shared reference data (contracts/reference) for the front end: the categories with their Chinese labels and
 * the streets with their communities and compounds, the same lists every service validates against.
 */
@Path("/console/reference")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {

    public record Label(String code, String zh) {
    }

    public record CommunityEntry(String code, String name, List<String> compounds) {
    }

    public record Street(String code, String name, List<CommunityEntry> communities) {
    }

    public record Reference(List<Label> categories, List<Street> streets) {
    }

    /** Read from the contracts once: the lists change only with a new build. */
    private static final Reference REFERENCE = load();

    @GET
    public Reference reference() {
        return REFERENCE;
    }

    private static Reference load() {
        List<Label> categories = Arrays.stream(Category.values()).map(c -> new Label(c.name(), c.zh())).toList();
        Map<String, List<Community>> byStreet = new TreeMap<>();
        for (Community community : CommunityDirectory.standard().all()) {
            byStreet.computeIfAbsent(community.streetCode(), street -> new java.util.ArrayList<>()).add(community);
        }
        List<Street> streets = byStreet.values().stream().map(communities -> new Street(
                communities.get(0).streetCode(), communities.get(0).streetName(),
                communities.stream().sorted(Comparator.comparing(Community::code))
                        .map(c -> new CommunityEntry(c.code(), c.name(), c.compounds())).toList())).toList();
        return new Reference(categories, streets);
    }
}
