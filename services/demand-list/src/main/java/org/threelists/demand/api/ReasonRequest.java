package org.threelists.demand.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import static org.threelists.demand.domain.DemandLimits.*;

/**
 * Why a demand is withdrawn; optional.
 * Bounds: {@link org.threelists.demand.domain.DemandLimits}, counted in code points as JSON Schema counts;
 * {@code @Schema(maxLength)} states them in the OpenAPI document, which would otherwise count UTF-16 units.
 */
@Schema(name = "ReasonRequest")
public record ReasonRequest(@Schema(maxLength = REASON_MAX) @CodePointLength(max = REASON_MAX) String reason) {
}
