package org.threelists.matchmaker.contract;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generators of request values within the OpenAPI constraints of the matchmaker's write operations
 * (contracts/openapi/matchmaker.json): texts from one character to their maximum, with Chinese, Latin, digits,
 * punctuation and inner whitespace; numbers from their minimum to their maximum.
 */
final class ValidRequests {

    private ValidRequests() {
    }

    /** A text of 1 to {@code max} characters that is not blank. */
    static Arbitrary<String> text(int max) {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars(" -_.,;:!?()'\"/\\")
                        .withCharRange('\u4e00', '\u9fa5').withChars('·', '、', '，', '。', '（', '）', 'é', 'ß', '\t')
                        .ofMinLength(1).ofMaxLength(max),
                Arbitraries.of("x", "调", "x".repeat(max), "调".repeat(max)))
                .filter(s -> !s.isBlank());
    }

    /** An optional text: absent, or 1 to {@code max} characters. */
    static Arbitrary<String> optionalText(int max) {
        return text(max).injectNull(0.3);
    }

    static Arbitrary<BigDecimal> hours() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("24")).ofScale(2)
                .edgeCases(c -> c.add(new BigDecimal("24")));
    }

    static Arbitrary<Integer> residentsServed() {
        return Arbitraries.integers().between(0, 100_000);
    }

    static Arbitrary<Integer> score() {
        return Arbitraries.integers().between(1, 5);
    }

    /** The fields a delivery report may fill in freely (the volunteers come from the roster). */
    static Arbitrary<Map<String, Object>> delivery() {
        return Combinators.combine(text(200), residentsServed(), optionalText(2000), hours(), optionalText(40))
                .as((place, residents, notes, hours, maskedName) -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("place", place);
                    body.put("residentsServed", residents);
                    if (notes != null) {
                        body.put("notes", notes);
                    }
                    Map<String, Object> volunteer = new LinkedHashMap<>();
                    volunteer.put("hours", hours);
                    if (maskedName != null) {
                        volunteer.put("maskedName", maskedName);
                    }
                    body.put("volunteer", volunteer);
                    return body;
                });
    }
}
