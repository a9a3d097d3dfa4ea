package org.threelists.demand.api;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import static org.threelists.demand.domain.DemandLimits.*;

/**
 * The reviewed public description a verifier may confirm when putting a demand on the list. The body, and the
 * description in it, are optional ({@code {}} verifies as it stands); a description given must not be blank.
 * Bounds: {@link org.threelists.demand.domain.DemandLimits}, counted in code points as JSON Schema counts;
 * {@code @Schema(maxLength)} states them in the OpenAPI document, which would otherwise count UTF-16 units.
 */
@Schema(name = "VerifyDemandRequest", description = "Optional; required for a demand from a hotline ticket whose "
        + "text was not reviewed yet")
public record VerifyDemandRequest(
        @Schema(description = "The public description, reviewed: no resident's name, phone or address",
                maxLength = DESCRIPTION_MAX)
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @CodePointLength(max = DESCRIPTION_MAX)
        String description) {
}
