package org.threelists.ledger.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.threelists.testing.fuzz.RowCounts;
import org.threelists.testing.RealInfrastructure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up warm-up runs the live recording path for real (a delivery's entries written in its transaction) and
 * leaves nothing in the database: no entry, head, applied event, inbox row, project, volunteer, roll-up or correction.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class RecordingWarmUpTest {

    @Inject
    RecordingWarmUp warmUp;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_warm_up_records_a_delivery_and_rolls_it_back() {
        Map<String, Long> before = warmUpRows("", "", "");

        RecordingWarmUp.Outcome outcome = warmUp.warm();

        assertThat(outcome.entriesWritten()).as("the delivery, the volunteer's hours, the pledge").isEqualTo(3);
        Map<String, Long> after = warmUpRows(outcome.eventId(), outcome.projectId(), outcome.volunteerId());
        assertThat(after).as("what the warm-up would have left").allSatisfy((table, rows) -> assertThat(rows)
                .as(table).isZero());
        assertThat(before).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }

    /** The rows of the warm-up's place, chain, event and project in every table the recording path writes. */
    private Map<String, Long> warmUpRows(String eventId, String projectId, String volunteerId) {
        String place = "'" + RecordingWarmUp.PLACE + "'";
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("ledger_entry", "SELECT count(*) FROM ledger_entry WHERE street_code = " + place
                + " OR kafka_partition = " + RecordingWarmUp.PARTITION + " OR project_id = '" + projectId + "'");
        queries.put("chain_head", "SELECT count(*) FROM chain_head WHERE kafka_partition = " + RecordingWarmUp.PARTITION);
        queries.put("applied_event", "SELECT count(*) FROM applied_event WHERE kafka_partition = "
                + RecordingWarmUp.PARTITION + " OR event_id = '" + eventId + "'");
        queries.put("processed_message", "SELECT count(*) FROM processed_message WHERE kafka_partition = "
                + RecordingWarmUp.PARTITION + " OR message_id = '" + eventId + "'");
        queries.put("project", "SELECT count(*) FROM project WHERE street_code = " + place + " OR project_id = '"
                + projectId + "'");
        queries.put("volunteer", "SELECT count(*) FROM volunteer WHERE volunteer_id = '" + volunteerId + "'");
        for (String table : List.of("ledger_rollup", "ledger_participation", "ledger_rollup_span")) {
            queries.put(table, "SELECT count(*) FROM " + table + " WHERE street_code = " + place);
        }
        queries.put("ledger_rollup_span_volunteer", "SELECT count(*) FROM ledger_rollup_span_volunteer WHERE "
                + "volunteer_id = '" + volunteerId + "'");
        queries.put("summary_correction_needed", "SELECT count(*) FROM summary_correction_needed WHERE street_code = "
                + place);
        return RowCounts.counts(dataSource, queries);
    }
}
