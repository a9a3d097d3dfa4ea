package org.threelists.ledger.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.ledger.messaging.Topics;
import org.threelists.devkit.DevTokens;
import org.threelists.testing.RealInfrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.threelists.ledger.Fixtures.as;
import static org.threelists.ledger.Fixtures.await;
import static org.threelists.ledger.Fixtures.awaitConsumed;
import static org.threelists.ledger.Fixtures.entriesOf;
import static org.threelists.ledger.Fixtures.closeSlip;
import static org.threelists.ledger.Fixtures.confirm;
import static org.threelists.ledger.Fixtures.confirmOnBehalf;
import static org.threelists.ledger.Fixtures.demandSubmitted;
import static org.threelists.ledger.Fixtures.slipClosed;
import static org.threelists.ledger.Fixtures.consumption;
import static org.threelists.ledger.Fixtures.deliver;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.projectEvent;
import static org.threelists.ledger.Fixtures.publish;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;

/**
 * Entries from deliveries (and closed slips), chained by hash per partition: verification passes, fails at a row edited
 * in the database, a redelivered event adds nothing, corrections are new records, and a rebuild from offset 0 gives the
 * same entries and the same head.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class LedgerChainTest {

    static final String DESK = DevTokens.desk("desk-dianqian", "dianqian");
    static final String AUDITOR = DevTokens.auditor("auditor-dianqian", "dianqian");
    static final String COURT = "unit-huli-court";
    static final String OPERATOR = DevTokens.operator("ops-1");

    @Inject
    AgroalDataSource dataSource;

    private String deliverOne(double... hours) {
        String projectId = uuid();
        List<Map<String, Object>> volunteers = new ArrayList<>();
        for (double h : hours) {
            volunteers.add(volunteerHours(uuid(), COURT, h));
        }
        deliver(delivered(projectId, "dianqian", "jiafu", "LEGAL_ADVICE", LocalDate.of(2026, 12, 5), 12, volunteers,
                List.of(consumption(COURT, uuid(), 3))));
        return projectId;
    }

    /** The confirmation a project's HOURS entry shows, once the ledger has recorded it. */
    private static Map<String, Object> confirmation(String projectId) {
        return await(() -> as(DESK).queryParam("project", projectId).queryParam("kind", "HOURS").get("/ledger/entries")
                .then().statusCode(200).extract().jsonPath().<String, Object>getMap("items[0].confirmation"), m -> true);
    }

    private long entries(String projectId) {
        return await(() -> query("SELECT count(*) FROM ledger_entry WHERE project_id = '" + projectId
                + "' AND generation = (SELECT generation FROM ledger_generation WHERE status = 'CURRENT')"), n -> true);
    }

    private long query(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
                q.executeUpdate();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void a_delivery_gives_one_entry_per_volunteer_one_for_the_delivery_and_one_per_pledge_honoured() {
        String projectId = deliverOne(2.5, 3);
        await(() -> entries(projectId), n -> n == 4);

        JsonPath page = as(DESK).queryParam("project", projectId).queryParam("size", 10).get("/ledger/entries")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.kind")).containsExactly("DELIVERY", "HOURS", "HOURS", "PLEDGE");
        assertThat(page.getFloat("items[0].residentsServed")).isEqualTo(12f);
        assertThat(page.getList("items.hours", Float.class)).containsExactly(null, 2.5f, 3f, null);
        assertThat(page.getString("items[1].place")).isEqualTo("社区活动中心");
        assertThat(page.getString("items[1].recordedBy")).isEqualTo("staff-reporter");
        assertThat(page.getString("items[1].category")).isEqualTo("LEGAL_ADVICE");
        assertThat(page.getString("items[1].prevHash")).isEqualTo(page.getString("items[0].hash"));
        assertThat(page.getString("items[3].amount")).isEqualTo("3");
    }

    @Test
    void the_same_event_delivered_twice_is_recorded_once() {
        String projectId = uuid();
        var message = projectEvent("delivered", projectId, delivered(projectId, "dianqian", "jiafu", "HEALTH",
                LocalDate.of(2026, 12, 6), 5, List.of(volunteerHours(uuid(), COURT, 4)), List.of()));
        publish(Topics.PROJECT_EVENTS, projectId, message);
        publish(Topics.PROJECT_EVENTS, projectId, message);
        String after = deliverOne(1);
        await(() -> entries(after), n -> n == 3);
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        assertThat(entries(projectId)).as("one delivery entry and one hours entry, once").isEqualTo(2);
    }

    @Test
    void verification_passes_then_names_the_entry_edited_in_the_database() {
        String projectId = deliverOne(2, 6);
        await(() -> entries(projectId), n -> n == 4);
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        as(AUDITOR).get("/ledger/verification").then().statusCode(200).body("valid", equalTo(true));

        String entryId = as(DESK).queryParam("project", projectId).queryParam("kind", "HOURS").get("/ledger/entries")
                .then().extract().jsonPath().getString("items[1].entryId");
        execute("UPDATE ledger_entry SET hours = 16 WHERE entry_id = '" + entryId + "'");
        try {
            JsonPath result = as(DESK).get("/ledger/verification").then().statusCode(200).extract().jsonPath();
            assertThat(result.getBoolean("valid")).isFalse();
            assertThat(result.getString("firstBroken.id")).isEqualTo(entryId);
            assertThat(result.getString("firstBroken.reason")).contains("altered");
        } finally {
            execute("UPDATE ledger_entry SET hours = 6 WHERE entry_id = '" + entryId + "'");
        }
        as(DESK).get("/ledger/verification").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void a_correction_is_a_new_chained_record_with_who_and_why_and_the_entry_stays() {
        String projectId = deliverOne(3);
        await(() -> entries(projectId), n -> n == 3);
        String entryId = as(DESK).queryParam("project", projectId).queryParam("kind", "HOURS").get("/ledger/entries")
                .then().extract().jsonPath().getString("items[0].entryId");

        as(DESK).body(Map.of("hours", 2, "reason", "签到表核对：实际服务2小时")).post("/ledger/entries/" + entryId + "/corrections")
                .then().statusCode(201).body("delta", equalTo(-1)).body("correctedBy", equalTo("desk:desk-dianqian"));
        JsonPath entry = as(AUDITOR).get("/ledger/entries/" + entryId).then().statusCode(200).extract().jsonPath();
        assertThat(entry.getFloat("hours")).as("the entry itself is unchanged").isEqualTo(3f);
        assertThat(entry.getFloat("hoursInForce")).isEqualTo(2f);
        assertThat(entry.getString("corrections[0].reason")).isEqualTo("签到表核对：实际服务2小时");

        as(DESK).body(Map.of("hours", 30, "reason", "x")).post("/ledger/entries/" + entryId + "/corrections")
                .then().statusCode(400).body("type", equalTo("https://threelists.dev/problems/invalid-input"));
        as(AUDITOR).body(Map.of("hours", 1, "reason", "x")).post("/ledger/entries/" + entryId + "/corrections")
                .then().statusCode(403);
        as(DESK).body(Map.of("hours", 1, "reason", "x")).post("/ledger/entries/" + uuid() + "/corrections")
                .then().statusCode(404);
        as(DevTokens.desk("desk-heping", "heping")).body(Map.of("hours", 1, "reason", "x"))
                .post("/ledger/entries/" + entryId + "/corrections").then().statusCode(403);
        // authorisation comes before validation: another street's desk learns nothing from a 400
        as(DevTokens.desk("desk-heping", "heping")).body(Map.of("hours", 30, "reason", ""))
                .post("/ledger/entries/" + entryId + "/corrections").then().statusCode(403)
                .body("type", equalTo("https://threelists.dev/problems/forbidden"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> query(
                "SELECT count(*) FROM ledger_correction WHERE entry_id = '" + entryId + "'"))).isEqualTo(1);
        as(DESK).get("/ledger/verification").then().statusCode(200).body("valid", equalTo(true))
                .body("corrections", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        // its hash covers what it changed; moved to another unit in the database, it would count in that unit's hours
        String unit = as(AUDITOR).get("/ledger/entries/" + entryId).then().extract().path("unitId");
        execute("UPDATE ledger_correction SET unit_id = 'unit-elsewhere' WHERE entry_id = '" + entryId + "'");
        try {
            for (String reader : List.of(DESK, OPERATOR)) {
                JsonPath moved = as(reader).get("/ledger/verification").then().statusCode(200).extract().jsonPath();
                assertThat(moved.getBoolean("valid")).isFalse();
                assertThat(moved.getString("firstBroken.chain")).isEqualTo("corrections");
                assertThat(moved.getString("firstBroken.reason")).contains("moved");
            }
        } finally {
            execute("UPDATE ledger_correction SET unit_id = '" + unit + "' WHERE entry_id = '" + entryId + "'");
        }
        as(DESK).get("/ledger/verification").then().statusCode(200).body("valid", equalTo(true));
        as(OPERATOR).get("/ledger/verification").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void a_rebuild_from_offset_0_gives_the_same_entries_and_the_same_head_and_keeps_corrections() {
        String projectId = deliverOne(1.5, 2, 2.5);
        // one confirmed by the community, one by the street's desk on its behalf (代为确认): the entries tell them apart
        String byCommunity = deliverOne(1);
        confirm(byCommunity);
        String byDesk = deliverOne(2);
        confirmOnBehalf(byDesk, "desk-dianqian");
        // a closed slip's entries, in a chain of demand-list.events.v1's, are rebuilt too
        String demand = uuid();
        String slip = uuid();
        demandSubmitted(demand, "dianqian", "jiafu", "SANITATION", 2);
        closeSlip(slipClosed(slip, demand, "dianqian", "jiafu", uuid(), uuid(), COURT, 1.5, "ON_SITE",
                LocalDate.of(2026, 12, 4)));
        await(() -> entries(projectId), n -> n == 5);
        await(() -> entries(slip), n -> n == 2);
        awaitConsumed("ledger.demand-list", Topics.DEMAND_EVENTS);
        String corrected = as(DESK).queryParam("project", projectId).queryParam("kind", "HOURS").get("/ledger/entries")
                .then().extract().jsonPath().getString("items[0].entryId");
        as(DESK).body(Map.of("hours", 1, "reason", "重复登记")).post("/ledger/entries/" + corrected + "/corrections")
                .then().statusCode(201);
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);
        assertThat(confirmation(byCommunity)).containsEntry("confirmedBy", "wang-fang").containsEntry("onBehalf", false);
        assertThat(confirmation(byDesk)).containsEntry("confirmedBy", "desk-dianqian").containsEntry("onBehalf", true);
        assertThat(as(DESK).queryParam("project", projectId).get("/ledger/entries").then().extract().jsonPath()
                .getList("items.confirmation")).as("not confirmed yet").containsOnlyNulls();
        // as if confirmed before the ledger kept it (V13): the rebuild's replay of project.completed records it
        execute("UPDATE project SET confirmed_on_behalf = false WHERE project_id = '" + byDesk + "'");
        JsonPath before = as(DESK).get("/ledger/verification").then().statusCode(200).extract().jsonPath();
        List<String> entriesBefore = entriesOf(dataSource, before.getInt("generation"));
        assertThat(entriesBefore).anyMatch(row -> row.contains("\"origin\": \"SLIP\"") && row.contains(slip));

        as(DESK).post("/ledger/rebuild").then().statusCode(403);
        JsonPath rebuilt = as(OPERATOR).post("/ledger/rebuild").then().statusCode(200).extract().jsonPath();
        assertThat(rebuilt.getInt("generation")).isEqualTo(before.getInt("generation") + 1);
        assertThat(rebuilt.getBoolean("sameHead")).isTrue();
        assertThat(rebuilt.getList("droppedGenerations", Integer.class)).contains(before.getInt("generation"));
        for (String table : List.of("ledger_entry", "chain_head", "applied_event", "slip_demand")) {
            assertThat(QuarkusTransaction.requiringNew().call(() -> query("SELECT count(*) FROM " + table
                    + " WHERE generation <> " + rebuilt.getInt("generation")))).as("rows of retired generations in " + table)
                    .isZero();
        }

        JsonPath after = as(DESK).get("/ledger/verification").then().statusCode(200).extract().jsonPath();
        assertThat(after.getBoolean("valid")).isTrue();
        assertThat(after.getInt("generation")).isEqualTo(rebuilt.getInt("generation"));
        assertThat(after.getString("head")).isEqualTo(before.getString("head"));
        assertThat(after.getLong("entries")).isEqualTo(before.getLong("entries"));
        assertThat(entriesOf(dataSource, after.getInt("generation"))).isEqualTo(entriesBefore);
        as(DESK).get("/ledger/entries/" + corrected).then().statusCode(200).body("hoursInForce", equalTo(1))
                .body("corrections.size()", equalTo(1));
        assertThat(confirmation(byDesk)).containsEntry("confirmedBy", "desk-dianqian").containsEntry("onBehalf", true);
        assertThat(confirmation(byCommunity)).containsEntry("onBehalf", false);

        String later = deliverOne(4);
        await(() -> entries(later), n -> n == 3);
        as(DESK).get("/ledger/verification").then().statusCode(200).body("valid", equalTo(true))
                .body("generation", equalTo(after.getInt("generation")));
    }

    @Test
    void a_street_verifies_its_own_entries_and_the_operator_the_whole_ledger() {
        String shuangma = DevTokens.desk("desk-shuangma", "shuangma");
        String projectId = uuid();
        deliver(delivered(projectId, "shuangma", "xintangli", "HEALTH", LocalDate.of(2026, 11, 5), 3,
                List.of(volunteerHours(uuid(), COURT, 2)), List.of()));
        String ours = deliverOne(1);
        await(() -> entries(ours), n -> n == 3);
        await(() -> entries(projectId), n -> n == 2);
        awaitConsumed("ledger.project-list", Topics.PROJECT_EVENTS);

        JsonPath mine = as(AUDITOR).get("/ledger/verification").then().statusCode(200).extract().jsonPath();
        assertThat(mine.getBoolean("valid")).isTrue();
        assertThat(mine.getString("street")).isEqualTo("dianqian");
        long dianqianEntries = QuarkusTransaction.requiringNew().call(() -> query("SELECT count(*) FROM ledger_entry "
                + "WHERE street_code = 'dianqian' AND generation = (SELECT generation FROM ledger_generation "
                + "WHERE status = 'CURRENT')"));
        assertThat(mine.getLong("entries")).as("only the street's entries are read").isEqualTo(dianqianEntries);
        JsonPath all = as(OPERATOR).get("/ledger/verification").then().statusCode(200).extract().jsonPath();
        assertThat(all.getBoolean("valid")).isTrue();
        assertThat(all.getString("street")).isNull();
        assertThat(all.getLong("entries")).isGreaterThan(dianqianEntries);
        assertThat(mine.getString("head")).as("the ledger head is the same for everyone").isEqualTo(all.getString("head"));

        String entryId = as(shuangma).queryParam("project", projectId).queryParam("kind", "HOURS").get("/ledger/entries")
                .then().statusCode(200).extract().jsonPath().getString("items[0].entryId");
        execute("UPDATE ledger_entry SET hours = 20 WHERE entry_id = '" + entryId + "'");
        try {
            as(shuangma).get("/ledger/verification").then().statusCode(200).body("valid", equalTo(false))
                    .body("firstBroken.id", equalTo(entryId));
            as(OPERATOR).get("/ledger/verification").then().statusCode(200).body("valid", equalTo(false));
            as(DESK).get("/ledger/verification").then().statusCode(200).body("valid", equalTo(true));
        } finally {
            execute("UPDATE ledger_entry SET hours = 2 WHERE entry_id = '" + entryId + "'");
        }
        as(shuangma).get("/ledger/verification").then().statusCode(200).body("valid", equalTo(true));
    }


    @Test
    void a_message_that_violates_the_schema_goes_to_the_dlq_and_the_next_delivery_is_recorded() {
        String projectId = uuid();
        Map<String, Object> data = new java.util.LinkedHashMap<>(delivered(projectId, "dianqian", "jiafu", "HEALTH",
                LocalDate.of(2026, 12, 7), 3, List.of(volunteerHours(uuid(), COURT, 30)), List.of()));
        org.threelists.testing.KafkaProbe.send(Topics.PROJECT_EVENTS, projectId, projectEvent("delivered", projectId, data).json());
        String next = deliverOne(1);
        await(() -> entries(next), n -> n == 3);
        var dead = org.threelists.testing.KafkaProbe.await(Topics.PROJECT_EVENTS + ".dlq", r -> projectId.equals(r.key()), 1,
                java.time.Duration.ofSeconds(30));
        assertThat(org.threelists.testing.KafkaProbe.header(dead.get(0), "dlq.reason")).contains("schema");
        assertThat(org.threelists.testing.KafkaProbe.header(dead.get(0), "dlq.consumer-group")).isEqualTo("ledger.project-list");
        assertThat(entries(projectId)).as("24 hours at most per delivery: nothing recorded").isZero();
    }

    @Test
    void a_unit_reads_only_its_own_entries() {
        String projectId = deliverOne(2);
        await(() -> entries(projectId), n -> n == 3);
        String entryId = as(DESK).queryParam("project", projectId).queryParam("kind", "HOURS").get("/ledger/entries")
                .then().extract().jsonPath().getString("items[0].entryId");
        String court = DevTokens.unit("staff-court", COURT, "dianqian");
        String kindergarten = DevTokens.unit("staff-kg", "unit-jiafu-kindergarten", "dianqian");

        as(court).get("/ledger/entries/" + entryId).then().statusCode(200).body("unitId", equalTo(COURT));
        as(kindergarten).get("/ledger/entries/" + entryId).then().statusCode(403)
                .body("type", equalTo("https://threelists.dev/problems/forbidden"));
        as(kindergarten).queryParam("unit", COURT).get("/ledger/entries").then().statusCode(403);
        assertThat(as(court).queryParam("size", 100).get("/ledger/entries").then().statusCode(200).extract().jsonPath()
                .getList("items.unitId")).isNotEmpty().containsOnly(COURT);
        as(DevTokens.auditor("auditor-heping", "heping")).get("/ledger/entries/" + entryId).then().statusCode(403);
        as(DevTokens.community("wang-fang", "dianqian", "jiafu")).get("/ledger/entries").then().statusCode(403);
        io.restassured.RestAssured.given().get("/ledger/entries/" + entryId).then().statusCode(401);
        io.restassured.RestAssured.given().get("/ledger/verification").then().statusCode(401);
        as(court).get("/ledger/verification").then().statusCode(403);
        as(AUDITOR).post("/ledger/rebuild").then().statusCode(403);
        as(DESK).post("/ledger/rebuild").then().statusCode(403);
        as(DESK).get("/ledger/entries/" + uuid()).then().statusCode(404);
    }
}
