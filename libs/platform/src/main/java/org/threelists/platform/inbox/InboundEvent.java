package org.threelists.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A CloudEvent read from a topic of the published language, accepted only when it is JSON and valid against the
 * topic's schema (contracts/schemas): whatever is not can never be applied and goes to the DLQ.
 *
 * @param type the CloudEvents type, e.g. {@code threelists.demand.verified.v1}
 * @param time when the event happened in its producer: the read model's {@code updated_at}
 */
public record InboundEvent(String id, String type, String subject, Instant time, JsonNode data) {

    public static InboundEvent parse(String topic, ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        JsonNode event = json(record);
        List<String> violations = ContractSchemas.violations(topic, event);
        if (!violations.isEmpty()) {
            throw new InvalidMessageException("Violates " + topic + " schema: " + violations);
        }
        return new InboundEvent(event.get("id").asText(), event.get("type").asText(), event.get("subject").asText(),
                Instant.parse(event.get("time").asText()), event.get("data"));
    }

    /**
     * The CloudEvents id, the key of idempotency, read before the schema is checked: a redelivered invalid event is
     * then recognised too, and dead-lettered only once.
     */
    public static String idOf(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        JsonNode id = json(record).get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new InvalidMessageException("No CloudEvents id");
        }
        return id.asText();
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) throws InvalidMessageException {
        JsonNode event;
        try {
            event = record.value() == null ? null : Json.mapper().readTree(record.value());
        } catch (IOException e) {
            throw new InvalidMessageException("Not JSON: " + e.getMessage(), e);
        }
        if (event == null || !event.isObject()) {
            throw new InvalidMessageException("Not a JSON object");
        }
        return event;
    }

    /** The event's name without prefix and version: {@code threelists.demand.verified.v1} → {@code demand.verified}. */
    public String name() {
        return type.substring("threelists.".length(), type.lastIndexOf(".v"));
    }

    public String actor() {
        return data.path("actor").asText();
    }

    public String text(String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
