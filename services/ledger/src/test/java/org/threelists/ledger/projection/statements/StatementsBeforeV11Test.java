package org.threelists.ledger.projection.statements;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.devkit.DevTokens;
import org.threelists.ledger.messaging.Topics;
import org.threelists.ledger.projection.verification.ChainVerification;
import org.threelists.testing.RealInfrastructure;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.ledger.Fixtures.as;
import static org.threelists.ledger.Fixtures.awaitConsumed;
import static org.threelists.ledger.Fixtures.deliverConfirmed;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;

/**
 * {@code V11__outdated_statements.sql} gives the statements issued before it what issuing and correcting give them
 * since: their entries and, when corrected since, their outdating (services/ledger/README.md, "Outdated statements").
 * Its inserts are run again, in a transaction rolled back, over tables emptied of what the live path wrote; so are
 * {@code V12__statement_marks.sql}'s, which chain the statements issued before it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class StatementsBeforeV11Test {

    static final String DESK = DevTokens.desk("desk-qingshan", "qingshan");
    static final String UNIT = "unit-qingshan-court";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChainVerification verification;

    @Test
    void the_migration_finds_the_entries_and_the_outdating_the_live_path_records() throws Exception {
        String volunteer = uuid();
        String first = uuid();
        deliverConfirmed(delivered(first, "qingshan", "xihuxincun", "HEALTH", LocalDate.of(2021, 6, 3), 3,
                List.of(volunteerHours(volunteer, UNIT, 3)), List.of()));
        deliverConfirmed(delivered(uuid(), "qingshan", "xihuxincun", "HEALTH", LocalDate.of(2021, 6, 9), 3,
                List.of(volunteerHours(volunteer, UNIT, 2)), List.of()));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        String entry = as(DESK).queryParam("project", first).queryParam("kind", "HOURS").get("/ledger/entries").then()
                .statusCode(200).extract().path("items[0].entryId");
        Map<String, Object> june = Map.of("volunteerId", volunteer, "from", "2021-06-01", "to", "2021-06-30");
        String outdated = issue(june).getString("number");
        String revoked = issue(june).getString("number");
        as(DESK).body(Map.of("reason", "重复开具")).post("/ledger/statements/" + revoked + "/revocation").then()
                .statusCode(200);
        as(DESK).body(Map.of("hours", 1, "reason", "签到表核对")).post("/ledger/entries/" + entry + "/corrections").then()
                .statusCode(201);
        String valid = issue(june).getString("number");
        List<String> numbers = List.of(outdated, revoked, valid);
        List<String> live = QuarkusTransaction.requiringNew().call(() -> rows(numbers));
        assertThat(live).anyMatch(row -> row.startsWith("outdated " + outdated));

        List<String> migrated;
        QuarkusTransaction.begin();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM statement_outdated");
            s.execute("DELETE FROM statement_entry");
            for (String insert : inserts()) {
                s.execute(insert);
            }
            migrated = rows(numbers);
        } finally {
            QuarkusTransaction.rollback();
        }

        assertThat(migrated).isEqualTo(live);
    }

    /**
     * {@code V12__statement_marks.sql} chains the statements issued before it in SQL: the verification recomputes each
     * mark's hash in Java and compares each statement's rows with its marks, so it finds them valid only when the SQL's
     * canonical JSON (escaped text, times, hours) and the certified entries' digest are Java's. Run again, rolled back,
     * over the chain emptied.
     */
    @Test
    void v12_chains_the_statements_before_it_as_the_verification_recomputes_them() throws Exception {
        String volunteer = uuid();
        String project = uuid();
        deliverConfirmed(delivered(project, "qingshan", "xihuxincun", "HEALTH", LocalDate.of(2021, 7, 3), 3,
                List.of(volunteerHours(volunteer, UNIT, 3)), List.of()));
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        String entry = as(DESK).queryParam("project", project).queryParam("kind", "HOURS").get("/ledger/entries").then()
                .statusCode(200).extract().path("items[0].entryId");
        Map<String, Object> july = Map.of("volunteerId", volunteer, "from", "2021-07-01", "to", "2021-07-31");
        String revoked = issue(july).getString("number");
        String outdated = issue(july).getString("number");
        as(DESK).body(Map.of("reason", "他说\"重复\"\n开具 \\ 作废")).post("/ledger/statements/" + revoked + "/revocation")
                .then().statusCode(200);
        as(DESK).body(Map.of("hours", 1.5, "reason", "签到表核对")).post("/ledger/entries/" + entry + "/corrections").then()
                .statusCode(201);

        ChainVerification.Result verified;
        List<String> kinds = new ArrayList<>();
        QuarkusTransaction.begin();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM statement_mark");
            s.execute("DELETE FROM statement_chain_head");
            for (String statement : statements("/db/migration/V12__statement_marks.sql", "CREATE TEMPORARY", "INSERT")) {
                s.execute(statement);
            }
            verified = verification.verifyStreet("qingshan");
            try (ResultSet rs = s.executeQuery("SELECT number || ' ' || kind FROM statement_mark WHERE number IN ('"
                    + revoked + "', '" + outdated + "') ORDER BY seq")) {
                while (rs.next()) {
                    kinds.add(rs.getString(1));
                }
            }
        } finally {
            QuarkusTransaction.rollback();
        }

        assertThat(verified.firstBroken()).isNull();
        assertThat(verified.valid()).isTrue();
        assertThat(kinds).containsExactly(revoked + " ISSUED", outdated + " ISSUED", revoked + " REVOKED",
                outdated + " OUTDATED");
    }

    private static JsonPath issue(Map<String, Object> request) {
        return as(DESK).body(request).post("/ledger/statements").then().statusCode(201).extract().jsonPath();
    }

    /** The statements' entries and outdating, one line each, in a stable order. */
    private List<String> rows(List<String> numbers) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement q = c.prepareStatement("SELECT number, entry_id, hours FROM statement_entry WHERE "
                    + "number = ANY (?) ORDER BY number, entry_id")) {
                q.setArray(1, c.createArrayOf("varchar", numbers.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rows.add("entry " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getBigDecimal(3).toPlainString());
                    }
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT number, outdated_at, correction_id, hours_in_force "
                    + "FROM statement_outdated WHERE number = ANY (?) ORDER BY number")) {
                q.setArray(1, c.createArrayOf("varchar", numbers.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rows.add("outdated " + rs.getString(1) + " " + rs.getObject(2, java.time.OffsetDateTime.class)
                                .toInstant() + " " + rs.getString(3) + " " + rs.getBigDecimal(4).toPlainString());
                    }
                }
            }
        }
        return rows;
    }

    /** The migration's INSERT statements, comments left out. */
    private static List<String> inserts() throws Exception {
        return statements("/db/migration/V11__outdated_statements.sql", "INSERT");
    }

    /** A migration's statements that begin with one of {@code starts}, comments left out. */
    private static List<String> statements(String migration, String... starts) throws Exception {
        try (InputStream in = StatementsBeforeV11Test.class.getResourceAsStream(migration)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
            return Arrays.stream(sql.split(";")).map(String::strip)
                    .filter(s -> Arrays.stream(starts).anyMatch(s::startsWith)).toList();
        }
    }
}
