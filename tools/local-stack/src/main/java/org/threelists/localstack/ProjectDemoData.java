package org.threelists.localstack;

import org.threelists.devkit.Processes;

import org.threelists.devkit.DevTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One full cycle of the project list in 殿前街道 (dianqian), through the three services' REST APIs as the people
 * involved would do it: the 嘉福社区 worker verifies the community's demo demands, the desk plans the street and the
 * joint meeting publishes the first proposal, the proposed unit claims it (resource-list reserves the hours through
 * Kafka), schedules, delivers and reports with one of its volunteers, the community confirms and records the
 * resident's rating; then, if the ledger runs, the street's ledger report by unit. Runs once: not when the street
 * already has a project.
 */
final class ProjectDemoData {

    private static final String STREET = "dianqian";
    private static final String COMMUNITY = "jiafu";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DemoClient demands;
    private final DemoClient resources;
    private final DemoClient matchmaker;
    /** Null when the ledger does not run. */
    private final DemoClient ledger;
    private final PrintStream out;
    private final String desk = DevTokens.desk("demo-desk-" + STREET, STREET);
    private final String worker = DevTokens.community("demo-worker-" + COMMUNITY, STREET, COMMUNITY);

    ProjectDemoData(String demandListUrl, String resourceListUrl, String matchmakerUrl, String ledgerUrl, PrintStream out) {
        this.demands = new DemoClient(LocalStack.DEMAND_LIST, demandListUrl);
        this.resources = new DemoClient(LocalStack.RESOURCE_LIST, resourceListUrl);
        this.matchmaker = new DemoClient(LocalStack.MATCHMAKER, matchmakerUrl);
        this.ledger = ledgerUrl == null ? null : new DemoClient(LocalStack.LEDGER, ledgerUrl);
        this.out = out;
    }

    /** Runs the cycle unless the street has projects; says what happened, never fails the stack. */
    void runOnceIfEmpty() {
        try {
            long projects = matchmaker.total("/projects?size=1", desk);
            if (projects > 0) {
                out.println("  demo project cycle already there (" + STREET + " has " + projects + " projects)");
                return;
            }
            run();
        } catch (DemoClient.Refused | IllegalStateException e) {
            out.println("  demo project cycle stopped: " + e.getMessage());
        }
    }

    private void run() {
        int verified = verifyCommunityDemands();
        JsonNode proposal = await("a proposal for " + COMMUNITY, () -> {
            expect(matchmaker.post("/plans/street", desk, NODES.objectNode()), 200, "plan the street");
            JsonNode items = matchmaker.get("/projects?status=PROPOSED&community=" + COMMUNITY, desk).json().path("items");
            return items.size() > 0 ? items.get(0) : null;
        }, p -> p != null);
        String project = proposal.path("projectId").asText();
        String unitId = proposal.path("proposedUnitId").asText();
        String unit = DevTokens.unit("demo-member-" + unitId, unitId, STREET);

        ObjectNode decision = NODES.objectNode().put("mode", "CLAIM").put("note", "联席会（演示）：同意发布");
        expect(matchmaker.post("/projects/" + project + "/publish", desk, decision), 200, "publish");
        ObjectNode claim = NODES.objectNode().put("resourceId", proposal.path("proposedResourceId").asText());
        expect(matchmaker.post("/projects/" + project + "/claims", unit, claim), 202, "claim");
        await("resource-list to reserve the capacity", () -> status(project), "CLAIMED"::equals);

        LocalDate day = DemoClock.today().plusDays(2);
        String place = "嘉福社区党群服务中心";
        expect(matchmaker.post("/projects/" + project + "/schedule", unit,
                NODES.objectNode().put("date", day.toString()).put("place", place)), 200, "schedule");
        // reported on the day it is done, never ahead of it (the matchmaker refuses a delivery dated in the future)
        ObjectNode report = NODES.objectNode().put("date", DemoClock.today().toString()).put("place", place)
                .put("residentsServed", 12).put("notes", "演示：服务完成，居民满意");
        JsonNode volunteer = resources.get("/volunteers?unit=" + unitId + "&size=1", unit).json().path("items").path(0);
        var volunteers = report.putArray("volunteers");
        if (!volunteer.isMissingNode()) {
            volunteers.addObject().put("volunteerId", volunteer.path("volunteerId").asText())
                    .put("maskedName", volunteer.path("maskedName").asText(null)).put("hours", 2);
        }
        expect(matchmaker.post("/projects/" + project + "/delivery", unit, report), 200, "report the delivery");
        expect(matchmaker.post("/projects/" + project + "/completion", worker, NODES.objectNode()), 200, "confirm");
        for (JsonNode demand : proposal.path("demandIds")) {
            expect(matchmaker.post("/projects/" + project + "/ratings", worker, NODES.objectNode()
                    .put("demandId", demand.asText()).put("score", 5).put("comment", "演示：服务很好")), 200, "rate");
        }
        String demandStatus = await("demand-list to follow the project", () -> demands.get(
                "/demands/" + proposal.path("demandIds").path(0).asText(), desk).json().path("status").asText(),
                "RATED"::equals);
        out.println("  demo project cycle: " + verified + " demands of " + COMMUNITY + " verified; \""
                + proposal.path("title").asText() + "\" proposed (" + proposal.path("explanation").asText() + ")");
        out.println("    → published → claimed by " + unitId + " → scheduled " + day + " → delivered → completed → rated 5★;"
                + " its demand is " + demandStatus + " in demand-list (project " + project + ")");
        if (ledger != null) {
            printLedgerReport();
        }
    }

    /** The street's ledger by unit, once the ledger has recorded the delivery from project-list.events.v1. */
    private void printLedgerReport() {
        JsonNode report = await("the ledger to record the delivery",
                () -> ledger.get("/ledger/reports?groupBy=unit", desk).json(), r -> r.path("rows").size() > 0);
        out.println("  demo ledger report (台账, " + STREET + ", by unit): hours · activities · volunteers · residents served");
        for (JsonNode row : report.path("rows")) {
            out.printf("    %-24s %6s h · %s · %s · %s%n", row.path("label").asText(row.path("key").asText()),
                    row.path("hours").asText(), row.path("activities").asText(), row.path("volunteers").asText(),
                    row.path("residentsServed").asText());
        }
    }

    /** The community worker verifies the submitted demo demands of the community: they are listed for matching. */
    private int verifyCommunityDemands() {
        int verified = 0;
        JsonNode submitted = demands.get("/demands?status=SUBMITTED&community=" + COMMUNITY + "&size=50", worker)
                .json().path("items");
        for (JsonNode demand : submitted) {
            var answer = demands.post("/demands/" + demand.path("demandId").asText() + "/verify", worker,
                    NODES.objectNode());
            if (answer.status() == 200) {
                verified++;
            } else {
                out.println("  demo demand " + demand.path("demandId").asText() + " not verified: " + answer.describe());
            }
        }
        return verified;
    }

    private String status(String project) {
        return matchmaker.get("/projects/" + project, desk).json().path("status").asText();
    }

    private static void expect(DemoClient.Answer answer, int status, String step) {
        if (answer.status() != status) {
            throw new IllegalStateException(step + ": " + answer.describe());
        }
    }

    private static <T> T await(String what, Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        T last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + PATIENCE.toSeconds() + " s (last: " + last + ")");
            }
            Processes.sleep(Duration.ofMillis(500));
            last = read.get();
        }
        return last;
    }
}
