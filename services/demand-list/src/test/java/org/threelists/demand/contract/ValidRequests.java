package org.threelists.demand.contract;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandLimits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Random request bodies that contracts/openapi/demand-list.json accepts: every length up to its bound, counted in code
 * points as JSON Schema counts them, from ASCII, CJK, astral-plane characters (emoji, CJK extension B) and the spaces
 * residents type; empty strings where the contract allows them. Bodies are JSON-ready maps, as a client sends them.
 */
public final class ValidRequests {

    /** Space characters: "\S" in the contract's patterns refuses a text made only of these. */
    private static final Set<Integer> SPACES = Set.of(0x20, 0x3000, 0xA0);

    private ValidRequests() {
    }

    public static Arbitrary<String> text(int minLength, int maxLength) {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0x21, 0x7E)),
                Tuple.of(4, Arbitraries.integers().between(0x4E00, 0x9FA5)),
                Tuple.of(2, Arbitraries.integers().between(0x1F600, 0x1F64F)),
                Tuple.of(2, Arbitraries.integers().between(0x20000, 0x2A6D6)),
                Tuple.of(1, Arbitraries.of(SPACES)));
        return codePoint.list().ofMinSize(minLength).ofMaxSize(maxLength)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
    }

    /** A text with at least one character that is not a space (the contract's pattern "\S"). */
    public static Arbitrary<String> nonBlank(int maxLength) {
        return text(1, maxLength).filter(ValidRequests::hasNonSpace);
    }

    public static Arbitrary<Map<String, Object>> submit(String communityCode) {
        return details().map(body -> {
            body.put("communityCode", communityCode);
            return body;
        });
    }

    /** The body of an amendment: the same details as a submission, without the community. */
    public static Arbitrary<Map<String, Object>> details() {
        Arbitrary<String> compound = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just(""),
                text(0, DemandLimits.COMPOUND_MAX));
        Arbitrary<String> building = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just(""),
                text(0, DemandLimits.BUILDING_MAX));
        Arbitrary<List<String>> skills = nonBlank(DemandLimits.SKILL_MAX).list().ofMaxSize(DemandLimits.SKILLS_MAX);
        Arbitrary<BigDecimal> hours = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.01"), new BigDecimal(DemandLimits.HOURS_MAX)).ofScale(2);
        Arbitrary<Integer> beneficiaries = Arbitraries.integers()
                .between(DemandLimits.BENEFICIARIES_MIN, DemandLimits.BENEFICIARIES_MAX);
        Arbitrary<Integer> startIn = Arbitraries.integers().between(0, 365);
        Arbitrary<Integer> lasting = Arbitraries.integers().between(0, 60);
        Arbitrary<Integer> deadlineAfter = Arbitraries.integers().between(-1, 90);
        List<Arbitrary<Object>> parts = List.of(compound.asGeneric(), building.asGeneric(),
                Arbitraries.of(Category.class).asGeneric(), nonBlank(DemandLimits.DESCRIPTION_MAX).asGeneric(),
                beneficiaries.asGeneric(), Arbitraries.of(Urgency.class).asGeneric(), hours.asGeneric(),
                skills.asGeneric(), startIn.asGeneric(), lasting.asGeneric(), deadlineAfter.asGeneric(),
                Arbitraries.of(true, false).asGeneric());
        return Combinators.combine(parts).as(values -> {
                    Map<String, Object> body = new HashMap<>();
                    body.put("compound", values.get(0));
                    body.put("building", values.get(1));
                    body.put("category", ((Category) values.get(2)).name());
                    body.put("description", values.get(3));
                    body.put("beneficiaries", values.get(4));
                    body.put("urgency", ((Urgency) values.get(5)).name());
                    body.put("estimatedHours", values.get(6));
                    body.put("requiredSkills", values.get(7));
                    if ((Boolean) values.get(11)) {
                        LocalDate start = LocalDate.now().plusDays((Integer) values.get(8));
                        LocalDate end = start.plusDays((Integer) values.get(9));
                        body.put("window", Map.of("start", start.toString(), "end", end.toString()));
                        int after = (Integer) values.get(10);
                        if (after >= 0) {
                            body.put("deadline", end.plusDays(after).toString());
                        }
                    }
                    body.values().removeIf(v -> v == null);
                    return body;
                });
    }

    /** A withdrawal's reason: absent, empty or any text up to its bound. */
    public static Arbitrary<String> withdrawalReason() {
        return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.just(""), text(0, DemandLimits.REASON_MAX));
    }

    public static Arbitrary<String> rejectionReason() {
        return nonBlank(DemandLimits.REASON_MAX);
    }

    private static boolean hasNonSpace(String text) {
        return text.codePoints().anyMatch(cp -> !SPACES.contains(cp));
    }

    static String describe(Map<String, Object> body) {
        return body.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
