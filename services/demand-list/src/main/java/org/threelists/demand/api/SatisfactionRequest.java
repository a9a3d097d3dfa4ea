package org.threelists.demand.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The resident's satisfaction with the service, as the community asked: 1–2 reopens the slip, 3–5 closes it. */
@Schema(name = "SatisfactionRequest")
public record SatisfactionRequest(@NotNull @Min(1) @Max(5) Integer score) {
}
