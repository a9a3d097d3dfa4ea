package org.threelists.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.platform.relay.CloudEvent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages another service could have put on a topic of contracts/: CloudEvents built the way the platform's relay
 * builds them, and sent to the real broker only once they conform to the topic's schema, so that tests speak the
 * published language and not a private dialect of it. Which data fields an event carries stays with each service's
 * fixtures.
 */
public final class ContractMessages {

    private ContractMessages() {
    }

    /** One CloudEvent as it travels: its id (the key of idempotency), its time and its JSON value. */
    public record Message(String id, Instant time, String json) {
    }

    /** A CloudEvent with a fresh id, sent now. */
    public static Message message(String source, String type, String subject, Object data) {
        return message(source, type, subject, data, Instant.now());
    }

    /** A CloudEvent with a fresh id whose producer stamped it {@code at} (an event that reaches its consumer late). */
    public static Message message(String source, String type, String subject, Object data, Instant at) {
        String id = UUID.randomUUID().toString();
        // Stores keep microseconds at most; a read model's timestamp taken from the event compares equal to it.
        Instant time = at.truncatedTo(ChronoUnit.MILLIS);
        try {
            return new Message(id, time, Json.mapper().writeValueAsString(CloudEvent.of(id, source, type, subject, time, data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a message its producer could have sent: it must conform to the topic's schema. */
    public static Message send(String topic, String key, Message message) {
        send(topic, key, message.json());
        return message;
    }

    /** Sends a CloudEvent's JSON value its producer could have sent: it must conform to the topic's schema. */
    public static void send(String topic, String key, String json) {
        assertConforms(topic, json);
        KafkaProbe.send(topic, key, json);
    }

    /** Sends a message as it is, valid or not: what no correct producer sends, to see a consumer refuse it. */
    public static Message sendUnchecked(String topic, String key, Message message) {
        KafkaProbe.send(topic, key, message.json());
        return message;
    }

    /** The JSON value validates against the topic's schema in contracts/schemas. */
    public static void assertConforms(String topic, String json) {
        try {
            assertThat(ContractSchemas.violations(topic, Json.mapper().readTree(json))).as(json).isEmpty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
