package org.threelists.demand.contract;

import org.threelists.contracts.Category;
import org.threelists.contracts.Urgency;
import org.threelists.demand.domain.DemandLimits;
import org.threelists.platform.domain.RecordDates;
import org.threelists.testing.gen.Gen;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

    private static final Gen<Integer> CODE_POINTS = Gen.frequency(new int[] {4, 4, 2, 2, 1}, List.of(
            Gen.integers(0x21, 0x7E),
            Gen.integers(0x4E00, 0x9FA5),
            Gen.integers(0x1F600, 0x1F64F),
            Gen.integers(0x20000, 0x2A6D6),
            Gen.of(SPACES.toArray(Integer[]::new))));

    public static Gen<String> text(int minLength, int maxLength) {
        return Gen.text(CODE_POINTS, minLength, maxLength);
    }

    /** A text with at least one character that is not a space (the contract's pattern "\S"). */
    public static Gen<String> nonBlank(int maxLength) {
        return text(1, maxLength).filter(ValidRequests::hasNonSpace);
    }

    public static Gen<Map<String, Object>> submit(String communityCode) {
        return details().map(body -> {
            body.put("communityCode", communityCode);
            return body;
        });
    }

    /** The body of an amendment: the same details as a submission, without the community. */
    public static Gen<Map<String, Object>> details() {
        Gen<String> compound = Gen.oneOf(Gen.just(null), Gen.just(""), text(0, DemandLimits.COMPOUND_MAX));
        Gen<String> building = Gen.oneOf(Gen.just(null), Gen.just(""), text(0, DemandLimits.BUILDING_MAX));
        Gen<List<String>> skills = nonBlank(DemandLimits.SKILL_MAX).list(0, DemandLimits.SKILLS_MAX);
        Gen<BigDecimal> hours = Gen.decimals(new BigDecimal("0.01"), new BigDecimal(DemandLimits.HOURS_MAX), 2);
        Gen<Integer> beneficiaries = Gen.integers(DemandLimits.BENEFICIARIES_MIN, DemandLimits.BENEFICIARIES_MAX);
        Gen<Integer> startIn = Gen.integers(0, 365);
        Gen<Integer> lasting = Gen.integers(0, 60);
        Gen<Integer> deadlineAfter = Gen.integers(-1, 90);
        Gen<Integer> anyDay = Gen.oneOf(Gen.just(0), Gen.just((int) ChronoUnit.DAYS.between(RecordDates.EARLIEST,
                RecordDates.LATEST)), Gen.integers(0, (int) ChronoUnit.DAYS.between(RecordDates.EARLIEST,
                RecordDates.LATEST)));
        Gen<String> description = nonBlank(DemandLimits.DESCRIPTION_MAX);
        return random -> {
            Map<String, Object> body = new HashMap<>();
            body.put("compound", compound.next(random));
            body.put("building", building.next(random));
            body.put("category", Gen.of(Category.class).next(random).name());
            body.put("description", description.next(random));
            body.put("beneficiaries", beneficiaries.next(random));
            body.put("urgency", Gen.of(Urgency.class).next(random).name());
            body.put("estimatedHours", hours.next(random));
            body.put("requiredSkills", skills.next(random));
            if (random.nextBoolean()) {
                // mostly the coming year; now and then anywhere in the records' years, their bounds included, which
                // the topic's four-digit dates must carry as well
                LocalDate start = random.nextInt(4) > 0 ? LocalDate.now().plusDays(startIn.next(random))
                        : RecordDates.EARLIEST.plusDays(anyDay.next(random));
                LocalDate end = atMostLatest(start.plusDays(lasting.next(random)));
                body.put("window", Map.of("start", start.toString(), "end", end.toString()));
                int after = deadlineAfter.next(random);
                if (after >= 0) {
                    body.put("deadline", atMostLatest(end.plusDays(after)).toString());
                }
            }
            body.values().removeIf(v -> v == null);
            return body;
        };
    }

    private static LocalDate atMostLatest(LocalDate date) {
        return date.isAfter(RecordDates.LATEST) ? RecordDates.LATEST : date;
    }

    /** A withdrawal's reason: absent, empty or any text up to its bound. */
    public static Gen<String> withdrawalReason() {
        return Gen.oneOf(Gen.just(null), Gen.just(""), text(0, DemandLimits.REASON_MAX));
    }

    public static Gen<String> rejectionReason() {
        return nonBlank(DemandLimits.REASON_MAX);
    }

    private static boolean hasNonSpace(String text) {
        return text.codePoints().anyMatch(cp -> !SPACES.contains(cp));
    }

    static String describe(Map<String, Object> body) {
        return body.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
