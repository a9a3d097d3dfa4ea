package org.threelists.demand.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.platform.checkin.CheckInPlace;
import org.threelists.platform.checkin.CheckInPurpose;

import java.util.Optional;

/** What the leader asks a code for: check-in or check-out, and optionally the place it may be used at. */
@Schema(name = "CheckInCodeRequest")
public record CheckInCodeRequest(
        @Schema(description = "CHECK_IN (签到) at the start, CHECK_OUT (签退) at the end") @NotNull CheckInPurpose purpose,
        @Schema(description = "Where the code may be used: the member's position must lie within the radius. "
                + "Usually where the leader stands; left out, the code is used anywhere") @Valid Place place) {

    Optional<CheckInPlace> checkInPlace() {
        return place == null ? Optional.empty()
                : Optional.of(new CheckInPlace(place.latitude(), place.longitude(), place.radiusMetres()));
    }

    /** A point (WGS 84) and a radius around it. */
    @Schema(name = "CheckInPlace")
    public record Place(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Schema(description = "Metres, 1 to 10000") @NotNull @Min(1) @Max(CheckInPlace.MAX_RADIUS_METRES)
            Integer radiusMetres) {
    }
}
