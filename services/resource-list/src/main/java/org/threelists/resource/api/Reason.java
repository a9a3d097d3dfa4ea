package org.threelists.resource.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why: for leaving, withdrawing, releasing. Optional. */
@Schema(name = "ReasonRequest")
public record Reason(@Size(max = 2000) String reason) {

    static String of(Reason body) {
        return body == null ? null : body.reason();
    }
}
