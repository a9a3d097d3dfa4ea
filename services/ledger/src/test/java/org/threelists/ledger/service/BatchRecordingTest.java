package org.threelists.ledger.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.ledger.Fixtures;
import org.threelists.ledger.domain.Chains;
import org.threelists.ledger.projection.entries.ChainStore;
import org.threelists.ledger.projection.summaries.SummaryCorrections.After;
import org.threelists.ledger.service.LedgerReplay.Replayed;
import org.threelists.platform.inbox.InboundEvent;
import org.threelists.platform.json.Json;
import org.threelists.testing.RealInfrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.ledger.Fixtures.consumption;
import static org.threelists.ledger.Fixtures.delivered;
import static org.threelists.ledger.Fixtures.uuid;
import static org.threelists.ledger.Fixtures.volunteerHours;

/**
 * A rebuild records its batches with {@link BatchRecording}: the same events give the same rows as the live path's
 * {@link LedgerRecording} one by one (services/ledger/README.md, "Exactly once and rebuild") — entries, chains and
 * heads, applied events, roll-ups, project facts, masked names and the corrections a sent monthly summary needs —
 * with a redelivered event, confirmations before, between and after deliveries, ratings and pledges, and closed slips
 * of demand-list's partitions (listed, amended, redelivered, a resident's, one never listed), over a rebuild's batch
 * and then live polls (recordLive's writes, pipelined: polls of one, then one of several, each with its chains' heads
 * locked and read from the database). The batch's roll-ups are grouped in memory, the reference's in SQL: the test
 * holds the two groupings equal.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class BatchRecordingTest {

    static final String STREET = "batch-street";
    static final String COURT = "unit-batch-court";
    static final String CLINIC = "unit-batch-clinic";
    /** What an array literal or COPY's text format must escape: quotes, backslashes, commas, braces, a tab, "NULL". */
    static final String AWKWARD_NOTES = "带\"引号\"、反斜杠\\、逗号,{花括号}\t制表 NULL";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    LedgerRecording live;
    @Inject
    BatchRecording batches;
    @Inject
    ChainStore chains;

    private final Map<Integer, Long> offsets = new HashMap<>();
    private final List<String> projects = new ArrayList<>();
    private final List<String> volunteers = List.of(uuid(), uuid(), uuid());

    @Test
    void a_batch_gives_the_rows_the_live_path_gives_one_event_at_a_time() throws Exception {
        // a summary of March already sent: deliveries in March, and confirmations of them, arrive after it
        execute("INSERT INTO municipal_summary (summary_id, street_code, month, figures, submitted_by, submitted_at) "
                + "VALUES ('" + STREET + ":2026-03', '" + STREET + "', '2026-03', '{}', 'desk', '2026-04-01T12:00:00Z')");
        List<Replayed> events = events();
        int batched = newGeneration();
        int oneByOne = newGeneration();

        Map<Integer, ChainStore.Head> heads = new HashMap<>();
        int half = events.size() / 2;
        QuarkusTransaction.requiringNew().run(() -> batches.apply(batched, events.subList(0, half), heads));
        assertThat(QuarkusTransaction.requiringNew().call(() -> chains.heads(batched))).isEqualTo(heads);
        // the rest as the live consumers take it (BatchRecording.recordLive): polls of one (a delivery alone, a
        // confirmation alone), then one poll of the last events, each with its chains' heads locked and read from the
        // database, not carried over in memory
        int lastPoll = events.size() - 6;
        for (Replayed r : events.subList(half, lastPoll)) {
            QuarkusTransaction.requiringNew().run(() -> batches.recordLive(batched, List.of(r)));
        }
        QuarkusTransaction.requiringNew().run(() -> batches.recordLive(batched, events.subList(lastPoll, events.size())));
        Map<String, List<String>> batchedRows = tables(batched);
        Map<String, List<String>> batchedFacts = facts();
        assertThat(batchedFacts.get("projects")).as("one confirmed by the desk on the community's behalf, kept as such")
                .filteredOn(row -> row.endsWith("|desk-batch|t|")).hasSize(1);
        // the live path records the same facts again from nothing (a first confirmation then moves the figures of
        // every generation, hence the batched generation's rows taken before)
        forgetFacts();
        // the first half as a replay (by the events' time and what the live generation never recorded), the rest as
        // live (a summary recorded is one sent before)
        for (int i = 0; i < events.size(); i++) {
            Replayed r = events.get(i);
            After after = i < half ? After.EVENT_TIME : After.SUMMARY_RECORDED;
            QuarkusTransaction.requiringNew().run(() -> live.apply(oneByOne, r.event(), r.partition(), r.offset(), after));
        }

        assertThat(batchedFacts.get("corrections needed"))
                .anyMatch(row -> row.contains("|DELIVERED_AFTER_SUMMARY|"))
                .anyMatch(row -> row.contains("|CONFIRMED_AFTER_SUMMARY|"));
        // an event stamped before the summary is noted all the same: by a live poll, since the summary was recorded
        // before it; by the replay, since the live generation never recorded it (its figures could not hold it)
        Instant summarySent = Instant.parse("2026-04-01T12:00:00Z");
        for (List<Replayed> part : List.of(events.subList(0, half), events.subList(half, events.size()))) {
            List<String> early = part.stream().filter(r -> r.event().time().isBefore(summarySent))
                    .map(r -> r.event().id() + "|").toList();
            assertThat(batchedFacts.get("corrections needed")).as("early events noted among " + early)
                    .anyMatch(row -> early.stream().anyMatch(row::startsWith));
        }
        assertThat(batchedFacts.get("projects")).anyMatch(row -> row.contains("长者助餐"));
        assertThat(batchedFacts).isEqualTo(facts());
        assertThat(batchedRows.values()).allMatch(rows -> !rows.isEmpty());
        assertThat(batchedRows.get("ledger_entry")).anyMatch(row -> row.contains("\"origin\": \"SLIP\""));
        String awkward = "\"notes\": " + Json.mapper().writeValueAsString(AWKWARD_NOTES);
        assertThat(batchedRows.get("ledger_entry")).anyMatch(row -> row.contains(awkward));
        assertThat(batchedRows.get("ledger_participation")).as("a resident member's slip hours, under unit ''")
                .anyMatch(row -> row.contains("\"unit_id\": \"\"") && !row.contains("\"volunteer_id\": \"\""));
        assertThat(batchedRows).isEqualTo(tables(oneByOne));
        execute("UPDATE ledger_generation SET status = 'ABANDONED' WHERE generation IN (" + batched + ", " + oneByOne + ")");
    }

    /** Projects of two partitions: proposed, claimed, delivered (twice for one), confirmed before, between, after or never, rated. */
    private List<Replayed> events() {
        List<Replayed> events = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            String project = uuid();
            projects.add(project);
            int partition = p % 2;
            LocalDate date = LocalDate.of(2026, 3, 10 + p);
            events.add(event(partition, "proposed", project, Map.of("projectId", project, "title", "长者助餐 " + p,
                    "streetCode", STREET, "communityCode", "batch-community", "category", "ELDER_CARE")));
            events.add(event(partition, "claimed", project, Map.of("projectId", project, "streetCode", STREET,
                    "communityCode", "batch-community", "category", "ELDER_CARE", "holders", List.of(Map.of("claimId",
                            uuid(), "unitId", CLINIC, "resourceId", uuid(), "amount", 2.5)))));
            if (p == 1) {
                events.add(event(partition, "completed", project, confirmation(project)));
            }
            Map<String, Object> report = delivered(project, STREET, "batch-community",
                    "ELDER_CARE", date, 5 + p, List.of(named(volunteerHours(volunteers.get(p % 3), COURT, 1.5 + p), "王*"),
                            named(volunteerHours(volunteers.get((p + 1) % 3), CLINIC, 2), "李*")),
                    p % 2 == 0 ? List.of(consumption(COURT, uuid(), 3)) : List.of());
            if (p >= 3) {
                // the live polls send their entries as text arrays, the reference with COPY: the same text either way
                withNotes(report, AWKWARD_NOTES);
            }
            Replayed delivery = event(partition, "delivered", project, report);
            events.add(delivery);
            if (p == 2) {
                // redelivered: applied once
                events.add(new Replayed(delivery.event(), partition, offsets.merge(partition, 1L, Long::sum)));
                events.add(event(partition, "completed", project, confirmation(project)));
                events.add(event(partition, "delivered", project, delivered(project, STREET, "batch-community",
                        "ELDER_CARE", date.plusDays(1), 3, List.of(volunteerHours(volunteers.get(0), COURT, 4)), List.of())));
            }
            if (p == 3 || p == 4) {
                // the desk confirms project 4 on the community's behalf once the confirmation wait passed
                events.add(event(partition, "completed", project, p == 4 ? onBehalf(confirmation(project))
                        : confirmation(project)));
                events.add(event(partition, "rated", project, Map.of("projectId", project, "demandId", uuid(), "score",
                        p, "allRated", true, "actor", "wang-fang")));
            }
        }
        events.addAll(slipEvents());
        return events;
    }

    /**
     * Closed slips in two chains of demand-list's partitions: listed, amended, closed (one redelivered, one closed by
     * a second event, one a resident's, one for a demand never listed), the rest of the topic ignored; the later ones
     * after March's summary.
     */
    private List<Replayed> slipEvents() {
        List<Replayed> events = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            int chain = Chains.ofSlips(s % 2);
            String demand = uuid();
            String slip = uuid();
            projects.add(slip);
            if (s != 3) {
                events.add(demandEvent(chain, "demand.submitted", demand, listing(demand, "SANITATION", 2 + s)));
            }
            if (s == 1) {
                events.add(demandEvent(chain, "demand.amended", demand, listing(demand, "SAFETY", 5)));
            }
            events.add(demandEvent(chain, "demand.verified", demand, Map.of("demandId", demand, "status", "LISTED",
                    "actor", "wang-fang")));
            Map<String, Object> data = Fixtures.slipClosed(slip, demand, STREET, "batch-community", uuid(),
                    volunteers.get(s % 3), s == 2 ? null : COURT, 1.5 + s, "ON_SITE", LocalDate.of(2026, 3, 20 + s));
            Replayed closed = demandEvent(chain, "slip.closed", demand, data);
            events.add(closed);
            if (s == 0) {
                events.add(new Replayed(closed.event(), chain, offsets.merge(chain, 1L, Long::sum)));
            }
            if (s == 1) {
                // another event closing the same slip: a slip is credited once
                events.add(demandEvent(chain, "slip.closed", demand, data));
            }
        }
        return events;
    }

    private static Map<String, Object> listing(String demand, String category, int beneficiaries) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("demandId", demand);
        data.put("category", category);
        data.put("beneficiaries", beneficiaries);
        return data;
    }

    private Replayed demandEvent(int chain, String type, String demand, Map<String, Object> data) {
        InboundEvent event = new InboundEvent(UUID.randomUUID().toString(), "threelists." + type + ".v1", demand,
                Instant.parse("2026-04-01T08:00:00Z").plusSeconds(3600L * offsets.getOrDefault(chain, 0L)),
                Json.mapper().valueToTree(data));
        return new Replayed(event, chain, offsets.merge(chain, 1L, Long::sum));
    }

    @SuppressWarnings("unchecked")
    private static void withNotes(Map<String, Object> delivered, String notes) {
        ((Map<String, Object>) delivered.get("report")).put("notes", notes);
    }

    private static Map<String, Object> named(Map<String, Object> volunteer, String maskedName) {
        Map<String, Object> named = new LinkedHashMap<>(volunteer);
        named.put("maskedName", maskedName);
        return named;
    }

    private static Map<String, Object> confirmation(String project) {
        return Map.of("projectId", project, "demandIds", List.of(uuid()), "confirmedBy", "wang-fang", "actor", "wang-fang");
    }

    /** The desk's confirmation on the community's behalf (代为确认): the same, with confirmedOnBehalf. */
    private static Map<String, Object> onBehalf(Map<String, Object> confirmation) {
        Map<String, Object> desk = new LinkedHashMap<>(confirmation);
        desk.put("confirmedBy", "desk-batch");
        desk.put("confirmedOnBehalf", true);
        return desk;
    }

    private Replayed event(int partition, String name, String project, Map<String, Object> data) {
        InboundEvent event = new InboundEvent(UUID.randomUUID().toString(), "threelists.project." + name + ".v1", project,
                Instant.parse("2026-04-01T08:00:00Z").plusSeconds(3600L * offsets.getOrDefault(partition, 0L)),
                Json.mapper().valueToTree(data));
        return new Replayed(event, partition, offsets.merge(partition, 1L, Long::sum));
    }

    private int newGeneration() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO "
                    + "ledger_generation (generation, status, started_by) SELECT max(generation) + 1, 'BUILDING', 'test' "
                    + "FROM ledger_generation RETURNING generation"); ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** What belongs to no generation: the projects' facts, the volunteers' masked names, the corrections needed. */
    private Map<String, List<String>> facts() throws SQLException {
        String ours = "project_id IN ('" + String.join("', '", projects) + "')";
        Map<String, List<String>> facts = new LinkedHashMap<>();
        facts.put("projects", query("SELECT project_id, title, street_code, community_code, category, completed_at, "
                + "confirmed_by, confirmed_on_behalf FROM project WHERE " + ours + " ORDER BY 1"));
        facts.put("holders", query("SELECT claim_id, project_id, unit_id, resource_id, amount FROM project_holder WHERE "
                + ours + " ORDER BY 1"));
        facts.put("ratings", query("SELECT event_id, project_id, score, rated_at FROM project_rating WHERE " + ours
                + " ORDER BY 1"));
        facts.put("volunteers", query("SELECT volunteer_id, masked_name FROM volunteer WHERE volunteer_id IN ('"
                + String.join("', '", volunteers) + "') ORDER BY 1"));
        facts.put("corrections needed", query("SELECT event_id, delivery_id, reason, summary_id, month, project_id, "
                + "entry_date, hours, noted_at FROM summary_correction_needed WHERE " + ours + " ORDER BY 1, 2"));
        return facts;
    }

    private void forgetFacts() {
        String ours = "project_id IN ('" + String.join("', '", projects) + "')";
        for (String table : List.of("project", "project_holder", "project_rating", "summary_correction_needed")) {
            execute("DELETE FROM " + table + " WHERE " + ours);
        }
        execute("DELETE FROM volunteer WHERE volunteer_id IN ('" + String.join("', '", volunteers) + "')");
    }

    private Map<String, List<String>> tables(int generation) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : List.of("ledger_entry", "chain_head", "applied_event", "ledger_rollup", "ledger_participation",
                "ledger_rollup_span", "ledger_rollup_span_volunteer", "slip_demand")) {
            tables.put(table, rows(table, generation));
        }
        return tables;
    }

    /** A generation's rows of {@code table}, every column but the generation. */
    private List<String> rows(String table, int generation) {
        return QuarkusTransaction.requiringNew().call(() -> query("SELECT j FROM (SELECT (to_jsonb(t) - 'generation')"
                + "::text AS j FROM " + table + " t WHERE generation = " + generation + ") x ORDER BY j"));
    }

    private List<String> query(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql);
             ResultSet rs = q.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    private void execute(String sql) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
                q.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
