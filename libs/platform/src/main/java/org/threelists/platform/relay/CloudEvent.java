package org.threelists.platform.relay;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;

/**
 * A CloudEvents 1.0 event in structured mode: the envelope and its {@code data} travel together as the JSON value
 * of the Kafka record. {@code id} is the key of idempotency for every consumer.
 */
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data"})
public record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
        String datacontenttype, Object data) {

    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public static CloudEvent of(String id, String source, String type, String subject, Instant time, Object data) {
        return new CloudEvent("1.0", id, source, type, subject, time, "application/json", data);
    }
}
