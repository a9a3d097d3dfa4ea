package org.threelists.matchmaker;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.threelists.devkit.DevTokens;
import org.threelists.matchmaker.projection.AvailableResourceView;
import org.threelists.matchmaker.projection.OpenDemandView;
import org.threelists.matchmaker.projection.ProjectView;
import org.threelists.platform.json.ContractSchemas;
import org.threelists.platform.json.Json;
import org.threelists.testing.ContractMessages.Message;
import org.threelists.testing.KafkaProbe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threelists.matchmaker.Fixtures.as;
import static org.threelists.matchmaker.Fixtures.await;
import static org.threelists.matchmaker.Fixtures.change;
import static org.threelists.matchmaker.Fixtures.demandEvent;
import static org.threelists.matchmaker.Fixtures.newDemandId;
import static org.threelists.matchmaker.Fixtures.newUnitId;
import static org.threelists.matchmaker.Fixtures.offered;
import static org.threelists.matchmaker.Fixtures.publish;
import static org.threelists.matchmaker.Fixtures.resourceEvent;
import static org.threelists.matchmaker.Fixtures.submitted;
import static org.threelists.matchmaker.Fixtures.unitEvent;
import static org.threelists.matchmaker.Fixtures.unitRegistered;
import static org.threelists.matchmaker.Fixtures.with;
import static org.threelists.matchmaker.messaging.Topics.DEMAND_EVENTS;
import static org.threelists.matchmaker.messaging.Topics.PROJECT_EVENTS;
import static org.threelists.matchmaker.messaging.Topics.RESOURCE_EVENTS;

/**
 * The world a project lives in, built the way the other services would build it: demands and units arrive as the
 * CloudEvents demand-list and resource-list publish, and resource-list's answers to a claim (capacity reserved or
 * refused) are produced to Kafka like the real service would — the real resource-list runs in the system test.
 */
public final class ProjectWorld {

    public static final String STREET = "dianqian";
    public static final String COMMUNITY = "jiafu";
    public static final String DESK = Fixtures.DIANQIAN_DESK;
    public static final String COMMUNITY_WORKER = Fixtures.JIAFU_WORKER;
    public static final String OTHER_DESK = DevTokens.desk("desk-heping", "heping");

    private ProjectWorld() {
    }

    /** A member unit of 殿前街道 serving 嘉福社区 with one offer, known to the matchmaker. */
    public record Unit(String unitId, String resourceId, String token) {
    }

    /** A skill no other test uses, so that the engine pairs only this test's demands and offers. */
    public static String uniqueSkill() {
        return "技能-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Unit unit(String category, List<String> skills, double hours) {
        String unitId = newUnitId();
        String resourceId = UUID.randomUUID().toString();
        publish(RESOURCE_EVENTS, unitId, unitEvent("registered", unitRegistered(unitId, STREET, COMMUNITY)));
        publish(RESOURCE_EVENTS, unitId, resourceEvent("resource.offered",
                offered(resourceId, unitId, category, skills, COMMUNITY, hours)));
        await(() -> AvailableResourceView.<AvailableResourceView>findById(resourceId), r -> true);
        return new Unit(unitId, resourceId, DevTokens.unit("staff-" + unitId, unitId, STREET));
    }

    /** A volunteer registered with the unit, as resource-list publishes it; returns the volunteer id. */
    public static String volunteer(Unit unit) {
        String volunteerId = UUID.randomUUID().toString();
        publish(RESOURCE_EVENTS, unit.unitId(), resourceEvent("volunteer.registered", Map.of("volunteerId", volunteerId,
                "unitId", unit.unitId(), "homeCommunity", COMMUNITY, "skills", List.of(), "maskedName", "王*明",
                "status", "ACTIVE", "actor", "staff-" + unit.unitId())));
        await(() -> org.threelists.matchmaker.projection.RosterVolunteerView
                .<org.threelists.matchmaker.projection.RosterVolunteerView>findById(volunteerId), v -> true);
        return volunteerId;
    }

    /** {@code count} units with one offer each, sent with one producer and awaited together. */
    public static List<Unit> units(int count, String category, double hours) {
        List<Unit> units = new ArrayList<>();
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String unitId = newUnitId();
            String resourceId = UUID.randomUUID().toString();
            records.add(Map.entry(unitId, unitEvent("registered", unitRegistered(unitId, STREET, COMMUNITY)).json()));
            records.add(Map.entry(unitId, resourceEvent("resource.offered",
                    offered(resourceId, unitId, category, List.of(), COMMUNITY, hours)).json()));
            units.add(new Unit(unitId, resourceId, DevTokens.unit("staff-" + unitId, unitId, STREET)));
        }
        KafkaProbe.sendAll(RESOURCE_EVENTS, records);
        List<String> ids = units.stream().map(Unit::resourceId).toList();
        await(() -> AvailableResourceView.TABLE.count("resource_id = any(?)", ids), n -> n == count);
        return units;
    }

    /** A listed demand of 嘉福社区, as demand-list publishes it (submitted, then verified). */
    public static String listedDemand(String category, String skill, String urgency, double hours) {
        String id = newDemandId();
        Map<String, Object> data = with(with(with(with(submitted(id), "streetCode", STREET), "communityCode", COMMUNITY),
                "category", category), "requiredSkills", skill == null ? List.of() : List.of(skill));
        data = with(with(with(data, "urgency", urgency), "estimatedHours", hours), "compound", "嘉福盐业小区");
        data = with(data, "window", Map.of("start", LocalDate.now().plusDays(2).toString(),
                "end", LocalDate.now().plusDays(25).toString()));
        publish(DEMAND_EVENTS, id, demandEvent("submitted", data));
        publish(DEMAND_EVENTS, id, demandEvent("verified", change(id, "LISTED")));
        await(() -> OpenDemandView.<OpenDemandView>findById(id), d -> OpenDemandView.LISTED.equals(d.status));
        return id;
    }

    /** The desk creates a project for the demands and assigns it to the unit's offer: 201, CLAIM_PENDING. */
    public static JsonPath assigned(Unit unit, List<String> demandIds) {
        return as(DESK).body(Map.of("demandIds", demandIds, "unitId", unit.unitId(), "resourceId", unit.resourceId()))
                .post("/projects").then().statusCode(201).extract().jsonPath();
    }

    /** An engine-style proposal published by the desk: the desk's POST /projects, then released to be claimable. */
    public static String publishedProposal(String category, String skill, String urgency, double hours, String mode) {
        Unit planner = unit(category, List.of(skill), 40);
        String demand = listedDemand(category, skill, urgency, hours);
        JsonPath plan = as(DESK).post("/plans/street").then().statusCode(200).extract().jsonPath();
        String projectId = projectServing(demand);
        assertThat(plan.getList("proposedProjectIds", String.class)).contains(projectId);
        as(DESK).body(Map.of("mode", mode, "note", "联席会 第12次会议决定发布")).post("/projects/{id}/publish", projectId)
                .then().statusCode(200);
        assertThat(planner.unitId()).isNotBlank();
        return projectId;
    }

    /** The unit claims the published project with its offer (202: resource-list is asked); returns the claim id. */
    public static String claim(Unit unit, String projectId) {
        return as(unit.token()).body(Map.of("resourceId", unit.resourceId())).post("/projects/{id}/claims", projectId)
                .then().statusCode(202).extract().path("claimId");
    }

    /** The project (any status) that serves the demand. */
    public static String projectServing(String demandId) {
        return await(() -> ProjectView.TABLE.where("? = any(demand_ids) order by proposed_at desc limit 1", demandId)
                .stream().findFirst().map(p -> p.projectId).orElse(null), id -> true);
    }

    /**
     * A project the desk assigned to {@code holder} for a listed demand of its offer's category, its claim confirmed by
     * resource-list's reservation.
     */
    public static String claimedBy(Unit holder, String category) {
        JsonPath created = assigned(holder, List.of(listedDemand(category, null, "NORMAL", 4)));
        String projectId = created.getString("projectId");
        claimConfirmed(projectId, created.getString("claims[0].claimId"), 16);
        return projectId;
    }

    public static ProjectView stored(String projectId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ProjectView.findById(projectId));
    }

    // --- resource-list's side of the capacity saga ------------------------------------------------------------------

    /** The claim-requested message of a claim, once the relay has put it on Kafka. */
    public static JsonNode claimRequested(String projectId, String claimId) {
        return messages(projectId, "claim-requested", 1).stream()
                .filter(m -> claimId.equals(m.path("data").path("claimId").asText())).findFirst()
                .orElseGet(() -> awaitMessage(projectId, "claim-requested", claimId));
    }

    private static JsonNode awaitMessage(String projectId, String type, String claimId) {
        return await(() -> projectMessages(projectId).stream()
                .filter(m -> m.path("type").asText().equals("threelists.project." + type + ".v1"))
                .filter(m -> claimId.equals(m.path("data").path("claimId").asText())).findFirst().orElse(null), m -> true);
    }

    /**
     * resource-list reserves what the claim asked for ({@link #reserve}, leaving {@code remaining}) and the project
     * becomes CLAIMED: the project as it is then.
     */
    public static ProjectView claimConfirmed(String projectId, String claimId, double remaining) {
        reserve(claimRequested(projectId, claimId), remaining);
        return await(() -> ProjectView.<ProjectView>findById(projectId), p -> p.status.name().equals("CLAIMED"));
    }

    /** resource-list reserved what the claim asked for: capacity.reserved with the same claimId. */
    public static Message reserve(JsonNode claimRequested, double remaining) {
        JsonNode d = claimRequested.path("data");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("resourceId", d.path("resourceId").asText());
        data.put("unitId", d.path("unitId").asText());
        data.put("projectId", d.path("projectId").asText());
        data.put("amount", d.path("amount").decimalValue());
        data.put("period", d.path("period").asText());
        data.put("remaining", remaining);
        data.put("actor", "matchmaker");
        data.put("claimId", d.path("claimId").asText());
        return publish(RESOURCE_EVENTS, d.path("unitId").asText(), resourceEvent("capacity.reserved", data));
    }

    /** resource-list could not reserve it: capacity.refused with a reason code and a sentence. */
    public static Message refuse(JsonNode claimRequested, String reason, String detail) {
        return refuse(claimRequested, reason, detail, BigDecimal.ONE);
    }

    /**
     * The same, with what is left of the resource's capacity in the period; null leaves it out, as resource-list does
     * when the resource has no capacity book for it (an unknown resource, another unit's, a period that changed).
     */
    public static Message refuse(JsonNode claimRequested, String reason, String detail, BigDecimal remaining) {
        JsonNode d = claimRequested.path("data");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("resourceId", d.path("resourceId").asText());
        data.put("unitId", d.path("unitId").asText());
        data.put("projectId", d.path("projectId").asText());
        data.put("claimId", d.path("claimId").asText());
        data.put("amount", d.path("amount").decimalValue());
        data.put("period", d.path("period").asText());
        if (remaining != null) {
            data.put("remaining", remaining);
        }
        data.put("reason", reason);
        data.put("detail", detail);
        data.put("actor", "matchmaker");
        return publish(RESOURCE_EVENTS, d.path("unitId").asText(), resourceEvent("capacity.refused", data));
    }

    // --- project-list.events.v1 ---------------------------------------------------------------------------------------

    /** Every message of the project on project-list.events.v1, in order; each is checked against the schema. */
    public static List<JsonNode> projectMessages(String projectId) {
        List<JsonNode> messages = new ArrayList<>();
        for (ConsumerRecord<String, String> record : KafkaProbe.readAll(PROJECT_EVENTS)) {
            if (projectId.equals(record.key())) {
                JsonNode message = parse(record.value());
                assertThat(ContractSchemas.violations(PROJECT_EVENTS, message)).as(record.value()).isEmpty();
                assertThat(message.path("subject").asText()).isEqualTo(projectId);
                messages.add(message);
            }
        }
        return messages;
    }

    /** Waits until the project has at least {@code count} messages of the type, and returns them. */
    public static List<JsonNode> messages(String projectId, String type, int count) {
        String full = "threelists.project." + type + ".v1";
        return await(() -> projectMessages(projectId).stream().filter(m -> m.path("type").asText().equals(full)).toList(),
                found -> found.size() >= count);
    }

    public static List<String> types(String projectId) {
        return projectMessages(projectId).stream().map(m -> m.path("type").asText()
                .replace("threelists.project.", "").replace(".v1", "")).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Duration timeout() {
        return Duration.ofSeconds(30);
    }
}
