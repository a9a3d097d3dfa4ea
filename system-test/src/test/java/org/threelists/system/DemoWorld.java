package org.threelists.system;

import org.threelists.devkit.DevTokens;
import org.threelists.localstack.DemoClock;
import org.threelists.localstack.LocalStack;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * People and places of the tests, from the seeds: 殿前街道 (dianqian) and its 嘉福社区 (jiafu). Every test registers
 * units of its own (ids with a random suffix), so tests sharing the running system do not see each other's offers.
 */
public final class DemoWorld {

    public static final String STREET = "dianqian";
    public static final String COMMUNITY = "jiafu";

    public static final String DESK = DevTokens.desk("desk-dianqian-1", STREET);
    public static final String COMMUNITY_WORKER = DevTokens.community("worker-jiafu-1", STREET, COMMUNITY);

    private DemoWorld() {
    }

    /** Today where the services are: a delivery dated by the test machine's clock may lie before the publication. */
    public static LocalDate today() {
        return DemoClock.today();
    }

    public static String unitToken(String unitId) {
        return DevTokens.unit("member-" + unitId, unitId, STREET);
    }

    /** The desk registers a new member unit serving 嘉福社区; returns its id. */
    public static String registerUnit(String name) {
        String unitId = "unit-st-" + UUID.randomUUID().toString().substring(0, 8);
        Api.post(LocalStack.RESOURCE_LIST, DESK, "/units", Map.of(
                "unitId", unitId, "name", name, "kind", "PUBLIC_INSTITUTION",
                "communities", List.of(COMMUNITY)), 201);
        return unitId;
    }

    /** The unit offers volunteer hours in a category, a TOTAL capacity; returns the resource id. */
    public static String offerVolunteerHours(String unitId, String category, int hours) {
        return Api.post(LocalStack.RESOURCE_LIST, unitToken(unitId), "/resources", Map.of(
                        "unitId", unitId, "type", "VOLUNTEER_SERVICE", "title", "党员志愿服务队 " + category,
                        "categories", List.of(category), "serviceArea", List.of(COMMUNITY),
                        "capacity", Map.of("amount", hours, "period", "TOTAL"),
                        "validFrom", today().toString(),
                        "validUntil", today().plusDays(365).toString()), 201)
                .extract().path("resourceId");
    }

    /** The unit registers a volunteer of 嘉福社区 with one skill, consent given; returns the volunteer's id. */
    public static String registerVolunteer(String unitId, String name, String phone, String skill) {
        return Api.post(LocalStack.RESOURCE_LIST, unitToken(unitId), "/volunteers", Map.of("unitId", unitId,
                        "homeCommunity", COMMUNITY, "skills", List.of(skill),
                        "person", Map.of("name", name, "phone", phone), "consent", true), 201)
                .extract().path("volunteerId");
    }

    /**
     * The unit reports {@code delivery} for its project. A report names only volunteers the matchmaker knows to be the
     * unit's, and a volunteer just registered reaches its roster through resource-list.events.v1: asked again until
     * it is accepted.
     */
    public static void reportDelivery(String unitId, String projectId, Map<String, Object> delivery) {
        Api.eventually("the delivery accepted once the matchmaker knows the volunteer", () -> Api.as(LocalStack.MATCHMAKER,
                unitToken(unitId)).body(delivery).post("/projects/" + projectId + "/delivery").statusCode(),
                status -> status == 200);
    }

    /** A community worker submits a demand with a resident's contact and verifies it (LISTED); returns its id. */
    public static String listedDemand(String category, String urgency, int hours, String description) {
        String demandId = Api.post(LocalStack.DEMAND_LIST, COMMUNITY_WORKER, "/demands", Map.of(
                        "communityCode", COMMUNITY, "compound", "嘉福盐业小区", "building", "3栋",
                        "category", category, "description", description, "beneficiaries", 6, "urgency", urgency,
                        "window", Map.of("start", today().plusDays(1).toString(),
                                "end", today().plusDays(30).toString()),
                        "estimatedHours", hours,
                        "resident", Map.of("name", "林阿婆", "phone", "13800000099")), 201)
                .extract().path("demandId");
        Api.post(LocalStack.DEMAND_LIST, COMMUNITY_WORKER, "/demands/" + demandId + "/verify", null, 200);
        return demandId;
    }

    /**
     * The desk assigns listed demands to a unit's offer ({@code POST /projects}); returns the project's id. The
     * matchmaker refuses (400) a demand or offer its read models have not heard of yet, so it is asked again until the
     * events have arrived; the last refusal is in the failure's message.
     */
    public static String assignedByDesk(List<String> demandIds, String unitId, String resourceId, String title) {
        Map<String, Object> order = Map.of("demandIds", demandIds, "unitId", unitId, "resourceId", resourceId,
                "title", title);
        String[] lastRefusal = {"none"};
        try {
            return Api.eventually("the desk's assignment of " + demandIds + " to " + resourceId, () -> {
                var answer = Api.as(LocalStack.MATCHMAKER, DESK).body(order).post("/projects");
                if (answer.statusCode() == 201) {
                    return answer.jsonPath().getString("projectId");
                }
                lastRefusal[0] = answer.statusCode() + " " + answer.body().asString();
                return null;
            }, id -> id != null);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the matchmaker's last answer: " + lastRefusal[0], e);
        }
    }

    /** The engine's proposal (待审议) serving {@code demandId}, or null while there is none. */
    public static String proposalFor(String demandId) {
        List<Map<String, Object>> proposals = Api.get(LocalStack.MATCHMAKER, DESK, "/projects?status=PROPOSED&size=100")
                .extract().path("items");
        return proposals.stream().filter(p -> ((List<?>) p.get("demandIds")).contains(demandId))
                .map(p -> (String) p.get("projectId")).findFirst().orElse(null);
    }

    public static String demandStatus(String demandId) {
        return Api.get(LocalStack.DEMAND_LIST, DESK, "/demands/" + demandId).extract().path("status");
    }
}
