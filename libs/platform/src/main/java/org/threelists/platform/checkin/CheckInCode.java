package org.threelists.platform.checkin;

import java.time.Instant;
import java.util.Optional;

/**
 * A verified check-in code: what it was issued for ({@code subjectId}: the slip or activity), its purpose, its
 * lifetime, its nonce (which tells two codes of the same subject apart: whoever keeps the check-ins records the nonces
 * used, so a code opens its purpose once per person) and, optionally, the place it may be used at.
 */
public record CheckInCode(String text, String subjectId, CheckInPurpose purpose, Instant issuedAt, Instant expiresAt,
        String nonce, Optional<CheckInPlace> place) {
}
