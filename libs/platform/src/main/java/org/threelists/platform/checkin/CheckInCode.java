package org.threelists.platform.checkin;

import org.threelists.platform.domain.RuleBrokenException;

import java.time.Instant;
import java.util.Optional;

/**
 * A verified check-in code: what it was issued for ({@code subjectId}: the slip or activity), its purpose, its
 * lifetime, its nonce (which tells two codes of the same subject apart: whoever keeps the check-ins records the nonces
 * used, so a code opens its purpose once per person) and, optionally, the place it may be used at.
 */
public record CheckInCode(String text, String subjectId, CheckInPurpose purpose, Instant issuedAt, Instant expiresAt,
        String nonce, Optional<CheckInPlace> place) {

    /**
     * Whether the code was used at its place. A code that names a place opens only within its radius: the scanner's
     * position (WGS 84; not kept) is then required, and one outside the radius is refused on field {@code position}.
     * A code without a place takes no position into account and answers false.
     */
    public boolean requireAtPlace(Double latitude, Double longitude) {
        if (place.isEmpty()) {
            return false;
        }
        CheckInPlace at = place.get();
        if (latitude == null || longitude == null) {
            throw new RuleBrokenException("position", "this code is used at its place: send your position");
        }
        double metres = at.metresTo(latitude, longitude);
        if (metres > at.radiusMetres()) {
            throw new RuleBrokenException("position", "you are " + Math.round(metres) + " m from the place; this code"
                    + " is used within " + at.radiusMetres() + " m of it");
        }
        return true;
    }
}
