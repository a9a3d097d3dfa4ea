package org.threelists.ledger.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.threelists.ledger.Fixtures;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demand-list events the ledger skips unparsed are exactly the topic's types it records nothing for; anything it
 * cannot read plainly (an unknown or missing type, a body that is not one JSON object) goes the full way, to be
 * recorded or dead-lettered as before.
 */
class UnrecordedEventsTest {

    private static final UnrecordedEvents SKIPPED = DemandListEventsHandler.UNRECORDED;

    @Test
    void the_topics_other_steps_are_skipped_and_what_the_ledger_records_is_not() {
        assertThat(SKIPPED.types()).contains("threelists.demand.verified.v1", "threelists.slip.reported.v1",
                "threelists.slip.dispatched.v1", "threelists.demand.rated.v1")
                .doesNotContainAnyElementsOf(DemandListEventsHandler.RECORDED);
        assertThat(SKIPPED.skips(record(Fixtures.demandListEvent("slip.reported", "d-1", Map.of("slipId", "s-1"))
                .json()))).isTrue();
        String demand = UUID.randomUUID().toString();
        assertThat(SKIPPED.skips(record(Fixtures.demandSubmitted(demand, "heping", "xihuxincun", "SANITATION", 2)
                .json()))).isFalse();
    }

    @Test
    void a_type_header_decides_before_the_body() {
        ConsumerRecord<String, byte[]> binary = record("{}");
        binary.headers().add("ce_type", "threelists.demand.verified.v1".getBytes(StandardCharsets.UTF_8));
        assertThat(SKIPPED.skips(binary)).isTrue();
    }

    @Test
    void what_is_not_plainly_a_known_type_goes_the_full_way() {
        for (String body : new String[] {"", "not json", "[1]", "{\"type\": 3}", "{\"id\": \"x\"}",
                "{\"type\": \"threelists.fuzz.unknown.v1\"}", "{\"type\": \"threelists.demand.verified.v1\"",
                "{\"type\": \"threelists.demand.verified.v1\"} {}",
                "{\"type\": \"threelists.demand.verified.v1\", \"type\": \"threelists.slip.closed.v1\"}"}) {
            assertThat(SKIPPED.skips(record(body))).as(body).isFalse();
        }
    }

    private static ConsumerRecord<String, byte[]> record(String json) {
        return new ConsumerRecord<>(Topics.DEMAND_EVENTS, 0, 0, "key", json.getBytes(StandardCharsets.UTF_8));
    }
}
