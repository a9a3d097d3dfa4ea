package org.threelists.platform.checkin;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.threelists.platform.checkin.CheckInCodeRefusedException.Reason;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies short-lived, signed check-in codes (签到码), as China's volunteer platforms show them as QR codes
 * at an activity (libs/platform/README.md, "Check-in codes"). A code is base64url of a few bytes — version, purpose,
 * issued-at (epoch seconds), lifetime, a random nonce, the optional place and radius, the slip's or activity's id
 * (16 bytes when it is a UUID) — followed by the first 16 bytes of their HMAC-SHA256 under the service's check-in key
 * ({@code threelists.check-in.key}, base64 of at least 32 bytes). A code for a UUID is 66 characters, 79 with a
 * place: a small QR code. Verification refuses a code that is forged or damaged, expired, of the other purpose or of
 * another subject; whether it was used already is the caller's to know (its nonce).
 */
@Singleton
public class CheckInCodes {

    static final byte VERSION = 1;
    static final int MAC_BYTES = 16;
    static final int NONCE_BYTES = 9;
    /** The longest code text accepted for decoding: a 64-byte id with a place. */
    public static final int MAX_TEXT_LENGTH = 160;
    static final int MAX_SUBJECT_BYTES = 64;
    /** Clocks of two replicas may differ by this much; a code issued later than that is not believed. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final int PURPOSE_OUT = 1;
    private static final int HAS_PLACE = 2;
    private static final int UUID_SUBJECT = 4;
    private static final int HEADER_BYTES = 1 + 1 + 4 + 2 + NONCE_BYTES;
    private static final int PLACE_BYTES = 4 + 4 + 2;

    private final SecretKeySpec key;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    @Inject
    CheckInCodes(@ConfigProperty(name = "threelists.check-in.key") String key,
            @ConfigProperty(name = "threelists.check-in.code-lifetime", defaultValue = "PT5M") Duration lifetime) {
        this(decodeKey(key), lifetime);
    }

    public CheckInCodes(byte[] key, Duration lifetime) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("threelists.check-in.key must be at least 32 bytes, base64-encoded");
        }
        if (lifetime == null || lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.getSeconds() > 0xFFFF) {
            throw new IllegalArgumentException("threelists.check-in.code-lifetime must be 1 s to 18 h");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A new code for {@code subjectId} and {@code purpose}, valid from {@code now} for the configured lifetime. */
    public CheckInCode issue(String subjectId, CheckInPurpose purpose, Optional<CheckInPlace> place, Instant now) {
        byte[] subject = subjectBytes(subjectId);
        boolean uuid = subject.length == 16 && isUuid(subjectId);
        Instant issuedAt = Instant.ofEpochSecond(now.getEpochSecond());
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        ByteBuffer body = ByteBuffer.allocate(HEADER_BYTES + (place.isPresent() ? PLACE_BYTES : 0) + subject.length);
        body.put(VERSION);
        body.put((byte) ((purpose == CheckInPurpose.CHECK_OUT ? PURPOSE_OUT : 0) | (place.isPresent() ? HAS_PLACE : 0)
                | (uuid ? UUID_SUBJECT : 0)));
        body.putInt((int) issuedAt.getEpochSecond());
        body.putShort((short) lifetime.getSeconds());
        body.put(nonce);
        place.ifPresent(p -> {
            body.putInt((int) Math.round(p.latitude() * 1_000_000d));
            body.putInt((int) Math.round(p.longitude() * 1_000_000d));
            body.putShort((short) p.radiusMetres());
        });
        body.put(subject);
        byte[] signed = body.array();
        byte[] whole = Arrays.copyOf(signed, signed.length + MAC_BYTES);
        System.arraycopy(mac(signed), 0, whole, signed.length, MAC_BYTES);
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(whole);
        return new CheckInCode(text, subjectId, purpose, issuedAt, issuedAt.plus(lifetime), encode(nonce), place);
    }

    /**
     * The code {@code text}, if it opens {@code purpose} of {@code subjectId} at {@code now}; otherwise a
     * {@link CheckInCodeRefusedException} saying why. The signature is checked before anything the code says is
     * believed.
     */
    public CheckInCode verify(String text, String subjectId, CheckInPurpose purpose, Instant now) {
        byte[] whole = decode(text);
        byte[] signed = Arrays.copyOf(whole, whole.length - MAC_BYTES);
        byte[] givenMac = Arrays.copyOfRange(whole, signed.length, whole.length);
        if (!MessageDigest.isEqual(Arrays.copyOf(mac(signed), MAC_BYTES), givenMac)) {
            throw forged();
        }
        ByteBuffer body = ByteBuffer.wrap(signed);
        if (body.get() != VERSION) {
            throw forged();
        }
        int flags = body.get();
        Instant issuedAt = Instant.ofEpochSecond(Integer.toUnsignedLong(body.getInt()));
        Instant expiresAt = issuedAt.plusSeconds(Short.toUnsignedInt(body.getShort()));
        byte[] nonce = new byte[NONCE_BYTES];
        body.get(nonce);
        Optional<CheckInPlace> place = Optional.empty();
        if ((flags & HAS_PLACE) != 0) {
            place = Optional.of(new CheckInPlace(body.getInt() / 1_000_000d, body.getInt() / 1_000_000d,
                    Short.toUnsignedInt(body.getShort())));
        }
        byte[] subject = new byte[body.remaining()];
        body.get(subject);
        String codeSubject = (flags & UUID_SUBJECT) != 0 ? uuid(subject).toString()
                : new String(subject, StandardCharsets.UTF_8);
        CheckInPurpose codePurpose = (flags & PURPOSE_OUT) != 0 ? CheckInPurpose.CHECK_OUT : CheckInPurpose.CHECK_IN;
        if (!codeSubject.equals(subjectId)) {
            throw new CheckInCodeRefusedException(Reason.OTHER_SUBJECT, "this code was issued for another slip or activity");
        }
        if (codePurpose != purpose) {
            throw new CheckInCodeRefusedException(Reason.WRONG_PURPOSE, "this is a " + codePurpose.zh() + " ("
                    + codePurpose + ") code, not a " + purpose.zh() + " (" + purpose + ") one");
        }
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw forged();
        }
        if (!now.isBefore(expiresAt)) {
            throw new CheckInCodeRefusedException(Reason.EXPIRED, "this code expired at " + expiresAt
                    + "; ask for a new one");
        }
        return new CheckInCode(text, codeSubject, codePurpose, issuedAt, expiresAt, encode(nonce), place);
    }

    private static byte[] decode(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            throw forged();
        }
        byte[] whole;
        try {
            whole = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw forged();
        }
        // One code, one text: a variant that decodes to the same bytes (padding, unused low bits) is not the code.
        if (whole.length <= HEADER_BYTES + MAC_BYTES
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(whole).equals(text)) {
            throw forged();
        }
        return whole;
    }

    private byte[] mac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] subjectBytes(String subjectId) {
        if (subjectId == null || subjectId.isEmpty()) {
            throw new IllegalArgumentException("a check-in code is issued for a slip or an activity");
        }
        if (isUuid(subjectId)) {
            UUID uuid = UUID.fromString(subjectId);
            return ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits()).array();
        }
        byte[] bytes = subjectId.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_SUBJECT_BYTES) {
            throw new IllegalArgumentException("an id of at most " + MAX_SUBJECT_BYTES + " bytes");
        }
        return bytes;
    }

    /** A UUID in its canonical lower-case form, so that it reads back as the same text. */
    private static boolean isUuid(String id) {
        if (id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static UUID uuid(byte[] bytes) {
        if (bytes.length != 16) {
            throw forged();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new UUID(b.getLong(), b.getLong());
    }

    private static String encode(byte[] nonce) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
    }

    private static byte[] decodeKey(String base64) {
        try {
            return Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("threelists.check-in.key must be base64", e);
        }
    }

    private static CheckInCodeRefusedException forged() {
        return new CheckInCodeRefusedException(Reason.FORGED, "this is not a check-in code of this service");
    }
}
