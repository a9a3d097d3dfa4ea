package org.threelists.matchmaker.contract;

import org.threelists.testing.gen.Gen;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generators of request values within the OpenAPI constraints of the matchmaker's write operations
 * (contracts/openapi/matchmaker.json): texts from one character to their maximum, with Chinese, Latin, digits,
 * punctuation and inner whitespace; numbers from their minimum to their maximum.
 */
final class ValidRequests {

    /** Latin letters and digits, ASCII punctuation, the common CJK ideographs, CJK punctuation, accents and a tab. */
    private static final Gen<Integer> CHARACTERS = Gen.oneOf(
            Gen.integers('a', 'z'),
            Gen.integers('0', '9'),
            Gen.codePointsOf(" -_.,;:!?()'\"/\\"),
            Gen.integers('\u4e00', '\u9fa5'),
            Gen.codePointsOf("·、，。（）éß\t"));

    private ValidRequests() {
    }

    /** A text of 1 to {@code max} characters that is not blank. */
    static Gen<String> text(int max) {
        return Gen.<String>oneOf(
                Gen.text(CHARACTERS, 1, max),
                Gen.of("x", "调", "x".repeat(max), "调".repeat(max)))
                .filter(s -> !s.isBlank());
    }

    /** An optional text: absent three times in ten, else 1 to {@code max} characters. */
    static Gen<String> optionalText(int max) {
        return Gen.frequency(new int[] {3, 7}, List.of(Gen.<String>just(null), text(max)));
    }

    /** Hours from 0.01 to 24 with two decimals, often at a bound (24 among them). */
    static Gen<BigDecimal> hours() {
        return Gen.decimals(new BigDecimal("0.01"), new BigDecimal("24"), 2);
    }

    static Gen<Integer> residentsServed() {
        return Gen.integers(0, 100_000);
    }

    static Gen<Integer> score() {
        return Gen.integers(1, 5);
    }

    /** The fields a delivery report may fill in freely (the volunteers come from the roster). */
    static Gen<Map<String, Object>> delivery() {
        Gen<String> places = text(200);
        Gen<Integer> residents = residentsServed();
        Gen<String> notes = optionalText(2000);
        Gen<BigDecimal> hours = hours();
        Gen<String> maskedNames = optionalText(40);
        return random -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("place", places.next(random));
            body.put("residentsServed", residents.next(random));
            String notesText = notes.next(random);
            if (notesText != null) {
                body.put("notes", notesText);
            }
            Map<String, Object> volunteer = new LinkedHashMap<>();
            volunteer.put("hours", hours.next(random));
            String maskedName = maskedNames.next(random);
            if (maskedName != null) {
                volunteer.put("maskedName", maskedName);
            }
            body.put("volunteer", volunteer);
            return body;
        };
    }
}
