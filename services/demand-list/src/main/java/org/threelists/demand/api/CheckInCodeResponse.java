package org.threelists.demand.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.threelists.platform.checkin.CheckInCode;
import org.threelists.platform.checkin.CheckInPurpose;

import java.time.Instant;

/** A check-in code to show as a QR code: its text is all the member's phone sends back. */
@Schema(name = "CheckInCode")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckInCodeResponse(String slipId, CheckInPurpose purpose, String purposeLabel,
        @Schema(description = "The signed code (base64url); draw it as a QR code") String code, Instant issuedAt,
        @Schema(description = "The code opens nothing from then on") Instant expiresAt,
        CheckInCodeRequest.Place place) {

    static CheckInCodeResponse of(CheckInCode code) {
        return new CheckInCodeResponse(code.subjectId(), code.purpose(), code.purpose().zh(), code.text(),
                code.issuedAt(), code.expiresAt(), code.place().map(p -> new CheckInCodeRequest.Place(p.latitude(),
                        p.longitude(), p.radiusMetres())).orElse(null));
    }
}
