package org.threelists.localstack;

import org.threelists.devkit.DevTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Submits the demo demands of {@code demo/demands.json} through demand-list's REST API, each with a token of a
 * community worker of its own community. Loads nothing if any demo street already has a demand, so restarting the
 * stack does not duplicate them.
 */
final class DemandDemoData {

    static final String RESOURCE = "/demo/demands.json";

    private final DemoClient client;
    private final PrintStream out;

    DemandDemoData(String demandListUrl, PrintStream out) {
        this.client = new DemoClient(LocalStack.DEMAND_LIST, demandListUrl);
        this.out = out;
    }

    /** Submits the demo demands if no demo street has a demand yet; returns how many were accepted. */
    int loadIfEmpty() {
        List<DemoDemand> demands = demands(DemoClock.today());
        Set<String> streets = new LinkedHashSet<>();
        demands.forEach(demand -> streets.add(demand.street()));
        try {
            for (String street : streets) {
                long total = client.total("/demands?size=1", DevTokens.desk("demo-desk-" + street, street));
                if (total > 0) {
                    out.println("  demo data for " + client.service() + " already there (street " + street + " has "
                            + total + " demands)");
                    return 0;
                }
            }
        } catch (DemoClient.Refused e) {
            out.println("  demo data for " + client.service() + " not loaded: " + e.getMessage());
            return 0;
        }
        int accepted = 0;
        for (DemoDemand demand : demands) {
            String community = demand.body().path("communityCode").asText();
            DemoClient.Answer answer = client.post("/demands",
                    DevTokens.community(demand.worker(), demand.street(), community), demand.body());
            if (answer.created()) {
                accepted++;
            } else {
                out.println("  demo demand for " + community + " (" + demand.body().path("category").asText()
                        + ") refused: " + answer.describe());
            }
        }
        out.println("  demo data for " + client.service() + ": " + DemoClient.count(accepted, demands.size(), "demands"));
        return accepted;
    }

    /** The demo demands with their dates made absolute, counted from {@code today}. */
    static List<DemoDemand> demands(LocalDate today) {
        List<DemoDemand> demands = new ArrayList<>();
        for (JsonNode entry : DemoClient.resource(RESOURCE).path("demands")) {
            ObjectNode body = entry.path("demand").deepCopy();
            if (entry.has("windowStartInDays")) {
                ObjectNode window = body.putObject("window");
                window.put("start", DemoClient.inDays(today, entry.path("windowStartInDays")));
                window.put("end", DemoClient.inDays(today, entry.path("windowEndInDays")));
            }
            if (entry.has("deadlineInDays")) {
                body.put("deadline", DemoClient.inDays(today, entry.path("deadlineInDays")));
            }
            demands.add(new DemoDemand(entry.path("street").asText(), entry.path("worker").asText(), body));
        }
        return demands;
    }

    /** One demo demand: the street and worker it is submitted as, and the REST body. */
    record DemoDemand(String street, String worker, ObjectNode body) {
    }
}
