package org.threelists.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.localstack.LocalStack;
import org.threelists.system.ReadmeBlocks.Block;
import org.threelists.system.ReadmeSession.Outcome;
import org.threelists.system.ReadmeSession.Step;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.threelists.localstack.LocalStack.DEMAND_LIST;
import static org.threelists.localstack.LocalStack.LEDGER;
import static org.threelists.localstack.LocalStack.MATCHMAKER;
import static org.threelists.localstack.LocalStack.RESOURCE_LIST;

/**
 * The README's walk-throughs run as written: its {@code ```bash} blocks, in order, typed into one bash session
 * ({@code -euo pipefail}) in a folder whose {@code .local/} holds a local run started as {@code ./run-local.sh} starts
 * it (demo data, {@code .local/tokens.env}), on free ports so that a local run on the usual ones does not get in the
 * way. Each block must finish; the only refusals allowed are those the README shows ({@code # → 409 …}); and what the
 * walk-through claims to have done must hold in the services afterwards.
 */
@Order(12) // junit-platform.properties: the shared system's classes first
class ReadmeWalkthroughTest {

    /** The README's walk-through sections, in reading order; each keeps at least one block. */
    private static final List<String> WALK_THROUGH = List.of("Quick start", "The demand flow with curl",
            "The resource flow with curl", "Planning with curl", "The project flow with curl", "Reports (ledger, 台账)");
    /** The variables the walk-through sets from the services' answers, read back to check its outcomes. */
    private static final List<String> VARIABLES = List.of("ID", "RID", "LID", "P", "VID", "NUMBER", "CODE");
    private static final Duration SESSION_LIMIT = Duration.ofMinutes(8);

    private static final String STREET = "dianqian";
    private static final String DESK = DevTokens.desk("readme-test-desk", STREET);

    @Test
    void theReadmeWalkThroughsRunAsWrittenAgainstTheLocalRun() throws Exception {
        Path root = LocalStack.findRepositoryRoot(Path.of(""));
        List<Block> blocks = ReadmeBlocks.bashBlocks(Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8));
        assertThat(blocks.stream().map(Block::section).distinct().toList())
                .as("the walk-through sections with ```bash blocks").containsAll(WALK_THROUGH);
        assertThat(blocks).as("blocks outside the walk-through").allMatch(block -> WALK_THROUGH.contains(block.section()));
        assertThat(blocks.stream().filter(block -> !block.runs()))
                .as("blocks left out (each with its reason): only the few that cannot run unattended").hasSizeLessThanOrEqualTo(3);
        List<Block> runnable = blocks.stream().filter(Block::runs).toList();

        RunningSystem.stop(); // one whole system at a time on a 2-core machine
        Path terminal = Files.createTempDirectory("threelists-readme-");
        long began = System.nanoTime();
        try (LocalStack stack = LocalStack.builder()
                .repoRoot(root)
                .dataDir(terminal.resolve(".local"))
                .services(LocalStack.SERVICES.stream().map(spec -> spec.onPort(LocalStack.freePort())).toList())
                .demoData(true)
                .start()) {
            assertThat(stack.skippedServices()).as("services not built").isEmpty();
            stack.writeTokensFile();
            long ready = System.nanoTime();

            Outcome outcome = ReadmeSession.run(terminal, runnable, VARIABLES, SESSION_LIMIT);
            System.out.printf("README walk-through: local run ready in %.1f s, %d blocks ran in %.1f s%n",
                    (ready - began) / 1e9, outcome.steps().size(), (System.nanoTime() - ready) / 1e9);
            assertEveryBlockRan(runnable, outcome);
            assertOutcomes(stack, outcome);
        } finally {
            deleteRecursively(terminal);
        }
    }

    private static void assertEveryBlockRan(List<Block> runnable, Outcome outcome) {
        for (Step step : outcome.steps()) {
            if (!step.finished()) {
                fail("the walk-through stopped in " + step.describe() + "\n(bash exit code " + outcome.exitCode() + ")");
            }
            assertThat(step.errorStatuses()).as("refusals in " + step.describe() + "\nthe README shows "
                    + step.block().shownErrors()).isEqualTo(step.block().shownErrors());
        }
        assertThat(outcome.steps()).as("blocks run").hasSize(runnable.size());
        assertThat(outcome.exitCode()).as("bash exit code").isZero();
    }

    /** What the walk-through says it did, read back from the services. */
    private static void assertOutcomes(LocalStack stack, Outcome outcome) {
        var vars = outcome.variables();
        assertThat(vars).as("variables the walk-through set").allSatisfy((name, value) ->
                assertThat(value).as(name).isNotBlank().isNotEqualTo("null"));

        // the demand flow: the first demand was withdrawn and its resident's contact erased
        JsonNode withdrawn = get(stack, DEMAND_LIST, "/demands/" + vars.get("ID"));
        assertThat(withdrawn.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.path("residentDataErased").asBoolean()).isTrue();
        assertThat(withdrawn.path("resident").isMissingNode() || withdrawn.path("resident").isNull()).isTrue();

        // the resource flow: the court's new offer, its December-style reservation released again
        String court = DevTokens.unit("readme-test-court", "unit-huli-court", STREET);
        JsonNode reservation = get(stack, RESOURCE_LIST, court, "/resources/" + vars.get("RID") + "/reservations/demo-project-1");
        assertThat(reservation.path("status").asText()).isEqualTo("RELEASED");

        // planning and the project flow: the legal-advice demand's project went the whole way, and the demand followed
        JsonNode project = get(stack, MATCHMAKER, "/projects/" + vars.get("P"));
        assertThat(project.path("status").asText()).isEqualTo("RATED");
        assertThat(project.path("demandIds").toString()).contains(vars.get("LID"));
        assertThat(project.path("proposedUnitId").asText()).isEqualTo("unit-huli-court");
        Api.eventually("the legal-advice demand rated in demand-list",
                () -> get(stack, DEMAND_LIST, "/demands/" + vars.get("LID")).path("status").asText(), "RATED"::equals);

        // reports: the ledger holds the volunteer's 2.5 hours of this project, and the statement verifies publicly
        JsonNode entries = get(stack, LEDGER, "/ledger/entries?project=" + vars.get("P") + "&volunteer=" + vars.get("VID"));
        assertThat(entries.path("items")).hasSize(1);
        assertThat(entries.path("items").get(0).path("hours").decimalValue()).isEqualByComparingTo("2.5");
        JsonNode verification = RestAssured.given().baseUri(stack.baseUrl(LEDGER)).queryParam("code", vars.get("CODE"))
                .get("/ledger/statements/" + vars.get("NUMBER") + "/verification")
                .then().statusCode(200).extract().as(JsonNode.class);
        assertThat(verification.path("status").asText()).isEqualTo("VALID");
        assertThat(verification.path("hours").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal("2.5"));
    }

    private static JsonNode get(LocalStack stack, String service, String path) {
        return get(stack, service, DESK, path);
    }

    private static JsonNode get(LocalStack stack, String service, String token, String path) {
        return RestAssured.given().baseUri(stack.baseUrl(service)).header("Authorization", "Bearer " + token)
                .accept(ContentType.JSON).get(path)
                .then().log().ifValidationFails().statusCode(200).extract().as(JsonNode.class);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
