package org.threelists.demand.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import static org.threelists.demand.domain.DemandLimits.*;

/**
 * Why a demand is rejected; required.
 * Bounds: {@link org.threelists.demand.domain.DemandLimits}, counted in code points as JSON Schema counts;
 * {@code @Schema(maxLength)} states them in the OpenAPI document, which would otherwise count UTF-16 units.
 */
@Schema(name = "RejectDemandRequest")
public record RejectDemandRequest(@Schema(maxLength = REASON_MAX) @NotBlank @CodePointLength(max = REASON_MAX) String reason) {
}
