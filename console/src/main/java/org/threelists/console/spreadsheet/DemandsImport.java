package org.threelists.console.spreadsheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A community's import of demands (sheet 需求): each row is submitted to demand-list as its REST request with the
 * community worker's token. A demand is the same demand by its community, category and description; rows an earlier
 * import took are reported as such and not submitted again.
 */
@ApplicationScoped
public class DemandsImport {

    private static final String SERVICE = "demand-list";
    private static final int KEY_LENGTH = 30;
    private final ServiceCalls calls;
    private final RowRequests requests = new RowRequests(Codes.STANDARD);

    DemandsImport(ServiceCalls calls) {
        this.calls = calls;
    }

    public ImportReport run(byte[] workbook, String authorization) {
        Listings listings = new Listings(calls, authorization);
        List<RowResult> results = new ArrayList<>();
        try (WorkbookRows rows = WorkbookRows.read(workbook)) {
            for (SheetRow row : rows.rows(Layout.DEMANDS.sheet())) {
                results.add(demand(row, authorization, listings));
            }
        } catch (java.io.IOException e) {
            throw new UnreadableWorkbookException(e);
        }
        return ImportReport.of(results);
    }

    private RowResult demand(SheetRow row, String authorization, Listings listings) {
        ObjectNode request = requests.demand(row);
        String description = request.path("description").asText("");
        String key = (row.text("社区") == null ? "第" + row.number() + "行" : row.text("社区")) + " · "
                + (description.length() > KEY_LENGTH ? description.substring(0, KEY_LENGTH) + "…" : description);
        if (request.hasNonNull("communityCode") && request.hasNonNull("category") && !description.isBlank()) {
            Optional<JsonNode> earlier = listings.find(SERVICE, "/demands", Map.of(
                    "community", request.path("communityCode").asText(), "category", request.path("category").asText()),
                    demand -> demand.path("description").asText().trim().equals(description.trim()));
            if (earlier.isPresent()) {
                return RowResult.alreadyTaken(row, key, earlier.get().path("demandId").asText());
            }
        }
        ServiceCalls.Answer answer = calls.post(SERVICE, "/demands", authorization, request);
        return answer.ok() ? RowResult.taken(row, key, answer.json().path("demandId").asText(null))
                : RowResult.refused(row, key, answer.json());
    }
}
