package org.threelists.platform.relay;

/** One message for Kafka: the topic, the record key (the aggregate's id) and the CloudEvent. */
public record IntegrationEvent(String topic, String key, CloudEvent event) {
}
