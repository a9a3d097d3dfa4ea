package org.threelists.system;

import org.threelists.devkit.DevTokens;
import org.threelists.system.ReplicatedClient.Answer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static org.threelists.localstack.LocalStack.DEMAND_LIST;
import static org.threelists.localstack.LocalStack.MATCHMAKER;
import static org.threelists.localstack.LocalStack.RESOURCE_LIST;

/**
 * The fault drills' people and their unit: the desk and a community worker of 店前街道 嘉福社区, and a unit with an
 * offer of plenty of capacity and one volunteer, registered with patience. A cold service on a loaded machine may
 * answer a first request after the client's 15 s, and the client never repeats a request itself (it may have been
 * applied): here a repeat is harmless, since the unit's id is ours and a second offer or volunteer goes unused.
 */
final class FaultDrill {

    static final String STREET = "dianqian";
    static final String COMMUNITY = "jiafu";
    static final String DESK = DevTokens.desk("desk-fault-drill", STREET);
    static final String WORKER = DevTokens.community("worker-fault-drill", STREET, COMMUNITY);
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    /** A registered unit, signed in as its member, with the offer and the volunteer the workload uses. */
    record Unit(String unitId, String token, String resourceId, String volunteerId) {
        FaultWorkload workload(ReplicatedClient client, int parallel) {
            return new FaultWorkload(client, DESK, WORKER, COMMUNITY, unitId, token, resourceId, volunteerId, parallel);
        }
    }

    private FaultDrill() {
    }

    static Unit registerUnit(ReplicatedClient client, String idPrefix) {
        String unitId = idPrefix + UUID.randomUUID().toString().substring(0, 8);
        String token = DevTokens.unit("member-" + unitId, unitId, STREET);
        created("the unit", () -> {
            Answer answer = client.post(RESOURCE_LIST, DESK, "/units", Map.of("unitId", unitId, "name", "故障演练志愿服务队",
                    "kind", "PUBLIC_INSTITUTION", "communities", List.of(COMMUNITY)));
            return answer.is(409) && client.get(RESOURCE_LIST, DESK, "/units/" + unitId).is(200)
                    ? new Answer(201, answer.body()) : answer; // the first try was applied after all
        });
        LocalDate today = DemoWorld.today();
        String resourceId = created("the offer", () -> client.post(RESOURCE_LIST, token, "/resources", Map.of(
                "unitId", unitId, "type", "VOLUNTEER_SERVICE", "title", "党员志愿服务队 健康义诊",
                "categories", List.of("HEALTH"), "serviceArea", List.of(COMMUNITY),
                "capacity", Map.of("amount", 100000, "period", "TOTAL"),
                "validFrom", today.toString(), "validUntil", today.plusDays(365).toString()))).text("resourceId");
        String volunteerId = created("the volunteer", () -> client.post(RESOURCE_LIST, token, "/volunteers", Map.of(
                "unitId", unitId, "homeCommunity", COMMUNITY, "skills", List.of("测血压"),
                "person", Map.of("name", "演练志愿者", "phone", "13800009999"), "consent", true))).text("volunteerId");
        return new Unit(unitId, token, resourceId, volunteerId);
    }

    /** How a drill waits for each step of {@link #awaitPipeline}: within its patience, and what it notes once done. */
    interface Steps {
        void await(String step, BooleanSupplier done);
    }

    /**
     * A new demand goes all the way: submitted, verified, seen by the matchmaker (a project of it proposed for the
     * drill's unit) and assigned with a claim that resource-list confirmed through the capacity saga. Every request is
     * asked again until it is answered, as a service or the broker may be coming back.
     */
    static void awaitPipeline(ReplicatedClient client, Unit unit, Steps steps) {
        LocalDate today = DemoWorld.today();
        String[] demand = {null};
        steps.await("submitted", () -> {
            Answer a = client.post(DEMAND_LIST, WORKER, "/demands", Map.of("communityCode", COMMUNITY,
                    "compound", "嘉福盐业小区", "building", "1栋", "category", "HEALTH", "description", "恢复探针",
                    "beneficiaries", 1, "urgency", "NORMAL", "window", Map.of("start", today.toString(),
                            "end", today.plusDays(10).toString()), "estimatedHours", 1,
                    "resident", Map.of("name", "探针居民", "phone", "13900000002")));
            demand[0] = a.text("demandId");
            return a.is(201);
        });
        steps.await("verified", () -> client.post(DEMAND_LIST, WORKER, "/demands/" + demand[0] + "/verify", null)
                .status() / 100 == 2
                || "LISTED".equals(client.get(DEMAND_LIST, DESK, "/demands/" + demand[0]).text("status")));
        String[] project = {null};
        steps.await("matchmaker has it, project proposed", () -> {
            Answer a = client.post(MATCHMAKER, DESK, "/projects", Map.of("demandIds", List.of(demand[0]),
                    "unitId", unit.unitId(), "resourceId", unit.resourceId(), "title", "恢复探针"));
            project[0] = a.text("projectId");
            return a.is(201);
        });
        steps.await("claimed (saga done)",
                () -> "CLAIMED".equals(client.get(MATCHMAKER, DESK, "/projects/" + project[0]).text("status")));
    }

    /** Asks until the answer is 201; no answer, or a service still starting, is asked again. */
    private static Answer created(String what, Supplier<Answer> request) {
        Instant deadline = Instant.now().plus(PATIENCE);
        Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            last = request.get();
            if (last.is(201)) {
                return last;
            }
            if (last.status() / 100 == 4) {
                throw new AssertionError(what + " refused: " + last.status() + " " + last.body());
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(what + " not created within " + PATIENCE.toSeconds() + " s; last answer " + last);
    }
}
