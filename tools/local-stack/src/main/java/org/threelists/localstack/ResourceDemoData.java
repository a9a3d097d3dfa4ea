package org.threelists.localstack;

import org.threelists.devkit.DevTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads the demo units of {@code demo/resource-list.json} through resource-list's REST API, as the people involved
 * would: the desk of each unit's street registers the unit ({@code POST /units}); then someone acting for the unit,
 * with a unit token, offers its resources ({@code POST /resources}) and registers its dual-registered volunteers
 * ({@code POST /volunteers}). Loads nothing if any demo street already has a unit, so restarting the stack does not
 * duplicate them.
 */
final class ResourceDemoData {

    static final String RESOURCE = "/demo/resource-list.json";

    private final DemoClient client;
    private final PrintStream out;

    ResourceDemoData(String resourceListUrl, PrintStream out) {
        this.client = new DemoClient(LocalStack.RESOURCE_LIST, resourceListUrl);
        this.out = out;
    }

    /** Loads the demo units, their offers and volunteers if no demo street has a unit yet; returns what was accepted. */
    Loaded loadIfEmpty() {
        List<DemoUnit> units = units(DemoClock.today());
        Set<String> streets = new LinkedHashSet<>();
        units.forEach(unit -> streets.add(unit.street()));
        try {
            for (String street : streets) {
                long total = client.total("/units?size=1", deskToken(street));
                if (total > 0) {
                    out.println("  demo data for " + client.service() + " already there (street " + street + " has "
                            + total + " units)");
                    return new Loaded(0, 0, 0);
                }
            }
        } catch (DemoClient.Refused e) {
            out.println("  demo data for " + client.service() + " not loaded: " + e.getMessage());
            return new Loaded(0, 0, 0);
        }

        int unitsAccepted = 0;
        int resourcesAccepted = 0;
        int resourcesOffered = 0;
        int volunteersAccepted = 0;
        int volunteersOffered = 0;
        for (DemoUnit unit : units) {
            resourcesOffered += unit.resources().size();
            volunteersOffered += unit.volunteers().size();
            DemoClient.Answer registered = client.post("/units", deskToken(unit.street()), unit.body());
            if (!registered.created()) {
                out.println("  demo unit " + unit.unitId() + " refused (its offers and volunteers left out): "
                        + registered.describe());
                continue;
            }
            unitsAccepted++;
            String unitToken = DevTokens.unit(unit.member(), unit.unitId(), unit.street());
            for (ObjectNode resource : unit.resources()) {
                DemoClient.Answer offered = client.post("/resources", unitToken, resource);
                if (offered.created()) {
                    resourcesAccepted++;
                } else {
                    out.println("  demo resource \"" + resource.path("title").asText() + "\" of " + unit.unitId()
                            + " refused: " + offered.describe());
                }
            }
            for (ObjectNode volunteer : unit.volunteers()) {
                DemoClient.Answer answer = client.post("/volunteers", unitToken, volunteer);
                if (answer.created()) {
                    volunteersAccepted++;
                } else {
                    // the answer may echo the request, so leave the person out of the message
                    out.println("  demo volunteer of " + unit.unitId() + " (home " + volunteer.path("homeCommunity").asText()
                            + ") refused: HTTP " + answer.status() + " " + answer.json().path("detail").asText(""));
                }
            }
        }
        out.println("  demo data for " + client.service() + ": "
                + DemoClient.count(unitsAccepted, units.size(), "units") + ", "
                + DemoClient.count(resourcesAccepted, resourcesOffered, "resources") + ", "
                + DemoClient.count(volunteersAccepted, volunteersOffered, "volunteers"));
        return new Loaded(unitsAccepted, resourcesAccepted, volunteersAccepted);
    }

    /** The demo units with the REST bodies of their offers and volunteers, dates made absolute from {@code today}. */
    static List<DemoUnit> units(LocalDate today) {
        List<DemoUnit> units = new ArrayList<>();
        for (JsonNode entry : DemoClient.resource(RESOURCE).path("units")) {
            ObjectNode body = entry.path("unit").deepCopy();
            String unitId = body.path("unitId").asText();
            String street = entry.path("street").asText();
            String member = entry.path("member").asText("demo-member-" + unitId.replaceFirst("^unit-", ""));
            List<ObjectNode> resources = new ArrayList<>();
            for (JsonNode offer : entry.path("resources")) {
                resources.add(resource(unitId, offer, today));
            }
            List<ObjectNode> volunteers = new ArrayList<>();
            for (JsonNode volunteer : entry.path("volunteers")) {
                ObjectNode registration = volunteer.deepCopy();
                registration.put("unitId", unitId);
                volunteers.add(registration);
            }
            units.add(new DemoUnit(street, member, body, resources, volunteers));
        }
        return units;
    }

    /**
     * One offer's REST body: the unit's id, {@code validFrom}/{@code validUntil} from {@code validFromInDays} and
     * {@code validUntilInDays}, and {@code availability.dateRanges} from {@code dateRangesInDays}.
     */
    private static ObjectNode resource(String unitId, JsonNode offer, LocalDate today) {
        ObjectNode body = offer.path("resource").deepCopy();
        body.put("unitId", unitId);
        body.put("validFrom", DemoClient.inDays(today, offer.path("validFromInDays")));
        if (offer.has("validUntilInDays")) {
            body.put("validUntil", DemoClient.inDays(today, offer.path("validUntilInDays")));
        }
        if (offer.has("dateRangesInDays")) {
            ObjectNode availability = body.has("availability") ? (ObjectNode) body.get("availability")
                    : body.putObject("availability");
            ArrayNode ranges = availability.putArray("dateRanges");
            for (JsonNode range : offer.path("dateRangesInDays")) {
                ranges.addObject()
                        .put("start", DemoClient.inDays(today, range.path("startInDays")))
                        .put("end", DemoClient.inDays(today, range.path("endInDays")));
            }
        }
        return body;
    }

    private static String deskToken(String street) {
        return DevTokens.desk("demo-desk-" + street, street);
    }

    /**
     * One demo unit.
     *
     * @param street     the street whose desk registers it, and where its token acts
     * @param member     the subject of the unit token its offers and volunteers are submitted with
     * @param body       the body of {@code POST /units}
     * @param resources  bodies of {@code POST /resources}
     * @param volunteers bodies of {@code POST /volunteers}
     */
    record DemoUnit(String street, String member, ObjectNode body, List<ObjectNode> resources, List<ObjectNode> volunteers) {

        String unitId() {
            return body.path("unitId").asText();
        }
    }

    /** How many units, resources and volunteers the service accepted. */
    record Loaded(int units, int resources, int volunteers) {
    }
}
