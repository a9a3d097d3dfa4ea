package org.threelists.platform.checkin;

import org.junit.jupiter.api.Test;
import org.threelists.platform.checkin.CheckInCodeRefusedException.Reason;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Signed, short-lived check-in codes: what opens, and every way a code does not. */
class CheckInCodesTest {

    static final byte[] KEY = "a-test-key-of-thirty-two-bytes!!".getBytes(StandardCharsets.UTF_8);
    static final byte[] OTHER_KEY = "another-test-key-of-32-bytes!!!!".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

    final CheckInCodes codes = new CheckInCodes(KEY, Duration.ofMinutes(5));
    final String slip = UUID.randomUUID().toString();

    @Test
    void a_code_opens_its_purpose_of_its_subject_until_it_expires() {
        CheckInCode issued = codes.issue(slip, CheckInPurpose.CHECK_IN, Optional.empty(), NOW.plusMillis(700));

        assertThat(issued.issuedAt()).isEqualTo(NOW);
        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        CheckInCode verified = codes.verify(issued.text(), slip, CheckInPurpose.CHECK_IN, NOW.plusSeconds(299));
        assertThat(verified).isEqualTo(issued);
        assertThat(verified.nonce()).hasSize(12);
    }

    @Test
    void a_code_is_short_base64url_text_for_a_small_qr_code() {
        String plain = codes.issue(slip, CheckInPurpose.CHECK_OUT, Optional.empty(), NOW).text();
        String placed = codes.issue(slip, CheckInPurpose.CHECK_OUT,
                Optional.of(new CheckInPlace(24.497125, 118.139481, 200)), NOW).text();

        assertThat(plain).hasSize(66).matches("[A-Za-z0-9_-]+");
        assertThat(placed).hasSize(79).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void every_code_has_its_own_nonce() {
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            nonces.add(codes.issue(slip, CheckInPurpose.CHECK_IN, Optional.empty(), NOW).nonce());
        }
        assertThat(nonces).hasSize(100);
    }

    @Test
    void an_expired_code_is_refused() {
        String text = codes.issue(slip, CheckInPurpose.CHECK_IN, Optional.empty(), NOW).text();

        assertThat(refusal(text, slip, CheckInPurpose.CHECK_IN, NOW.plusSeconds(300)).reason())
                .isEqualTo(Reason.EXPIRED);
        assertThat(refusal(text, slip, CheckInPurpose.CHECK_IN, NOW.plus(Duration.ofDays(400))).reason())
                .isEqualTo(Reason.EXPIRED);
    }

    @Test
    void a_code_opens_only_its_own_purpose_and_subject() {
        String checkIn = codes.issue(slip, CheckInPurpose.CHECK_IN, Optional.empty(), NOW).text();

        assertThat(refusal(checkIn, slip, CheckInPurpose.CHECK_OUT, NOW).reason()).isEqualTo(Reason.WRONG_PURPOSE);
        assertThat(refusal(checkIn, UUID.randomUUID().toString(), CheckInPurpose.CHECK_IN, NOW).reason())
                .isEqualTo(Reason.OTHER_SUBJECT);
    }

    @Test
    void a_code_signed_with_another_key_or_changed_in_any_character_is_forged() {
        CheckInCodes elsewhere = new CheckInCodes(OTHER_KEY, Duration.ofMinutes(5));
        String foreign = elsewhere.issue(slip, CheckInPurpose.CHECK_IN, Optional.empty(), NOW).text();
        assertThat(refusal(foreign, slip, CheckInPurpose.CHECK_IN, NOW).reason()).isEqualTo(Reason.FORGED);

        String text = codes.issue(slip, CheckInPurpose.CHECK_IN, Optional.empty(), NOW).text();
        for (int i = 0; i < text.length(); i++) {
            char changed = text.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = text.substring(0, i) + changed + text.substring(i + 1);
            assertThat(refusal(tampered, slip, CheckInPurpose.CHECK_IN, NOW).reason()).as("character " + i)
                    .isEqualTo(Reason.FORGED);
        }
    }

    @Test
    void a_code_that_lengthens_its_own_life_is_forged() {
        byte[] whole = Base64.getUrlDecoder().decode(codes.issue(slip, CheckInPurpose.CHECK_IN, Optional.empty(),
                NOW).text());
        whole[6] = (byte) 0xFF;
        whole[7] = (byte) 0xFF;
        String extended = Base64.getUrlEncoder().withoutPadding().encodeToString(whole);

        assertThat(refusal(extended, slip, CheckInPurpose.CHECK_IN, NOW).reason()).isEqualTo(Reason.FORGED);
    }

    @Test
    void anything_that_is_not_a_code_is_refused_as_forged() {
        for (String text : new String[] {null, "", "not a code", "====", "AAAA", "x".repeat(10_000), "签到",
                Base64.getUrlEncoder().encodeToString(new byte[40])}) {
            assertThat(refusal(text, slip, CheckInPurpose.CHECK_IN, NOW).reason()).as(String.valueOf(text))
                    .isEqualTo(Reason.FORGED);
        }
    }

    @Test
    void a_code_issued_later_than_the_clock_allows_is_refused() {
        String future = codes.issue(slip, CheckInPurpose.CHECK_IN, Optional.empty(), NOW.plus(Duration.ofMinutes(3)))
                .text();

        assertThat(refusal(future, slip, CheckInPurpose.CHECK_IN, NOW).reason()).isEqualTo(Reason.FORGED);
        assertThat(codes.verify(future, slip, CheckInPurpose.CHECK_IN, NOW.plus(Duration.ofMinutes(1)))).isNotNull();
    }

    @Test
    void a_code_carries_its_place_and_an_id_that_is_not_a_uuid() {
        CheckInPlace place = new CheckInPlace(24.4971254, 118.1394809, 150);
        String text = codes.issue("activity-7", CheckInPurpose.CHECK_OUT, Optional.of(place), NOW).text();

        CheckInCode verified = codes.verify(text, "activity-7", CheckInPurpose.CHECK_OUT, NOW);
        assertThat(verified.place()).contains(new CheckInPlace(24.497125, 118.139481, 150));
        assertThat(verified.subjectId()).isEqualTo("activity-7");
    }

    @Test
    void a_place_contains_what_lies_within_its_radius() {
        CheckInPlace place = new CheckInPlace(24.497125, 118.139481, 100);

        assertThat(place.contains(24.497125, 118.139481)).isTrue();
        assertThat(place.contains(24.497125 + 0.0008, 118.139481)).as("about 89 m north").isTrue();
        assertThat(place.contains(24.497125 + 0.0010, 118.139481)).as("about 111 m north").isFalse();
        assertThat(place.metresTo(24.497125, 118.139481 + 0.01)).as("0.01° of longitude at 24.5° N")
                .isBetween(1010.0, 1014.0);
    }

    @Test
    void a_key_shorter_than_32_bytes_or_a_lifetime_out_of_range_is_not_configured() {
        assertThatThrownBy(() -> new CheckInCodes(new byte[31], Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckInCodes(KEY, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckInCodes(KEY, Duration.ofHours(19)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private CheckInCodeRefusedException refusal(String text, String subject, CheckInPurpose purpose, Instant at) {
        CheckInCodeRefusedException refused = catchThrowableOfType(CheckInCodeRefusedException.class,
                () -> codes.verify(text, subject, purpose, at));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.field()).isEqualTo("code");
        return refused;
    }
}
