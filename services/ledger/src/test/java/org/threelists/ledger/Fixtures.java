package org.threelists.ledger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.threelists.ledger.messaging.Topics;
import org.threelists.testing.ContractMessages;
import org.threelists.testing.ContractMessages.Message;
import org.threelists.testing.KafkaProbe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/**
 * The CloudEvents matchmaker, demand-list and resource-list publish, built the way their publishers build them and checked against
 * the topic's schema before they are sent to the real broker.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String uuid() {
        return UUID.randomUUID().toString();
    }

    public static Message projectEvent(String event, String projectId, Map<String, Object> data) {
        return projectEvent(event, projectId, data, Instant.now());
    }

    /** A project event the matchmaker stamped {@code at}, which may reach the ledger much later. */
    public static Message projectEvent(String event, String projectId, Map<String, Object> data, Instant at) {
        return ContractMessages.message("/threelists/matchmaker", "threelists.project." + event + ".v1", projectId, data,
                at);
    }

    public static Message resourceListEvent(String type, String subject, Map<String, Object> data) {
        return ContractMessages.message("/threelists/resource-list", "threelists." + type + ".v1", subject, data);
    }

    public static Map<String, Object> volunteerHours(String volunteerId, String unitId, double hours) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("volunteerId", volunteerId);
        v.put("unitId", unitId);
        v.put("hours", hours);
        return v;
    }

    public static Map<String, Object> consumption(String unitId, String resourceId, double amount) {
        return Map.of("claimId", uuid(), "unitId", unitId, "resourceId", resourceId, "amount", amount);
    }

    public static Map<String, Object> delivered(String projectId, String street, String community, String category,
            LocalDate date, int residents, List<Map<String, Object>> volunteers, List<Map<String, Object>> consumptions) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", date.toString());
        report.put("place", "社区活动中心");
        report.put("volunteers", volunteers);
        report.put("residentsServed", residents);
        report.put("notes", "服务顺利");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectId", projectId);
        data.put("streetCode", street);
        data.put("communityCode", community);
        data.put("category", category);
        data.put("demandIds", List.of(uuid()));
        data.put("report", report);
        data.put("consumptions", consumptions);
        data.put("actor", "staff-reporter");
        return data;
    }

    public static Map<String, Object> unitRegistered(String unitId, String name, String street, String community) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("unitId", unitId);
        data.put("name", name);
        data.put("kind", "HOSPITAL");
        data.put("partyOrganisation", name + "党委");
        data.put("streetCode", street);
        data.put("communities", List.of(community));
        data.put("status", "ACTIVE");
        data.put("actor", "desk-" + street);
        return data;
    }

    public static Map<String, Object> volunteerRegistered(String volunteerId, String unitId, String home, String masked) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("volunteerId", volunteerId);
        data.put("unitId", unitId);
        data.put("homeCommunity", home);
        data.put("skills", List.of());
        data.put("maskedName", masked);
        data.put("status", "ACTIVE");
        data.put("actor", "staff");
        return data;
    }

    public static Message demandListEvent(String type, String demandId, Map<String, Object> data) {
        return ContractMessages.message("/threelists/demand-list", "threelists." + type + ".v1", demandId, data);
    }

    /** A resident's demand as demand-list lists it: the category and residents a closed slip's entries take. */
    public static Message demandSubmitted(String demandId, String street, String community, String category,
            int beneficiaries) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("demandId", demandId);
        data.put("status", "SUBMITTED");
        data.put("actor", "wang-fang");
        data.put("streetCode", street);
        data.put("communityCode", community);
        data.put("category", category);
        data.put("description", "楼道灯坏了，老人夜里看不清");
        data.put("beneficiaries", beneficiaries);
        data.put("urgency", "NORMAL");
        data.put("estimatedHours", 2);
        data.put("requiredSkills", List.of());
        data.put("source", "BUILDING_PARTY_GROUP");
        data.put("hasResidentContact", false);
        return publish(Topics.DEMAND_EVENTS, demandId, demandListEvent("demand.submitted", demandId, data));
    }

    /**
     * {@code threelists.slip.closed.v1} as demand-list builds it: {@code homeUnit} null for a resident member
     * (居民党员), a 双报到 volunteer's unit otherwise.
     */
    public static Map<String, Object> slipClosed(String slipId, String demandId, String street, String community,
            String groupId, String memberId, String homeUnit, double hours, String mode, LocalDate serviceDate) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("slipId", slipId);
        data.put("demandId", demandId);
        data.put("status", "CLOSED");
        data.put("actor", "wang-fang");
        data.put("streetCode", street);
        data.put("communityCode", community);
        data.put("groupId", groupId);
        data.put("memberId", memberId);
        data.put("memberKind", homeUnit == null ? "RESIDENT" : "VOLUNTEER");
        if (homeUnit != null) {
            data.put("homeUnitId", homeUnit);
        }
        data.put("hours", hours);
        data.put("mode", mode);
        data.put("serviceDate", serviceDate.toString());
        data.put("satisfaction", 4);
        return data;
    }

    public static Message closeSlip(Map<String, Object> data) {
        String demandId = (String) data.get("demandId");
        return publish(Topics.DEMAND_EVENTS, demandId, demandListEvent("slip.closed", demandId, data));
    }

    /** A member joins a building Party group: a resident's masked name reaches the ledger this way only. */
    public static Message partyMemberAdded(String groupId, String community, String memberId, String homeUnit,
            String maskedName) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("groupId", groupId);
        data.put("communityCode", community);
        data.put("memberId", memberId);
        data.put("kind", homeUnit == null ? "RESIDENT" : "VOLUNTEER");
        if (homeUnit != null) {
            data.put("homeUnitId", homeUnit);
        }
        data.put("maskedName", maskedName);
        data.put("skills", List.of());
        data.put("actor", "wang-fang");
        return publish(Topics.RESOURCE_EVENTS, groupId, resourceListEvent("party-group.member-added", groupId, data));
    }

    /** Sends a message its producer could have sent: it must be valid against the topic's schema. */
    public static Message publish(String topic, String key, Message message) {
        return ContractMessages.send(topic, key, message);
    }

    public static Message deliver(Map<String, Object> data) {
        return deliver(data, Instant.now());
    }

    /** A delivery the matchmaker stamped {@code at}. */
    public static Message deliver(Map<String, Object> data, Instant at) {
        String projectId = (String) data.get("projectId");
        return publish(Topics.PROJECT_EVENTS, projectId, projectEvent("delivered", projectId, data, at));
    }

    /** The community confirms the project's completion: from then on its recorded hours count. */
    public static Message confirm(String projectId) {
        return confirm(projectId, Instant.now());
    }

    /** The community's confirmation, as the matchmaker stamped it {@code at}. */
    public static Message confirm(String projectId, Instant at) {
        return publish(Topics.PROJECT_EVENTS, projectId, projectEvent("completed", projectId, Map.of("projectId", projectId,
                "demandIds", List.of(uuid()), "confirmedBy", "wang-fang", "actor", "wang-fang"), at));
    }

    /**
     * The street's desk confirms the completion on the community's behalf (代为确认), once the confirmation wait passed:
     * project.completed with confirmedOnBehalf, the desk as confirmedBy.
     */
    public static Message confirmOnBehalf(String projectId, String desk) {
        return publish(Topics.PROJECT_EVENTS, projectId, projectEvent("completed", projectId, Map.of("projectId", projectId,
                "demandIds", List.of(uuid()), "confirmedBy", desk, "confirmedOnBehalf", true, "actor", desk),
                Instant.now()));
    }

    /** A delivery and the community's confirmation of its project: hours that count. */
    public static Message deliverConfirmed(Map<String, Object> data) {
        Message delivered = deliver(data);
        confirm((String) data.get("projectId"));
        return delivered;
    }

    public static <T> T await(Callable<T> read, Predicate<T> until) {
        Instant deadline = Instant.now().plusSeconds(40);
        T value = null;
        while (Instant.now().isBefore(deadline)) {
            value = QuarkusTransaction.requiringNew().call(read);
            if (value != null && until.test(value)) {
                return value;
            }
            sleep(100);
        }
        throw new AssertionError("Not reached within 40 s; last value: " + value);
    }

    /** Waits until the consumer group has committed the end of every partition of the topic. */
    public static void awaitConsumed(String group, String topic) {
        KafkaProbe.awaitConsumed(group, topic, Duration.ofSeconds(40));
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every entry of a generation, content and hash, without the generation: two generations compare equal. */
    public static List<String> entriesOf(AgroalDataSource dataSource, int generation) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> rows = new ArrayList<>();
            try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                    "SELECT (row_to_json(e)::jsonb - 'generation')::text FROM ledger_entry e WHERE generation = ? "
                            + "ORDER BY kafka_partition, seq")) {
                q.setInt(1, generation);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
            return rows;
        });
    }
}
