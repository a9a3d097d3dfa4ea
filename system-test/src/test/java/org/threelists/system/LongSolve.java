package org.threelists.system;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * A plan request that keeps the matchmaker's native solver busy for seconds (a seeded instance of 1,500 demands and
 * 150 offers, which the engine works on up to its time limit), so that a signal can be sent while CP-SAT runs: the
 * shutdown must stop the solve rather than crash in native code.
 */
final class LongSolve {

    private static final List<String> CATEGORIES = List.of("ELDER_CARE", "CHILD_CARE", "HEALTH", "LEGAL_ADVICE",
            "POLICY_CONSULTATION", "SANITATION", "FACILITY_REPAIR", "SAFETY", "DISPUTE_MEDIATION", "HARDSHIP_HELP",
            "CULTURE_FESTIVALS", "EMPLOYMENT", "OTHER");
    private static final List<String> URGENCIES = List.of("LOW", "NORMAL", "HIGH", "CRITICAL");

    private LongSolve() {
    }

    /** Sends the plan request to one replica and returns the pending answer's status code. */
    static CompletableFuture<Integer> start(String baseUrl, String deskToken) {
        try {
            String body = new ObjectMapper().writeValueAsString(instance(new Random(20261204L)));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/plans"))
                    .header("Authorization", "Bearer " + deskToken).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> instance(Random random) {
        List<String> communities = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            communities.add("community" + c);
        }
        List<Map<String, Object>> demands = new ArrayList<>();
        for (int d = 0; d < 1_500; d++) {
            demands.add(Map.of("id", "demand-" + d, "communityCode", pick(random, communities),
                    "category", pick(random, CATEGORIES), "urgency", pick(random, URGENCIES),
                    "estimatedHours", 1 + random.nextInt(8), "requiredSkills", List.of()));
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (int r = 0; r < 150; r++) {
            resources.add(Map.of("id", "resource-" + r, "unitId", "unit-" + (r % 50),
                    "categories", distinct(random, CATEGORIES, 3), "serviceArea", distinct(random, communities, 4),
                    "remainingCapacity", 20 + random.nextInt(40)));
        }
        return Map.of("demands", demands, "resources", resources);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> distinct(Random random, List<String> values, int count) {
        List<String> shuffled = new ArrayList<>(values);
        java.util.Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, count));
    }
}
