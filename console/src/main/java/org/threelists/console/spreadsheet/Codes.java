package org.threelists.console.spreadsheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.threelists.contracts.Category;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.contracts.Urgency;

/**
 * The codes the services read for the labels people write in a sheet, from the shared reference data
 * (contracts/reference). A value that is neither a label nor a code goes to the service as written, so the
 * service refuses it with its own problem, as it would refuse the REST request.
 */
final class Codes {

    static final Codes STANDARD = new Codes();

    private final Map<String, String> categories = new HashMap<>();
    private final Map<String, String> urgencies = new HashMap<>();
    private final Map<String, String> communities = new HashMap<>();
    private final Map<String, String> unitKinds = reference("unit-kinds.json");
    private final Map<String, String> resourceTypes = reference("resource-types.json");
    private final Map<String, String> periods = Map.of("每月", "MONTHLY", "按月", "MONTHLY", "总量", "TOTAL", "合计", "TOTAL");

    private Codes() {
        Arrays.stream(Category.values()).forEach(c -> categories.put(c.zh(), c.name()));
        Arrays.stream(Urgency.values()).forEach(u -> urgencies.put(u.zh(), u.name()));
        CommunityDirectory.standard().all().forEach(c -> communities.put(c.name(), c.code()));
    }

    String category(String written) {
        return code(categories, written);
    }

    List<String> categories(List<String> written) {
        return written.stream().map(this::category).toList();
    }

    String urgency(String written) {
        return code(urgencies, written);
    }

    String community(String written) {
        return code(communities, written);
    }

    List<String> communities(List<String> written) {
        return written.stream().map(this::community).toList();
    }

    String unitKind(String written) {
        return code(unitKinds, written);
    }

    String resourceType(String written) {
        return code(resourceTypes, written);
    }

    String period(String written) {
        return code(periods, written);
    }

    /** The labels a sheet offers in a drop-down, by column. */
    Map<String, List<String>> choices() {
        return Map.of(
                "单位类型", sorted(unitKinds.keySet()),
                "资源类型", sorted(resourceTypes.keySet()),
                "计量周期", List.of("每月", "总量"),
                "紧急程度", Arrays.stream(Urgency.values()).map(Urgency::zh).toList(),
                "类别", Arrays.stream(Category.values()).map(Category::zh).toList());
    }

    private static List<String> sorted(java.util.Set<String> labels) {
        return labels.stream().sorted().toList();
    }

    private static String code(Map<String, String> byLabel, String written) {
        return written == null ? null : byLabel.getOrDefault(written, written);
    }

    private static Map<String, String> reference(String file) {
        String resource = "contracts/reference/" + file;
        try (InputStream in = Codes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            Map<String, String> byLabel = new HashMap<>();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                byLabel.put(entry.path("zh").asText(), entry.path("code").asText());
            }
            return Map.copyOf(byLabel);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
