package org.threelists.bench;

import org.threelists.contracts.Category;
import org.threelists.contracts.CommunityDirectory;
import org.threelists.devkit.DevTokens;
import org.threelists.localstack.DemoClock;
import org.threelists.localstack.LocalStack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo world of contracts/reference/communities.json as the end-to-end part uses it: every street office and its
 * communities, every category; per street {@value #UNITS_PER_STREET} member units of the bench, each offering volunteer
 * hours in 9 of the 13 categories (so every category has at least two candidate units) to every community of its
 * street, with a TOTAL capacity far above what the run asks for ("generous offers": capacity never limits a proposal).
 * Tokens are made once per subject (signing one costs ~1 ms).
 */
final class World {

    static final int UNITS_PER_STREET = 3;
    static final int OFFER_HOURS = 10_000_000;
    static final List<String> SKILLS = List.of("上门服务", "健康咨询", "法律咨询", "心理疏导", "维修", "文艺");

    /** A community of the directory. */
    record Place(String street, String community, String communityName, String compound) {
    }

    /** A bench member unit and its one offer. */
    record Unit(String street, String unitId, String resourceId, List<String> categories) {
    }

    final List<Place> places = new ArrayList<>();
    final Map<String, List<String>> communitiesByStreet = new LinkedHashMap<>();
    final List<Unit> units = new ArrayList<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    World() {
        for (CommunityDirectory.Community c : CommunityDirectory.standard().all()) {
            places.add(new Place(c.streetCode(), c.code(), c.name(), c.compounds().isEmpty() ? null : c.compounds().get(0)));
            communitiesByStreet.computeIfAbsent(c.streetCode(), s -> new ArrayList<>()).add(c.code());
        }
    }

    List<String> streets() {
        return List.copyOf(communitiesByStreet.keySet());
    }

    String desk(String street) {
        return tokens.computeIfAbsent("desk/" + street, k -> DevTokens.desk("bench-desk-" + street, street));
    }

    String auditor(String street) {
        return tokens.computeIfAbsent("auditor/" + street, k -> DevTokens.auditor("bench-auditor-" + street, street));
    }

    String community(Place place) {
        return tokens.computeIfAbsent("community/" + place.community(),
                k -> DevTokens.community("bench-worker-" + place.community(), place.street(), place.community()));
    }

    String unit(String street, String unitId) {
        return tokens.computeIfAbsent("unit/" + unitId, k -> DevTokens.unit("bench-member-" + unitId, unitId, street));
    }

    /** Registers the units and their offers through resource-list's REST API (as the desk and the units would). */
    void registerUnits(LocalStack stack, Http http) throws Exception {
        String base = stack.baseUrl(LocalStack.RESOURCE_LIST);
        Category[] all = Category.values();
        LocalDate today = DemoClock.today();
        for (String street : streets()) {
            List<String> communities = communitiesByStreet.get(street);
            for (int i = 0; i < UNITS_PER_STREET; i++) {
                String unitId = "unit-bench-" + street + "-" + (i + 1);
                http.post(base + "/units", desk(street), Map.of("unitId", unitId, "name", "压测共建单位 " + street + " " + (i + 1),
                        "kind", "PUBLIC_INSTITUTION", "partyOrganisation", "压测党支部", "communities", communities))
                        .expect(201, "register " + unitId);
                List<String> categories = new ArrayList<>();
                for (int k = 0; k < 9; k++) {
                    categories.add(all[(i * 4 + k) % all.length].name());
                }
                // the unit's home community first: the engine scores proximity by the first community served
                List<String> area = new ArrayList<>(communities);
                java.util.Collections.rotate(area, -(i % area.size()));
                Map<String, Object> offer = new LinkedHashMap<>();
                offer.put("unitId", unitId);
                offer.put("type", "VOLUNTEER_SERVICE");
                offer.put("title", "党员志愿服务队（压测）");
                offer.put("categories", categories);
                offer.put("skills", SKILLS);
                offer.put("serviceArea", area);
                offer.put("capacity", Map.of("amount", OFFER_HOURS, "period", "TOTAL"));
                offer.put("validFrom", today.toString());
                offer.put("validUntil", today.plusDays(365).toString());
                String resourceId = http.post(base + "/resources", unit(street, unitId), offer)
                        .expect(201, "offer of " + unitId).body().path("resourceId").asText();
                units.add(new Unit(street, unitId, resourceId, categories));
            }
        }
    }

    /**
     * A valid submission, seeded: place and category spread evenly over the directory and the taxonomy, urgency mostly
     * NORMAL, 1 to 4 hours, a window starting within ten days, half of them requiring one skill the offers have.
     */
    static Map<String, Object> demand(Place place, Category category, SplittableRandom random, String tag) {
        LocalDate today = DemoClock.today();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("communityCode", place.community());
        if (place.compound() != null) {
            body.put("compound", place.compound());
        }
        body.put("building", (1 + random.nextInt(12)) + "栋");
        body.put("category", category.name());
        body.put("description", category.zh() + "需求（压测 " + tag + "）：" + place.communityName() + "居民请求志愿者协助");
        body.put("beneficiaries", 1 + random.nextInt(20));
        int u = random.nextInt(10);
        body.put("urgency", u == 0 ? "LOW" : u < 8 ? "NORMAL" : "HIGH");
        LocalDate start = today.plusDays(1 + random.nextInt(10));
        body.put("window", Map.of("start", start.toString(), "end", start.plusDays(20 + random.nextInt(40)).toString()));
        body.put("estimatedHours", 1 + random.nextInt(4));
        body.put("requiredSkills", random.nextBoolean() ? List.of() : List.of(SKILLS.get(random.nextInt(SKILLS.size()))));
        body.put("resident", Map.of("name", "林阿婆", "phone", "138" + String.format("%08d", random.nextInt(100_000_000))));
        return body;
    }
}
