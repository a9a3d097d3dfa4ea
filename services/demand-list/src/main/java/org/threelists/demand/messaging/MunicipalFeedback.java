package org.threelists.demand.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.threelists.platform.relay.CloudEvent;
import org.threelists.platform.relay.IntegrationEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@code data} of municipal.feedback.v1: Open311's {@code open}/{@code closed} plus a finer status, so the
 * municipal platform can tell the citizen where their request stands.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MunicipalFeedback(String service_request_id, String demand_id, String status, String detailed_status,
        String status_notes, Instant updated_datetime, Integer rating) {

    static final String TYPE = "threelists.municipal.feedback.v1";

    /**
     * The message, keyed by the ticket. Its id is derived from the domain event's, so that the relay, should it map the
     * event again, publishes the same message and the platform can drop the copy.
     */
    IntegrationEvent message(String domainEventId) {
        String id = UUID.nameUUIDFromBytes((domainEventId + "/feedback").getBytes(StandardCharsets.UTF_8)).toString();
        return new IntegrationEvent(Topics.MUNICIPAL_FEEDBACK, service_request_id, CloudEvent.of(id, Topics.SOURCE,
                TYPE, service_request_id, updated_datetime, this));
    }
}
