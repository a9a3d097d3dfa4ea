package org.threelists.system;

import org.threelists.devkit.DevTokens;
import org.threelists.system.ReplicatedClient.Answer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

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
