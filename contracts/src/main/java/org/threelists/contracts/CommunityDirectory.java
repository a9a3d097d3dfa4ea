package org.threelists.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The administrative reference data (contracts/reference/communities.json): which communities exist and which
 * street office each belongs to. Every service resolves a community code to its street through this, so that a
 * desk's scope ("everything inside its street") means the same everywhere.
 */
public final class CommunityDirectory {

    public record Community(String code, String name, String streetCode, String streetName, List<String> compounds) {
    }

    private static final CommunityDirectory DEFAULT = load("contracts/reference/communities.json");

    private final Map<String, Community> byCode;

    private CommunityDirectory(Map<String, Community> byCode) {
        this.byCode = byCode;
    }

    public static CommunityDirectory standard() {
        return DEFAULT;
    }

    public Optional<Community> find(String communityCode) {
        return Optional.ofNullable(communityCode).map(byCode::get);
    }

    public List<Community> all() {
        return List.copyOf(byCode.values());
    }

    private static CommunityDirectory load(String resource) {
        try (InputStream in = CommunityDirectory.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            Map<String, Community> byCode = new LinkedHashMap<>();
            for (JsonNode street : new ObjectMapper().readTree(in)) {
                for (JsonNode community : street.path("communities")) {
                    List<String> compounds = new java.util.ArrayList<>();
                    community.path("compounds").forEach(c -> compounds.add(c.asText()));
                    Community entry = new Community(community.path("code").asText(), community.path("name").asText(),
                            street.path("code").asText(), street.path("name").asText(), List.copyOf(compounds));
                    byCode.put(entry.code(), entry);
                }
            }
            return new CommunityDirectory(Map.copyOf(byCode));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
