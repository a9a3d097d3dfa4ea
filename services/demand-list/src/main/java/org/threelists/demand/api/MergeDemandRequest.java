package org.threelists.demand.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The demand a duplicate is merged into. */
@Schema(name = "MergeDemandRequest")
public record MergeDemandRequest(@NotBlank @Size(max = 36) @Schema(description = "The demand this one duplicates") String duplicateOf) {
}
