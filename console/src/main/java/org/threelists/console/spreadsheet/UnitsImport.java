package org.threelists.console.spreadsheet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The desk's import of member units and their offers (sheets 共建单位 and 资源): each row is sent to resource-list as
 * its REST request with the desk's token. A unit is the same unit by its 单位编号 (its id); an offer is the same offer
 * by its unit, type and title; rows an earlier import took are reported as such and not sent again.
 */
@ApplicationScoped
public class UnitsImport {

    private static final String SERVICE = "resource-list";
    private final ServiceCalls calls;
    private final RowRequests requests = new RowRequests(Codes.STANDARD);

    UnitsImport(ServiceCalls calls) {
        this.calls = calls;
    }

    public ImportReport run(byte[] workbook, String authorization) {
        Listings listings = new Listings(calls, authorization);
        List<RowResult> results = new ArrayList<>();
        try (WorkbookRows rows = WorkbookRows.read(workbook)) {
            for (SheetRow row : rows.rows(Layout.UNITS.sheet())) {
                results.add(unit(row, authorization));
            }
            for (SheetRow row : rows.rows(Layout.OFFERS.sheet())) {
                results.add(offer(row, authorization, listings));
            }
        } catch (java.io.IOException e) {
            throw new UnreadableWorkbookException(e);
        }
        return ImportReport.of(results);
    }

    private RowResult unit(SheetRow row, String authorization) {
        ObjectNode request = requests.unit(row);
        String unitId = row.text("单位编号");
        String key = unitId == null ? "第" + row.number() + "行" : unitId;
        if (unitId != null && calls.get(SERVICE, "/units/" + Listings.encode(unitId), authorization).ok()) {
            return RowResult.alreadyTaken(row, key, unitId);
        }
        ServiceCalls.Answer answer = calls.post(SERVICE, "/units", authorization, request);
        return answer.ok() ? RowResult.taken(row, key, unitId) : RowResult.refused(row, key, answer.json());
    }

    private RowResult offer(SheetRow row, String authorization, Listings listings) {
        ObjectNode request = requests.offer(row);
        String unitId = request.path("unitId").asText(null);
        String key = Objects.requireNonNullElse(unitId, "第" + row.number() + "行") + " · "
                + Objects.requireNonNullElse(request.path("title").asText(null), "");
        if (unitId != null && request.hasNonNull("title")) {
            Optional<JsonNode> earlier = listings.find(SERVICE, "/resources", Map.of("unit", unitId),
                    offer -> offer.path("title").asText().equals(request.path("title").asText())
                            && offer.path("type").asText().equals(request.path("type").asText()));
            if (earlier.isPresent()) {
                return RowResult.alreadyTaken(row, key, earlier.get().path("resourceId").asText());
            }
        }
        ServiceCalls.Answer answer = calls.post(SERVICE, "/resources", authorization, request);
        return answer.ok() ? RowResult.taken(row, key, answer.json().path("resourceId").asText(null))
                : RowResult.refused(row, key, answer.json());
    }
}
