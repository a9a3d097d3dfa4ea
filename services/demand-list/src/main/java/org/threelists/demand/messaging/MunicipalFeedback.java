package org.threelists.demand.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * The {@code data} of municipal.feedback.v1: Open311's {@code open}/{@code closed} plus a finer status, so the
 * municipal platform can tell the citizen where their request stands.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MunicipalFeedback(String service_request_id, String demand_id, String status, String detailed_status,
        String status_notes, Instant updated_datetime, Integer rating) {
}
