package org.threelists.demand.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.demand.service.SlipCheckIns;
import org.threelists.platform.checkin.CheckInCodes;

/** The member's scan: the code the leader showed and, for a code that names a place, where the member stands. */
@Schema(name = "CheckInRequest")
public record CheckInRequest(
        @Schema(description = "The scanned code's text", maxLength = CheckInCodes.MAX_TEXT_LENGTH,
                pattern = "^[A-Za-z0-9_-]+$")
        @NotBlank @Size(max = CheckInCodes.MAX_TEXT_LENGTH) @Pattern(regexp = "^[A-Za-z0-9_-]+$") String code,
        @Schema(description = "The member's position (WGS 84); required by a code that names a place, and not kept")
        @Valid Position position) {

    SlipCheckIns.Position at() {
        return position == null ? null : new SlipCheckIns.Position(position.latitude(), position.longitude());
    }

    @Schema(name = "Position")
    public record Position(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }
}
