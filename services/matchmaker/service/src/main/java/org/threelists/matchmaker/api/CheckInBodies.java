package org.threelists.matchmaker.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.matchmaker.projection.ProjectProjection.AttendanceLine;
import org.threelists.platform.checkin.CheckInCode;
import org.threelists.platform.checkin.CheckInCodes;
import org.threelists.platform.checkin.CheckInPlace;
import org.threelists.platform.checkin.CheckInPurpose;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The bodies of check-in and check-out at a project's activity (README "Check-in and reconciliation"). */
public final class CheckInBodies {

    private CheckInBodies() {
    }

    /** What a holder or the desk asks a code for: check-in or check-out, and optionally the place it may be used at. */
    @Schema(name = "CheckInCodeRequest")
    public record CodeRequest(
            @Schema(description = "CHECK_IN (签到) at the start, CHECK_OUT (签退) at the end") @NotNull CheckInPurpose purpose,
            @Schema(description = "Where the code may be used: the volunteer's position must lie within the radius. "
                    + "Usually where the activity is; left out, the code is used anywhere") @Valid Place place) {

        Optional<CheckInPlace> checkInPlace() {
            return place == null ? Optional.empty()
                    : Optional.of(new CheckInPlace(place.latitude(), place.longitude(), place.radiusMetres()));
        }
    }

    /** A point (WGS 84) and a radius around it. */
    @Schema(name = "CheckInPlace")
    public record Place(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Schema(description = "Metres, 1 to 10000") @NotNull @Min(1) @Max(CheckInPlace.MAX_RADIUS_METRES)
            Integer radiusMetres) {
    }

    /** The volunteer's scan: the code shown at the activity and, for a code that names a place, where they stand. */
    @Schema(name = "CheckInRequest")
    public record ScanRequest(
            @Schema(description = "The scanned code's text", maxLength = CheckInCodes.MAX_TEXT_LENGTH,
                    pattern = "^[A-Za-z0-9_-]+$")
            @NotBlank @Size(max = CheckInCodes.MAX_TEXT_LENGTH) @Pattern(regexp = "^[A-Za-z0-9_-]+$") String code,
            @Schema(description = "The volunteer's position (WGS 84); required by a code that names a place, and not kept")
            @Valid Position position) {

        Double latitude() {
            return position == null ? null : position.latitude();
        }

        Double longitude() {
            return position == null ? null : position.longitude();
        }
    }

    @Schema(name = "Position")
    public record Position(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    /** A check-in code to show as a QR code: its text is all the volunteer's phone sends back. */
    @Schema(name = "CheckInCode")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Code(String projectId, CheckInPurpose purpose, String purposeLabel,
            @Schema(description = "The signed code (base64url); draw it as a QR code") String code, Instant issuedAt,
            @Schema(description = "The code opens nothing from then on") Instant expiresAt, Place place) {

        static Code of(CheckInCode code) {
            return new Code(code.subjectId(), code.purpose(), code.purpose().zh(), code.text(), code.issuedAt(),
                    code.expiresAt(), code.place().map(p -> new Place(p.latitude(), p.longitude(), p.radiusMetres()))
                    .orElse(null));
        }
    }

    /**
     * What the volunteer's phone shows after a scan: the activity (no title: the desk may type a resident's name into
     * it) and the volunteer's own line, nobody else's.
     */
    @Schema(name = "ActivityCheckIn")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attendance(String projectId, LocalDate date, String place, String volunteerId, String unitId,
            @Schema(description = "While checked in: when this round began") Instant checkedInAt,
            @Schema(description = "The hours of the rounds checked out so far (to the nearest quarter hour)")
            BigDecimal checkedHours,
            Instant lastCheckedOutAt,
            @Schema(description = "Whether the code named a place and the position lay within it") boolean atPlace) {

        static Attendance of(String projectId, LocalDate date, String place, AttendanceLine line, boolean atPlace) {
            return new Attendance(projectId, date, place, line.volunteerId(), line.unitId(), line.checkedInAt(),
                    line.checkedHours(), line.lastCheckedOutAt(), atPlace);
        }
    }
}
